var pe,E,Ze,_n,q,Ge,Xe,et,tt,Ie,Ne,Oe,nt,re={},rt=[],fn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,me=Array.isArray;function V(e,t){for(var n in t)e[n]=t[n];return e}function je(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Ue(e,t,n){var r,s,o,a={};for(o in t)o=="key"?r=t[o]:o=="ref"?s=t[o]:a[o]=t[o];if(arguments.length>2&&(a.children=arguments.length>3?pe.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(o in e.defaultProps)a[o]===void 0&&(a[o]=e.defaultProps[o]);return ue(e,a,r,s,null)}function ue(e,t,n,r,s){var o={type:e,props:t,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++Ze,__i:-1,__u:0};return s==null&&E.vnode!=null&&E.vnode(o),o}function _e(e){return e.children}function de(e,t){this.props=e,this.context=t}function z(e,t){if(t==null)return e.__?z(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?z(e):null}function ot(e){var t,n;if((e=e.__)!=null&&e.__c!=null){for(e.__e=e.__c.base=null,t=0;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null){e.__e=e.__c.base=n.__e;break}return ot(e)}}function De(e){(!e.__d&&(e.__d=!0)&&q.push(e)&&!$e.__r++||Ge!=E.debounceRendering)&&((Ge=E.debounceRendering)||Xe)($e)}function $e(){for(var e,t,n,r,s,o,a,c=1;q.length;)q.length>c&&q.sort(et),e=q.shift(),c=q.length,e.__d&&(n=void 0,s=(r=(t=e).__v).__e,o=[],a=[],t.__P&&((n=V({},r)).__v=r.__v+1,E.vnode&&E.vnode(n),Re(t.__P,n,r,t.__n,t.__P.namespaceURI,32&r.__u?[s]:null,o,s??z(r),!!(32&r.__u),a),n.__v=r.__v,n.__.__k[n.__i]=n,lt(o,n,a),n.__e!=s&&ot(n)));$e.__r=0}function st(e,t,n,r,s,o,a,c,u,i,p){var d,$,_,m,f,h,y=r&&r.__k||rt,w=t.length;for(u=hn(n,t,y,u,w),d=0;d<w;d++)(_=n.__k[d])!=null&&($=_.__i==-1?re:y[_.__i]||re,_.__i=d,h=Re(e,_,$,s,o,a,c,u,i,p),m=_.__e,_.ref&&$.ref!=_.ref&&($.ref&&Me($.ref,null,_),p.push(_.ref,_.__c||m,_)),f==null&&m!=null&&(f=m),4&_.__u||$.__k===_.__k?u=at(_,u,e):typeof _.type=="function"&&h!==void 0?u=h:m&&(u=m.nextSibling),_.__u&=-7);return n.__e=f,u}function hn(e,t,n,r,s){var o,a,c,u,i,p=n.length,d=p,$=0;for(e.__k=new Array(s),o=0;o<s;o++)(a=t[o])!=null&&typeof a!="boolean"&&typeof a!="function"?(u=o+$,(a=e.__k[o]=typeof a=="string"||typeof a=="number"||typeof a=="bigint"||a.constructor==String?ue(null,a,null,null,null):me(a)?ue(_e,{children:a},null,null,null):a.constructor==null&&a.__b>0?ue(a.type,a.props,a.key,a.ref?a.ref:null,a.__v):a).__=e,a.__b=e.__b+1,c=null,(i=a.__i=bn(a,n,u,d))!=-1&&(d--,(c=n[i])&&(c.__u|=2)),c==null||c.__v==null?(i==-1&&(s>p?$--:s<p&&$++),typeof a.type!="function"&&(a.__u|=4)):i!=u&&(i==u-1?$--:i==u+1?$++:(i>u?$--:$++,a.__u|=4))):e.__k[o]=null;if(d)for(o=0;o<p;o++)(c=n[o])!=null&&(2&c.__u)==0&&(c.__e==r&&(r=z(c)),ct(c,c));return r}function at(e,t,n){var r,s;if(typeof e.type=="function"){for(r=e.__k,s=0;r&&s<r.length;s++)r[s]&&(r[s].__=e,t=at(r[s],t,n));return t}e.__e!=t&&(t&&e.type&&!n.contains(t)&&(t=z(e)),n.insertBefore(e.__e,t||null),t=e.__e);do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function bn(e,t,n,r){var s,o,a=e.key,c=e.type,u=t[n];if(u===null&&e.key==null||u&&a==u.key&&c==u.type&&(2&u.__u)==0)return n;if(r>(u!=null&&(2&u.__u)==0?1:0))for(s=n-1,o=n+1;s>=0||o<t.length;){if(s>=0){if((u=t[s])&&(2&u.__u)==0&&a==u.key&&c==u.type)return s;s--}if(o<t.length){if((u=t[o])&&(2&u.__u)==0&&a==u.key&&c==u.type)return o;o++}}return-1}function Qe(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||fn.test(t)?n:n+"px"}function ce(e,t,n,r,s){var o,a;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof r=="string"&&(e.style.cssText=r=""),r)for(t in r)n&&t in n||Qe(e.style,t,"");if(n)for(t in n)r&&n[t]==r[t]||Qe(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")o=t!=(t=t.replace(tt,"$1")),a=t.toLowerCase(),t=a in e||t=="onFocusOut"||t=="onFocusIn"?a.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+o]=n,n?r?n.u=r.u:(n.u=Ie,e.addEventListener(t,o?Oe:Ne,o)):e.removeEventListener(t,o?Oe:Ne,o);else{if(s=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Ye(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t.t==null)t.t=Ie++;else if(t.t<n.u)return;return n(E.event?E.event(t):t)}}}function Re(e,t,n,r,s,o,a,c,u,i){var p,d,$,_,m,f,h,y,w,S,j,K,ee,Je,ie,te,Pe,F=t.type;if(t.constructor!=null)return null;128&n.__u&&(u=!!(32&n.__u),o=[c=t.__e=n.__e]),(p=E.__b)&&p(t);e:if(typeof F=="function")try{if(y=t.props,w="prototype"in F&&F.prototype.render,S=(p=F.contextType)&&r[p.__c],j=p?S?S.props.value:p.__:r,n.__c?h=(d=t.__c=n.__c).__=d.__E:(w?t.__c=d=new F(y,j):(t.__c=d=new de(y,j),d.constructor=F,d.render=gn),S&&S.sub(d),d.props=y,d.state||(d.state={}),d.context=j,d.__n=r,$=d.__d=!0,d.__h=[],d._sb=[]),w&&d.__s==null&&(d.__s=d.state),w&&F.getDerivedStateFromProps!=null&&(d.__s==d.state&&(d.__s=V({},d.__s)),V(d.__s,F.getDerivedStateFromProps(y,d.__s))),_=d.props,m=d.state,d.__v=t,$)w&&F.getDerivedStateFromProps==null&&d.componentWillMount!=null&&d.componentWillMount(),w&&d.componentDidMount!=null&&d.__h.push(d.componentDidMount);else{if(w&&F.getDerivedStateFromProps==null&&y!==_&&d.componentWillReceiveProps!=null&&d.componentWillReceiveProps(y,j),!d.__e&&d.shouldComponentUpdate!=null&&d.shouldComponentUpdate(y,d.__s,j)===!1||t.__v==n.__v){for(t.__v!=n.__v&&(d.props=y,d.state=d.__s,d.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(ne){ne&&(ne.__=t)}),K=0;K<d._sb.length;K++)d.__h.push(d._sb[K]);d._sb=[],d.__h.length&&a.push(d);break e}d.componentWillUpdate!=null&&d.componentWillUpdate(y,d.__s,j),w&&d.componentDidUpdate!=null&&d.__h.push(function(){d.componentDidUpdate(_,m,f)})}if(d.context=j,d.props=y,d.__P=e,d.__e=!1,ee=E.__r,Je=0,w){for(d.state=d.__s,d.__d=!1,ee&&ee(t),p=d.render(d.props,d.state,d.context),ie=0;ie<d._sb.length;ie++)d.__h.push(d._sb[ie]);d._sb=[]}else do d.__d=!1,ee&&ee(t),p=d.render(d.props,d.state,d.context),d.state=d.__s;while(d.__d&&++Je<25);d.state=d.__s,d.getChildContext!=null&&(r=V(V({},r),d.getChildContext())),w&&!$&&d.getSnapshotBeforeUpdate!=null&&(f=d.getSnapshotBeforeUpdate(_,m)),te=p,p!=null&&p.type===_e&&p.key==null&&(te=it(p.props.children)),c=st(e,me(te)?te:[te],t,n,r,s,o,a,c,u,i),d.base=t.__e,t.__u&=-161,d.__h.length&&a.push(d),h&&(d.__E=d.__=null)}catch(ne){if(t.__v=null,u||o!=null)if(ne.then){for(t.__u|=u?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;o[o.indexOf(c)]=null,t.__e=c}else for(Pe=o.length;Pe--;)je(o[Pe]);else t.__e=n.__e,t.__k=n.__k;E.__e(ne,t,n)}else o==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):c=t.__e=yn(n.__e,t,n,r,s,o,a,u,i);return(p=E.diffed)&&p(t),128&t.__u?void 0:c}function lt(e,t,n){for(var r=0;r<n.length;r++)Me(n[r],n[++r],n[++r]);E.__c&&E.__c(t,e),e.some(function(s){try{e=s.__h,s.__h=[],e.some(function(o){o.call(s)})}catch(o){E.__e(o,s.__v)}})}function it(e){return typeof e!="object"||e==null||e.__b&&e.__b>0?e:me(e)?e.map(it):V({},e)}function yn(e,t,n,r,s,o,a,c,u){var i,p,d,$,_,m,f,h=n.props,y=t.props,w=t.type;if(w=="svg"?s="http://www.w3.org/2000/svg":w=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),o!=null){for(i=0;i<o.length;i++)if((_=o[i])&&"setAttribute"in _==!!w&&(w?_.localName==w:_.nodeType==3)){e=_,o[i]=null;break}}if(e==null){if(w==null)return document.createTextNode(y);e=document.createElementNS(s,w,y.is&&y),c&&(E.__m&&E.__m(t,o),c=!1),o=null}if(w==null)h===y||c&&e.data==y||(e.data=y);else{if(o=o&&pe.call(e.childNodes),h=n.props||re,!c&&o!=null)for(h={},i=0;i<e.attributes.length;i++)h[(_=e.attributes[i]).name]=_.value;for(i in h)if(_=h[i],i!="children"){if(i=="dangerouslySetInnerHTML")d=_;else if(!(i in y)){if(i=="value"&&"defaultValue"in y||i=="checked"&&"defaultChecked"in y)continue;ce(e,i,null,_,s)}}for(i in y)_=y[i],i=="children"?$=_:i=="dangerouslySetInnerHTML"?p=_:i=="value"?m=_:i=="checked"?f=_:c&&typeof _!="function"||h[i]===_||ce(e,i,_,h[i],s);if(p)c||d&&(p.__html==d.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),t.__k=[];else if(d&&(e.innerHTML=""),st(t.type=="template"?e.content:e,me($)?$:[$],t,n,r,w=="foreignObject"?"http://www.w3.org/1999/xhtml":s,o,a,o?o[0]:n.__k&&z(n,0),c,u),o!=null)for(i=o.length;i--;)je(o[i]);c||(i="value",w=="progress"&&m==null?e.removeAttribute("value"):m!=null&&(m!==e[i]||w=="progress"&&!m||w=="option"&&m!=h[i])&&ce(e,i,m,h[i],s),i="checked",f!=null&&f!=e[i]&&ce(e,i,f,h[i],s))}return e}function Me(e,t,n){try{if(typeof e=="function"){var r=typeof e.__u=="function";r&&e.__u(),r&&t==null||(e.__u=e(t))}else e.current=t}catch(s){E.__e(s,n)}}function ct(e,t,n){var r,s;if(E.unmount&&E.unmount(e),(r=e.ref)&&(r.current&&r.current!=e.__e||Me(r,null,t)),(r=e.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(o){E.__e(o,t)}r.base=r.__P=null}if(r=e.__k)for(s=0;s<r.length;s++)r[s]&&ct(r[s],t,n||typeof e.type!="function");n||je(e.__e),e.__c=e.__=e.__e=void 0}function gn(e,t,n){return this.constructor(e,n)}function ut(e,t,n){var r,s,o,a;t==document&&(t=document.documentElement),E.__&&E.__(e,t),s=(r=typeof n=="function")?null:n&&n.__k||t.__k,o=[],a=[],Re(t,e=(!r&&n||t).__k=Ue(_e,null,[e]),s||re,re,t.namespaceURI,!r&&n?[n]:s?null:t.firstChild?pe.call(t.childNodes):null,o,!r&&n?n:s?s.__e:t.firstChild,r,a),lt(o,e,a)}function fe(e){function t(n){var r,s;return this.getChildContext||(r=new Set,(s={})[t.__c]=this,this.getChildContext=function(){return s},this.componentWillUnmount=function(){r=null},this.shouldComponentUpdate=function(o){this.props.value!=o.value&&r.forEach(function(a){a.__e=!0,De(a)})},this.sub=function(o){r.add(o);var a=o.componentWillUnmount;o.componentWillUnmount=function(){r&&r.delete(o),a&&a.call(o)}}),n.children}return t.__c="__cC"+nt++,t.__=e,t.Provider=t.__l=(t.Consumer=function(n,r){return n.children(r)}).contextType=t,t}pe=rt.slice,E={__e:function(e,t,n,r){for(var s,o,a;t=t.__;)if((s=t.__c)&&!s.__)try{if((o=s.constructor)&&o.getDerivedStateFromError!=null&&(s.setState(o.getDerivedStateFromError(e)),a=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(e,r||{}),a=s.__d),a)return s.__E=s}catch(c){e=c}throw e}},Ze=0,_n=function(e){return e!=null&&e.constructor==null},de.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=V({},this.state),typeof e=="function"&&(e=e(V({},n),this.props)),e&&V(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),De(this))},de.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),De(this))},de.prototype.render=_e,q=[],Xe=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,et=function(e,t){return e.__v.__b-t.__v.__b},$e.__r=0,tt=/(PointerCapture)$|Capture$/i,Ie=0,Ne=Ye(!1),Oe=Ye(!0),nt=0;var J,L,He,dt,oe=0,yt=[],P=E,$t=P.__b,pt=P.__r,mt=P.diffed,_t=P.__c,ft=P.unmount,ht=P.__;function be(e,t){P.__h&&P.__h(L,e,oe||t),oe=0;var n=L.__H||(L.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function b(e){return oe=1,vn(xt,e)}function vn(e,t,n){var r=be(J++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):xt(void 0,t),function(c){var u=r.__N?r.__N[0]:r.__[0],i=r.t(u,c);u!==i&&(r.__N=[i,r.__[1]],r.__c.setState({}))}],r.__c=L,!L.__f)){var s=function(c,u,i){if(!r.__c.__H)return!0;var p=r.__c.__H.__.filter(function($){return!!$.__c});if(p.every(function($){return!$.__N}))return!o||o.call(this,c,u,i);var d=r.__c.props!==c;return p.forEach(function($){if($.__N){var _=$.__[0];$.__=$.__N,$.__N=void 0,_!==$.__[0]&&(d=!0)}}),o&&o.call(this,c,u,i)||d};L.__f=!0;var o=L.shouldComponentUpdate,a=L.componentWillUpdate;L.componentWillUpdate=function(c,u,i){if(this.__e){var p=o;o=void 0,s(c,u,i),o=p}a&&a.call(this,c,u,i)},L.shouldComponentUpdate=s}return r.__N||r.__}function O(e,t){var n=be(J++,3);!P.__s&&wt(n.__H,t)&&(n.__=e,n.u=t,L.__H.__h.push(n))}function Ve(e){return oe=5,gt(function(){return{current:e}},[])}function gt(e,t){var n=be(J++,7);return wt(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function vt(e,t){return oe=8,gt(function(){return e},t)}function ye(e){var t=L.context[e.__c],n=be(J++,9);return n.c=e,t?(n.__==null&&(n.__=!0,t.sub(L)),t.props.value):e.__}function wn(){for(var e;e=yt.shift();)if(e.__P&&e.__H)try{e.__H.__h.forEach(he),e.__H.__h.forEach(Fe),e.__H.__h=[]}catch(t){e.__H.__h=[],P.__e(t,e.__v)}}P.__b=function(e){L=null,$t&&$t(e)},P.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ht&&ht(e,t)},P.__r=function(e){pt&&pt(e),J=0;var t=(L=e.__c).__H;t&&(He===L?(t.__h=[],L.__h=[],t.__.forEach(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.forEach(he),t.__h.forEach(Fe),t.__h=[],J=0)),He=L},P.diffed=function(e){mt&&mt(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(yt.push(t)!==1&&dt===P.requestAnimationFrame||((dt=P.requestAnimationFrame)||xn)(wn)),t.__H.__.forEach(function(n){n.u&&(n.__H=n.u),n.u=void 0})),He=L=null},P.__c=function(e,t){t.some(function(n){try{n.__h.forEach(he),n.__h=n.__h.filter(function(r){return!r.__||Fe(r)})}catch(r){t.some(function(s){s.__h&&(s.__h=[])}),t=[],P.__e(r,n.__v)}}),_t&&_t(e,t)},P.unmount=function(e){ft&&ft(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.forEach(function(r){try{he(r)}catch(s){t=s}}),n.__H=void 0,t&&P.__e(t,n.__v))};var bt=typeof requestAnimationFrame=="function";function xn(e){var t,n=function(){clearTimeout(r),bt&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);bt&&(t=requestAnimationFrame(n))}function he(e){var t=L,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),L=t}function Fe(e){var t=L;e.__c=e.__(),L=t}function wt(e,t){return!e||e.length!==t.length||t.some(function(n,r){return n!==e[r]})}function xt(e,t){return typeof t=="function"?t(e):t}var kt="sb.token",Be="sb.pkce";function ge(){return sessionStorage.getItem(kt)}function We(e){sessionStorage.setItem(kt,e)}function G(){sessionStorage.clear()}function Ct(e){let t="";for(let n of new Uint8Array(e))t+=String.fromCharCode(n);return btoa(t).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function St(){return Ct(crypto.getRandomValues(new Uint8Array(32)))}async function Tt(e){let t=e.replace(/\/$/,"")+"/.well-known/openid-configuration",n=await fetch(t);if(!n.ok)throw new Error(`The identity provider answered ${n.status}.`);return n.json()}function Et(){return`${location.origin}/admin/callback`}async function At(e){let t=await Tt(e.oidc_issuer),n=St(),r=St(),s=await crypto.subtle.digest("SHA-256",new TextEncoder().encode(n));sessionStorage.setItem(Be,JSON.stringify({verifier:n,state:r}));let o=new URLSearchParams({response_type:"code",client_id:e.oidc_client_id,redirect_uri:Et(),scope:e.oidc_scopes,state:r,code_challenge:Ct(s),code_challenge_method:"S256"});location.assign(`${t.authorization_endpoint}?${o}`)}async function Lt(e,t){let n=new URLSearchParams(t),r=JSON.parse(sessionStorage.getItem(Be)||"null");if(sessionStorage.removeItem(Be),n.get("error"))throw new Error(`Sign-in failed: ${n.get("error")}`);if(!r||n.get("state")!==r.state)throw new Error("Sign-in state mismatch.");let s=await Tt(e.oidc_issuer),o=new URLSearchParams({grant_type:"authorization_code",code:n.get("code")||"",redirect_uri:Et(),client_id:e.oidc_client_id,code_verifier:r.verifier}),a=await fetch(s.token_endpoint,{method:"POST",body:o});if(!a.ok)throw new Error(`The token exchange failed (${a.status}).`);let c=await a.json();We(c.access_token)}var se=class extends Error{constructor(t,n){let r=n&&n.error||{};super(r.message||`Request failed (${t}).`),this.status=t,this.code=r.code||"http_error",this.details=r.details}fieldErrors(){let t={};if(Array.isArray(this.details))for(let n of this.details){let r=String(n.field||"").replace(/^body\./,"");t[r]=t[r]?`${t[r]}; ${n.message}`:n.message}return t}},Pt=()=>{};function Nt(e){Pt=e}async function qe(e,t,n){let r={Accept:"application/json"},s=ge();s&&(r.Authorization=`Bearer ${s}`),n!==void 0&&(r["Content-Type"]="application/json");let o=await fetch(t,{method:e,headers:r,body:n===void 0?void 0:JSON.stringify(n)});return o.status===401&&(G(),Pt()),o}async function k(e,t,n){let r=await qe(e,t,n),s=await r.text(),o=s?JSON.parse(s):null;if(!r.ok)throw new se(r.status,o);return o}var v=e=>k("GET",e);async function Ot(e){let t=await qe("GET",e);if(t.status===404)return null;if(!t.ok)throw new se(t.status,null);return URL.createObjectURL(await t.blob())}function B(e){let t=Object.entries(e).filter(([,n])=>n!=null&&n!=="");return t.length?`?${new URLSearchParams(t)}`:""}async function Dt(e,t){let n=await qe("POST",e,t);if(!n.ok){let r=await n.text();throw new se(n.status,r?JSON.parse(r):null)}return URL.createObjectURL(await n.blob())}var jt=function(e,t,n,r){var s;t[0]=0;for(var o=1;o<t.length;o++){var a=t[o++],c=t[o]?(t[0]|=a?1:2,n[t[o++]]):t[++o];a===3?r[0]=c:a===4?r[1]=Object.assign(r[1]||{},c):a===5?(r[1]=r[1]||{})[t[++o]]=c:a===6?r[1][t[++o]]+=c+"":a?(s=e.apply(c,jt(e,c,n,["",null])),r.push(s),c[0]?t[0]|=2:(t[o-2]=0,t[o]=s)):r.push(c)}return r},It=new Map;function Ut(e){var t=It.get(this);return t||(t=new Map,It.set(this,t)),(t=jt(this,t.get(e)||(t.set(e,t=function(n){for(var r,s,o=1,a="",c="",u=[0],i=function($){o===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?u.push(0,$,a):o===3&&($||a)?(u.push(3,$,a),o=2):o===2&&a==="..."&&$?u.push(4,$,0):o===2&&a&&!$?u.push(5,0,!0,a):o>=5&&((a||!$&&o===5)&&(u.push(o,0,a,s),o=6),$&&(u.push(o,$,0,s),o=6)),a=""},p=0;p<n.length;p++){p&&(o===1&&i(),i(p));for(var d=0;d<n[p].length;d++)r=n[p][d],o===1?r==="<"?(i(),u=[u],o=3):a+=r:o===4?a==="--"&&r===">"?(o=1,a=""):a=r+a[0]:c?r===c?c="":a+=r:r==='"'||r==="'"?c=r:r===">"?(i(),o=1):o&&(r==="="?(o=5,s=a,a=""):r==="/"&&(o<5||n[p][d+1]===">")?(i(),o===3&&(u=u[0]),o=u,(u=u[0]).push(2,0,o),o=0):r===" "||r==="	"||r===`
`||r==="\r"?(i(),o=2):a+=r),o===3&&a==="!--"&&(o=4,u=u[0])}return i(),u}(e)),t),arguments,[])).length>1?t:t[0]}var l=Ut.bind(Ue),ve=new Set;function M(e,{replace:t=!1}={}){t?history.replaceState(null,"",e):history.pushState(null,"",e),ve.forEach(n=>n())}window.addEventListener("popstate",()=>ve.forEach(e=>e()));function Rt(){let[,e]=b(0);return O(()=>{let t=()=>e(n=>n+1);return ve.add(t),()=>ve.delete(t)},[]),location.pathname+location.search}function D({href:e,children:t,...n}){return l`<a href=${e} onClick=${s=>{s.button!==0||s.metaKey||s.ctrlKey||s.shiftKey||(s.preventDefault(),M(e))}} ...${n}>${t}</a>`}var we=fe({allowed:[],role:null,platform_admin:!1});function I(){let e=ye(we);return t=>e.allowed.includes(t)}function x(e,t){let[n,r]=b({loading:!0,data:null,error:null}),s=vt(()=>{let o=!0;return r(a=>({...a,loading:!0,error:null})),e().then(a=>o&&r({loading:!1,data:a,error:null}),a=>o&&r({loading:!1,data:null,error:a})),()=>{o=!1}},t);return O(s,[s]),{...n,reload:s}}function g({state:e,empty:t,children:n}){return e.error?l`<${A} error=${e.error} />`:e.loading&&e.data===null?l`<p class="state" role="status">Loading…</p>`:t&&t(e.data)?l`<p class="state empty">${t.text||"Nothing here yet."}</p>`:n(e.data)}function A({error:e}){if(!e)return null;let t=e.code?l` <code>${e.code}</code>`:null,n=Array.isArray(e.details)?e.details.map(r=>`${r.field?`${String(r.field).replace(/^body\./,"")}: `:""}${r.message}`):[];return l`<div class="error" role="alert">${e.message}${t}
    ${n.length?l`<ul>${n.map(r=>l`<li>${r}</li>`)}</ul>`:null}</div>`}function xe(e){return`f-${e.replace(/[^a-zA-Z0-9_-]/g,"-")}`}function R({label:e,path:t,error:n,hint:r,children:s}){let o=xe(t);return l`<div class=${`field${n?" invalid":""}`}>
    <label for=${o}>${e}</label>
    ${s(o,n?`${o}-error`:r?`${o}-hint`:void 0)}
    ${r&&!n?l`<small id=${`${o}-hint`}>${r}</small>`:null}
    ${n?l`<small class="field-error" id=${`${o}-error`} data-field=${t}>${n}</small>`:null}
  </div>`}function C({label:e,path:t,value:n,onInput:r,error:s,type:o="text",hint:a,...c}){return l`<${R} label=${e} path=${t} error=${s} hint=${a}>
    ${(u,i)=>l`<input id=${u} name=${t} type=${o} value=${n??""}
      aria-invalid=${s?"true":void 0} aria-describedby=${i}
      onInput=${p=>r(p.currentTarget.value)} ...${c} />`}
  </${R}>`}function U({label:e,path:t,value:n,options:r,onChange:s,error:o}){return l`<${R} label=${e} path=${t} error=${o}>
    ${(a,c)=>l`<select id=${a} name=${t} value=${n??""}
      aria-describedby=${c} onChange=${u=>s(u.currentTarget.value)}>
      ${r.map(([u,i])=>l`<option value=${u} selected=${u===(n??"")}>${i}</option>`)}
    </select>`}
  </${R}>`}var Sn=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),kn=new Intl.DateTimeFormat(void 0,{month:"short",day:"numeric"}),Cn=new Intl.NumberFormat,Mt=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}),N=e=>e?Sn.format(new Date(e)):"\u2014",ae=e=>kn.format(new Date(`${e}T12:00:00`)),H=e=>e==null?"\u2014":Cn.format(e),le=e=>e==null?"\u2014":Mt.format(e),W=e=>e==null?"\u2014":`${Mt.format(e)} ms`,Q=e=>{if(e==null)return"\u2014";let t=Math.round(e);return`${Math.floor(t/60)}:${String(t%60).padStart(2,"0")}`};function T({title:e,children:t}){return O(()=>{document.title=`${e} \xB7 Switchboard`},[e]),l`<header class="page-head"><h1 tabindex="-1" id="page-title">${e}</h1>
    <div class="actions">${t}</div></header>`}function Ht({onSignedIn:e}){let t=x(()=>v("/v1/console/config"),[]),[n,r]=b(""),[s,o]=b(null),[a,c]=b(!1),u=new URLSearchParams(location.search).has("expired");O(()=>{document.title="Sign in \xB7 Switchboard"},[]);let i=async d=>{d.preventDefault(),c(!0),o(null),We(n.trim());try{let $=await v("/v1/me");e($),M("/admin",{replace:!0})}catch($){G(),o($.status===401?"That key is not valid (or was revoked).":$.message),c(!1)}},p=t.data&&t.data.oidc_issuer;return l`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${u&&!s?l`<p class="note" role="status">Your session ended; sign in again.</p>`:null}
    <form onSubmit=${i} aria-label="Sign in with an API key">
      <${C} label="API key" path="api_key" type="password" value=${n} onInput=${r}
        error=${s} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${a||!n.trim()}>Sign in</button>
    </form>
    ${p?l`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${()=>At(t.data).catch(o)}>
        Sign in with your identity provider</button>`:null}
  </main>`}function Ft(){let[e,t]=b(null);return O(()=>{v("/v1/console/config").then(n=>Lt(n,location.search)).then(()=>M("/admin",{replace:!0}),n=>t(n.message))},[]),l`<main id="main" class="signin">
    ${e?l`<p class="error" role="alert">${e}</p>
      <a href="/admin/signin">Back to sign-in</a>`:l`<p class="state" role="status">Signing in…</p>`}
  </main>`}var Se=null;async function Te(e){return Se=Se||await v("/openapi.json"),{root:Se.components.schemas[e],all:Se.components.schemas}}var ke=(e,t)=>e&&e.$ref?t[e.$ref.split("/").pop()]:e;function Wt(e,t){let n=e.anyOf||e.oneOf;if(!n)return null;let r=n.filter(s=>s.type!=="null");return r.length===1&&r.length<n.length?ke(r[0],t):null}var Vt={Llm:"LLM",Stt:"Speech-to-text (STT)",Tts:"Voice (TTS)",Api:"API",Dtmf:"DTMF",Http:"HTTP",Ms:"(ms)",S:"(s)",Url:"URL",Of:"of",In:"in",At:"at"},Tn=(e,t)=>(t&&t.title||e.replace(/_/g," ")).split(" ").map((n,r)=>r===0?Vt[n]||n:Vt[n]||n.toLowerCase()).join(" ").replace(/^./,n=>n.toUpperCase());function qt(e,t,n){let r=Array.isArray(e)?[...e]:{...e||{}};return n===void 0?delete r[t]:r[t]=n,r}function Ce(e,t){let n=ke(e,t),r=e.default!==void 0?e.default:n.default;if(n.type==="object"&&n.properties){let s={};for(let[o,a]of Object.entries(n.properties)){let c=Wt(a,t)?null:Ce(a,t);c!==void 0&&(s[o]=c)}return{...s,...structuredClone(r||{})}}return r!==void 0?structuredClone(r):n.type==="object"?{}:n.type==="array"?[]:n.type==="boolean"?!1:n.type==="integer"||n.type==="number"?n.minimum??0:n.enum?n.enum[0]:""}function Bt({schema:e,path:t,label:n,value:r,onChange:s,errors:o,nullable:a}){let c=o[t],u=xe(t);if(e.type==="boolean")return l`<div class=${`field check${c?" invalid":""}`}>
      <input type="checkbox" id=${u} name=${t} checked=${!!r}
        onChange=${_=>s(_.currentTarget.checked)} />
      <label for=${u}>${n}</label>
      ${c?l`<small class="field-error" data-field=${t}>${c}</small>`:null}
    </div>`;let i=e.description;if(e.enum)return l`<${R} label=${n} path=${t} error=${c} hint=${i}>${(_,m)=>l`<select id=${_} name=${t} aria-describedby=${m}
        onChange=${f=>s(f.currentTarget.value||(a?null:void 0))}>
        ${a?l`<option value="">(none)</option>`:null}
        ${e.enum.map(f=>l`<option value=${f} selected=${f===r}>${f}</option>`)}
      </select>`}</${R}>`;let p=e.type==="integer"||e.type==="number",d=e.type==="string"&&(e.maxLength||0)>500,$=_=>{let m=_.currentTarget.value;return s(m===""?a?null:p?void 0:"":p?Number.isNaN(Number(m))?m:Number(m):m)};return l`<${R} label=${n} path=${t} error=${c} hint=${i}>${(_,m)=>d?l`<textarea id=${_} name=${t} rows="4" aria-describedby=${m}
          aria-invalid=${c?"true":void 0} onInput=${$}>${r??""}</textarea>`:l`<input id=${_} name=${t} aria-describedby=${m}
          aria-invalid=${c?"true":void 0}
          type=${p?"number":e.format==="time"?"time":"text"}
          step=${e.type==="number"?"any":void 0} value=${r??""} onInput=${$} />`}
  </${R}>`}function En({path:e,label:t,value:n,onChange:r,errors:s,hint:o}){let a=s[e]||Object.entries(s).find(([c])=>c.startsWith(`${e}.`))?.[1];return l`<${R} label=${t} path=${e} error=${a} hint=${o||"One per line"}>
    ${(c,u)=>l`<textarea id=${c} name=${e} rows="3" aria-describedby=${u}
      onInput=${i=>r(i.currentTarget.value.split(`
`).filter(p=>p.trim()))}
    >${(n||[]).join(`
`)}</textarea>`}</${R}>`}function An({path:e,label:t,options:n,value:r,onChange:s,errors:o}){let a=new Set(r||[]),c=u=>{let i=new Set(a);i.has(u)?i.delete(u):i.add(u),s(n.filter(p=>i.has(p)))};return l`<fieldset class="choices"><legend>${t}</legend>
    ${n.map(u=>l`<label class="choice"><input type="checkbox" name=${`${e}.${u}`}
      checked=${a.has(u)} onChange=${()=>c(u)} />${u}</label>`)}
    ${o[e]?l`<small class="field-error" data-field=${e}>${o[e]}</small>`:null}
  </fieldset>`}function Ln({path:e,label:t,value:n,onChange:r,errors:s}){return l`<${R} label=${t} path=${e} error=${s[e]} hint="JSON">
    ${(o,a)=>l`<textarea id=${o} name=${e} rows="4" class="mono"
      aria-describedby=${a} onChange=${c=>{try{r(JSON.parse(c.currentTarget.value||"{}"))}catch{r(c.currentTarget.value)}}}>${JSON.stringify(n??{},null,2)}</textarea>`}</${R}>`}function Kt({schema:e,all:t,path:n,label:r,value:s,onChange:o,errors:a,extras:c}){let u=Wt(e,t);if(u){if(u.type==="object"){let p=s!=null,d=xe(`${n}-enabled`);return l`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${d} checked=${p}
          onChange=${$=>o($.currentTarget.checked?Ce(u,t):null)} />
          <label for=${d}>${r}</label></div>
        ${p?l`<${Kt} schema=${u} all=${t} path=${n} label=${r}
          value=${s} onChange=${o} errors=${a} extras=${c} />`:null}
      </div>`}return l`<${Bt} schema=${{...u,description:e.description}} path=${n}
      label=${r} value=${s} onChange=${o} errors=${a} nullable=${!0} />`}let i=ke(e,t);if(i.type==="object"&&i.properties){let p=c&&c[n];return l`<fieldset class="group"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      <${Y} schema=${i} all=${t} path=${n} value=${s} onChange=${o}
        errors=${a} extras=${c} />
      ${p?l`<${p} value=${s} />`:null}
    </fieldset>`}if(i.type==="object")return l`<${Ln} path=${n} label=${r} value=${s} onChange=${o} errors=${a} />`;if(i.type==="array"){let p=ke(i.items,t);if(p.type==="string"&&p.enum)return l`<${An} path=${n} label=${r} options=${p.enum} value=${s}
        onChange=${o} errors=${a} />`;if(p.type!=="object")return l`<${En} path=${n} label=${r} value=${s} onChange=${o}
        errors=${a} hint=${i.description} />`;let d=s||[],$=(p.title||"Item").replace(/([a-z])([A-Z])/g,"$1 $2");return l`<fieldset class="group list"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      ${d.length===0?l`<p class="empty">None.</p>`:null}
      ${d.map((_,m)=>l`<div class="list-item">
        <${Y} schema=${p} all=${t} path=${`${n}.${m}`} value=${_}
          onChange=${f=>o(qt(d,m,f))} errors=${a} />
        <button type="button" class="ghost small" onClick=${()=>o(d.filter((f,h)=>h!==m))}
          aria-label=${`Remove ${$} ${m+1} of ${r}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${()=>o([...d,Ce(p,t)])}>Add ${$.toLowerCase()}</button>
    </fieldset>`}return l`<${Bt} schema=${i} path=${n} label=${r} value=${s}
    onChange=${o} errors=${a} />`}function Y({schema:e,all:t,path:n,value:r,onChange:s,errors:o,extras:a}){return Object.entries(e.properties||{}).map(([c,u])=>{let i=n?`${n}.${c}`:c;return l`<${Kt} key=${i} schema=${u} all=${t} path=${i}
      label=${Tn(c,u)} value=${(r||{})[c]}
      onChange=${p=>s(qt(r,c,p))} errors=${o} extras=${a} />`})}function zt(e,t){return Ce(e,t)}function Pn({onCreated:e}){let[t,n]=b(""),[r,s]=b({}),[o,a]=b(null);return l`<form class="inline-form" onSubmit=${async u=>{u.preventDefault();try{let i=await k("POST","/v1/tenants",{name:t});n(""),s({}),a(null),e(i)}catch(i){s(i.fieldErrors?i.fieldErrors():{}),a(i)}}} aria-label="Create a tenant">
    <${C} label="New tenant name" path="name" value=${t} onInput=${n} error=${r.name} />
    <button type="submit">Create tenant</button>
    ${o&&!r.name?l`<${A} error=${o} />`:null}
  </form>`}function Nn({tenant:e,onSaved:t}){let[n,r]=b(null),[s,o]=b(e.limits),[a,c]=b({}),[u,i]=b(null);O(()=>{Te("TenantLimits").then(r,i)},[]);let p=async d=>{d.preventDefault();try{await k("PATCH",`/v1/tenants/${e.id}`,{limits:s}),c({}),i(null),t()}catch($){c($.fieldErrors?$.fieldErrors():{}),i($)}};return n?l`<form class="limits" onSubmit=${p} aria-label=${`Limits of ${e.name}`}>
    <${Y} schema=${n.root} all=${n.all} path="limits" value=${s}
      onChange=${o} errors=${a} />
    <button type="submit" class="small">Save limits</button>
    <${A} error=${u} />
  </form>`:l`<${A} error=${u} />`}function Jt({me:e}){let t=x(()=>v("/v1/tenants"),[]),[n,r]=b(null),[s,o]=b(null),a=e.platform_admin;O(()=>{let u=t.data?t.data.items:[];!a&&u.length===1&&M(`/admin/t/${u[0].id}`,{replace:!0})},[t.data]);let c=async(u,i)=>{if(!(i==="delete"&&!confirm(`Delete ${u.name}? Its numbers stop answering.`)))try{i==="delete"?await k("DELETE",`/v1/tenants/${u.id}`):await k("POST",`/v1/tenants/${u.id}/${i}`),r(null),t.reload()}catch(p){r(p)}};return l`<${T} title="Tenants" />
    ${a?l`<${Pn} onCreated=${u=>M(`/admin/t/${u.id}`)} />`:null}
    <${A} error=${n} />
    <${g} state=${t} empty=${Object.assign(u=>u.items.length===0,{text:"No tenants yet."})}>
      ${u=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Tenants</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Concurrent calls</th>
          <th scope="col">Created</th>${a?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${u.items.map(i=>l`<tr>
          <td><${D} href=${`/admin/t/${i.id}`}>${i.name}</${D}></td>
          <td><span class=${`status ${i.status}`}>${i.status}</span></td>
          <td>${i.limits.max_concurrent_calls}</td>
          <td>${N(i.created_at)}</td>
          ${a?l`<td class="row-actions">
            ${i.status==="active"?l`<button type="button" class="secondary small" onClick=${()=>c(i,"suspend")}>Suspend</button>`:l`<button type="button" class="secondary small" onClick=${()=>c(i,"activate")}>Activate</button>`}
            <button type="button" class="secondary small" aria-expanded=${s===i.id}
              onClick=${()=>o(s===i.id?null:i.id)}>Limits</button>
            <button type="button" class="danger small" onClick=${()=>c(i,"delete")}>Delete</button>
            ${s===i.id?l`<${Nn} tenant=${i} onSaved=${t.reload} />`:null}
          </td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${g}>`}function Qt(){let e=new Date;return e.setHours(0,0,0,0),e}function On(){let e=Qt();return e.setDate(e.getDate()-(e.getDay()+6)%7),e}function Gt({label:e,data:t}){return l`<section class="card" aria-label=${e}><h2>${e}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${H(t.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${le(t.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${H(t.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${H(t.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${W(t.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${W(t.latency_p95_ms)}</dd></div>
    </dl></section>`}function Dn({tenant:e,onSaved:t}){let[n,r]=b(e.name),[s,o]=b(e.recording_retention_days??""),[a,c]=b({}),[u,i]=b(null),[p,d]=b(!1);return l`<section class="card" aria-label="Tenant settings"><h2>Settings</h2>
    <form class="inline-form plain-form" onSubmit=${async _=>{_.preventDefault();let m={name:n,recording_retention_days:s===""?null:Number(s)};try{await k("PATCH",`/v1/tenants/${e.id}`,m),c({}),i(null),d(!0),t()}catch(f){c(f.fieldErrors?f.fieldErrors():{}),i(f),d(!1)}}}>
      <${C} label="Name" path="name" value=${n} onInput=${r} error=${a.name} />
      <${C} label="Keep recordings (days; empty: forever)" path="recording_retention_days"
        type="number" min="1" value=${s} onInput=${o} error=${a.recording_retention_days} />
      <button type="submit">Save settings</button>
    </form>
    ${p?l`<p role="status">Saved.</p>`:null}
    ${u&&!Object.keys(a).length?l`<${A} error=${u} />`:null}
  </section>`}function Yt({tenantId:e,tenant:t,reloadTenant:n}){let r=I(),s=`/v1/tenants/${e}`,o=x(async()=>{if(!r("analytics.read"))return null;let[$,_]=await Promise.all([v(`${s}/analytics/summary${B({since:Qt().toISOString()})}`),v(`${s}/analytics/summary${B({since:On().toISOString()})}`)]);return{today:$,week:_}},[e]),a=x(()=>v(`${s}/runtime`),[e]),[c,u]=b(null),[i,p]=b(null),d=async()=>{try{let $=await k("POST",`${s}/runtime/publish`);p($.revision),u(null),a.reload()}catch($){u($)}};return l`<${T} title=${t?t.name:"Tenant"} />
    <${g} state=${o}>${$=>$&&l`<div class="cards">
      <${Gt} label="Today" data=${$.today} /><${Gt} label="This week" data=${$.week} /></div>`}
    </${g}>
    <section class="card" aria-label="Runtime"><h2>Runtime</h2>
      <${g} state=${a}>${$=>l`<dl class="stats">
          <div><dt>Revision</dt><dd>${H($.revision)}</dd></div>
          <div><dt>Published revision</dt><dd>${H($.published_revision)}</dd></div>
          <div><dt>Pending</dt><dd>${H($.pending)}</dd></div>
          <div><dt>Drift</dt><dd class=${$.in_sync?"ok":"warn"}>${$.in_sync?"In sync":"Drifted"}</dd></div>
        </dl>
        ${$.drift.length?l`<ul class="drift">${$.drift.map(_=>l`<li>${_}</li>`)}</ul>`:null}
        ${$.problems.length?l`<h3>Problems</h3><ul class="problems">${$.problems.map(_=>l`<li><code>${_.type}</code> ${_.message}</li>`)}</ul>`:null}`}
      </${g}>
      ${r("runtime.publish")?l`<button type="button" onClick=${d}>Re-publish</button>`:null}
      ${i!==null?l`<p role="status">Queued revision ${H(i)}.</p>`:null}
      <${A} error=${c} />
    </section>
    ${t&&r("tenants.update")?l`<${Dn} key=${t.id} tenant=${t}
      onSaved=${n} />`:null}`}function Zt({tenantId:e}){let t=I(),n=`/v1/tenants/${e}`,r=x(async()=>{let[f,h]=await Promise.all([v(`${n}/numbers`),v(`${n}/agents`)]);return{numbers:f.items,agents:h.items}},[e]),[s,o]=b({e164:"",carrier:"twilio",agent_id:"",label:""}),[a,c]=b({}),[u,i]=b(null),p=f=>{c(f.fieldErrors?f.fieldErrors():{}),i(f)},d=async f=>{f.preventDefault();try{await k("POST",`${n}/numbers`,{...s,agent_id:s.agent_id||null}),o({e164:"",carrier:"twilio",agent_id:"",label:""}),c({}),i(null),r.reload()}catch(h){p(h)}},$=async(f,h)=>{try{await k("PATCH",`${n}/numbers/${f.id}`,{agent_id:h||null}),i(null),r.reload()}catch(y){p(y)}},_=async f=>{if(confirm(`Remove ${f.e164}? It stops taking calls.`))try{await k("DELETE",`${n}/numbers/${f.id}`),r.reload()}catch(h){p(h)}},m=t("numbers.write");return l`<${T} title="Numbers" />
    <${g} state=${r}>${({numbers:f,agents:h})=>{let y=[["","(no agent: not answering)"],...h.map(S=>[S.id,S.name])],w=S=>(h.find(j=>j.id===S)||{}).name||"\u2014";return l`
      ${m?l`<form class="inline-form" onSubmit=${d} aria-label="Add a number">
        <${C} label="Number (E.164)" path="e164" value=${s.e164} placeholder="+14155550100"
          onInput=${S=>o({...s,e164:S})} error=${a.e164} />
        <${U} label="Carrier" path="carrier" value=${s.carrier} error=${a.carrier}
          options=${[["twilio","Twilio"],["telnyx","Telnyx"]]} onChange=${S=>o({...s,carrier:S})} />
        <${U} label="Agent" path="agent_id" value=${s.agent_id} options=${y}
          error=${a.agent_id} onChange=${S=>o({...s,agent_id:S})} />
        <${C} label="Label" path="label" value=${s.label} error=${a.label}
          onInput=${S=>o({...s,label:S})} />
        <button type="submit">Add number</button>
      </form>`:null}
      <${A} error=${u} />
      ${f.length===0?l`<p class="state empty">No numbers yet.</p>`:l`<div class="table-wrap"><table>
        <caption class="sr-only">Numbers</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">Carrier</th><th scope="col">Label</th>
          <th scope="col">Agent</th>${m?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${f.map(S=>l`<tr>
          <td class="mono">${S.e164}</td><td>${S.carrier}</td><td>${S.label}</td>
          <td>${m?l`<label class="sr-only" for=${`move-${S.id}`}>Agent of ${S.e164}</label>
            <select id=${`move-${S.id}`} onChange=${j=>$(S,j.currentTarget.value)}>
              ${y.map(([j,K])=>l`<option value=${j} selected=${j===(S.agent_id||"")}>${K}</option>`)}
            </select>`:w(S.agent_id)}</td>
          ${m?l`<td><button type="button" class="danger small" onClick=${()=>_(S)}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}`}}</${g}>`}function Xt({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/agents`,r=x(()=>v(n),[e]),[s,o]=b(""),[a,c]=b({}),[u,i]=b(null),p=async d=>{d.preventDefault();try{let $=await k("POST",n,{name:s});M(`/admin/t/${e}/agents/${$.id}`)}catch($){c($.fieldErrors?$.fieldErrors():{}),i($)}};return l`<${T} title="Agents" />
    ${t("agents.write")?l`<form class="inline-form" onSubmit=${p} aria-label="Create an agent">
      <${C} label="New agent name" path="name" value=${s} onInput=${o} error=${a.name} />
      <button type="submit">Create agent</button>
      ${u&&!a.name?l`<${A} error=${u} />`:null}
    </form>`:null}
    <${g} state=${r} empty=${Object.assign(d=>d.items.length===0,{text:"No agents yet."})}>
      ${d=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Agents</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Live version</th>
          <th scope="col">Latest version</th><th scope="col">Updated</th></tr></thead>
        <tbody>${d.items.map($=>l`<tr>
          <td><${D} href=${`/admin/t/${e}/agents/${$.id}`}>${$.name}</${D}></td>
          <td>${$.live_version??"not live"}</td><td>${$.latest_version||"\u2014"}</td>
          <td>${N($.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${g}>`}function Ee(e,t="",n={}){if(e&&typeof e=="object"&&!Array.isArray(e)){for(let[r,s]of Object.entries(e))Ee(s,t?`${t}.${r}`:r,n);Object.keys(e).length===0&&t&&(n[t]="{}")}else Array.isArray(e)&&e.some(r=>r&&typeof r=="object")?(e.forEach((r,s)=>Ee(r,`${t}.${s}`,n)),e.length===0&&(n[t]="[]")):n[t]=typeof e=="string"?e:JSON.stringify(e);return n}function In({left:e,right:t}){let n=Ee(e.config),r=Ee(t.config),s=[...new Set([...Object.keys(n),...Object.keys(r)])].sort(),o=s.filter(a=>n[a]!==r[a]);return l`<div class="table-wrap"><table class="diff">
    <caption>Version ${e.version} and version ${t.version}: ${o.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${e.version}</th>
      <th scope="col">Version ${t.version}</th></tr></thead>
    <tbody>${s.map(a=>l`<tr class=${n[a]!==r[a]?"changed":""}>
      <th scope="row" class="mono">${a}</th><td class="pre">${n[a]??"\u2014"}</td><td class="pre">${r[a]??"\u2014"}</td>
    </tr>`)}</tbody></table></div>`}function jn({base:e,agent:t,versions:n,onChanged:r}){let s=I(),[o,a]=b(()=>[n[1]?.version||n[0]?.version,n[0]?.version]),[c,u]=b(null),i=$=>n.find(_=>_.version===Number($)),p=async($,_)=>{try{await k("POST",`${e}/${$}`,{version:_}),u(null),r()}catch(m){u(m)}},d=($,_)=>l`<label>${_}
    <select value=${o[$]} onChange=${m=>a($?[o[0],m.currentTarget.value]:[m.currentTarget.value,o[1]])}>
      ${n.map(m=>l`<option value=${m.version} selected=${m.version===Number(o[$])}>Version ${m.version}</option>`)}
    </select></label>`;return l`<section aria-label="Versions"><h2>Versions</h2>
    <${A} error=${c} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${n.map($=>l`<tr>
        <td>${$.version}</td><td>${$.note}</td><td>${$.created_by}</td><td>${N($.created_at)}</td>
        <td>${$.live?l`<span class="status active">live</span>`:s("agents.publish")?t.live_version!==null&&$.version<t.live_version?l`<button type="button" class="secondary small" onClick=${()=>p("rollback",$.version)}>Roll back to ${$.version}</button>`:l`<button type="button" class="small" onClick=${()=>p("publish",$.version)}>Publish ${$.version}</button>`:""}</td></tr>`)}</tbody></table></div>
    ${n.length>1?l`<h3>Compare</h3><div class="inline-form">${d(0,"Left")}${d(1,"Right")}</div>
      ${i(o[0])&&i(o[1])?l`<${In} left=${i(o[0])} right=${i(o[1])} />`:null}`:null}
  </section>`}function Un({value:e}){let t=I(),n=ye(Ke),[r,s]=b(null),[o,a]=b(null),[c,u]=b(!1);return O(()=>()=>r&&URL.revokeObjectURL(r),[r]),t("agents.write")?l`<div class="voice-preview">
    <button type="button" class="secondary small" disabled=${c} onClick=${async()=>{u(!0),a(null);try{s(await Dt(`${n}/voices/preview`,{tts:e}))}catch(p){a(p)}u(!1)}}>
      ${c?"Synthesizing\u2026":"Preview voice"}</button>
    ${r?l`<audio controls autoplay src=${r} aria-label="Voice preview"></audio>`:null}
    <${A} error=${o} />
  </div>`:null}var Ke=fe(""),Rn={tts:Un};function Mn({base:e,latest:t,onSaved:n}){let r=I(),[s,o]=b(null),[a,c]=b(null),[u,i]=b({}),[p,d]=b(null),[$,_]=b(null);if(O(()=>{Te("AgentVersionCreate").then(h=>{o(h),c(t?{...t.config,note:""}:zt(h.root,h.all))},d)},[t&&t.version]),!s||!a)return l`<${A} error=${p} />`;let m=r("agents.write");return l`<form class="agent-form" onSubmit=${async h=>{h.preventDefault();try{let y=await k("POST",`${e}/versions`,a);i({}),d(null),_(y),n()}catch(y){i(y.fieldErrors?y.fieldErrors():{}),d(y)}}} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!m} class="plain">
      <${Y} schema=${s.root} all=${s.all} path="" value=${a}
        onChange=${c} errors=${u} extras=${Rn} />
    </fieldset>
    ${p?l`<p class="error" role="alert">${Object.keys(u).length?`The version was not saved: ${Object.keys(u).length} field(s) need attention.`:p.message}</p>`:null}
    ${$?l`<p role="status">Saved as version ${$.version}.${$.warnings.map(h=>` ${h.message}`)}</p>`:null}
    ${m?l`<div class="sticky-actions"><button type="submit">Save as new version</button></div>`:null}
  </form>`}function en({tenantId:e,item:t}){let n=`/v1/tenants/${e}/agents/${t}`,r=x(async()=>{let[s,o]=await Promise.all([v(n),v(`${n}/versions`)]);return{agent:s,versions:o.items}},[n]);return l`<${g} state=${r}>${({agent:s,versions:o})=>l`
    <${T} title=${s.name}>
      <span class="badge">${s.live_version?`live: version ${s.live_version}`:"not live"}</span>
    </${T}>
    <div class="agent-grid">
      <${Ke.Provider} value=${`/v1/tenants/${e}`}>
        <${Mn} base=${n} latest=${o[0]} onSaved=${r.reload} />
      </${Ke.Provider}>
      ${o.length?l`<${jn} key=${o.length} base=${n} agent=${s}
        versions=${o} onChanged=${r.reload} />`:l`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${g}>`}var Hn=[["llm_api_key","LLM API key"],["carrier_credential","Carrier credential"],["tool_credential","Tool credential"],["webhook_secret","Webhook secret"]],tn={name:"",kind:"llm_api_key",value:"",allowed_host:""};function nn({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/secrets`,r=x(()=>v(n),[e]),[s,o]=b(tn),[a,c]=b({}),[u,i]=b(null),[p,d]=b(null),$=h=>{c(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={value:s.value,kind:s.kind};s.kind==="llm_api_key"&&s.allowed_host&&(y.allowed_host=s.allowed_host);try{await k("PUT",`${n}/${encodeURIComponent(s.name)}`,y),d(s.name),o(tn),c({}),i(null),r.reload()}catch(w){$(w)}},m=async h=>{if(confirm(`Delete the secret ${h}?`))try{await k("DELETE",`${n}/${encodeURIComponent(h)}`),r.reload()}catch(y){$(y)}},f=t("secrets.write");return l`<${T} title="Secrets" />
    ${f?l`<form class="inline-form" onSubmit=${_} aria-label="Set a secret" autocomplete="off">
      <${C} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${h=>o({...s,name:h})} />
      <${U} label="Kind" path="kind" value=${s.kind} options=${Hn} error=${a.kind}
        onChange=${h=>o({...s,kind:h})} />
      <${C} label="Value" path="value" type="password" value=${s.value} error=${a.value}
        autocomplete="new-password" onInput=${h=>o({...s,value:h})} />
      ${s.kind==="llm_api_key"?l`<${C} label="Allowed host (optional)" path="allowed_host"
        value=${s.allowed_host} error=${a.allowed_host} onInput=${h=>o({...s,allowed_host:h})} />`:null}
      <button type="submit">Save secret</button>
    </form>`:null}
    ${p?l`<p role="status">Stored ${p}. Its value cannot be read back.</p>`:null}
    ${u&&!Object.keys(a).length?l`<${A} error=${u} />`:null}
    <${g} state=${r} empty=${Object.assign(h=>h.items.length===0,{text:"No secrets yet."})}>
      ${h=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Secrets</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Allowed host</th>
          <th scope="col">Set</th><th scope="col">By</th>${f?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${h.items.map(y=>l`<tr>
          <td class="mono">${y.name}</td><td>${y.kind}</td><td>${y.allowed_host||"\u2014"}</td>
          <td>${N(y.updated_at)}</td><td>${y.updated_by||"\u2014"}</td>
          ${f?l`<td><button type="button" class="danger small" onClick=${()=>m(y.name)}>Delete</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${g}>`}var Ae=[["viewer","Viewer"],["editor","Editor"],["admin","Admin"],["owner","Owner"]];function rn({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/members`,r=x(()=>v(n),[e]),[s,o]=b({subject:"",role:"viewer"}),[a,c]=b({}),[u,i]=b(null),p=async m=>{try{await m(),c({}),i(null),r.reload()}catch(f){c(f.fieldErrors?f.fieldErrors():{}),i(f)}},d=(m,f)=>p(()=>k("PUT",`${n}/${encodeURIComponent(m)}`,{role:f})),$=m=>{m.preventDefault(),p(async()=>{await d(s.subject,s.role),o({subject:"",role:"viewer"})})},_=t("members.write");return l`<${T} title="Members" />
    ${_?l`<form class="inline-form" onSubmit=${$} aria-label="Add a member">
      <${C} label="Subject (OIDC sub)" path="subject" value=${s.subject} error=${a.subject}
        onInput=${m=>o({...s,subject:m})} />
      <${U} label="Role" path="role" value=${s.role} options=${Ae} error=${a.role}
        onChange=${m=>o({...s,role:m})} />
      <button type="submit">Add member</button>
    </form>`:null}
    <${A} error=${u} />
    <${g} state=${r} empty=${Object.assign(m=>m.items.length===0,{text:"No members yet."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Members</caption>
        <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">Added by</th>
          <th scope="col">Added</th>${_?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${m.items.map(f=>l`<tr>
          <td class="mono">${f.subject}</td>
          <td>${_?l`<label class="sr-only" for=${`role-${f.subject}`}>Role of ${f.subject}</label>
            <select id=${`role-${f.subject}`} onChange=${h=>d(f.subject,h.currentTarget.value)}>
            ${Ae.map(([h,y])=>l`<option value=${h} selected=${h===f.role}>${y}</option>`)}</select>`:f.role}</td>
          <td>${f.created_by}</td><td>${N(f.created_at)}</td>
          ${_?l`<td><button type="button" class="danger small"
            onClick=${()=>confirm(`Remove ${f.subject}?`)&&p(()=>k("DELETE",`${n}/${encodeURIComponent(f.subject)}`))}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${g}>`}function on({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/api-keys`,r=x(()=>v(n),[e]),[s,o]=b({name:"",role:"viewer",expires_at:""}),[a,c]=b({}),[u,i]=b(null),[p,d]=b(null),$=h=>{c(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={name:s.name,role:s.role};s.expires_at&&(y.expires_at=new Date(s.expires_at).toISOString());try{d(await k("POST",n,y)),o({name:"",role:"viewer",expires_at:""}),c({}),i(null),r.reload()}catch(w){$(w)}},m=async h=>{if(confirm(`Revoke ${h.name}? Anything using it stops working.`))try{await k("DELETE",`${n}/${h.id}`),r.reload()}catch(y){$(y)}},f=t("api_keys.write");return l`<${T} title="API keys" />
    ${f?l`<form class="inline-form" onSubmit=${_} aria-label="Create an API key">
      <${C} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${h=>o({...s,name:h})} />
      <${U} label="Role" path="role" value=${s.role} options=${Ae} error=${a.role}
        onChange=${h=>o({...s,role:h})} />
      <${C} label="Expires (optional)" path="expires_at" type="datetime-local" value=${s.expires_at}
        error=${a.expires_at} onInput=${h=>o({...s,expires_at:h})} />
      <button type="submit">Create key</button>
    </form>`:null}
    ${p?l`<div class="once" role="status"><p>The new key <strong>${p.name}</strong>, shown
      only this once; copy it now:</p><output class="mono key" data-testid="new-key">${p.key}</output>
      <button type="button" class="secondary small" onClick=${()=>d(null)}>I have stored it</button></div>`:null}
    ${u&&!Object.keys(a).length?l`<${A} error=${u} />`:null}
    <${g} state=${r} empty=${Object.assign(h=>h.items.length===0,{text:"No API keys yet."})}>
      ${h=>l`<div class="table-wrap"><table>
        <caption class="sr-only">API keys</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Role</th>
          <th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th>
          <th scope="col">State</th></tr></thead>
        <tbody>${h.items.map(y=>l`<tr>
          <td>${y.name}</td><td class="mono">${y.prefix}…</td><td>${y.role}</td>
          <td>${N(y.created_at)}</td><td>${N(y.last_used_at)}</td><td>${N(y.expires_at)}</td>
          <td>${y.revoked_at?l`<span class="status suspended">revoked</span>`:f?l`<button type="button" class="danger small" onClick=${()=>m(y)}>Revoke</button>`:"active"}</td>
        </tr>`)}</tbody></table></div>`}
    </${g}>`}var sn=e=>e===void 0?"\u2014":typeof e=="string"?e:JSON.stringify(e);function Fn({diff:e}){let t=e.before||{},n=e.after||{},r=[...new Set([...Object.keys(t),...Object.keys(n)])].sort();return r.length?l`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${r.map(s=>l`<tr class="changed">
    <th scope="row" class="mono">${s}</th><td class="pre">${sn(t[s])}</td><td class="pre">${sn(n[s])}</td>
    </tr>`)}</tbody></table>`:l`<p class="empty">No field changes recorded.</p>`}var an=e=>e?new Date(e).toISOString():"";function ln({tenantId:e}){let[t,n]=b({actor:"",action:"",target:"",since:"",until:""}),[r,s]=b(t),[o,a]=b([null]),[c,u]=b(null),i=o[o.length-1],p=x(()=>v(`/v1/tenants/${e}/audit${B({...r,since:an(r.since),until:an(r.until),cursor:i,limit:25})}`),[e,r,i]),d=_=>{_.preventDefault(),s(t),a([null])},$=(_,m,f="text")=>l`<${C} label=${m} path=${`filter-${_}`}
    type=${f} value=${t[_]} onInput=${h=>n({...t,[_]:h})} />`;return l`<${T} title="Audit log" />
    <form class="inline-form filters" onSubmit=${d} aria-label="Filter the audit log">
      ${$("actor","Actor")}${$("action","Action (or prefix ending in .)")}${$("target","Target")}
      ${$("since","From","datetime-local")}${$("until","Until","datetime-local")}
      <button type="submit">Filter</button>
    </form>
    <${g} state=${p} empty=${Object.assign(_=>_.items.length===0,{text:"No audit entries match."})}>
      ${_=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Audit entries</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th>
          <th scope="col">Target</th><th scope="col">Change</th></tr></thead>
        <tbody>${_.items.map(m=>l`<tr>
          <td>${N(m.at)}</td><td class="mono">${m.actor}</td><td>${m.action}</td><td class="mono">${m.target}</td>
          <td><button type="button" class="ghost small" aria-expanded=${c===m.id}
            onClick=${()=>u(c===m.id?null:m.id)}>${c===m.id?"Hide":"Show"}</button>
            ${c===m.id?l`<${Fn} diff=${m.diff} />`:null}</td>
        </tr>`)}</tbody></table></div>
        <nav class="pager" aria-label="Pages">
          <button type="button" class="secondary" disabled=${o.length===1}
            onClick=${()=>a(o.slice(0,-1))}>Newer</button>
          <button type="button" class="secondary" disabled=${!_.next_cursor}
            onClick=${()=>a([...o,_.next_cursor])}>Older</button>
        </nav>`}
    </${g}>`}var Vn=[["","Any outcome"],["answered","Answered"],["missed","Missed"],["transferred","Transferred"],["failed","Failed"],["in_progress","In progress"]],cn=e=>e?new Date(e).toISOString():"";function un({tenantId:e}){let t=`/v1/tenants/${e}`,n=x(()=>v(`${t}/agents`),[e]),[r,s]=b({since:"",until:"",number:"",agent_id:"",outcome:""}),[o,a]=b(r),[c,u]=b([null]),i=c[c.length-1],p=x(()=>v(`${t}/calls${B({...o,since:cn(o.since),until:cn(o.until),cursor:i,limit:25})}`),[e,o,i]),d=m=>{m.preventDefault(),a(r),u([null])},$=n.data?n.data.items:[],_=m=>($.find(f=>f.id===m)||{}).name||m||"\u2014";return l`<${T} title="Calls" />
    <form class="inline-form filters" onSubmit=${d} aria-label="Filter calls">
      <${C} label="From" path="since" type="datetime-local" value=${r.since}
        onInput=${m=>s({...r,since:m})} />
      <${C} label="Until" path="until" type="datetime-local" value=${r.until}
        onInput=${m=>s({...r,until:m})} />
      <${C} label="Number called" path="number" value=${r.number} placeholder="+14155550100"
        onInput=${m=>s({...r,number:m})} />
      <${U} label="Agent" path="agent_id" value=${r.agent_id}
        options=${[["","Any agent"],...$.map(m=>[m.id,m.name])]}
        onChange=${m=>s({...r,agent_id:m})} />
      <${U} label="Outcome" path="outcome" value=${r.outcome} options=${Vn}
        onChange=${m=>s({...r,outcome:m})} />
      <button type="submit">Filter</button>
    </form>
    <${g} state=${p} empty=${Object.assign(m=>m.items.length===0,{text:"No calls match."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Calls</caption>
        <thead><tr><th scope="col">Started</th><th scope="col">From</th><th scope="col">To</th>
          <th scope="col">Agent</th><th scope="col">Duration</th><th scope="col">Outcome</th>
          <th scope="col">Turns</th></tr></thead>
        <tbody>${m.items.map(f=>l`<tr>
          <td><${D} href=${`/admin/t/${e}/calls/${encodeURIComponent(f.id)}`}>${N(f.started_at)}</${D}></td>
          <td class="mono">${f.from_number||"\u2014"}</td><td class="mono">${f.to_number||"\u2014"}</td>
          <td>${_(f.agent_id)}</td><td>${Q(f.duration_s)}</td>
          <td><span class=${`status ${f.outcome}`}>${f.outcome}</span></td><td>${f.turns}</td>
        </tr>`)}</tbody></table></div>
        <nav class="pager" aria-label="Pages">
          <button type="button" class="secondary" disabled=${c.length===1}
            onClick=${()=>u(c.slice(0,-1))}>Newer</button>
          <button type="button" class="secondary" disabled=${!m.next_cursor}
            onClick=${()=>u([...c,m.next_cursor])}>Older</button>
        </nav>`}
    </${g}>`}var dn=[["end_of_turn_ms","End of turn"],["transcript_final_ms","Transcript final"],["llm_first_token_ms","LLM first token"],["tts_first_audio_ms","TTS first audio"],["first_frame_out_ms","First frame out"]];function Bn({turns:e}){let t=e.filter(c=>c.stages&&c.stages.caller_stopped_ms!==null&&c.stages.caller_stopped_ms!==void 0);if(!t.length)return l`<p class="empty">No turn timings recorded.</p>`;let n=t.map(c=>dn.map(([u])=>c.stages[u]).filter(u=>u!=null).map(u=>u-c.stages.caller_stopped_ms)),r=Math.max(1,...n.flat()),s=600,o=c=>150+Math.max(0,c)/r*(s-160),a=20;return t.map(c=>{let u=c.stages.caller_stopped_ms,i=0,p=dn.map(([$,_],m)=>{let f=c.stages[$];if(f==null)return null;let h=i;return i=f-u,{label:_,from:h,to:f-u,i:m}}).filter(Boolean),d=p.length*a+24;return l`<figure class="waterfall">
      <figcaption>Turn ${c.turn_index+1}: voice-to-voice ${W(c.voice_to_voice_ms)}${" "}
        (${c.interrupted?"interrupted, ":""}${c.brain})</figcaption>
      <svg viewBox=${`0 0 ${s} ${d}`} role="img"
        aria-label=${`Turn ${c.turn_index+1} stages after the caller stopped: ${p.map($=>`${$.label} ${Math.round($.to)} ms`).join(", ")}`}>
        ${p.map($=>l`<g>
          <text x="0" y=${$.i*a+14} class="label">${$.label}</text>
          <rect x=${o($.from)} y=${$.i*a+2} width=${Math.max(2,o($.to)-o($.from))} height=${a-4}
            class=${`bar s${$.i}`}><title>${$.label}: ${Math.round($.from)}–${Math.round($.to)} ms</title></rect>
          <text x=${Math.min(s-40,o($.to)+4)} y=${$.i*a+14} class="value">${Math.round($.to)}</text>
        </g>`)}
        <line x1="150" x2="150" y1="0" y2=${d-20} class="axis" />
        <text x="150" y=${d-6} class="label">caller stopped (0 ms)</text>
        <text x=${s-70} y=${d-6} class="label">${Math.round(r)} ms</text>
      </svg></figure>`})}function Wn(e,t){let n=Ve(null),[r,s]=b("both"),o=a=>{let c=e.current;if(!c)return;if(!n.current){let $=new AudioContext,_=$.createMediaElementSource(c),m=$.createChannelSplitter(2),f=$.createChannelMerger(2);_.connect(m),f.connect($.destination),n.current={context:$,splitter:m,merger:f}}let{context:u,splitter:i,merger:p}=n.current;i.disconnect();let d={both:[0,1],caller:[0,0],agent:[1,1]}[a];i.connect(p,d[0],0),i.connect(p,d[1],1),u.resume(),s(a)};return O(()=>()=>{n.current&&n.current.context.close(),n.current=null},[t]),[r,o]}function qn({path:e,audioRef:t,onTime:n}){let[r,s]=b(void 0),[o,a]=b(null),[c,u]=Wn(t,r);return O(()=>{let i=null;return Ot(e).then(p=>{i=p,s(p)},a),()=>i&&URL.revokeObjectURL(i)},[e]),o?l`<${A} error=${o} />`:r===void 0?l`<p class="state" role="status">Loading the recording…</p>`:r===null?l`<p class="empty">No recording for this call.</p>`:l`<div class="player">
    <audio ref=${t} controls preload="metadata" src=${r} onTimeUpdate=${i=>n(i.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
    <fieldset class="choices channels"><legend>Listen to</legend>
      ${[["both","Both"],["caller","Caller only"],["agent","Agent only"]].map(([i,p])=>l`<label class="choice">
        <input type="radio" name="channels" value=${i} checked=${c===i} onChange=${()=>u(i)} />${p}</label>`)}
    </fieldset>
  </div>`}function $n({tenantId:e,item:t}){let n=`/v1/tenants/${e}/calls/${encodeURIComponent(t)}`,r=x(()=>v(n),[n]),s=Ve(null),[o,a]=b(0),c=u=>{s.current&&(s.current.currentTime=u/1e3,s.current.play().catch(()=>{}))};return l`<${g} state=${r}>${u=>l`
    <${T} title=${`Call ${N(u.started_at)}`}>
      <${D} href=${`/admin/t/${e}/calls`}>All calls</${D}>
    </${T}>
    <dl class="stats facts">
      <div><dt>From</dt><dd class="mono">${u.from_number||"\u2014"}</dd></div>
      <div><dt>To</dt><dd class="mono">${u.to_number||"\u2014"}</dd></div>
      <div><dt>Duration</dt><dd>${Q(u.duration_s)}</dd></div>
      <div><dt>Outcome</dt><dd>${u.outcome}</dd></div>
      <div><dt>End reason</dt><dd data-testid="end-reason">${u.end_reason||"\u2014"}</dd></div>
      <div><dt>Transferred to</dt><dd class="mono">${u.transferred_to||"\u2014"}</dd></div>
      <div><dt>Agent version</dt><dd>${u.agent_version??"\u2014"}</dd></div>
      <div><dt>Tool calls</dt><dd>not reported by the runtime yet</dd></div>
    </dl>
    <div class="call-grid">
      <section aria-label="Recording and transcript"><h2>Recording and transcript</h2>
        <${qn} path=${`${n}/recording`} audioRef=${s} onTime=${a} />
        ${u.transcript.length?l`<ol class="transcript">${u.transcript.map((i,p)=>{let d=u.transcript[p+1],$=o*1e3>=i.at_ms&&(!d||o*1e3<d.at_ms);return l`<li class=${`${i.role}${$?" active":""}`}>
            <button type="button" onClick=${()=>c(i.at_ms)}
              aria-label=${`Play from ${Q(i.at_ms/1e3)}: ${i.role} said ${i.text}`}>
              <span class="at">${Q(i.at_ms/1e3)}</span>
              <span class="role">${i.role}</span>
              <span class="text">${i.text}${i.interrupted?" (interrupted)":""}</span>
            </button></li>`})}</ol>`:l`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Bn} turns=${u.turn_details} />
      </section>
    </div>`}</${g}>`}var ze=640,Z=180,X=36;function Le({title:e,days:t,series:n,kind:r="bar",format:s=H}){let o=t.flatMap(p=>n.map(d=>p[d.key]??0)),a=Math.max(1,...o),c=(ze-X*2)/Math.max(1,t.length),u=p=>Z-20-(p??0)/a*(Z-40),i=t.map(p=>`${ae(p.day)}: ${n.map(d=>`${d.label} ${s(p[d.key])}`).join(", ")}`).join("; ");return l`<figure class="chart"><figcaption>${e}</figcaption>
    <svg viewBox=${`0 0 ${ze} ${Z}`} role="img" aria-label=${`${e}. ${i}`}>
      <line x1=${X} x2=${ze-X} y1=${Z-20} y2=${Z-20} class="axis" />
      <text x="2" y="14" class="label">${s(a)}</text>
      ${t.map((p,d)=>l`<text x=${X+d*c+c/2} y=${Z-4} class="label" text-anchor="middle">
        ${t.length<=14||d%Math.ceil(t.length/14)===0?ae(p.day):""}</text>`)}
      ${r==="bar"?t.map((p,d)=>{let $=0;return n.map((_,m)=>{let f=p[_.key]??0,h=u($+f),y=l`<rect x=${X+d*c+c*.15} width=${c*.7}
                y=${h} height=${Math.max(0,u($)-h)} class=${`bar s${m}`}>
                <title>${ae(p.day)} ${_.label}: ${s(f)}</title></rect>`;return $+=f,y})}):n.map((p,d)=>l`<polyline class=${`line s${d}`} fill="none" points=${t.filter($=>$[p.key]!==null).map($=>`${X+t.indexOf($)*c+c/2},${u($[p.key])}`).join(" ")} />`)}
    </svg>
    <p class="legend">${n.map((p,d)=>l`<span><span class=${`swatch s${d}`}></span>${p.label}</span>`)}</p>
  </figure>`}function Kn(e,t,n){let r=Object.fromEntries(e.map(o=>[o.day,o])),s=[];for(let o=new Date(t);o<n;o.setUTCDate(o.getUTCDate()+1)){let a=o.toISOString().slice(0,10);s.push(r[a]||{day:a,calls:0,minutes:0,answered:0,missed:0,latency_p50_ms:null,latency_p95_ms:null})}return s}function pn({tenantId:e}){let[t,n]=b("14"),r=x(async()=>{let s=new Date;s.setUTCHours(24,0,0,0);let o=new Date(s);o.setUTCDate(o.getUTCDate()-Number(t));let a=await v(`/v1/tenants/${e}/analytics${B({since:o.toISOString(),until:s.toISOString()})}`);return Kn(a.days,o,s)},[e,t]);return l`<${T} title="Analytics">
      <${U} label="Range" path="range" value=${t} onChange=${n}
        options=${[["7","Last 7 days"],["14","Last 14 days"],["30","Last 30 days"],["90","Last 90 days"]]} />
    </${T}>
    <p class="note">Days are UTC days.</p>
    <${g} state=${r}>${s=>l`<div class="charts">
      <${Le} title="Calls per day" days=${s} series=${[{key:"calls",label:"Calls"}]} />
      <${Le} title="Minutes per day" days=${s} series=${[{key:"minutes",label:"Minutes"}]} format=${le} />
      <${Le} title="Answered and missed" days=${s}
        series=${[{key:"answered",label:"Answered"},{key:"missed",label:"Missed"}]} />
      <${Le} title="Voice-to-voice latency" days=${s} kind="line" format=${W}
        series=${[{key:"latency_p50_ms",label:"p50"},{key:"latency_p95_ms",label:"p95"}]} />
    </div>
    <details><summary>The numbers</summary><div class="table-wrap"><table>
      <thead><tr><th scope="col">Day</th><th scope="col">Calls</th><th scope="col">Minutes</th><th scope="col">Answered</th>
        <th scope="col">Missed</th><th scope="col">p50</th><th scope="col">p95</th></tr></thead>
      <tbody>${s.map(o=>l`<tr><td>${ae(o.day)}</td><td>${H(o.calls)}</td><td>${le(o.minutes)}</td>
        <td>${H(o.answered)}</td><td>${H(o.missed)}</td><td>${W(o.latency_p50_ms)}</td>
        <td>${W(o.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${g}>`}var zn=[["","Home","runtime.read"],["numbers","Numbers","calls.read"],["agents","Agents","calls.read"],["calls","Calls","calls.read"],["analytics","Analytics","analytics.read"],["secrets","Secrets","secrets.read"],["members","Members","members.read"],["api-keys","API keys","api_keys.read"],["audit","Audit log","audit.read"]],Jn={"":Yt,numbers:Zt,agents:Xt,secrets:nn,members:rn,"api-keys":on,audit:ln,calls:un,analytics:pn};function Gn({me:e,tenantId:t,section:n,item:r}){let s=x(()=>v(`/v1/tenants/${t}/permissions`),[t]),o=x(()=>v(`/v1/tenants/${t}`),[t]),a=Jn[n]||null;n==="agents"&&r&&(a=en),n==="calls"&&r&&(a=$n);let c=s.data?s.data.allowed:[],u=`/admin/t/${t}`;return l`<${g} state=${s}>${i=>l`<${we.Provider} value=${i}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${o.data?o.data.name:""}
        ${i.role?l`<span class="badge">${i.role}</span>`:l`<span class="badge">platform admin</span>`}</p>
      <ul>${zn.filter(([,,p])=>c.includes(p)).map(([p,d])=>l`<li><${D} href=${p?`${u}/${p}`:u}
          aria-current=${n===p?"page":void 0}>${d}</${D}></li>`)}</ul>
    </nav>
    <main id="main" class="content">
      ${a?l`<${a} tenantId=${t} tenant=${o.data} item=${r} me=${e}
        reloadTenant=${o.reload} />`:l`<p class="state">No such page.</p>`}
    </main>
  </${we.Provider}>`}</${g}>`}function Qn(){let e=Rt(),[t,n]=b(null),[r,s]=b(null);O(()=>{Nt(()=>M("/admin/signin?expired=1",{replace:!0}))},[]);let o=location.pathname.replace(/\/+$/,""),a=!!ge();if(O(()=>{!a||o==="/admin/signin"||o==="/admin/callback"||t===null&&v("/v1/me").then(n,s)},[a,o,t]),o==="/admin/callback")return l`<${Ft} />`;if(o==="/admin/signin"||!a)return o!=="/admin/signin"&&M("/admin/signin",{replace:!0}),l`<${Ht} onSignedIn=${d=>n(d)} />`;let c=()=>{G(),n(null),M("/admin/signin")},u=l`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${D} href="/admin" class="brand">Switchboard</${D}>
    <span class="who">${t?t.subject:""}</span>
    <button type="button" class="ghost" onClick=${c}>Sign out</button>
  </header>`;if(r)return l`${u}<main class="content"><p class="error" role="alert">${r.message}</p></main>`;let i=o.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/);if(!t&&!i)return l`${u}<p class="state" role="status">Loading…</p>`;let p=i?l`<div class="layout"><${Gn} me=${t} tenantId=${decodeURIComponent(i[1])}
        section=${i[2]||""} item=${i[3]?decodeURIComponent(i[3]):null} /></div>`:l`<main id="main" class="content"><${Jt} me=${t} /></main>`;return l`${u}${p}<span hidden>${e}</span>`}var mn=document.getElementById("app");mn.textContent="";ut(l`<${Qn} />`,mn);
