var pe,A,Xe,bn,q,Qe,et,tt,nt,je,Oe,De,rt,oe={},ot=[],yn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,me=Array.isArray;function W(e,t){for(var n in t)e[n]=t[n];return e}function Re(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Ue(e,t,n){var r,s,o,a={};for(o in t)o=="key"?r=t[o]:o=="ref"?s=t[o]:a[o]=t[o];if(arguments.length>2&&(a.children=arguments.length>3?pe.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(o in e.defaultProps)a[o]===void 0&&(a[o]=e.defaultProps[o]);return ue(e,a,r,s,null)}function ue(e,t,n,r,s){var o={type:e,props:t,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++Xe,__i:-1,__u:0};return s==null&&A.vnode!=null&&A.vnode(o),o}function _e(e){return e.children}function de(e,t){this.props=e,this.context=t}function z(e,t){if(t==null)return e.__?z(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?z(e):null}function st(e){var t,n;if((e=e.__)!=null&&e.__c!=null){for(e.__e=e.__c.base=null,t=0;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null){e.__e=e.__c.base=n.__e;break}return st(e)}}function Ie(e){(!e.__d&&(e.__d=!0)&&q.push(e)&&!$e.__r++||Qe!=A.debounceRendering)&&((Qe=A.debounceRendering)||et)($e)}function $e(){for(var e,t,n,r,s,o,a,u=1;q.length;)q.length>u&&q.sort(tt),e=q.shift(),u=q.length,e.__d&&(n=void 0,s=(r=(t=e).__v).__e,o=[],a=[],t.__P&&((n=W({},r)).__v=r.__v+1,A.vnode&&A.vnode(n),Me(t.__P,n,r,t.__n,t.__P.namespaceURI,32&r.__u?[s]:null,o,s??z(r),!!(32&r.__u),a),n.__v=r.__v,n.__.__k[n.__i]=n,it(o,n,a),n.__e!=s&&st(n)));$e.__r=0}function at(e,t,n,r,s,o,a,u,c,i,p){var d,$,_,m,f,h,y=r&&r.__k||ot,v=t.length;for(c=gn(n,t,y,c,v),d=0;d<v;d++)(_=n.__k[d])!=null&&($=_.__i==-1?oe:y[_.__i]||oe,_.__i=d,h=Me(e,_,$,s,o,a,u,c,i,p),m=_.__e,_.ref&&$.ref!=_.ref&&($.ref&&He($.ref,null,_),p.push(_.ref,_.__c||m,_)),f==null&&m!=null&&(f=m),4&_.__u||$.__k===_.__k?c=lt(_,c,e):typeof _.type=="function"&&h!==void 0?c=h:m&&(c=m.nextSibling),_.__u&=-7);return n.__e=f,c}function gn(e,t,n,r,s){var o,a,u,c,i,p=n.length,d=p,$=0;for(e.__k=new Array(s),o=0;o<s;o++)(a=t[o])!=null&&typeof a!="boolean"&&typeof a!="function"?(c=o+$,(a=e.__k[o]=typeof a=="string"||typeof a=="number"||typeof a=="bigint"||a.constructor==String?ue(null,a,null,null,null):me(a)?ue(_e,{children:a},null,null,null):a.constructor==null&&a.__b>0?ue(a.type,a.props,a.key,a.ref?a.ref:null,a.__v):a).__=e,a.__b=e.__b+1,u=null,(i=a.__i=vn(a,n,c,d))!=-1&&(d--,(u=n[i])&&(u.__u|=2)),u==null||u.__v==null?(i==-1&&(s>p?$--:s<p&&$++),typeof a.type!="function"&&(a.__u|=4)):i!=c&&(i==c-1?$--:i==c+1?$++:(i>c?$--:$++,a.__u|=4))):e.__k[o]=null;if(d)for(o=0;o<p;o++)(u=n[o])!=null&&(2&u.__u)==0&&(u.__e==r&&(r=z(u)),ut(u,u));return r}function lt(e,t,n){var r,s;if(typeof e.type=="function"){for(r=e.__k,s=0;r&&s<r.length;s++)r[s]&&(r[s].__=e,t=lt(r[s],t,n));return t}e.__e!=t&&(t&&e.type&&!n.contains(t)&&(t=z(e)),n.insertBefore(e.__e,t||null),t=e.__e);do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function vn(e,t,n,r){var s,o,a=e.key,u=e.type,c=t[n];if(c===null&&e.key==null||c&&a==c.key&&u==c.type&&(2&c.__u)==0)return n;if(r>(c!=null&&(2&c.__u)==0?1:0))for(s=n-1,o=n+1;s>=0||o<t.length;){if(s>=0){if((c=t[s])&&(2&c.__u)==0&&a==c.key&&u==c.type)return s;s--}if(o<t.length){if((c=t[o])&&(2&c.__u)==0&&a==c.key&&u==c.type)return o;o++}}return-1}function Ye(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||yn.test(t)?n:n+"px"}function ce(e,t,n,r,s){var o,a;e:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof r=="string"&&(e.style.cssText=r=""),r)for(t in r)n&&t in n||Ye(e.style,t,"");if(n)for(t in n)r&&n[t]==r[t]||Ye(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")o=t!=(t=t.replace(nt,"$1")),a=t.toLowerCase(),t=a in e||t=="onFocusOut"||t=="onFocusIn"?a.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+o]=n,n?r?n.u=r.u:(n.u=je,e.addEventListener(t,o?De:Oe,o)):e.removeEventListener(t,o?De:Oe,o);else{if(s=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Ze(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t.t==null)t.t=je++;else if(t.t<n.u)return;return n(A.event?A.event(t):t)}}}function Me(e,t,n,r,s,o,a,u,c,i){var p,d,$,_,m,f,h,y,v,g,L,K,te,Ge,ie,ne,Ne,V=t.type;if(t.constructor!=null)return null;128&n.__u&&(c=!!(32&n.__u),o=[u=t.__e=n.__e]),(p=A.__b)&&p(t);e:if(typeof V=="function")try{if(y=t.props,v="prototype"in V&&V.prototype.render,g=(p=V.contextType)&&r[p.__c],L=p?g?g.props.value:p.__:r,n.__c?h=(d=t.__c=n.__c).__=d.__E:(v?t.__c=d=new V(y,L):(t.__c=d=new de(y,L),d.constructor=V,d.render=kn),g&&g.sub(d),d.props=y,d.state||(d.state={}),d.context=L,d.__n=r,$=d.__d=!0,d.__h=[],d._sb=[]),v&&d.__s==null&&(d.__s=d.state),v&&V.getDerivedStateFromProps!=null&&(d.__s==d.state&&(d.__s=W({},d.__s)),W(d.__s,V.getDerivedStateFromProps(y,d.__s))),_=d.props,m=d.state,d.__v=t,$)v&&V.getDerivedStateFromProps==null&&d.componentWillMount!=null&&d.componentWillMount(),v&&d.componentDidMount!=null&&d.__h.push(d.componentDidMount);else{if(v&&V.getDerivedStateFromProps==null&&y!==_&&d.componentWillReceiveProps!=null&&d.componentWillReceiveProps(y,L),!d.__e&&d.shouldComponentUpdate!=null&&d.shouldComponentUpdate(y,d.__s,L)===!1||t.__v==n.__v){for(t.__v!=n.__v&&(d.props=y,d.state=d.__s,d.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(re){re&&(re.__=t)}),K=0;K<d._sb.length;K++)d.__h.push(d._sb[K]);d._sb=[],d.__h.length&&a.push(d);break e}d.componentWillUpdate!=null&&d.componentWillUpdate(y,d.__s,L),v&&d.componentDidUpdate!=null&&d.__h.push(function(){d.componentDidUpdate(_,m,f)})}if(d.context=L,d.props=y,d.__P=e,d.__e=!1,te=A.__r,Ge=0,v){for(d.state=d.__s,d.__d=!1,te&&te(t),p=d.render(d.props,d.state,d.context),ie=0;ie<d._sb.length;ie++)d.__h.push(d._sb[ie]);d._sb=[]}else do d.__d=!1,te&&te(t),p=d.render(d.props,d.state,d.context),d.state=d.__s;while(d.__d&&++Ge<25);d.state=d.__s,d.getChildContext!=null&&(r=W(W({},r),d.getChildContext())),v&&!$&&d.getSnapshotBeforeUpdate!=null&&(f=d.getSnapshotBeforeUpdate(_,m)),ne=p,p!=null&&p.type===_e&&p.key==null&&(ne=ct(p.props.children)),u=at(e,me(ne)?ne:[ne],t,n,r,s,o,a,u,c,i),d.base=t.__e,t.__u&=-161,d.__h.length&&a.push(d),h&&(d.__E=d.__=null)}catch(re){if(t.__v=null,c||o!=null)if(re.then){for(t.__u|=c?160:128;u&&u.nodeType==8&&u.nextSibling;)u=u.nextSibling;o[o.indexOf(u)]=null,t.__e=u}else for(Ne=o.length;Ne--;)Re(o[Ne]);else t.__e=n.__e,t.__k=n.__k;A.__e(re,t,n)}else o==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):u=t.__e=wn(n.__e,t,n,r,s,o,a,c,i);return(p=A.diffed)&&p(t),128&t.__u?void 0:u}function it(e,t,n){for(var r=0;r<n.length;r++)He(n[r],n[++r],n[++r]);A.__c&&A.__c(t,e),e.some(function(s){try{e=s.__h,s.__h=[],e.some(function(o){o.call(s)})}catch(o){A.__e(o,s.__v)}})}function ct(e){return typeof e!="object"||e==null||e.__b&&e.__b>0?e:me(e)?e.map(ct):W({},e)}function wn(e,t,n,r,s,o,a,u,c){var i,p,d,$,_,m,f,h=n.props,y=t.props,v=t.type;if(v=="svg"?s="http://www.w3.org/2000/svg":v=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),o!=null){for(i=0;i<o.length;i++)if((_=o[i])&&"setAttribute"in _==!!v&&(v?_.localName==v:_.nodeType==3)){e=_,o[i]=null;break}}if(e==null){if(v==null)return document.createTextNode(y);e=document.createElementNS(s,v,y.is&&y),u&&(A.__m&&A.__m(t,o),u=!1),o=null}if(v==null)h===y||u&&e.data==y||(e.data=y);else{if(o=o&&pe.call(e.childNodes),h=n.props||oe,!u&&o!=null)for(h={},i=0;i<e.attributes.length;i++)h[(_=e.attributes[i]).name]=_.value;for(i in h)if(_=h[i],i!="children"){if(i=="dangerouslySetInnerHTML")d=_;else if(!(i in y)){if(i=="value"&&"defaultValue"in y||i=="checked"&&"defaultChecked"in y)continue;ce(e,i,null,_,s)}}for(i in y)_=y[i],i=="children"?$=_:i=="dangerouslySetInnerHTML"?p=_:i=="value"?m=_:i=="checked"?f=_:u&&typeof _!="function"||h[i]===_||ce(e,i,_,h[i],s);if(p)u||d&&(p.__html==d.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),t.__k=[];else if(d&&(e.innerHTML=""),at(t.type=="template"?e.content:e,me($)?$:[$],t,n,r,v=="foreignObject"?"http://www.w3.org/1999/xhtml":s,o,a,o?o[0]:n.__k&&z(n,0),u,c),o!=null)for(i=o.length;i--;)Re(o[i]);u||(i="value",v=="progress"&&m==null?e.removeAttribute("value"):m!=null&&(m!==e[i]||v=="progress"&&!m||v=="option"&&m!=h[i])&&ce(e,i,m,h[i],s),i="checked",f!=null&&f!=e[i]&&ce(e,i,f,h[i],s))}return e}function He(e,t,n){try{if(typeof e=="function"){var r=typeof e.__u=="function";r&&e.__u(),r&&t==null||(e.__u=e(t))}else e.current=t}catch(s){A.__e(s,n)}}function ut(e,t,n){var r,s;if(A.unmount&&A.unmount(e),(r=e.ref)&&(r.current&&r.current!=e.__e||He(r,null,t)),(r=e.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(o){A.__e(o,t)}r.base=r.__P=null}if(r=e.__k)for(s=0;s<r.length;s++)r[s]&&ut(r[s],t,n||typeof e.type!="function");n||Re(e.__e),e.__c=e.__=e.__e=void 0}function kn(e,t,n){return this.constructor(e,n)}function dt(e,t,n){var r,s,o,a;t==document&&(t=document.documentElement),A.__&&A.__(e,t),s=(r=typeof n=="function")?null:n&&n.__k||t.__k,o=[],a=[],Me(t,e=(!r&&n||t).__k=Ue(_e,null,[e]),s||oe,oe,t.namespaceURI,!r&&n?[n]:s?null:t.firstChild?pe.call(t.childNodes):null,o,!r&&n?n:s?s.__e:t.firstChild,r,a),it(o,e,a)}function fe(e){function t(n){var r,s;return this.getChildContext||(r=new Set,(s={})[t.__c]=this,this.getChildContext=function(){return s},this.componentWillUnmount=function(){r=null},this.shouldComponentUpdate=function(o){this.props.value!=o.value&&r.forEach(function(a){a.__e=!0,Ie(a)})},this.sub=function(o){r.add(o);var a=o.componentWillUnmount;o.componentWillUnmount=function(){r&&r.delete(o),a&&a.call(o)}}),n.children}return t.__c="__cC"+rt++,t.__=e,t.Provider=t.__l=(t.Consumer=function(n,r){return n.children(r)}).contextType=t,t}pe=ot.slice,A={__e:function(e,t,n,r){for(var s,o,a;t=t.__;)if((s=t.__c)&&!s.__)try{if((o=s.constructor)&&o.getDerivedStateFromError!=null&&(s.setState(o.getDerivedStateFromError(e)),a=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(e,r||{}),a=s.__d),a)return s.__E=s}catch(u){e=u}throw e}},Xe=0,bn=function(e){return e!=null&&e.constructor==null},de.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=W({},this.state),typeof e=="function"&&(e=e(W({},n),this.props)),e&&W(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),Ie(this))},de.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),Ie(this))},de.prototype.render=_e,q=[],et=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,tt=function(e,t){return e.__v.__b-t.__v.__b},$e.__r=0,nt=/(PointerCapture)$|Capture$/i,je=0,Oe=Ze(!1),De=Ze(!0),rt=0;var J,P,Fe,$t,se=0,gt=[],O=A,pt=O.__b,mt=O.__r,_t=O.diffed,ft=O.__c,ht=O.unmount,bt=O.__;function be(e,t){O.__h&&O.__h(P,e,se||t),se=0;var n=P.__H||(P.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function b(e){return se=1,xn(xt,e)}function xn(e,t,n){var r=be(J++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):xt(void 0,t),function(u){var c=r.__N?r.__N[0]:r.__[0],i=r.t(c,u);c!==i&&(r.__N=[i,r.__[1]],r.__c.setState({}))}],r.__c=P,!P.__f)){var s=function(u,c,i){if(!r.__c.__H)return!0;var p=r.__c.__H.__.filter(function($){return!!$.__c});if(p.every(function($){return!$.__N}))return!o||o.call(this,u,c,i);var d=r.__c.props!==u;return p.forEach(function($){if($.__N){var _=$.__[0];$.__=$.__N,$.__N=void 0,_!==$.__[0]&&(d=!0)}}),o&&o.call(this,u,c,i)||d};P.__f=!0;var o=P.shouldComponentUpdate,a=P.componentWillUpdate;P.componentWillUpdate=function(u,c,i){if(this.__e){var p=o;o=void 0,s(u,c,i),o=p}a&&a.call(this,u,c,i)},P.shouldComponentUpdate=s}return r.__N||r.__}function D(e,t){var n=be(J++,3);!O.__s&&kt(n.__H,t)&&(n.__=e,n.u=t,P.__H.__h.push(n))}function We(e){return se=5,vt(function(){return{current:e}},[])}function vt(e,t){var n=be(J++,7);return kt(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function wt(e,t){return se=8,vt(function(){return e},t)}function ye(e){var t=P.context[e.__c],n=be(J++,9);return n.c=e,t?(n.__==null&&(n.__=!0,t.sub(P)),t.props.value):e.__}function Sn(){for(var e;e=gt.shift();)if(e.__P&&e.__H)try{e.__H.__h.forEach(he),e.__H.__h.forEach(Ve),e.__H.__h=[]}catch(t){e.__H.__h=[],O.__e(t,e.__v)}}O.__b=function(e){P=null,pt&&pt(e)},O.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),bt&&bt(e,t)},O.__r=function(e){mt&&mt(e),J=0;var t=(P=e.__c).__H;t&&(Fe===P?(t.__h=[],P.__h=[],t.__.forEach(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.forEach(he),t.__h.forEach(Ve),t.__h=[],J=0)),Fe=P},O.diffed=function(e){_t&&_t(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(gt.push(t)!==1&&$t===O.requestAnimationFrame||(($t=O.requestAnimationFrame)||Cn)(Sn)),t.__H.__.forEach(function(n){n.u&&(n.__H=n.u),n.u=void 0})),Fe=P=null},O.__c=function(e,t){t.some(function(n){try{n.__h.forEach(he),n.__h=n.__h.filter(function(r){return!r.__||Ve(r)})}catch(r){t.some(function(s){s.__h&&(s.__h=[])}),t=[],O.__e(r,n.__v)}}),ft&&ft(e,t)},O.unmount=function(e){ht&&ht(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.forEach(function(r){try{he(r)}catch(s){t=s}}),n.__H=void 0,t&&O.__e(t,n.__v))};var yt=typeof requestAnimationFrame=="function";function Cn(e){var t,n=function(){clearTimeout(r),yt&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);yt&&(t=requestAnimationFrame(n))}function he(e){var t=P,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),P=t}function Ve(e){var t=P;e.__c=e.__(),P=t}function kt(e,t){return!e||e.length!==t.length||t.some(function(n,r){return n!==e[r]})}function xt(e,t){return typeof t=="function"?t(e):t}var Ct="sb.token",Be="sb.pkce";function ge(){return sessionStorage.getItem(Ct)}function qe(e){sessionStorage.setItem(Ct,e)}function G(){sessionStorage.clear()}function Tt(e){let t="";for(let n of new Uint8Array(e))t+=String.fromCharCode(n);return btoa(t).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function St(){return Tt(crypto.getRandomValues(new Uint8Array(32)))}async function Et(e){let t=e.replace(/\/$/,"")+"/.well-known/openid-configuration",n=await fetch(t);if(!n.ok)throw new Error(`The identity provider answered ${n.status}.`);return n.json()}function At(){return`${location.origin}/admin/callback`}async function Lt(e){let t=await Et(e.oidc_issuer),n=St(),r=St(),s=await crypto.subtle.digest("SHA-256",new TextEncoder().encode(n));sessionStorage.setItem(Be,JSON.stringify({verifier:n,state:r}));let o=new URLSearchParams({response_type:"code",client_id:e.oidc_client_id,redirect_uri:At(),scope:e.oidc_scopes,state:r,code_challenge:Tt(s),code_challenge_method:"S256"});location.assign(`${t.authorization_endpoint}?${o}`)}async function Pt(e,t){let n=new URLSearchParams(t),r=JSON.parse(sessionStorage.getItem(Be)||"null");if(sessionStorage.removeItem(Be),n.get("error"))throw new Error(`Sign-in failed: ${n.get("error")}`);if(!r||n.get("state")!==r.state)throw new Error("Sign-in state mismatch.");let s=await Et(e.oidc_issuer),o=new URLSearchParams({grant_type:"authorization_code",code:n.get("code")||"",redirect_uri:At(),client_id:e.oidc_client_id,code_verifier:r.verifier}),a=await fetch(s.token_endpoint,{method:"POST",body:o});if(!a.ok)throw new Error(`The token exchange failed (${a.status}).`);let u=await a.json();qe(u.access_token)}var ae=class extends Error{constructor(t,n){let r=n&&n.error||{};super(r.message||`Request failed (${t}).`),this.status=t,this.code=r.code||"http_error",this.details=r.details}fieldErrors(){let t={};if(Array.isArray(this.details))for(let n of this.details){let r=String(n.field||"").replace(/^body\./,"");t[r]=t[r]?`${t[r]}; ${n.message}`:n.message}return t}},Nt=()=>{};function Ot(e){Nt=e}async function Ke(e,t,n){let r={Accept:"application/json"},s=ge();s&&(r.Authorization=`Bearer ${s}`),n!==void 0&&(r["Content-Type"]="application/json");let o=await fetch(t,{method:e,headers:r,body:n===void 0?void 0:JSON.stringify(n)});return o.status===401&&(G(),Nt()),o}async function S(e,t,n){let r=await Ke(e,t,n),s=await r.text(),o=s?JSON.parse(s):null;if(!r.ok)throw new ae(r.status,o);return o}var k=e=>S("GET",e);async function Dt(e){let t=await Ke("GET",e);if(t.status===404)return null;if(!t.ok)throw new ae(t.status,null);return URL.createObjectURL(await t.blob())}function F(e){let t=Object.entries(e).filter(([,n])=>n!=null&&n!=="");return t.length?`?${new URLSearchParams(t)}`:""}async function It(e,t){let n=await Ke("POST",e,t);if(!n.ok){let r=await n.text();throw new ae(n.status,r?JSON.parse(r):null)}return URL.createObjectURL(await n.blob())}var Rt=function(e,t,n,r){var s;t[0]=0;for(var o=1;o<t.length;o++){var a=t[o++],u=t[o]?(t[0]|=a?1:2,n[t[o++]]):t[++o];a===3?r[0]=u:a===4?r[1]=Object.assign(r[1]||{},u):a===5?(r[1]=r[1]||{})[t[++o]]=u:a===6?r[1][t[++o]]+=u+"":a?(s=e.apply(u,Rt(e,u,n,["",null])),r.push(s),u[0]?t[0]|=2:(t[o-2]=0,t[o]=s)):r.push(u)}return r},jt=new Map;function Ut(e){var t=jt.get(this);return t||(t=new Map,jt.set(this,t)),(t=Rt(this,t.get(e)||(t.set(e,t=function(n){for(var r,s,o=1,a="",u="",c=[0],i=function($){o===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?c.push(0,$,a):o===3&&($||a)?(c.push(3,$,a),o=2):o===2&&a==="..."&&$?c.push(4,$,0):o===2&&a&&!$?c.push(5,0,!0,a):o>=5&&((a||!$&&o===5)&&(c.push(o,0,a,s),o=6),$&&(c.push(o,$,0,s),o=6)),a=""},p=0;p<n.length;p++){p&&(o===1&&i(),i(p));for(var d=0;d<n[p].length;d++)r=n[p][d],o===1?r==="<"?(i(),c=[c],o=3):a+=r:o===4?a==="--"&&r===">"?(o=1,a=""):a=r+a[0]:u?r===u?u="":a+=r:r==='"'||r==="'"?u=r:r===">"?(i(),o=1):o&&(r==="="?(o=5,s=a,a=""):r==="/"&&(o<5||n[p][d+1]===">")?(i(),o===3&&(c=c[0]),o=c,(c=c[0]).push(2,0,o),o=0):r===" "||r==="	"||r===`
`||r==="\r"?(i(),o=2):a+=r),o===3&&a==="!--"&&(o=4,c=c[0])}return i(),c}(e)),t),arguments,[])).length>1?t:t[0]}var l=Ut.bind(Ue),ve=new Set;function M(e,{replace:t=!1}={}){t?history.replaceState(null,"",e):history.pushState(null,"",e),ve.forEach(n=>n())}window.addEventListener("popstate",()=>ve.forEach(e=>e()));function Mt(){let[,e]=b(0);return D(()=>{let t=()=>e(n=>n+1);return ve.add(t),()=>ve.delete(t)},[]),location.pathname+location.search}function j({href:e,children:t,...n}){return l`<a href=${e} onClick=${s=>{s.button!==0||s.metaKey||s.ctrlKey||s.shiftKey||(s.preventDefault(),M(e))}} ...${n}>${t}</a>`}var we=fe({allowed:[],role:null,platform_admin:!1});function I(){let e=ye(we);return t=>e.allowed.includes(t)}function x(e,t){let[n,r]=b({loading:!0,data:null,error:null}),s=wt(()=>{let o=!0;return r(a=>({...a,loading:!0,error:null})),e().then(a=>o&&r({loading:!1,data:a,error:null}),a=>o&&r({loading:!1,data:null,error:a})),()=>{o=!1}},t);return D(s,[s]),{...n,reload:s}}function w({state:e,empty:t,children:n}){return e.error?l`<${E} error=${e.error} />`:e.loading&&e.data===null?l`<p class="state" role="status">Loading…</p>`:t&&t(e.data)?l`<p class="state empty">${t.text||"Nothing here yet."}</p>`:n(e.data)}function E({error:e}){if(!e)return null;let t=e.code?l` <code>${e.code}</code>`:null,n=Array.isArray(e.details)?e.details.map(r=>`${r.field?`${String(r.field).replace(/^body\./,"")}: `:""}${r.message}`):[];return l`<div class="error" role="alert">${e.message}${t}
    ${n.length?l`<ul>${n.map(r=>l`<li>${r}</li>`)}</ul>`:null}</div>`}function ke(e){return`f-${e.replace(/[^a-zA-Z0-9_-]/g,"-")}`}function U({label:e,path:t,error:n,hint:r,children:s}){let o=ke(t);return l`<div class=${`field${n?" invalid":""}`}>
    <label for=${o}>${e}</label>
    ${s(o,n?`${o}-error`:r?`${o}-hint`:void 0)}
    ${r&&!n?l`<small id=${`${o}-hint`}>${r}</small>`:null}
    ${n?l`<small class="field-error" id=${`${o}-error`} data-field=${t}>${n}</small>`:null}
  </div>`}function C({label:e,path:t,value:n,onInput:r,error:s,type:o="text",hint:a,...u}){return l`<${U} label=${e} path=${t} error=${s} hint=${a}>
    ${(c,i)=>l`<input id=${c} name=${t} type=${o} value=${n??""}
      aria-invalid=${s?"true":void 0} aria-describedby=${i}
      onInput=${p=>r(p.currentTarget.value)} ...${u} />`}
  </${U}>`}function R({label:e,path:t,value:n,options:r,onChange:s,error:o}){return l`<${U} label=${e} path=${t} error=${o}>
    ${(a,u)=>l`<select id=${a} name=${t} value=${n??""}
      aria-describedby=${u} onChange=${c=>s(c.currentTarget.value)}>
      ${r.map(([c,i])=>l`<option value=${c} selected=${c===(n??"")}>${i}</option>`)}
    </select>`}
  </${U}>`}var Tn=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),En=new Intl.DateTimeFormat(void 0,{month:"short",day:"numeric"}),An=new Intl.NumberFormat,Ht=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}),N=e=>e?Tn.format(new Date(e)):"\u2014",Q=e=>En.format(new Date(`${e}T12:00:00`)),H=e=>e==null?"\u2014":An.format(e),le=e=>e==null?"\u2014":Ht.format(e),B=e=>e==null?"\u2014":`${Ht.format(e)} ms`,Y=e=>{if(e==null)return"\u2014";let t=Math.round(e);return`${Math.floor(t/60)}:${String(t%60).padStart(2,"0")}`};function T({title:e,children:t}){return D(()=>{document.title=`${e} \xB7 Switchboard`},[e]),l`<header class="page-head"><h1 tabindex="-1" id="page-title">${e}</h1>
    <div class="actions">${t}</div></header>`}function xe({cursors:e,setCursors:t,next:n}){return l`<nav class="pager" aria-label="Pages">
    <button type="button" class="secondary" disabled=${e.length===1}
      onClick=${()=>t(e.slice(0,-1))}>Newer</button>
    <button type="button" class="secondary" disabled=${!n}
      onClick=${()=>t([...e,n])}>Older</button>
  </nav>`}function Ft({onSignedIn:e}){let t=x(()=>k("/v1/console/config"),[]),[n,r]=b(""),[s,o]=b(null),[a,u]=b(!1),c=new URLSearchParams(location.search).has("expired");D(()=>{document.title="Sign in \xB7 Switchboard"},[]);let i=async d=>{d.preventDefault(),u(!0),o(null),qe(n.trim());try{let $=await k("/v1/me");e($),M("/admin",{replace:!0})}catch($){G(),o($.status===401?"That key is not valid (or was revoked).":$.message),u(!1)}},p=t.data&&t.data.oidc_issuer;return l`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${c&&!s?l`<p class="note" role="status">Your session ended; sign in again.</p>`:null}
    <form onSubmit=${i} aria-label="Sign in with an API key">
      <${C} label="API key" path="api_key" type="password" value=${n} onInput=${r}
        error=${s} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${a||!n.trim()}>Sign in</button>
    </form>
    ${p?l`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${()=>Lt(t.data).catch(o)}>
        Sign in with your identity provider</button>`:null}
  </main>`}function Vt(){let[e,t]=b(null);return D(()=>{k("/v1/console/config").then(n=>Pt(n,location.search)).then(()=>M("/admin",{replace:!0}),n=>t(n.message))},[]),l`<main id="main" class="signin">
    ${e?l`<p class="error" role="alert">${e}</p>
      <a href="/admin/signin">Back to sign-in</a>`:l`<p class="state" role="status">Signing in…</p>`}
  </main>`}var Se=null;async function Ee(e){return Se=Se||await k("/openapi.json"),{root:Se.components.schemas[e],all:Se.components.schemas}}var Ce=(e,t)=>e&&e.$ref?t[e.$ref.split("/").pop()]:e;function qt(e,t){let n=e.anyOf||e.oneOf;if(!n)return null;let r=n.filter(s=>s.type!=="null");return r.length===1&&r.length<n.length?Ce(r[0],t):null}var Wt={Llm:"LLM",Stt:"Speech-to-text (STT)",Tts:"Voice (TTS)",Api:"API",Dtmf:"DTMF",Http:"HTTP",Ms:"(ms)",S:"(s)",Url:"URL",Of:"of",In:"in",At:"at"},Ln=(e,t)=>(t&&t.title||e.replace(/_/g," ")).split(" ").map((n,r)=>r===0?Wt[n]||n:Wt[n]||n.toLowerCase()).join(" ").replace(/^./,n=>n.toUpperCase());function Kt(e,t,n){let r=Array.isArray(e)?[...e]:{...e||{}};return n===void 0?delete r[t]:r[t]=n,r}function Te(e,t){let n=Ce(e,t),r=e.default!==void 0?e.default:n.default;if(n.type==="object"&&n.properties){let s={};for(let[o,a]of Object.entries(n.properties)){let u=qt(a,t)?null:Te(a,t);u!==void 0&&(s[o]=u)}return{...s,...structuredClone(r||{})}}return r!==void 0?structuredClone(r):n.type==="object"?{}:n.type==="array"?[]:n.type==="boolean"?!1:n.type==="integer"||n.type==="number"?n.minimum??0:n.enum?n.enum[0]:""}function Bt({schema:e,path:t,label:n,value:r,onChange:s,errors:o,nullable:a}){let u=o[t],c=ke(t);if(e.type==="boolean")return l`<div class=${`field check${u?" invalid":""}`}>
      <input type="checkbox" id=${c} name=${t} checked=${!!r}
        onChange=${_=>s(_.currentTarget.checked)} />
      <label for=${c}>${n}</label>
      ${u?l`<small class="field-error" data-field=${t}>${u}</small>`:null}
    </div>`;let i=e.description;if(e.enum)return l`<${U} label=${n} path=${t} error=${u} hint=${i}>${(_,m)=>l`<select id=${_} name=${t} aria-describedby=${m}
        onChange=${f=>s(f.currentTarget.value||(a?null:void 0))}>
        ${a?l`<option value="">(none)</option>`:null}
        ${e.enum.map(f=>l`<option value=${f} selected=${f===r}>${f}</option>`)}
      </select>`}</${U}>`;let p=e.type==="integer"||e.type==="number",d=e.type==="string"&&(e.maxLength||0)>500,$=_=>{let m=_.currentTarget.value;return s(m===""?a?null:p?void 0:"":p?Number.isNaN(Number(m))?m:Number(m):m)};return l`<${U} label=${n} path=${t} error=${u} hint=${i}>${(_,m)=>d?l`<textarea id=${_} name=${t} rows="4" aria-describedby=${m}
          aria-invalid=${u?"true":void 0} onInput=${$}>${r??""}</textarea>`:l`<input id=${_} name=${t} aria-describedby=${m}
          aria-invalid=${u?"true":void 0}
          type=${p?"number":e.format==="time"?"time":"text"}
          step=${e.type==="number"?"any":void 0} value=${r??""} onInput=${$} />`}
  </${U}>`}function Pn({path:e,label:t,value:n,onChange:r,errors:s,hint:o}){let a=s[e]||Object.entries(s).find(([u])=>u.startsWith(`${e}.`))?.[1];return l`<${U} label=${t} path=${e} error=${a} hint=${o||"One per line"}>
    ${(u,c)=>l`<textarea id=${u} name=${e} rows="3" aria-describedby=${c}
      onInput=${i=>r(i.currentTarget.value.split(`
`).filter(p=>p.trim()))}
    >${(n||[]).join(`
`)}</textarea>`}</${U}>`}function Nn({path:e,label:t,options:n,value:r,onChange:s,errors:o}){let a=new Set(r||[]),u=c=>{let i=new Set(a);i.has(c)?i.delete(c):i.add(c),s(n.filter(p=>i.has(p)))};return l`<fieldset class="choices"><legend>${t}</legend>
    ${n.map(c=>l`<label class="choice"><input type="checkbox" name=${`${e}.${c}`}
      checked=${a.has(c)} onChange=${()=>u(c)} />${c}</label>`)}
    ${o[e]?l`<small class="field-error" data-field=${e}>${o[e]}</small>`:null}
  </fieldset>`}function On({path:e,label:t,value:n,onChange:r,errors:s}){return l`<${U} label=${t} path=${e} error=${s[e]} hint="JSON">
    ${(o,a)=>l`<textarea id=${o} name=${e} rows="4" class="mono"
      aria-describedby=${a} onChange=${u=>{try{r(JSON.parse(u.currentTarget.value||"{}"))}catch{r(u.currentTarget.value)}}}>${JSON.stringify(n??{},null,2)}</textarea>`}</${U}>`}function zt({schema:e,all:t,path:n,label:r,value:s,onChange:o,errors:a,extras:u}){let c=qt(e,t);if(c){if(c.type==="object"){let p=s!=null,d=ke(`${n}-enabled`);return l`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${d} checked=${p}
          onChange=${$=>o($.currentTarget.checked?Te(c,t):null)} />
          <label for=${d}>${r}</label></div>
        ${p?l`<${zt} schema=${c} all=${t} path=${n} label=${r}
          value=${s} onChange=${o} errors=${a} extras=${u} />`:null}
      </div>`}return l`<${Bt} schema=${{...c,description:e.description}} path=${n}
      label=${r} value=${s} onChange=${o} errors=${a} nullable=${!0} />`}let i=Ce(e,t);if(i.type==="object"&&i.properties){let p=u&&u[n];return l`<fieldset class="group"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      <${Z} schema=${i} all=${t} path=${n} value=${s} onChange=${o}
        errors=${a} extras=${u} />
      ${p?l`<${p} value=${s} />`:null}
    </fieldset>`}if(i.type==="object")return l`<${On} path=${n} label=${r} value=${s} onChange=${o} errors=${a} />`;if(i.type==="array"){let p=Ce(i.items,t);if(p.type==="string"&&p.enum)return l`<${Nn} path=${n} label=${r} options=${p.enum} value=${s}
        onChange=${o} errors=${a} />`;if(p.type!=="object")return l`<${Pn} path=${n} label=${r} value=${s} onChange=${o}
        errors=${a} hint=${i.description} />`;let d=s||[],$=(p.title||"Item").replace(/([a-z])([A-Z])/g,"$1 $2");return l`<fieldset class="group list"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      ${d.length===0?l`<p class="empty">None.</p>`:null}
      ${d.map((_,m)=>l`<div class="list-item">
        <${Z} schema=${p} all=${t} path=${`${n}.${m}`} value=${_}
          onChange=${f=>o(Kt(d,m,f))} errors=${a} />
        <button type="button" class="ghost small" onClick=${()=>o(d.filter((f,h)=>h!==m))}
          aria-label=${`Remove ${$} ${m+1} of ${r}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${()=>o([...d,Te(p,t)])}>Add ${$.toLowerCase()}</button>
    </fieldset>`}return l`<${Bt} schema=${i} path=${n} label=${r} value=${s}
    onChange=${o} errors=${a} />`}function Z({schema:e,all:t,path:n,value:r,onChange:s,errors:o,extras:a}){return Object.entries(e.properties||{}).map(([u,c])=>{let i=n?`${n}.${u}`:u;return l`<${zt} key=${i} schema=${c} all=${t} path=${i}
      label=${Ln(u,c)} value=${(r||{})[u]}
      onChange=${p=>s(Kt(r,u,p))} errors=${o} extras=${a} />`})}function Jt(e,t){return Te(e,t)}function Dn({onCreated:e}){let[t,n]=b(""),[r,s]=b({}),[o,a]=b(null);return l`<form class="inline-form" onSubmit=${async c=>{c.preventDefault();try{let i=await S("POST","/v1/tenants",{name:t});n(""),s({}),a(null),e(i)}catch(i){s(i.fieldErrors?i.fieldErrors():{}),a(i)}}} aria-label="Create a tenant">
    <${C} label="New tenant name" path="name" value=${t} onInput=${n} error=${r.name} />
    <button type="submit">Create tenant</button>
    ${o&&!r.name?l`<${E} error=${o} />`:null}
  </form>`}function In({tenant:e,onSaved:t}){let[n,r]=b(null),[s,o]=b(e.limits),[a,u]=b({}),[c,i]=b(null);D(()=>{Ee("TenantLimits").then(r,i)},[]);let p=async d=>{d.preventDefault();try{await S("PATCH",`/v1/tenants/${e.id}`,{limits:s}),u({}),i(null),t()}catch($){u($.fieldErrors?$.fieldErrors():{}),i($)}};return n?l`<form class="limits" onSubmit=${p} aria-label=${`Limits of ${e.name}`}>
    <${Z} schema=${n.root} all=${n.all} path="limits" value=${s}
      onChange=${o} errors=${a} />
    <button type="submit" class="small">Save limits</button>
    <${E} error=${c} />
  </form>`:l`<${E} error=${c} />`}function Gt({me:e}){let t=x(()=>k("/v1/tenants"),[]),[n,r]=b(null),[s,o]=b(null),a=e.platform_admin;D(()=>{let c=t.data?t.data.items:[];!a&&c.length===1&&M(`/admin/t/${c[0].id}`,{replace:!0})},[t.data]);let u=async(c,i)=>{if(!(i==="delete"&&!confirm(`Delete ${c.name}? Its numbers stop answering.`)))try{i==="delete"?await S("DELETE",`/v1/tenants/${c.id}`):await S("POST",`/v1/tenants/${c.id}/${i}`),r(null),t.reload()}catch(p){r(p)}};return l`<${T} title="Tenants" />
    ${a?l`<${Dn} onCreated=${c=>M(`/admin/t/${c.id}`)} />`:null}
    <${E} error=${n} />
    <${w} state=${t} empty=${Object.assign(c=>c.items.length===0,{text:"No tenants yet."})}>
      ${c=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Tenants</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Concurrent calls</th>
          <th scope="col">Created</th>${a?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${c.items.map(i=>l`<tr>
          <td><${j} href=${`/admin/t/${i.id}`}>${i.name}</${j}></td>
          <td><span class=${`status ${i.status}`}>${i.status}</span></td>
          <td>${i.limits.max_concurrent_calls}</td>
          <td>${N(i.created_at)}</td>
          ${a?l`<td class="row-actions">
            ${i.status==="active"?l`<button type="button" class="secondary small" onClick=${()=>u(i,"suspend")}>Suspend</button>`:l`<button type="button" class="secondary small" onClick=${()=>u(i,"activate")}>Activate</button>`}
            <button type="button" class="secondary small" aria-expanded=${s===i.id}
              onClick=${()=>o(s===i.id?null:i.id)}>Limits</button>
            <button type="button" class="danger small" onClick=${()=>u(i,"delete")}>Delete</button>
            ${s===i.id?l`<${In} tenant=${i} onSaved=${t.reload} />`:null}
          </td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${w}>`}function Yt(){let e=new Date;return e.setHours(0,0,0,0),e}function jn(){let e=Yt();return e.setDate(e.getDate()-(e.getDay()+6)%7),e}function Qt({label:e,data:t}){return l`<section class="card" aria-label=${e}><h2>${e}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${H(t.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${le(t.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${H(t.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${H(t.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${B(t.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${B(t.latency_p95_ms)}</dd></div>
    </dl></section>`}function Rn({tenant:e,onSaved:t}){let[n,r]=b(e.name),[s,o]=b(e.recording_retention_days??""),[a,u]=b({}),[c,i]=b(null),[p,d]=b(!1);return l`<section class="card" aria-label="Tenant settings"><h2>Settings</h2>
    <form class="inline-form plain-form" onSubmit=${async _=>{_.preventDefault();let m={name:n,recording_retention_days:s===""?null:Number(s)};try{await S("PATCH",`/v1/tenants/${e.id}`,m),u({}),i(null),d(!0),t()}catch(f){u(f.fieldErrors?f.fieldErrors():{}),i(f),d(!1)}}}>
      <${C} label="Name" path="name" value=${n} onInput=${r} error=${a.name} />
      <${C} label="Keep recordings (days; empty: forever)" path="recording_retention_days"
        type="number" min="1" value=${s} onInput=${o} error=${a.recording_retention_days} />
      <button type="submit">Save settings</button>
    </form>
    ${p?l`<p role="status">Saved.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${E} error=${c} />`:null}
  </section>`}function Zt({tenantId:e,tenant:t,reloadTenant:n}){let r=I(),s=`/v1/tenants/${e}`,o=x(async()=>{if(!r("analytics.read"))return null;let[$,_]=await Promise.all([k(`${s}/analytics/summary${F({since:Yt().toISOString()})}`),k(`${s}/analytics/summary${F({since:jn().toISOString()})}`)]);return{today:$,week:_}},[e]),a=x(()=>k(`${s}/runtime`),[e]),[u,c]=b(null),[i,p]=b(null),d=async()=>{try{let $=await S("POST",`${s}/runtime/publish`);p($.revision),c(null),a.reload()}catch($){c($)}};return l`<${T} title=${t?t.name:"Tenant"} />
    <${w} state=${o}>${$=>$&&l`<div class="cards">
      <${Qt} label="Today" data=${$.today} /><${Qt} label="This week" data=${$.week} /></div>`}
    </${w}>
    <section class="card" aria-label="Runtime"><h2>Runtime</h2>
      <${w} state=${a}>${$=>l`<dl class="stats">
          <div><dt>Revision</dt><dd>${H($.revision)}</dd></div>
          <div><dt>Published revision</dt><dd>${H($.published_revision)}</dd></div>
          <div><dt>Pending</dt><dd>${H($.pending)}</dd></div>
          <div><dt>Drift</dt><dd class=${$.in_sync?"ok":"warn"}>${$.in_sync?"In sync":"Drifted"}</dd></div>
        </dl>
        ${$.drift.length?l`<ul class="drift">${$.drift.map(_=>l`<li>${_}</li>`)}</ul>`:null}
        ${$.problems.length?l`<h3>Problems</h3><ul class="problems">${$.problems.map(_=>l`<li><code>${_.type}</code> ${_.message}</li>`)}</ul>`:null}`}
      </${w}>
      ${r("runtime.publish")?l`<button type="button" onClick=${d}>Re-publish</button>`:null}
      ${i!==null?l`<p role="status">Queued revision ${H(i)}.</p>`:null}
      <${E} error=${u} />
    </section>
    ${t&&r("tenants.update")?l`<${Rn} key=${t.id} tenant=${t}
      onSaved=${n} />`:null}`}function Xt({tenantId:e}){let t=I(),n=`/v1/tenants/${e}`,r=x(async()=>{let[f,h]=await Promise.all([k(`${n}/numbers`),k(`${n}/agents`)]);return{numbers:f.items,agents:h.items}},[e]),[s,o]=b({e164:"",carrier:"twilio",agent_id:"",label:""}),[a,u]=b({}),[c,i]=b(null),p=f=>{u(f.fieldErrors?f.fieldErrors():{}),i(f)},d=async f=>{f.preventDefault();try{await S("POST",`${n}/numbers`,{...s,agent_id:s.agent_id||null}),o({e164:"",carrier:"twilio",agent_id:"",label:""}),u({}),i(null),r.reload()}catch(h){p(h)}},$=async(f,h)=>{try{await S("PATCH",`${n}/numbers/${f.id}`,{agent_id:h||null}),i(null),r.reload()}catch(y){p(y)}},_=async f=>{if(confirm(`Remove ${f.e164}? It stops taking calls.`))try{await S("DELETE",`${n}/numbers/${f.id}`),r.reload()}catch(h){p(h)}},m=t("numbers.write");return l`<${T} title="Numbers" />
    <${w} state=${r}>${({numbers:f,agents:h})=>{let y=[["","(no agent: not answering)"],...h.map(g=>[g.id,g.name])],v=g=>(h.find(L=>L.id===g)||{}).name||"\u2014";return l`
      ${m?l`<form class="inline-form" onSubmit=${d} aria-label="Add a number">
        <${C} label="Number (E.164)" path="e164" value=${s.e164} placeholder="+14155550100"
          onInput=${g=>o({...s,e164:g})} error=${a.e164} />
        <${R} label="Carrier" path="carrier" value=${s.carrier} error=${a.carrier}
          options=${[["twilio","Twilio"],["telnyx","Telnyx"]]} onChange=${g=>o({...s,carrier:g})} />
        <${R} label="Agent" path="agent_id" value=${s.agent_id} options=${y}
          error=${a.agent_id} onChange=${g=>o({...s,agent_id:g})} />
        <${C} label="Label" path="label" value=${s.label} error=${a.label}
          onInput=${g=>o({...s,label:g})} />
        <button type="submit">Add number</button>
      </form>`:null}
      <${E} error=${c} />
      ${f.length===0?l`<p class="state empty">No numbers yet.</p>`:l`<div class="table-wrap"><table>
        <caption class="sr-only">Numbers</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">Carrier</th><th scope="col">Label</th>
          <th scope="col">Agent</th>${m?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${f.map(g=>l`<tr>
          <td class="mono">${g.e164}</td><td>${g.carrier}</td><td>${g.label}</td>
          <td>${m?l`<label class="sr-only" for=${`move-${g.id}`}>Agent of ${g.e164}</label>
            <select id=${`move-${g.id}`} onChange=${L=>$(g,L.currentTarget.value)}>
              ${y.map(([L,K])=>l`<option value=${L} selected=${L===(g.agent_id||"")}>${K}</option>`)}
            </select>`:v(g.agent_id)}</td>
          ${m?l`<td><button type="button" class="danger small" onClick=${()=>_(g)}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}`}}</${w}>`}function en({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/agents`,r=x(()=>k(n),[e]),[s,o]=b(""),[a,u]=b({}),[c,i]=b(null),p=async d=>{d.preventDefault();try{let $=await S("POST",n,{name:s});M(`/admin/t/${e}/agents/${$.id}`)}catch($){u($.fieldErrors?$.fieldErrors():{}),i($)}};return l`<${T} title="Agents" />
    ${t("agents.write")?l`<form class="inline-form" onSubmit=${p} aria-label="Create an agent">
      <${C} label="New agent name" path="name" value=${s} onInput=${o} error=${a.name} />
      <button type="submit">Create agent</button>
      ${c&&!a.name?l`<${E} error=${c} />`:null}
    </form>`:null}
    <${w} state=${r} empty=${Object.assign(d=>d.items.length===0,{text:"No agents yet."})}>
      ${d=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Agents</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Live version</th>
          <th scope="col">Latest version</th><th scope="col">Updated</th></tr></thead>
        <tbody>${d.items.map($=>l`<tr>
          <td><${j} href=${`/admin/t/${e}/agents/${$.id}`}>${$.name}</${j}></td>
          <td>${$.live_version??"not live"}</td><td>${$.latest_version||"\u2014"}</td>
          <td>${N($.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${w}>`}function Ae(e,t="",n={}){if(e&&typeof e=="object"&&!Array.isArray(e)){for(let[r,s]of Object.entries(e))Ae(s,t?`${t}.${r}`:r,n);Object.keys(e).length===0&&t&&(n[t]="{}")}else Array.isArray(e)&&e.some(r=>r&&typeof r=="object")?(e.forEach((r,s)=>Ae(r,`${t}.${s}`,n)),e.length===0&&(n[t]="[]")):n[t]=typeof e=="string"?e:JSON.stringify(e);return n}function Un({left:e,right:t}){let n=Ae(e.config),r=Ae(t.config),s=[...new Set([...Object.keys(n),...Object.keys(r)])].sort(),o=s.filter(a=>n[a]!==r[a]);return l`<div class="table-wrap"><table class="diff">
    <caption>Version ${e.version} and version ${t.version}: ${o.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${e.version}</th>
      <th scope="col">Version ${t.version}</th></tr></thead>
    <tbody>${s.map(a=>l`<tr class=${n[a]!==r[a]?"changed":""}>
      <th scope="row" class="mono">${a}</th><td class="pre">${n[a]??"\u2014"}</td><td class="pre">${r[a]??"\u2014"}</td>
    </tr>`)}</tbody></table></div>`}function Mn({base:e,agent:t,versions:n,onChanged:r}){let s=I(),[o,a]=b(()=>[n[1]?.version||n[0]?.version,n[0]?.version]),[u,c]=b(null),i=$=>n.find(_=>_.version===Number($)),p=async($,_)=>{try{await S("POST",`${e}/${$}`,{version:_}),c(null),r()}catch(m){c(m)}},d=($,_)=>l`<label>${_}
    <select value=${o[$]} onChange=${m=>a($?[o[0],m.currentTarget.value]:[m.currentTarget.value,o[1]])}>
      ${n.map(m=>l`<option value=${m.version} selected=${m.version===Number(o[$])}>Version ${m.version}</option>`)}
    </select></label>`;return l`<section aria-label="Versions"><h2>Versions</h2>
    <${E} error=${u} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${n.map($=>l`<tr>
        <td>${$.version}</td><td>${$.note}</td><td>${$.created_by}</td><td>${N($.created_at)}</td>
        <td>${$.live?l`<span class="status active">live</span>`:s("agents.publish")?t.live_version!==null&&$.version<t.live_version?l`<button type="button" class="secondary small" onClick=${()=>p("rollback",$.version)}>Roll back to ${$.version}</button>`:l`<button type="button" class="small" onClick=${()=>p("publish",$.version)}>Publish ${$.version}</button>`:""}</td></tr>`)}</tbody></table></div>
    ${n.length>1?l`<h3>Compare</h3><div class="inline-form">${d(0,"Left")}${d(1,"Right")}</div>
      ${i(o[0])&&i(o[1])?l`<${Un} left=${i(o[0])} right=${i(o[1])} />`:null}`:null}
  </section>`}function Hn({value:e}){let t=I(),n=ye(ze),[r,s]=b(null),[o,a]=b(null),[u,c]=b(!1);return D(()=>()=>r&&URL.revokeObjectURL(r),[r]),t("agents.write")?l`<div class="voice-preview">
    <button type="button" class="secondary small" disabled=${u} onClick=${async()=>{c(!0),a(null);try{s(await It(`${n}/voices/preview`,{tts:e}))}catch(p){a(p)}c(!1)}}>
      ${u?"Synthesizing\u2026":"Preview voice"}</button>
    ${r?l`<audio controls autoplay src=${r} aria-label="Voice preview"></audio>`:null}
    <${E} error=${o} />
  </div>`:null}var ze=fe(""),Fn={tts:Hn};function Vn({base:e,latest:t,onSaved:n}){let r=I(),[s,o]=b(null),[a,u]=b(null),[c,i]=b({}),[p,d]=b(null),[$,_]=b(null);if(D(()=>{Ee("AgentVersionCreate").then(h=>{o(h),u(t?{...t.config,note:""}:Jt(h.root,h.all))},d)},[t&&t.version]),!s||!a)return l`<${E} error=${p} />`;let m=r("agents.write");return l`<form class="agent-form" onSubmit=${async h=>{h.preventDefault();try{let y=await S("POST",`${e}/versions`,a);i({}),d(null),_(y),n()}catch(y){i(y.fieldErrors?y.fieldErrors():{}),d(y)}}} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!m} class="plain">
      <${Z} schema=${s.root} all=${s.all} path="" value=${a}
        onChange=${u} errors=${c} extras=${Fn} />
    </fieldset>
    ${p?l`<p class="error" role="alert">${Object.keys(c).length?`The version was not saved: ${Object.keys(c).length} field(s) need attention.`:p.message}</p>`:null}
    ${$?l`<p role="status">Saved as version ${$.version}.${$.warnings.map(h=>` ${h.message}`)}</p>`:null}
    ${m?l`<div class="sticky-actions"><button type="submit">Save as new version</button></div>`:null}
  </form>`}function tn({tenantId:e,item:t}){let n=`/v1/tenants/${e}/agents/${t}`,r=x(async()=>{let[s,o]=await Promise.all([k(n),k(`${n}/versions`)]);return{agent:s,versions:o.items}},[n]);return l`<${w} state=${r}>${({agent:s,versions:o})=>l`
    <${T} title=${s.name}>
      <span class="badge">${s.live_version?`live: version ${s.live_version}`:"not live"}</span>
    </${T}>
    <div class="agent-grid">
      <${ze.Provider} value=${`/v1/tenants/${e}`}>
        <${Vn} base=${n} latest=${o[0]} onSaved=${r.reload} />
      </${ze.Provider}>
      ${o.length?l`<${Mn} key=${o.length} base=${n} agent=${s}
        versions=${o} onChanged=${r.reload} />`:l`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${w}>`}var Wn=[["llm_api_key","LLM API key"],["carrier_credential","Carrier credential"],["tool_credential","Tool credential"],["webhook_secret","Webhook secret"]],nn={name:"",kind:"llm_api_key",value:"",allowed_host:""};function rn({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/secrets`,r=x(()=>k(n),[e]),[s,o]=b(nn),[a,u]=b({}),[c,i]=b(null),[p,d]=b(null),$=h=>{u(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={value:s.value,kind:s.kind};s.kind==="llm_api_key"&&s.allowed_host&&(y.allowed_host=s.allowed_host);try{await S("PUT",`${n}/${encodeURIComponent(s.name)}`,y),d(s.name),o(nn),u({}),i(null),r.reload()}catch(v){$(v)}},m=async h=>{if(confirm(`Delete the secret ${h}?`))try{await S("DELETE",`${n}/${encodeURIComponent(h)}`),r.reload()}catch(y){$(y)}},f=t("secrets.write");return l`<${T} title="Secrets" />
    ${f?l`<form class="inline-form" onSubmit=${_} aria-label="Set a secret" autocomplete="off">
      <${C} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${h=>o({...s,name:h})} />
      <${R} label="Kind" path="kind" value=${s.kind} options=${Wn} error=${a.kind}
        onChange=${h=>o({...s,kind:h})} />
      <${C} label="Value" path="value" type="password" value=${s.value} error=${a.value}
        autocomplete="new-password" onInput=${h=>o({...s,value:h})} />
      ${s.kind==="llm_api_key"?l`<${C} label="Allowed host (optional)" path="allowed_host"
        value=${s.allowed_host} error=${a.allowed_host} onInput=${h=>o({...s,allowed_host:h})} />`:null}
      <button type="submit">Save secret</button>
    </form>`:null}
    ${p?l`<p role="status">Stored ${p}. Its value cannot be read back.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${E} error=${c} />`:null}
    <${w} state=${r} empty=${Object.assign(h=>h.items.length===0,{text:"No secrets yet."})}>
      ${h=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Secrets</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Allowed host</th>
          <th scope="col">Set</th><th scope="col">By</th>${f?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${h.items.map(y=>l`<tr>
          <td class="mono">${y.name}</td><td>${y.kind}</td><td>${y.allowed_host||"\u2014"}</td>
          <td>${N(y.updated_at)}</td><td>${y.updated_by||"\u2014"}</td>
          ${f?l`<td><button type="button" class="danger small" onClick=${()=>m(y.name)}>Delete</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${w}>`}var Le=[["viewer","Viewer"],["editor","Editor"],["admin","Admin"],["owner","Owner"]];function on({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/members`,r=x(()=>k(n),[e]),[s,o]=b({subject:"",role:"viewer"}),[a,u]=b({}),[c,i]=b(null),p=async m=>{try{await m(),u({}),i(null),r.reload()}catch(f){u(f.fieldErrors?f.fieldErrors():{}),i(f)}},d=(m,f)=>p(()=>S("PUT",`${n}/${encodeURIComponent(m)}`,{role:f})),$=m=>{m.preventDefault(),p(async()=>{await d(s.subject,s.role),o({subject:"",role:"viewer"})})},_=t("members.write");return l`<${T} title="Members" />
    ${_?l`<form class="inline-form" onSubmit=${$} aria-label="Add a member">
      <${C} label="Subject (OIDC sub)" path="subject" value=${s.subject} error=${a.subject}
        onInput=${m=>o({...s,subject:m})} />
      <${R} label="Role" path="role" value=${s.role} options=${Le} error=${a.role}
        onChange=${m=>o({...s,role:m})} />
      <button type="submit">Add member</button>
    </form>`:null}
    <${E} error=${c} />
    <${w} state=${r} empty=${Object.assign(m=>m.items.length===0,{text:"No members yet."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Members</caption>
        <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">Added by</th>
          <th scope="col">Added</th>${_?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${m.items.map(f=>l`<tr>
          <td class="mono">${f.subject}</td>
          <td>${_?l`<label class="sr-only" for=${`role-${f.subject}`}>Role of ${f.subject}</label>
            <select id=${`role-${f.subject}`} onChange=${h=>d(f.subject,h.currentTarget.value)}>
            ${Le.map(([h,y])=>l`<option value=${h} selected=${h===f.role}>${y}</option>`)}</select>`:f.role}</td>
          <td>${f.created_by}</td><td>${N(f.created_at)}</td>
          ${_?l`<td><button type="button" class="danger small"
            onClick=${()=>confirm(`Remove ${f.subject}?`)&&p(()=>S("DELETE",`${n}/${encodeURIComponent(f.subject)}`))}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${w}>`}function sn({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/api-keys`,r=x(()=>k(n),[e]),[s,o]=b({name:"",role:"viewer",expires_at:""}),[a,u]=b({}),[c,i]=b(null),[p,d]=b(null),$=h=>{u(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={name:s.name,role:s.role};s.expires_at&&(y.expires_at=new Date(s.expires_at).toISOString());try{d(await S("POST",n,y)),o({name:"",role:"viewer",expires_at:""}),u({}),i(null),r.reload()}catch(v){$(v)}},m=async h=>{if(confirm(`Revoke ${h.name}? Anything using it stops working.`))try{await S("DELETE",`${n}/${h.id}`),r.reload()}catch(y){$(y)}},f=t("api_keys.write");return l`<${T} title="API keys" />
    ${f?l`<form class="inline-form" onSubmit=${_} aria-label="Create an API key">
      <${C} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${h=>o({...s,name:h})} />
      <${R} label="Role" path="role" value=${s.role} options=${Le} error=${a.role}
        onChange=${h=>o({...s,role:h})} />
      <${C} label="Expires (optional)" path="expires_at" type="datetime-local" value=${s.expires_at}
        error=${a.expires_at} onInput=${h=>o({...s,expires_at:h})} />
      <button type="submit">Create key</button>
    </form>`:null}
    ${p?l`<div class="once" role="status"><p>The new key <strong>${p.name}</strong>, shown
      only this once; copy it now:</p><output class="mono key" data-testid="new-key">${p.key}</output>
      <button type="button" class="secondary small" onClick=${()=>d(null)}>I have stored it</button></div>`:null}
    ${c&&!Object.keys(a).length?l`<${E} error=${c} />`:null}
    <${w} state=${r} empty=${Object.assign(h=>h.items.length===0,{text:"No API keys yet."})}>
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
    </${w}>`}var an=e=>e===void 0?"\u2014":typeof e=="string"?e:JSON.stringify(e);function Bn({diff:e}){let t=e.before||{},n=e.after||{},r=[...new Set([...Object.keys(t),...Object.keys(n)])].sort();return r.length?l`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${r.map(s=>l`<tr class="changed">
    <th scope="row" class="mono">${s}</th><td class="pre">${an(t[s])}</td><td class="pre">${an(n[s])}</td>
    </tr>`)}</tbody></table>`:l`<p class="empty">No field changes recorded.</p>`}var ln=e=>e?new Date(e).toISOString():"";function cn({tenantId:e}){let[t,n]=b({actor:"",action:"",target:"",since:"",until:""}),[r,s]=b(t),[o,a]=b([null]),[u,c]=b(null),i=o[o.length-1],p=x(()=>k(`/v1/tenants/${e}/audit${F({...r,since:ln(r.since),until:ln(r.until),cursor:i,limit:25})}`),[e,r,i]),d=_=>{_.preventDefault(),s(t),a([null])},$=(_,m,f="text")=>l`<${C} label=${m} path=${`filter-${_}`}
    type=${f} value=${t[_]} onInput=${h=>n({...t,[_]:h})} />`;return l`<${T} title="Audit log" />
    <form class="inline-form filters" onSubmit=${d} aria-label="Filter the audit log">
      ${$("actor","Actor")}${$("action","Action (or prefix ending in .)")}${$("target","Target")}
      ${$("since","From","datetime-local")}${$("until","Until","datetime-local")}
      <button type="submit">Filter</button>
    </form>
    <${w} state=${p} empty=${Object.assign(_=>_.items.length===0,{text:"No audit entries match."})}>
      ${_=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Audit entries</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th>
          <th scope="col">Target</th><th scope="col">Change</th></tr></thead>
        <tbody>${_.items.map(m=>l`<tr>
          <td>${N(m.at)}</td><td class="mono">${m.actor}</td><td>${m.action}</td><td class="mono">${m.target}</td>
          <td><button type="button" class="ghost small" aria-expanded=${u===m.id}
            onClick=${()=>c(u===m.id?null:m.id)}>${u===m.id?"Hide":"Show"}</button>
            ${u===m.id?l`<${Bn} diff=${m.diff} />`:null}</td>
        </tr>`)}</tbody></table></div>
        <${xe} cursors=${o} setCursors=${a} next=${_.next_cursor} />`}
    </${w}>`}var qn=[["","Any outcome"],["answered","Answered"],["missed","Missed"],["transferred","Transferred"],["failed","Failed"],["in_progress","In progress"]],un=e=>e?new Date(e).toISOString():"";function dn({tenantId:e}){let t=`/v1/tenants/${e}`,n=x(()=>k(`${t}/agents`),[e]),[r,s]=b({since:"",until:"",number:"",agent_id:"",outcome:""}),[o,a]=b(r),[u,c]=b([null]),i=u[u.length-1],p=x(()=>k(`${t}/calls${F({...o,since:un(o.since),until:un(o.until),cursor:i,limit:25})}`),[e,o,i]),d=m=>{m.preventDefault(),a(r),c([null])},$=n.data?n.data.items:[],_=m=>($.find(f=>f.id===m)||{}).name||m||"\u2014";return l`<${T} title="Calls" />
    <form class="inline-form filters" onSubmit=${d} aria-label="Filter calls">
      <${C} label="From" path="since" type="datetime-local" value=${r.since}
        onInput=${m=>s({...r,since:m})} />
      <${C} label="Until" path="until" type="datetime-local" value=${r.until}
        onInput=${m=>s({...r,until:m})} />
      <${C} label="Number called" path="number" value=${r.number} placeholder="+14155550100"
        onInput=${m=>s({...r,number:m})} />
      <${R} label="Agent" path="agent_id" value=${r.agent_id}
        options=${[["","Any agent"],...$.map(m=>[m.id,m.name])]}
        onChange=${m=>s({...r,agent_id:m})} />
      <${R} label="Outcome" path="outcome" value=${r.outcome} options=${qn}
        onChange=${m=>s({...r,outcome:m})} />
      <button type="submit">Filter</button>
    </form>
    <${w} state=${p} empty=${Object.assign(m=>m.items.length===0,{text:"No calls match."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Calls</caption>
        <thead><tr><th scope="col">Started</th><th scope="col">From</th><th scope="col">To</th>
          <th scope="col">Agent</th><th scope="col">Duration</th><th scope="col">Outcome</th>
          <th scope="col">Turns</th></tr></thead>
        <tbody>${m.items.map(f=>l`<tr>
          <td><${j} href=${`/admin/t/${e}/calls/${encodeURIComponent(f.id)}`}>${N(f.started_at)}</${j}></td>
          <td class="mono">${f.from_number||"\u2014"}</td><td class="mono">${f.to_number||"\u2014"}</td>
          <td>${_(f.agent_id)}</td><td>${Y(f.duration_s)}</td>
          <td><span class=${`status ${f.outcome}`}>${f.outcome}</span></td><td>${f.turns}</td>
        </tr>`)}</tbody></table></div>
        <${xe} cursors=${u} setCursors=${c} next=${m.next_cursor} />`}
    </${w}>`}var $n=[["end_of_turn_ms","End of turn"],["transcript_final_ms","Transcript final"],["llm_first_token_ms","LLM first token"],["tts_first_audio_ms","TTS first audio"],["first_frame_out_ms","First frame out"]];function Kn({turns:e}){let t=e.filter(u=>u.stages&&u.stages.caller_stopped_ms!==null&&u.stages.caller_stopped_ms!==void 0);if(!t.length)return l`<p class="empty">No turn timings recorded.</p>`;let n=t.map(u=>$n.map(([c])=>u.stages[c]).filter(c=>c!=null).map(c=>c-u.stages.caller_stopped_ms)),r=Math.max(1,...n.flat()),s=600,o=u=>150+Math.max(0,u)/r*(s-160),a=20;return t.map(u=>{let c=u.stages.caller_stopped_ms,i=0,p=$n.map(([$,_],m)=>{let f=u.stages[$];if(f==null)return null;let h=i;return i=f-c,{label:_,from:h,to:f-c,i:m}}).filter(Boolean),d=p.length*a+24;return l`<figure class="waterfall">
      <figcaption>Turn ${u.turn_index+1}: voice-to-voice ${B(u.voice_to_voice_ms)}${" "}
        (${u.interrupted?"interrupted, ":""}${u.brain})</figcaption>
      <svg viewBox=${`0 0 ${s} ${d}`} role="img"
        aria-label=${`Turn ${u.turn_index+1} stages after the caller stopped: ${p.map($=>`${$.label} ${Math.round($.to)} ms`).join(", ")}`}>
        ${p.map($=>l`<g>
          <text x="0" y=${$.i*a+14} class="label">${$.label}</text>
          <rect x=${o($.from)} y=${$.i*a+2} width=${Math.max(2,o($.to)-o($.from))} height=${a-4}
            class=${`bar s${$.i}`}><title>${$.label}: ${Math.round($.from)}–${Math.round($.to)} ms</title></rect>
          <text x=${Math.min(s-40,o($.to)+4)} y=${$.i*a+14} class="value">${Math.round($.to)}</text>
        </g>`)}
        <line x1="150" x2="150" y1="0" y2=${d-20} class="axis" />
        <text x="150" y=${d-6} class="label">caller stopped (0 ms)</text>
        <text x=${s-70} y=${d-6} class="label">${Math.round(r)} ms</text>
      </svg></figure>`})}function zn(e,t){let n=We(null),[r,s]=b("both"),o=a=>{let u=e.current;if(!u)return;if(!n.current){let $=new AudioContext,_=$.createMediaElementSource(u),m=$.createChannelSplitter(2),f=$.createChannelMerger(2);_.connect(m),f.connect($.destination),n.current={context:$,splitter:m,merger:f}}let{context:c,splitter:i,merger:p}=n.current;i.disconnect();let d={both:[0,1],caller:[0,0],agent:[1,1]}[a];i.connect(p,d[0],0),i.connect(p,d[1],1),c.resume(),s(a)};return D(()=>()=>{n.current&&n.current.context.close(),n.current=null},[t]),[r,o]}function Jn({path:e,audioRef:t,onTime:n}){let[r,s]=b(void 0),[o,a]=b(null),[u,c]=zn(t,r);return D(()=>{let i=null;return Dt(e).then(p=>{i=p,s(p)},a),()=>i&&URL.revokeObjectURL(i)},[e]),o?l`<${E} error=${o} />`:r===void 0?l`<p class="state" role="status">Loading the recording…</p>`:r===null?l`<p class="empty">No recording for this call.</p>`:l`<div class="player">
    <audio ref=${t} controls preload="metadata" src=${r} onTimeUpdate=${i=>n(i.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
    <fieldset class="choices channels"><legend>Listen to</legend>
      ${[["both","Both"],["caller","Caller only"],["agent","Agent only"]].map(([i,p])=>l`<label class="choice">
        <input type="radio" name="channels" value=${i} checked=${u===i} onChange=${()=>c(i)} />${p}</label>`)}
    </fieldset>
  </div>`}function pn({tenantId:e,item:t}){let n=`/v1/tenants/${e}/calls/${encodeURIComponent(t)}`,r=x(()=>k(n),[n]),s=We(null),[o,a]=b(0),u=c=>{s.current&&(s.current.currentTime=c/1e3,s.current.play().catch(()=>{}))};return l`<${w} state=${r}>${c=>l`
    <${T} title=${`Call ${N(c.started_at)}`}>
      <${j} href=${`/admin/t/${e}/calls`}>All calls</${j}>
    </${T}>
    <dl class="stats facts">
      <div><dt>From</dt><dd class="mono">${c.from_number||"\u2014"}</dd></div>
      <div><dt>To</dt><dd class="mono">${c.to_number||"\u2014"}</dd></div>
      <div><dt>Duration</dt><dd>${Y(c.duration_s)}</dd></div>
      <div><dt>Outcome</dt><dd>${c.outcome}</dd></div>
      <div><dt>End reason</dt><dd data-testid="end-reason">${c.end_reason||"\u2014"}</dd></div>
      <div><dt>Transferred to</dt><dd class="mono">${c.transferred_to||"\u2014"}</dd></div>
      <div><dt>Agent version</dt><dd>${c.agent_version??"\u2014"}</dd></div>
      <div><dt>Tool calls</dt><dd>not reported by the runtime yet</dd></div>
    </dl>
    <div class="call-grid">
      <section aria-label="Recording and transcript"><h2>Recording and transcript</h2>
        <${Jn} path=${`${n}/recording`} audioRef=${s} onTime=${a} />
        ${c.transcript.length?l`<ol class="transcript">${c.transcript.map((i,p)=>{let d=c.transcript[p+1],$=o*1e3>=i.at_ms&&(!d||o*1e3<d.at_ms);return l`<li class=${`${i.role}${$?" active":""}`}>
            <button type="button" onClick=${()=>u(i.at_ms)}
              aria-label=${`Play from ${Y(i.at_ms/1e3)}: ${i.role} said ${i.text}`}>
              <span class="at">${Y(i.at_ms/1e3)}</span>
              <span class="role">${i.role}</span>
              <span class="text">${i.text}${i.interrupted?" (interrupted)":""}</span>
            </button></li>`})}</ol>`:l`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Kn} turns=${c.turn_details} />
      </section>
    </div>`}</${w}>`}var Je=640,X=180,ee=36;function Pe({title:e,days:t,series:n,kind:r="bar",format:s=H}){let o=t.flatMap(p=>n.map(d=>p[d.key]??0)),a=Math.max(1,...o),u=(Je-ee*2)/Math.max(1,t.length),c=p=>X-20-(p??0)/a*(X-40),i=t.map(p=>`${Q(p.day)}: ${n.map(d=>`${d.label} ${s(p[d.key])}`).join(", ")}`).join("; ");return l`<figure class="chart"><figcaption>${e}</figcaption>
    <svg viewBox=${`0 0 ${Je} ${X}`} role="img" aria-label=${`${e}. ${i}`}>
      <line x1=${ee} x2=${Je-ee} y1=${X-20} y2=${X-20} class="axis" />
      <text x="2" y="14" class="label">${s(a)}</text>
      ${t.map((p,d)=>l`<text x=${ee+d*u+u/2} y=${X-4} class="label" text-anchor="middle">
        ${d%Math.ceil(t.length/7)===0?Q(p.day):""}</text>`)}
      ${r==="bar"?t.map((p,d)=>{let $=0;return n.map((_,m)=>{let f=p[_.key]??0,h=c($+f),y=l`<rect x=${ee+d*u+u*.15} width=${u*.7}
                y=${h} height=${Math.max(0,c($)-h)} class=${`bar s${m}`}>
                <title>${Q(p.day)} ${_.label}: ${s(f)}</title></rect>`;return $+=f,y})}):n.map((p,d)=>{let $=t.map((m,f)=>[f,m[p.key]]).filter(([,m])=>m!==null),_=([m,f])=>[ee+m*u+u/2,c(f)];return l`<g class=${`line s${d}`}>
              <polyline fill="none" points=${$.map(m=>_(m).join(",")).join(" ")} />
              ${$.map(m=>l`<circle cx=${_(m)[0]} cy=${_(m)[1]} r="4">
                <title>${Q(t[m[0]].day)} ${p.label}: ${s(m[1])}</title></circle>`)}
            </g>`})}
    </svg>
    <p class="legend">${n.map((p,d)=>l`<span><span class=${`swatch s${d}`}></span>${p.label}</span>`)}</p>
  </figure>`}function Gn(e,t,n){let r=Object.fromEntries(e.map(o=>[o.day,o])),s=[];for(let o=new Date(t);o<n;o.setUTCDate(o.getUTCDate()+1)){let a=o.toISOString().slice(0,10);s.push(r[a]||{day:a,calls:0,minutes:0,answered:0,missed:0,latency_p50_ms:null,latency_p95_ms:null})}return s}function mn({tenantId:e}){let[t,n]=b("14"),r=x(async()=>{let s=new Date;s.setUTCHours(24,0,0,0);let o=new Date(s);o.setUTCDate(o.getUTCDate()-Number(t));let a=await k(`/v1/tenants/${e}/analytics${F({since:o.toISOString(),until:s.toISOString()})}`);return Gn(a.days,o,s)},[e,t]);return l`<${T} title="Analytics">
      <${R} label="Range" path="range" value=${t} onChange=${n}
        options=${[["7","Last 7 days"],["14","Last 14 days"],["30","Last 30 days"],["90","Last 90 days"]]} />
    </${T}>
    <p class="note">Days are UTC days.</p>
    <${w} state=${r}>${s=>l`<div class="charts">
      <${Pe} title="Calls per day" days=${s} series=${[{key:"calls",label:"Calls"}]} />
      <${Pe} title="Minutes per day" days=${s} series=${[{key:"minutes",label:"Minutes"}]} format=${le} />
      <${Pe} title="Answered and missed" days=${s}
        series=${[{key:"answered",label:"Answered"},{key:"missed",label:"Missed"}]} />
      <${Pe} title="Voice-to-voice latency" days=${s} kind="line" format=${B}
        series=${[{key:"latency_p50_ms",label:"p50"},{key:"latency_p95_ms",label:"p95"}]} />
    </div>
    <details><summary>The numbers</summary><div class="table-wrap"><table>
      <thead><tr><th scope="col">Day</th><th scope="col">Calls</th><th scope="col">Minutes</th><th scope="col">Answered</th>
        <th scope="col">Missed</th><th scope="col">p50</th><th scope="col">p95</th></tr></thead>
      <tbody>${s.map(o=>l`<tr><td>${Q(o.day)}</td><td>${H(o.calls)}</td><td>${le(o.minutes)}</td>
        <td>${H(o.answered)}</td><td>${H(o.missed)}</td><td>${B(o.latency_p50_ms)}</td>
        <td>${B(o.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${w}>`}var _n=["call.started","call.ended","call.analyzed","usage.threshold_reached","usage.cap_reached","webhook.endpoint_disabled"];function Qn({base:e,endpoint:t}){let n=I(),[r,s]=b(""),o=x(()=>k(`${e}/${t.id}/deliveries${F({status:r,limit:25})}`),[t.id,r]),[a,u]=b(null),c=async i=>{try{await S("POST",`${e}/${t.id}/deliveries/${i.id}/redeliver`),o.reload()}catch(p){u(p)}};return l`<section aria-label=${`Deliveries to ${t.url}`}><h3>Deliveries</h3>
    <label>Status <select value=${r} onChange=${i=>s(i.currentTarget.value)}>
      ${[["","Any"],["pending","Pending"],["delivered","Delivered"],["failed","Failed"]].map(([i,p])=>l`<option value=${i} selected=${i===r}>${p}</option>`)}</select></label>
    <${E} error=${a} />
    <${w} state=${o} empty=${Object.assign(i=>i.items.length===0,{text:"No deliveries yet."})}>
      ${i=>l`<div class="table-wrap"><table>
        <thead><tr><th scope="col">Created</th><th scope="col">Event</th><th scope="col">Status</th>
          <th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Next try</th>
          ${n("webhooks.write")?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${i.items.map(p=>l`<tr>
          <td>${N(p.created_at)}</td><td>${p.event_type}</td><td><span class=${`status ${p.status}`}>${p.status}</span></td>
          <td>${p.attempts}</td><td>${p.last_status_code??p.last_error??"\u2014"}</td><td>${N(p.next_attempt_at)}</td>
          ${n("webhooks.write")?l`<td><button type="button" class="secondary small"
            onClick=${()=>c(p)}>Redeliver</button></td>`:null}</tr>`)}</tbody></table></div>`}
    </${w}>
  </section>`}function fn({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/webhooks`,r=x(()=>k(n),[e]),[s,o]=b({url:"",description:"",event_types:["call.ended"]}),[a,u]=b({}),[c,i]=b(null),[p,d]=b(null),[$,_]=b(null),m=async v=>{try{await v(),u({}),i(null),r.reload()}catch(g){u(g.fieldErrors?g.fieldErrors():{}),i(g)}},f=v=>{v.preventDefault(),m(async()=>{let g={url:s.url,event_types:s.event_types,description:s.description||null},L=await S("POST",n,g);d({url:L.url,secret:L.secret}),o({url:"",description:"",event_types:["call.ended"]})})},h=v=>{let g=s.event_types.includes(v)?s.event_types.filter(L=>L!==v):[...s.event_types,v];o({...s,event_types:_n.filter(L=>g.includes(L))})},y=t("webhooks.write");return l`<${T} title="Webhooks" />
    ${y?l`<form class="inline-form" onSubmit=${f} aria-label="Add a webhook endpoint">
      <${C} label="Endpoint URL" path="url" value=${s.url} error=${a.url}
        placeholder="https://example.com/hooks" onInput=${v=>o({...s,url:v})} />
      <${C} label="Description" path="description" value=${s.description}
        error=${a.description} onInput=${v=>o({...s,description:v})} />
      <fieldset class="choices"><legend>Events</legend>${_n.map(v=>l`<label class="choice">
        <input type="checkbox" checked=${s.event_types.includes(v)} onChange=${()=>h(v)} />${v}</label>`)}
        ${a.event_types?l`<small class="field-error" data-field="event_types">${a.event_types}</small>`:null}
      </fieldset>
      <button type="submit">Add endpoint</button>
    </form>`:null}
    ${p?l`<div class="once" role="status"><p>The signing secret of ${p.url}, shown only
      this once:</p><output class="mono key" data-testid="new-secret">${p.secret}</output>
      <button type="button" class="secondary small" onClick=${()=>d(null)}>I have stored it</button></div>`:null}
    ${c&&!Object.keys(a).length?l`<${E} error=${c} />`:null}
    <${w} state=${r} empty=${Object.assign(v=>v.items.length===0,{text:"No webhook endpoints yet."})}>
      ${v=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Webhook endpoints</caption>
        <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">State</th>
          <th scope="col">Actions</th></tr></thead>
        <tbody>${v.items.map(g=>l`<tr>
          <td class="mono">${g.url}${g.description?l`<br /><small>${g.description}</small>`:null}</td>
          <td>${g.event_types.join(", ")}</td>
          <td><span class=${`status ${g.enabled?"active":"suspended"}`}>${g.enabled?"enabled":"disabled"}</span>
            ${g.disabled_reason?l`<br /><small>${g.disabled_reason}</small>`:null}</td>
          <td class="row-actions">
            <button type="button" class="secondary small" aria-expanded=${$===g.id}
              onClick=${()=>_($===g.id?null:g.id)}>Deliveries</button>
            ${y?l`
              <button type="button" class="secondary small" onClick=${()=>m(()=>S("PATCH",`${n}/${g.id}`,{enabled:!g.enabled}))}>
                ${g.enabled?"Disable":"Enable"}</button>
              <button type="button" class="secondary small" onClick=${()=>m(async()=>{let L=await S("POST",`${n}/${g.id}/rotate-secret`,{});d({url:g.url,secret:L.secret})})}>Rotate secret</button>
              <button type="button" class="danger small" onClick=${()=>confirm(`Remove ${g.url}?`)&&m(()=>S("DELETE",`${n}/${g.id}`))}>Remove</button>`:null}
            ${$===g.id?l`<${Qn} base=${n} endpoint=${g} />`:null}
          </td></tr>`)}</tbody></table></div>`}
    </${w}>`}var Yn=[["","Home","runtime.read"],["numbers","Numbers","calls.read"],["agents","Agents","calls.read"],["calls","Calls","calls.read"],["analytics","Analytics","analytics.read"],["secrets","Secrets","secrets.read"],["members","Members","members.read"],["api-keys","API keys","api_keys.read"],["webhooks","Webhooks","webhooks.read"],["audit","Audit log","audit.read"]],Zn={"":Zt,numbers:Xt,agents:en,secrets:rn,members:on,"api-keys":sn,audit:cn,calls:dn,analytics:mn,webhooks:fn};function Xn({me:e,tenantId:t,section:n,item:r}){let s=x(()=>k(`/v1/tenants/${t}/permissions`),[t]),o=x(()=>k(`/v1/tenants/${t}`),[t]),a=Zn[n]||null;n==="agents"&&r&&(a=tn),n==="calls"&&r&&(a=pn);let u=s.data?s.data.allowed:[],c=`/admin/t/${t}`;return l`<${w} state=${s}>${i=>l`<${we.Provider} value=${i}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${o.data?o.data.name:""}
        ${i.role?l`<span class="badge">${i.role}</span>`:l`<span class="badge">platform admin</span>`}</p>
      <ul>${Yn.filter(([,,p])=>u.includes(p)).map(([p,d])=>l`<li><${j} href=${p?`${c}/${p}`:c}
          aria-current=${n===p?"page":void 0}>${d}</${j}></li>`)}</ul>
    </nav>
    <main id="main" class="content">
      ${a?l`<${a} tenantId=${t} tenant=${o.data} item=${r} me=${e}
        reloadTenant=${o.reload} />`:l`<p class="state">No such page.</p>`}
    </main>
  </${we.Provider}>`}</${w}>`}function er(){let e=Mt(),[t,n]=b(null),[r,s]=b(null);D(()=>{Ot(()=>M("/admin/signin?expired=1",{replace:!0}))},[]);let o=location.pathname.replace(/\/+$/,""),a=!!ge();if(D(()=>{!a||o==="/admin/signin"||o==="/admin/callback"||t===null&&k("/v1/me").then(n,s)},[a,o,t]),o==="/admin/callback")return l`<${Vt} />`;if(o==="/admin/signin"||!a)return o!=="/admin/signin"&&M("/admin/signin",{replace:!0}),l`<${Ft} onSignedIn=${d=>n(d)} />`;let u=()=>{G(),n(null),M("/admin/signin")},c=l`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${j} href="/admin" class="brand">Switchboard</${j}>
    <span class="who">${t?t.subject:""}</span>
    <button type="button" class="ghost" onClick=${u}>Sign out</button>
  </header>`;if(r)return l`${c}<main class="content"><p class="error" role="alert">${r.message}</p></main>`;let i=o.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/);if(!t&&!i)return l`${c}<p class="state" role="status">Loading…</p>`;let p=i?l`<div class="layout"><${Xn} me=${t} tenantId=${decodeURIComponent(i[1])}
        section=${i[2]||""} item=${i[3]?decodeURIComponent(i[3]):null} /></div>`:l`<main id="main" class="content"><${Gt} me=${t} /></main>`;return l`${c}${p}<span hidden>${e}</span>`}var hn=document.getElementById("app");hn.textContent="";dt(l`<${er} />`,hn);
