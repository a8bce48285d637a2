var pe,A,Xe,bn,q,Qe,et,tt,nt,je,Oe,De,rt,oe={},ot=[],yn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,me=Array.isArray;function W(t,e){for(var n in e)t[n]=e[n];return t}function Re(t){t&&t.parentNode&&t.parentNode.removeChild(t)}function Ue(t,e,n){var r,s,o,a={};for(o in e)o=="key"?r=e[o]:o=="ref"?s=e[o]:a[o]=e[o];if(arguments.length>2&&(a.children=arguments.length>3?pe.call(arguments,2):n),typeof t=="function"&&t.defaultProps!=null)for(o in t.defaultProps)a[o]===void 0&&(a[o]=t.defaultProps[o]);return de(t,a,r,s,null)}function de(t,e,n,r,s){var o={type:t,props:e,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++Xe,__i:-1,__u:0};return s==null&&A.vnode!=null&&A.vnode(o),o}function _e(t){return t.children}function ue(t,e){this.props=t,this.context=e}function K(t,e){if(e==null)return t.__?K(t.__,t.__i+1):null;for(var n;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null)return n.__e;return typeof t.type=="function"?K(t):null}function st(t){var e,n;if((t=t.__)!=null&&t.__c!=null){for(t.__e=t.__c.base=null,e=0;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null){t.__e=t.__c.base=n.__e;break}return st(t)}}function Ie(t){(!t.__d&&(t.__d=!0)&&q.push(t)&&!$e.__r++||Qe!=A.debounceRendering)&&((Qe=A.debounceRendering)||et)($e)}function $e(){for(var t,e,n,r,s,o,a,d=1;q.length;)q.length>d&&q.sort(tt),t=q.shift(),d=q.length,t.__d&&(n=void 0,s=(r=(e=t).__v).__e,o=[],a=[],e.__P&&((n=W({},r)).__v=r.__v+1,A.vnode&&A.vnode(n),He(e.__P,n,r,e.__n,e.__P.namespaceURI,32&r.__u?[s]:null,o,s??K(r),!!(32&r.__u),a),n.__v=r.__v,n.__.__k[n.__i]=n,it(o,n,a),n.__e!=s&&st(n)));$e.__r=0}function at(t,e,n,r,s,o,a,d,c,i,p){var u,$,_,m,f,h,y=r&&r.__k||ot,v=e.length;for(c=gn(n,e,y,c,v),u=0;u<v;u++)(_=n.__k[u])!=null&&($=_.__i==-1?oe:y[_.__i]||oe,_.__i=u,h=He(t,_,$,s,o,a,d,c,i,p),m=_.__e,_.ref&&$.ref!=_.ref&&($.ref&&Me($.ref,null,_),p.push(_.ref,_.__c||m,_)),f==null&&m!=null&&(f=m),4&_.__u||$.__k===_.__k?c=lt(_,c,t):typeof _.type=="function"&&h!==void 0?c=h:m&&(c=m.nextSibling),_.__u&=-7);return n.__e=f,c}function gn(t,e,n,r,s){var o,a,d,c,i,p=n.length,u=p,$=0;for(t.__k=new Array(s),o=0;o<s;o++)(a=e[o])!=null&&typeof a!="boolean"&&typeof a!="function"?(c=o+$,(a=t.__k[o]=typeof a=="string"||typeof a=="number"||typeof a=="bigint"||a.constructor==String?de(null,a,null,null,null):me(a)?de(_e,{children:a},null,null,null):a.constructor==null&&a.__b>0?de(a.type,a.props,a.key,a.ref?a.ref:null,a.__v):a).__=t,a.__b=t.__b+1,d=null,(i=a.__i=vn(a,n,c,u))!=-1&&(u--,(d=n[i])&&(d.__u|=2)),d==null||d.__v==null?(i==-1&&(s>p?$--:s<p&&$++),typeof a.type!="function"&&(a.__u|=4)):i!=c&&(i==c-1?$--:i==c+1?$++:(i>c?$--:$++,a.__u|=4))):t.__k[o]=null;if(u)for(o=0;o<p;o++)(d=n[o])!=null&&(2&d.__u)==0&&(d.__e==r&&(r=K(d)),dt(d,d));return r}function lt(t,e,n){var r,s;if(typeof t.type=="function"){for(r=t.__k,s=0;r&&s<r.length;s++)r[s]&&(r[s].__=t,e=lt(r[s],e,n));return e}t.__e!=e&&(e&&t.type&&!n.contains(e)&&(e=K(t)),n.insertBefore(t.__e,e||null),e=t.__e);do e=e&&e.nextSibling;while(e!=null&&e.nodeType==8);return e}function vn(t,e,n,r){var s,o,a=t.key,d=t.type,c=e[n];if(c===null&&t.key==null||c&&a==c.key&&d==c.type&&(2&c.__u)==0)return n;if(r>(c!=null&&(2&c.__u)==0?1:0))for(s=n-1,o=n+1;s>=0||o<e.length;){if(s>=0){if((c=e[s])&&(2&c.__u)==0&&a==c.key&&d==c.type)return s;s--}if(o<e.length){if((c=e[o])&&(2&c.__u)==0&&a==c.key&&d==c.type)return o;o++}}return-1}function Ye(t,e,n){e[0]=="-"?t.setProperty(e,n??""):t[e]=n==null?"":typeof n!="number"||yn.test(e)?n:n+"px"}function ce(t,e,n,r,s){var o,a;e:if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof r=="string"&&(t.style.cssText=r=""),r)for(e in r)n&&e in n||Ye(t.style,e,"");if(n)for(e in n)r&&n[e]==r[e]||Ye(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")o=e!=(e=e.replace(nt,"$1")),a=e.toLowerCase(),e=a in t||e=="onFocusOut"||e=="onFocusIn"?a.slice(2):e.slice(2),t.l||(t.l={}),t.l[e+o]=n,n?r?n.u=r.u:(n.u=je,t.addEventListener(e,o?De:Oe,o)):t.removeEventListener(e,o?De:Oe,o);else{if(s=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{t[e]=n??"";break e}catch{}typeof n=="function"||(n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n))}}function Ze(t){return function(e){if(this.l){var n=this.l[e.type+t];if(e.t==null)e.t=je++;else if(e.t<n.u)return;return n(A.event?A.event(e):e)}}}function He(t,e,n,r,s,o,a,d,c,i){var p,u,$,_,m,f,h,y,v,g,L,J,te,Ge,ie,ne,Ne,V=e.type;if(e.constructor!=null)return null;128&n.__u&&(c=!!(32&n.__u),o=[d=e.__e=n.__e]),(p=A.__b)&&p(e);e:if(typeof V=="function")try{if(y=e.props,v="prototype"in V&&V.prototype.render,g=(p=V.contextType)&&r[p.__c],L=p?g?g.props.value:p.__:r,n.__c?h=(u=e.__c=n.__c).__=u.__E:(v?e.__c=u=new V(y,L):(e.__c=u=new ue(y,L),u.constructor=V,u.render=kn),g&&g.sub(u),u.props=y,u.state||(u.state={}),u.context=L,u.__n=r,$=u.__d=!0,u.__h=[],u._sb=[]),v&&u.__s==null&&(u.__s=u.state),v&&V.getDerivedStateFromProps!=null&&(u.__s==u.state&&(u.__s=W({},u.__s)),W(u.__s,V.getDerivedStateFromProps(y,u.__s))),_=u.props,m=u.state,u.__v=e,$)v&&V.getDerivedStateFromProps==null&&u.componentWillMount!=null&&u.componentWillMount(),v&&u.componentDidMount!=null&&u.__h.push(u.componentDidMount);else{if(v&&V.getDerivedStateFromProps==null&&y!==_&&u.componentWillReceiveProps!=null&&u.componentWillReceiveProps(y,L),!u.__e&&u.shouldComponentUpdate!=null&&u.shouldComponentUpdate(y,u.__s,L)===!1||e.__v==n.__v){for(e.__v!=n.__v&&(u.props=y,u.state=u.__s,u.__d=!1),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(re){re&&(re.__=e)}),J=0;J<u._sb.length;J++)u.__h.push(u._sb[J]);u._sb=[],u.__h.length&&a.push(u);break e}u.componentWillUpdate!=null&&u.componentWillUpdate(y,u.__s,L),v&&u.componentDidUpdate!=null&&u.__h.push(function(){u.componentDidUpdate(_,m,f)})}if(u.context=L,u.props=y,u.__P=t,u.__e=!1,te=A.__r,Ge=0,v){for(u.state=u.__s,u.__d=!1,te&&te(e),p=u.render(u.props,u.state,u.context),ie=0;ie<u._sb.length;ie++)u.__h.push(u._sb[ie]);u._sb=[]}else do u.__d=!1,te&&te(e),p=u.render(u.props,u.state,u.context),u.state=u.__s;while(u.__d&&++Ge<25);u.state=u.__s,u.getChildContext!=null&&(r=W(W({},r),u.getChildContext())),v&&!$&&u.getSnapshotBeforeUpdate!=null&&(f=u.getSnapshotBeforeUpdate(_,m)),ne=p,p!=null&&p.type===_e&&p.key==null&&(ne=ct(p.props.children)),d=at(t,me(ne)?ne:[ne],e,n,r,s,o,a,d,c,i),u.base=e.__e,e.__u&=-161,u.__h.length&&a.push(u),h&&(u.__E=u.__=null)}catch(re){if(e.__v=null,c||o!=null)if(re.then){for(e.__u|=c?160:128;d&&d.nodeType==8&&d.nextSibling;)d=d.nextSibling;o[o.indexOf(d)]=null,e.__e=d}else for(Ne=o.length;Ne--;)Re(o[Ne]);else e.__e=n.__e,e.__k=n.__k;A.__e(re,e,n)}else o==null&&e.__v==n.__v?(e.__k=n.__k,e.__e=n.__e):d=e.__e=wn(n.__e,e,n,r,s,o,a,c,i);return(p=A.diffed)&&p(e),128&e.__u?void 0:d}function it(t,e,n){for(var r=0;r<n.length;r++)Me(n[r],n[++r],n[++r]);A.__c&&A.__c(e,t),t.some(function(s){try{t=s.__h,s.__h=[],t.some(function(o){o.call(s)})}catch(o){A.__e(o,s.__v)}})}function ct(t){return typeof t!="object"||t==null||t.__b&&t.__b>0?t:me(t)?t.map(ct):W({},t)}function wn(t,e,n,r,s,o,a,d,c){var i,p,u,$,_,m,f,h=n.props,y=e.props,v=e.type;if(v=="svg"?s="http://www.w3.org/2000/svg":v=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),o!=null){for(i=0;i<o.length;i++)if((_=o[i])&&"setAttribute"in _==!!v&&(v?_.localName==v:_.nodeType==3)){t=_,o[i]=null;break}}if(t==null){if(v==null)return document.createTextNode(y);t=document.createElementNS(s,v,y.is&&y),d&&(A.__m&&A.__m(e,o),d=!1),o=null}if(v==null)h===y||d&&t.data==y||(t.data=y);else{if(o=o&&pe.call(t.childNodes),h=n.props||oe,!d&&o!=null)for(h={},i=0;i<t.attributes.length;i++)h[(_=t.attributes[i]).name]=_.value;for(i in h)if(_=h[i],i!="children"){if(i=="dangerouslySetInnerHTML")u=_;else if(!(i in y)){if(i=="value"&&"defaultValue"in y||i=="checked"&&"defaultChecked"in y)continue;ce(t,i,null,_,s)}}for(i in y)_=y[i],i=="children"?$=_:i=="dangerouslySetInnerHTML"?p=_:i=="value"?m=_:i=="checked"?f=_:d&&typeof _!="function"||h[i]===_||ce(t,i,_,h[i],s);if(p)d||u&&(p.__html==u.__html||p.__html==t.innerHTML)||(t.innerHTML=p.__html),e.__k=[];else if(u&&(t.innerHTML=""),at(e.type=="template"?t.content:t,me($)?$:[$],e,n,r,v=="foreignObject"?"http://www.w3.org/1999/xhtml":s,o,a,o?o[0]:n.__k&&K(n,0),d,c),o!=null)for(i=o.length;i--;)Re(o[i]);d||(i="value",v=="progress"&&m==null?t.removeAttribute("value"):m!=null&&(m!==t[i]||v=="progress"&&!m||v=="option"&&m!=h[i])&&ce(t,i,m,h[i],s),i="checked",f!=null&&f!=t[i]&&ce(t,i,f,h[i],s))}return t}function Me(t,e,n){try{if(typeof t=="function"){var r=typeof t.__u=="function";r&&t.__u(),r&&e==null||(t.__u=t(e))}else t.current=e}catch(s){A.__e(s,n)}}function dt(t,e,n){var r,s;if(A.unmount&&A.unmount(t),(r=t.ref)&&(r.current&&r.current!=t.__e||Me(r,null,e)),(r=t.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(o){A.__e(o,e)}r.base=r.__P=null}if(r=t.__k)for(s=0;s<r.length;s++)r[s]&&dt(r[s],e,n||typeof t.type!="function");n||Re(t.__e),t.__c=t.__=t.__e=void 0}function kn(t,e,n){return this.constructor(t,n)}function ut(t,e,n){var r,s,o,a;e==document&&(e=document.documentElement),A.__&&A.__(t,e),s=(r=typeof n=="function")?null:n&&n.__k||e.__k,o=[],a=[],He(e,t=(!r&&n||e).__k=Ue(_e,null,[t]),s||oe,oe,e.namespaceURI,!r&&n?[n]:s?null:e.firstChild?pe.call(e.childNodes):null,o,!r&&n?n:s?s.__e:e.firstChild,r,a),it(o,t,a)}function fe(t){function e(n){var r,s;return this.getChildContext||(r=new Set,(s={})[e.__c]=this,this.getChildContext=function(){return s},this.componentWillUnmount=function(){r=null},this.shouldComponentUpdate=function(o){this.props.value!=o.value&&r.forEach(function(a){a.__e=!0,Ie(a)})},this.sub=function(o){r.add(o);var a=o.componentWillUnmount;o.componentWillUnmount=function(){r&&r.delete(o),a&&a.call(o)}}),n.children}return e.__c="__cC"+rt++,e.__=t,e.Provider=e.__l=(e.Consumer=function(n,r){return n.children(r)}).contextType=e,e}pe=ot.slice,A={__e:function(t,e,n,r){for(var s,o,a;e=e.__;)if((s=e.__c)&&!s.__)try{if((o=s.constructor)&&o.getDerivedStateFromError!=null&&(s.setState(o.getDerivedStateFromError(t)),a=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(t,r||{}),a=s.__d),a)return s.__E=s}catch(d){t=d}throw t}},Xe=0,bn=function(t){return t!=null&&t.constructor==null},ue.prototype.setState=function(t,e){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=W({},this.state),typeof t=="function"&&(t=t(W({},n),this.props)),t&&W(n,t),t!=null&&this.__v&&(e&&this._sb.push(e),Ie(this))},ue.prototype.forceUpdate=function(t){this.__v&&(this.__e=!0,t&&this.__h.push(t),Ie(this))},ue.prototype.render=_e,q=[],et=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,tt=function(t,e){return t.__v.__b-e.__v.__b},$e.__r=0,nt=/(PointerCapture)$|Capture$/i,je=0,Oe=Ze(!1),De=Ze(!0),rt=0;var z,P,Fe,$t,se=0,gt=[],O=A,pt=O.__b,mt=O.__r,_t=O.diffed,ft=O.__c,ht=O.unmount,bt=O.__;function be(t,e){O.__h&&O.__h(P,t,se||e),se=0;var n=P.__H||(P.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function b(t){return se=1,xn(xt,t)}function xn(t,e,n){var r=be(z++,2);if(r.t=t,!r.__c&&(r.__=[n?n(e):xt(void 0,e),function(d){var c=r.__N?r.__N[0]:r.__[0],i=r.t(c,d);c!==i&&(r.__N=[i,r.__[1]],r.__c.setState({}))}],r.__c=P,!P.__f)){var s=function(d,c,i){if(!r.__c.__H)return!0;var p=r.__c.__H.__.filter(function($){return!!$.__c});if(p.every(function($){return!$.__N}))return!o||o.call(this,d,c,i);var u=r.__c.props!==d;return p.forEach(function($){if($.__N){var _=$.__[0];$.__=$.__N,$.__N=void 0,_!==$.__[0]&&(u=!0)}}),o&&o.call(this,d,c,i)||u};P.__f=!0;var o=P.shouldComponentUpdate,a=P.componentWillUpdate;P.componentWillUpdate=function(d,c,i){if(this.__e){var p=o;o=void 0,s(d,c,i),o=p}a&&a.call(this,d,c,i)},P.shouldComponentUpdate=s}return r.__N||r.__}function D(t,e){var n=be(z++,3);!O.__s&&kt(n.__H,e)&&(n.__=t,n.u=e,P.__H.__h.push(n))}function We(t){return se=5,vt(function(){return{current:t}},[])}function vt(t,e){var n=be(z++,7);return kt(n.__H,e)&&(n.__=t(),n.__H=e,n.__h=t),n.__}function wt(t,e){return se=8,vt(function(){return t},e)}function ye(t){var e=P.context[t.__c],n=be(z++,9);return n.c=t,e?(n.__==null&&(n.__=!0,e.sub(P)),e.props.value):t.__}function Sn(){for(var t;t=gt.shift();)if(t.__P&&t.__H)try{t.__H.__h.forEach(he),t.__H.__h.forEach(Ve),t.__H.__h=[]}catch(e){t.__H.__h=[],O.__e(e,t.__v)}}O.__b=function(t){P=null,pt&&pt(t)},O.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),bt&&bt(t,e)},O.__r=function(t){mt&&mt(t),z=0;var e=(P=t.__c).__H;e&&(Fe===P?(e.__h=[],P.__h=[],e.__.forEach(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(e.__h.forEach(he),e.__h.forEach(Ve),e.__h=[],z=0)),Fe=P},O.diffed=function(t){_t&&_t(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&(gt.push(e)!==1&&$t===O.requestAnimationFrame||(($t=O.requestAnimationFrame)||Cn)(Sn)),e.__H.__.forEach(function(n){n.u&&(n.__H=n.u),n.u=void 0})),Fe=P=null},O.__c=function(t,e){e.some(function(n){try{n.__h.forEach(he),n.__h=n.__h.filter(function(r){return!r.__||Ve(r)})}catch(r){e.some(function(s){s.__h&&(s.__h=[])}),e=[],O.__e(r,n.__v)}}),ft&&ft(t,e)},O.unmount=function(t){ht&&ht(t);var e,n=t.__c;n&&n.__H&&(n.__H.__.forEach(function(r){try{he(r)}catch(s){e=s}}),n.__H=void 0,e&&O.__e(e,n.__v))};var yt=typeof requestAnimationFrame=="function";function Cn(t){var e,n=function(){clearTimeout(r),yt&&cancelAnimationFrame(e),setTimeout(t)},r=setTimeout(n,35);yt&&(e=requestAnimationFrame(n))}function he(t){var e=P,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),P=e}function Ve(t){var e=P;t.__c=t.__(),P=e}function kt(t,e){return!t||t.length!==e.length||e.some(function(n,r){return n!==t[r]})}function xt(t,e){return typeof e=="function"?e(t):e}var Ct="sb.token",Be="sb.pkce";function ge(){return sessionStorage.getItem(Ct)}function qe(t){sessionStorage.setItem(Ct,t)}function G(){sessionStorage.clear()}function Tt(t){let e="";for(let n of new Uint8Array(t))e+=String.fromCharCode(n);return btoa(e).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function St(){return Tt(crypto.getRandomValues(new Uint8Array(32)))}async function Et(t){let e=t.replace(/\/$/,"")+"/.well-known/openid-configuration",n=await fetch(e);if(!n.ok)throw new Error(`The identity provider answered ${n.status}.`);return n.json()}function At(){return`${location.origin}/admin/callback`}async function Lt(t){let e=await Et(t.oidc_issuer),n=St(),r=St(),s=await crypto.subtle.digest("SHA-256",new TextEncoder().encode(n));sessionStorage.setItem(Be,JSON.stringify({verifier:n,state:r}));let o=new URLSearchParams({response_type:"code",client_id:t.oidc_client_id,redirect_uri:At(),scope:t.oidc_scopes,state:r,code_challenge:Tt(s),code_challenge_method:"S256"});location.assign(`${e.authorization_endpoint}?${o}`)}async function Pt(t,e){let n=new URLSearchParams(e),r=JSON.parse(sessionStorage.getItem(Be)||"null");if(sessionStorage.removeItem(Be),n.get("error"))throw new Error(`Sign-in failed: ${n.get("error")}`);if(!r||n.get("state")!==r.state)throw new Error("Sign-in state mismatch.");let s=await Et(t.oidc_issuer),o=new URLSearchParams({grant_type:"authorization_code",code:n.get("code")||"",redirect_uri:At(),client_id:t.oidc_client_id,code_verifier:r.verifier}),a=await fetch(s.token_endpoint,{method:"POST",body:o});if(!a.ok)throw new Error(`The token exchange failed (${a.status}).`);let d=await a.json();qe(d.access_token)}var ae=class extends Error{constructor(e,n){let r=n&&n.error||{};super(r.message||`Request failed (${e}).`),this.status=e,this.code=r.code||"http_error",this.details=r.details}fieldErrors(){let e={};if(Array.isArray(this.details))for(let n of this.details){let r=String(n.field||"").replace(/^body\./,"");e[r]=e[r]?`${e[r]}; ${n.message}`:n.message}return e}},Nt=()=>{};function Ot(t){Nt=t}async function Je(t,e,n){let r={Accept:"application/json"},s=ge();s&&(r.Authorization=`Bearer ${s}`),n!==void 0&&(r["Content-Type"]="application/json");let o=await fetch(e,{method:t,headers:r,body:n===void 0?void 0:JSON.stringify(n)});return o.status===401&&(G(),Nt()),o}async function S(t,e,n){let r=await Je(t,e,n),s=await r.text(),o=s?JSON.parse(s):null;if(!r.ok)throw new ae(r.status,o);return o}var k=t=>S("GET",t);async function Dt(t){let e=await Je("GET",t);if(e.status===404)return null;if(!e.ok)throw new ae(e.status,null);return URL.createObjectURL(await e.blob())}function F(t){let e=Object.entries(t).filter(([,n])=>n!=null&&n!=="");return e.length?`?${new URLSearchParams(e)}`:""}async function It(t,e){let n=await Je("POST",t,e);if(!n.ok){let r=await n.text();throw new ae(n.status,r?JSON.parse(r):null)}return URL.createObjectURL(await n.blob())}var Rt=function(t,e,n,r){var s;e[0]=0;for(var o=1;o<e.length;o++){var a=e[o++],d=e[o]?(e[0]|=a?1:2,n[e[o++]]):e[++o];a===3?r[0]=d:a===4?r[1]=Object.assign(r[1]||{},d):a===5?(r[1]=r[1]||{})[e[++o]]=d:a===6?r[1][e[++o]]+=d+"":a?(s=t.apply(d,Rt(t,d,n,["",null])),r.push(s),d[0]?e[0]|=2:(e[o-2]=0,e[o]=s)):r.push(d)}return r},jt=new Map;function Ut(t){var e=jt.get(this);return e||(e=new Map,jt.set(this,e)),(e=Rt(this,e.get(t)||(e.set(t,e=function(n){for(var r,s,o=1,a="",d="",c=[0],i=function($){o===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?c.push(0,$,a):o===3&&($||a)?(c.push(3,$,a),o=2):o===2&&a==="..."&&$?c.push(4,$,0):o===2&&a&&!$?c.push(5,0,!0,a):o>=5&&((a||!$&&o===5)&&(c.push(o,0,a,s),o=6),$&&(c.push(o,$,0,s),o=6)),a=""},p=0;p<n.length;p++){p&&(o===1&&i(),i(p));for(var u=0;u<n[p].length;u++)r=n[p][u],o===1?r==="<"?(i(),c=[c],o=3):a+=r:o===4?a==="--"&&r===">"?(o=1,a=""):a=r+a[0]:d?r===d?d="":a+=r:r==='"'||r==="'"?d=r:r===">"?(i(),o=1):o&&(r==="="?(o=5,s=a,a=""):r==="/"&&(o<5||n[p][u+1]===">")?(i(),o===3&&(c=c[0]),o=c,(c=c[0]).push(2,0,o),o=0):r===" "||r==="	"||r===`
`||r==="\r"?(i(),o=2):a+=r),o===3&&a==="!--"&&(o=4,c=c[0])}return i(),c}(t)),e),arguments,[])).length>1?e:e[0]}var l=Ut.bind(Ue),ve=new Set;function H(t,{replace:e=!1}={}){e?history.replaceState(null,"",t):history.pushState(null,"",t),ve.forEach(n=>n())}window.addEventListener("popstate",()=>ve.forEach(t=>t()));function Ht(){let[,t]=b(0);return D(()=>{let e=()=>t(n=>n+1);return ve.add(e),()=>ve.delete(e)},[]),location.pathname+location.search}function j({href:t,children:e,...n}){return l`<a href=${t} onClick=${s=>{s.button!==0||s.metaKey||s.ctrlKey||s.shiftKey||(s.preventDefault(),H(t))}} ...${n}>${e}</a>`}var we=fe({allowed:[],role:null,platform_admin:!1});function I(){let t=ye(we);return e=>t.allowed.includes(e)}function x(t,e){let[n,r]=b({loading:!0,data:null,error:null}),s=wt(()=>{let o=!0;return r(a=>({...a,loading:!0,error:null})),t().then(a=>o&&r({loading:!1,data:a,error:null}),a=>o&&r({loading:!1,data:null,error:a})),()=>{o=!1}},e);return D(s,[s]),{...n,reload:s}}function w({state:t,empty:e,children:n}){return t.error?l`<${E} error=${t.error} />`:t.loading&&t.data===null?l`<p class="state" role="status">Loading…</p>`:e&&e(t.data)?l`<p class="state empty">${e.text||"Nothing here yet."}</p>`:n(t.data)}function E({error:t}){if(!t)return null;let e=t.code?l` <code>${t.code}</code>`:null,n=Array.isArray(t.details)?t.details.map(r=>`${r.field?`${String(r.field).replace(/^body\./,"")}: `:""}${r.message}`):[];return l`<div class="error" role="alert">${t.message}${e}
    ${n.length?l`<ul>${n.map(r=>l`<li>${r}</li>`)}</ul>`:null}</div>`}function ke(t){return`f-${t.replace(/[^a-zA-Z0-9_-]/g,"-")}`}function U({label:t,path:e,error:n,hint:r,children:s}){let o=ke(e);return l`<div class=${`field${n?" invalid":""}`}>
    <label for=${o}>${t}</label>
    ${s(o,n?`${o}-error`:r?`${o}-hint`:void 0)}
    ${r&&!n?l`<small id=${`${o}-hint`}>${r}</small>`:null}
    ${n?l`<small class="field-error" id=${`${o}-error`} data-field=${e}>${n}</small>`:null}
  </div>`}function C({label:t,path:e,value:n,onInput:r,error:s,type:o="text",hint:a,...d}){return l`<${U} label=${t} path=${e} error=${s} hint=${a}>
    ${(c,i)=>l`<input id=${c} name=${e} type=${o} value=${n??""}
      aria-invalid=${s?"true":void 0} aria-describedby=${i}
      onInput=${p=>r(p.currentTarget.value)} ...${d} />`}
  </${U}>`}function R({label:t,path:e,value:n,options:r,onChange:s,error:o}){return l`<${U} label=${t} path=${e} error=${o}>
    ${(a,d)=>l`<select id=${a} name=${e} value=${n??""}
      aria-describedby=${d} onChange=${c=>s(c.currentTarget.value)}>
      ${r.map(([c,i])=>l`<option value=${c} selected=${c===(n??"")}>${i}</option>`)}
    </select>`}
  </${U}>`}var Tn=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),En=new Intl.DateTimeFormat(void 0,{month:"short",day:"numeric"}),An=new Intl.NumberFormat,Mt=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}),N=t=>t?Tn.format(new Date(t)):"\u2014",Q=t=>En.format(new Date(`${t}T12:00:00`)),M=t=>t==null?"\u2014":An.format(t),le=t=>t==null?"\u2014":Mt.format(t),B=t=>t==null?"\u2014":`${Mt.format(t)} ms`,Y=t=>{if(t==null)return"\u2014";let e=Math.round(t);return`${Math.floor(e/60)}:${String(e%60).padStart(2,"0")}`};function T({title:t,children:e}){return D(()=>{document.title=`${t} \xB7 Switchboard`},[t]),l`<header class="page-head"><h1 tabindex="-1" id="page-title">${t}</h1>
    <div class="actions">${e}</div></header>`}function xe({cursors:t,setCursors:e,next:n}){return l`<nav class="pager" aria-label="Pages">
    <button type="button" class="secondary" disabled=${t.length===1}
      onClick=${()=>e(t.slice(0,-1))}>Newer</button>
    <button type="button" class="secondary" disabled=${!n}
      onClick=${()=>e([...t,n])}>Older</button>
  </nav>`}function Ft({onSignedIn:t}){let e=x(()=>k("/v1/console/config"),[]),[n,r]=b(""),[s,o]=b(null),[a,d]=b(!1),c=new URLSearchParams(location.search).has("expired");D(()=>{document.title="Sign in \xB7 Switchboard"},[]);let i=async u=>{u.preventDefault(),d(!0),o(null),qe(n.trim());try{let $=await k("/v1/me");t($),H("/admin",{replace:!0})}catch($){G(),o($.status===401?"That key is not valid (or was revoked).":$.message),d(!1)}},p=e.data&&e.data.oidc_issuer;return l`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${c&&!s?l`<p class="note" role="status">Your session ended; sign in again.</p>`:null}
    <form onSubmit=${i} aria-label="Sign in with an API key">
      <${C} label="API key" path="api_key" type="password" value=${n} onInput=${r}
        error=${s} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${a||!n.trim()}>Sign in</button>
    </form>
    ${p?l`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${()=>Lt(e.data).catch(o)}>
        Sign in with your identity provider</button>`:null}
  </main>`}function Vt(){let[t,e]=b(null);return D(()=>{k("/v1/console/config").then(n=>Pt(n,location.search)).then(()=>H("/admin",{replace:!0}),n=>e(n.message))},[]),l`<main id="main" class="signin">
    ${t?l`<p class="error" role="alert">${t}</p>
      <a href="/admin/signin">Back to sign-in</a>`:l`<p class="state" role="status">Signing in…</p>`}
  </main>`}var Se=null;async function Ee(t){return Se=Se||await k("/openapi.json"),{root:Se.components.schemas[t],all:Se.components.schemas}}var Ce=(t,e)=>t&&t.$ref?e[t.$ref.split("/").pop()]:t;function qt(t,e){let n=t.anyOf||t.oneOf;if(!n)return null;let r=n.filter(s=>s.type!=="null");return r.length===1&&r.length<n.length?Ce(r[0],e):null}var Wt={Llm:"LLM",Stt:"Speech-to-text (STT)",Tts:"Voice (TTS)",Api:"API",Dtmf:"DTMF",Http:"HTTP",Ms:"(ms)",S:"(s)",Url:"URL",Of:"of",In:"in",At:"at"},Ln=(t,e)=>(e&&e.title||t.replace(/_/g," ")).split(" ").map((n,r)=>r===0?Wt[n]||n:Wt[n]||n.toLowerCase()).join(" ").replace(/^./,n=>n.toUpperCase());function Jt(t,e,n){let r=Array.isArray(t)?[...t]:{...t||{}};return n===void 0?delete r[e]:r[e]=n,r}function Te(t,e){let n=Ce(t,e),r=t.default!==void 0?t.default:n.default;if(n.type==="object"&&n.properties){let s={};for(let[o,a]of Object.entries(n.properties)){let d=qt(a,e)?null:Te(a,e);d!==void 0&&(s[o]=d)}return{...s,...structuredClone(r||{})}}return r!==void 0?structuredClone(r):n.type==="object"?{}:n.type==="array"?[]:n.type==="boolean"?!1:n.type==="integer"||n.type==="number"?n.minimum??0:n.enum?n.enum[0]:""}function Bt({schema:t,path:e,label:n,value:r,onChange:s,errors:o,nullable:a}){let d=o[e],c=ke(e);if(t.type==="boolean")return l`<div class=${`field check${d?" invalid":""}`}>
      <input type="checkbox" id=${c} name=${e} checked=${!!r}
        onChange=${_=>s(_.currentTarget.checked)} />
      <label for=${c}>${n}</label>
      ${d?l`<small class="field-error" data-field=${e}>${d}</small>`:null}
    </div>`;let i=t.description;if(t.enum)return l`<${U} label=${n} path=${e} error=${d} hint=${i}>${(_,m)=>l`<select id=${_} name=${e} aria-describedby=${m}
        onChange=${f=>s(f.currentTarget.value||(a?null:void 0))}>
        ${a?l`<option value="">(none)</option>`:null}
        ${t.enum.map(f=>l`<option value=${f} selected=${f===r}>${f}</option>`)}
      </select>`}</${U}>`;let p=t.type==="integer"||t.type==="number",u=t.type==="string"&&(t.maxLength||0)>500,$=_=>{let m=_.currentTarget.value;return s(m===""?a?null:p?void 0:"":p?Number.isNaN(Number(m))?m:Number(m):m)};return l`<${U} label=${n} path=${e} error=${d} hint=${i}>${(_,m)=>u?l`<textarea id=${_} name=${e} rows="4" aria-describedby=${m}
          aria-invalid=${d?"true":void 0} onInput=${$}>${r??""}</textarea>`:l`<input id=${_} name=${e} aria-describedby=${m}
          aria-invalid=${d?"true":void 0}
          type=${p?"number":t.format==="time"?"time":"text"}
          step=${t.type==="number"?"any":void 0} value=${r??""} onInput=${$} />`}
  </${U}>`}function Pn({path:t,label:e,value:n,onChange:r,errors:s,hint:o}){let a=s[t]||Object.entries(s).find(([d])=>d.startsWith(`${t}.`))?.[1];return l`<${U} label=${e} path=${t} error=${a} hint=${o||"One per line"}>
    ${(d,c)=>l`<textarea id=${d} name=${t} rows="3" aria-describedby=${c}
      onInput=${i=>r(i.currentTarget.value.split(`
`).filter(p=>p.trim()))}
    >${(n||[]).join(`
`)}</textarea>`}</${U}>`}function Nn({path:t,label:e,options:n,value:r,onChange:s,errors:o}){let a=new Set(r||[]),d=c=>{let i=new Set(a);i.has(c)?i.delete(c):i.add(c),s(n.filter(p=>i.has(p)))};return l`<fieldset class="choices"><legend>${e}</legend>
    ${n.map(c=>l`<label class="choice"><input type="checkbox" name=${`${t}.${c}`}
      checked=${a.has(c)} onChange=${()=>d(c)} />${c}</label>`)}
    ${o[t]?l`<small class="field-error" data-field=${t}>${o[t]}</small>`:null}
  </fieldset>`}function On({path:t,label:e,value:n,onChange:r,errors:s}){return l`<${U} label=${e} path=${t} error=${s[t]} hint="JSON">
    ${(o,a)=>l`<textarea id=${o} name=${t} rows="4" class="mono"
      aria-describedby=${a} onChange=${d=>{try{r(JSON.parse(d.currentTarget.value||"{}"))}catch{r(d.currentTarget.value)}}}>${JSON.stringify(n??{},null,2)}</textarea>`}</${U}>`}function Kt({schema:t,all:e,path:n,label:r,value:s,onChange:o,errors:a,extras:d}){let c=qt(t,e);if(c){if(c.type==="object"){let p=s!=null,u=ke(`${n}-enabled`);return l`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${u} checked=${p}
          onChange=${$=>o($.currentTarget.checked?Te(c,e):null)} />
          <label for=${u}>${r}</label></div>
        ${p?l`<${Kt} schema=${c} all=${e} path=${n} label=${r}
          value=${s} onChange=${o} errors=${a} extras=${d} />`:null}
      </div>`}return l`<${Bt} schema=${{...c,description:t.description}} path=${n}
      label=${r} value=${s} onChange=${o} errors=${a} nullable=${!0} />`}let i=Ce(t,e);if(i.type==="object"&&i.properties){let p=d&&d[n];return l`<fieldset class="group"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      <${Z} schema=${i} all=${e} path=${n} value=${s} onChange=${o}
        errors=${a} extras=${d} />
      ${p?l`<${p} value=${s} />`:null}
    </fieldset>`}if(i.type==="object")return l`<${On} path=${n} label=${r} value=${s} onChange=${o} errors=${a} />`;if(i.type==="array"){let p=Ce(i.items,e);if(p.type==="string"&&p.enum)return l`<${Nn} path=${n} label=${r} options=${p.enum} value=${s}
        onChange=${o} errors=${a} />`;if(p.type!=="object")return l`<${Pn} path=${n} label=${r} value=${s} onChange=${o}
        errors=${a} hint=${i.description} />`;let u=s||[],$=(p.title||"Item").replace(/([a-z])([A-Z])/g,"$1 $2");return l`<fieldset class="group list"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      ${u.length===0?l`<p class="empty">None.</p>`:null}
      ${u.map((_,m)=>l`<div class="list-item">
        <${Z} schema=${p} all=${e} path=${`${n}.${m}`} value=${_}
          onChange=${f=>o(Jt(u,m,f))} errors=${a} />
        <button type="button" class="ghost small" onClick=${()=>o(u.filter((f,h)=>h!==m))}
          aria-label=${`Remove ${$} ${m+1} of ${r}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${()=>o([...u,Te(p,e)])}>Add ${$.toLowerCase()}</button>
    </fieldset>`}return l`<${Bt} schema=${i} path=${n} label=${r} value=${s}
    onChange=${o} errors=${a} />`}function Z({schema:t,all:e,path:n,value:r,onChange:s,errors:o,extras:a}){return Object.entries(t.properties||{}).map(([d,c])=>{let i=n?`${n}.${d}`:d;return l`<${Kt} key=${i} schema=${c} all=${e} path=${i}
      label=${Ln(d,c)} value=${(r||{})[d]}
      onChange=${p=>s(Jt(r,d,p))} errors=${o} extras=${a} />`})}function zt(t,e){return Te(t,e)}function Dn({onCreated:t}){let[e,n]=b(""),[r,s]=b({}),[o,a]=b(null);return l`<form class="inline-form" onSubmit=${async c=>{c.preventDefault();try{let i=await S("POST","/v1/tenants",{name:e});n(""),s({}),a(null),t(i)}catch(i){s(i.fieldErrors?i.fieldErrors():{}),a(i)}}} aria-label="Create a tenant">
    <${C} label="New tenant name" path="name" value=${e} onInput=${n} error=${r.name} />
    <button type="submit">Create tenant</button>
    ${o&&!r.name?l`<${E} error=${o} />`:null}
  </form>`}function In({tenant:t,onSaved:e}){let[n,r]=b(null),[s,o]=b(t.limits),[a,d]=b({}),[c,i]=b(null);D(()=>{Ee("TenantLimits").then(r,i)},[]);let p=async u=>{u.preventDefault();try{await S("PATCH",`/v1/tenants/${t.id}`,{limits:s}),d({}),i(null),e()}catch($){d($.fieldErrors?$.fieldErrors():{}),i($)}};return n?l`<form class="limits" onSubmit=${p} aria-label=${`Limits of ${t.name}`}>
    <${Z} schema=${n.root} all=${n.all} path="limits" value=${s}
      onChange=${o} errors=${a} />
    <button type="submit" class="small">Save limits</button>
    <${E} error=${c} />
  </form>`:l`<${E} error=${c} />`}function Gt({me:t}){let e=x(()=>k("/v1/tenants"),[]),[n,r]=b(null),[s,o]=b(null),a=t.platform_admin;D(()=>{let c=e.data?e.data.items:[];!a&&c.length===1&&H(`/admin/t/${c[0].id}`,{replace:!0})},[e.data]);let d=async(c,i)=>{if(!(i==="delete"&&!confirm(`Delete ${c.name}? Its numbers stop answering.`)))try{i==="delete"?await S("DELETE",`/v1/tenants/${c.id}`):await S("POST",`/v1/tenants/${c.id}/${i}`),r(null),e.reload()}catch(p){r(p)}};return l`<${T} title="Tenants" />
    ${a?l`<${Dn} onCreated=${c=>H(`/admin/t/${c.id}`)} />`:null}
    <${E} error=${n} />
    <${w} state=${e} empty=${Object.assign(c=>c.items.length===0,{text:"No tenants yet."})}>
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
            ${i.status==="active"?l`<button type="button" class="secondary small" onClick=${()=>d(i,"suspend")}>Suspend</button>`:l`<button type="button" class="secondary small" onClick=${()=>d(i,"activate")}>Activate</button>`}
            <button type="button" class="secondary small" aria-expanded=${s===i.id}
              onClick=${()=>o(s===i.id?null:i.id)}>Limits</button>
            <button type="button" class="danger small" onClick=${()=>d(i,"delete")}>Delete</button>
            ${s===i.id?l`<${In} tenant=${i} onSaved=${e.reload} />`:null}
          </td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${w}>`}function Yt(){let t=new Date;return t.setHours(0,0,0,0),t}function jn(){let t=Yt();return t.setDate(t.getDate()-(t.getDay()+6)%7),t}function Qt({label:t,data:e}){return l`<section class="card" aria-label=${t}><h2>${t}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${M(e.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${le(e.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${M(e.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${M(e.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${B(e.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${B(e.latency_p95_ms)}</dd></div>
    </dl></section>`}function Rn({tenant:t,onSaved:e}){let[n,r]=b(t.name),[s,o]=b(t.recording_retention_days??""),[a,d]=b({}),[c,i]=b(null),[p,u]=b(!1);return l`<section class="card" aria-label="Tenant settings"><h2>Settings</h2>
    <form class="inline-form plain-form" onSubmit=${async _=>{_.preventDefault();let m={name:n,recording_retention_days:s===""?null:Number(s)};try{await S("PATCH",`/v1/tenants/${t.id}`,m),d({}),i(null),u(!0),e()}catch(f){d(f.fieldErrors?f.fieldErrors():{}),i(f),u(!1)}}}>
      <${C} label="Name" path="name" value=${n} onInput=${r} error=${a.name} />
      <${C} label="Keep recordings (days; empty: forever)" path="recording_retention_days"
        type="number" min="1" value=${s} onInput=${o} error=${a.recording_retention_days} />
      <button type="submit">Save settings</button>
    </form>
    ${p?l`<p role="status">Saved.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${E} error=${c} />`:null}
  </section>`}function Zt({tenantId:t,tenant:e,reloadTenant:n}){let r=I(),s=`/v1/tenants/${t}`,o=x(async()=>{if(!r("analytics.read"))return null;let[$,_]=await Promise.all([k(`${s}/analytics/summary${F({since:Yt().toISOString()})}`),k(`${s}/analytics/summary${F({since:jn().toISOString()})}`)]);return{today:$,week:_}},[t]),a=x(()=>k(`${s}/runtime`),[t]),[d,c]=b(null),[i,p]=b(null),u=async()=>{try{let $=await S("POST",`${s}/runtime/publish`);p($.revision),c(null),a.reload()}catch($){c($)}};return l`<${T} title=${e?e.name:"Tenant"} />
    <${w} state=${o}>${$=>$&&l`<div class="cards">
      <${Qt} label="Today" data=${$.today} /><${Qt} label="This week" data=${$.week} /></div>`}
    </${w}>
    <section class="card" aria-label="Runtime"><h2>Runtime</h2>
      <${w} state=${a}>${$=>l`<dl class="stats">
          <div><dt>Revision</dt><dd>${M($.revision)}</dd></div>
          <div><dt>Published revision</dt><dd>${M($.published_revision)}</dd></div>
          <div><dt>Pending</dt><dd>${M($.pending)}</dd></div>
          <div><dt>Drift</dt><dd class=${$.in_sync?"ok":"warn"}>${$.in_sync?"In sync":"Drifted"}</dd></div>
        </dl>
        ${$.drift.length?l`<ul class="drift">${$.drift.map(_=>l`<li>${_}</li>`)}</ul>`:null}
        ${$.problems.length?l`<h3>Problems</h3><ul class="problems">${$.problems.map(_=>l`<li><code>${_.type}</code> ${_.message}</li>`)}</ul>`:null}`}
      </${w}>
      ${r("runtime.publish")?l`<button type="button" onClick=${u}>Re-publish</button>`:null}
      ${i!==null?l`<p role="status">Queued revision ${M(i)}.</p>`:null}
      <${E} error=${d} />
    </section>
    ${e&&r("tenants.update")?l`<${Rn} key=${e.id} tenant=${e}
      onSaved=${n} />`:null}`}function Xt({tenantId:t}){let e=I(),n=`/v1/tenants/${t}`,r=x(async()=>{let[f,h]=await Promise.all([k(`${n}/numbers`),k(`${n}/agents`)]);return{numbers:f.items,agents:h.items}},[t]),[s,o]=b({e164:"",carrier:"twilio",agent_id:"",label:""}),[a,d]=b({}),[c,i]=b(null),p=f=>{d(f.fieldErrors?f.fieldErrors():{}),i(f)},u=async f=>{f.preventDefault();try{await S("POST",`${n}/numbers`,{...s,agent_id:s.agent_id||null}),o({e164:"",carrier:"twilio",agent_id:"",label:""}),d({}),i(null),r.reload()}catch(h){p(h)}},$=async(f,h)=>{try{await S("PATCH",`${n}/numbers/${f.id}`,{agent_id:h||null}),i(null),r.reload()}catch(y){p(y)}},_=async f=>{if(confirm(`Remove ${f.e164}? It stops taking calls.`))try{await S("DELETE",`${n}/numbers/${f.id}`),r.reload()}catch(h){p(h)}},m=e("numbers.write");return l`<${T} title="Numbers" />
    <${w} state=${r}>${({numbers:f,agents:h})=>{let y=[["","(no agent: not answering)"],...h.map(g=>[g.id,g.name])],v=g=>(h.find(L=>L.id===g)||{}).name||"\u2014";return l`
      ${m?l`<form class="inline-form" onSubmit=${u} aria-label="Add a number">
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
              ${y.map(([L,J])=>l`<option value=${L} selected=${L===(g.agent_id||"")}>${J}</option>`)}
            </select>`:v(g.agent_id)}</td>
          ${m?l`<td><button type="button" class="danger small" onClick=${()=>_(g)}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}`}}</${w}>`}function en({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/agents`,r=x(()=>k(n),[t]),[s,o]=b(""),[a,d]=b({}),[c,i]=b(null),p=async u=>{u.preventDefault();try{let $=await S("POST",n,{name:s});H(`/admin/t/${t}/agents/${$.id}`)}catch($){d($.fieldErrors?$.fieldErrors():{}),i($)}};return l`<${T} title="Agents" />
    ${e("agents.write")?l`<form class="inline-form" onSubmit=${p} aria-label="Create an agent">
      <${C} label="New agent name" path="name" value=${s} onInput=${o} error=${a.name} />
      <button type="submit">Create agent</button>
      ${c&&!a.name?l`<${E} error=${c} />`:null}
    </form>`:null}
    <${w} state=${r} empty=${Object.assign(u=>u.items.length===0,{text:"No agents yet."})}>
      ${u=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Agents</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Live version</th>
          <th scope="col">Latest version</th><th scope="col">Updated</th></tr></thead>
        <tbody>${u.items.map($=>l`<tr>
          <td><${j} href=${`/admin/t/${t}/agents/${$.id}`}>${$.name}</${j}></td>
          <td>${$.live_version??"not live"}</td><td>${$.latest_version||"\u2014"}</td>
          <td>${N($.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${w}>`}function Ae(t,e="",n={}){if(t&&typeof t=="object"&&!Array.isArray(t)){for(let[r,s]of Object.entries(t))Ae(s,e?`${e}.${r}`:r,n);Object.keys(t).length===0&&e&&(n[e]="{}")}else Array.isArray(t)&&t.some(r=>r&&typeof r=="object")?(t.forEach((r,s)=>Ae(r,`${e}.${s}`,n)),t.length===0&&(n[e]="[]")):n[e]=typeof t=="string"?t:JSON.stringify(t);return n}function Un({left:t,right:e}){let n=Ae(t.config),r=Ae(e.config),s=[...new Set([...Object.keys(n),...Object.keys(r)])].sort(),o=s.filter(a=>n[a]!==r[a]);return l`<div class="table-wrap"><table class="diff">
    <caption>Version ${t.version} and version ${e.version}: ${o.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${t.version}</th>
      <th scope="col">Version ${e.version}</th></tr></thead>
    <tbody>${s.map(a=>l`<tr class=${n[a]!==r[a]?"changed":""}>
      <th scope="row" class="mono">${a}</th><td class="pre">${n[a]??"\u2014"}</td><td class="pre">${r[a]??"\u2014"}</td>
    </tr>`)}</tbody></table></div>`}function Hn({base:t,agent:e,versions:n,onChanged:r}){let s=I(),[o,a]=b(()=>[n[1]?.version||n[0]?.version,n[0]?.version]),[d,c]=b(null),i=$=>n.find(_=>_.version===Number($)),p=async($,_)=>{try{await S("POST",`${t}/${$}`,{version:_}),c(null),r()}catch(m){c(m)}},u=($,_)=>l`<label>${_}
    <select value=${o[$]} onChange=${m=>a($?[o[0],m.currentTarget.value]:[m.currentTarget.value,o[1]])}>
      ${n.map(m=>l`<option value=${m.version} selected=${m.version===Number(o[$])}>Version ${m.version}</option>`)}
    </select></label>`;return l`<section aria-label="Versions"><h2>Versions</h2>
    <${E} error=${d} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${n.map($=>l`<tr>
        <td>${$.version}</td><td>${$.note}</td><td>${$.created_by}</td><td>${N($.created_at)}</td>
        <td>${$.live?l`<span class="status active">live</span>`:s("agents.publish")?e.live_version!==null&&$.version<e.live_version?l`<button type="button" class="secondary small" onClick=${()=>p("rollback",$.version)}>Roll back to ${$.version}</button>`:l`<button type="button" class="small" onClick=${()=>p("publish",$.version)}>Publish ${$.version}</button>`:""}</td></tr>`)}</tbody></table></div>
    ${n.length>1?l`<h3>Compare</h3><div class="inline-form">${u(0,"Left")}${u(1,"Right")}</div>
      ${i(o[0])&&i(o[1])?l`<${Un} left=${i(o[0])} right=${i(o[1])} />`:null}`:null}
  </section>`}function Mn({value:t}){let e=I(),n=ye(Ke),[r,s]=b(null),[o,a]=b(null),[d,c]=b(!1);return D(()=>()=>r&&URL.revokeObjectURL(r),[r]),e("agents.write")?l`<div class="voice-preview">
    <button type="button" class="secondary small" disabled=${d} onClick=${async()=>{c(!0),a(null);try{s(await It(`${n}/voices/preview`,{tts:t}))}catch(p){a(p)}c(!1)}}>
      ${d?"Synthesizing\u2026":"Preview voice"}</button>
    ${r?l`<audio controls autoplay src=${r} aria-label="Voice preview"></audio>`:null}
    <${E} error=${o} />
  </div>`:null}var Ke=fe(""),Fn={tts:Mn};function Vn({base:t,latest:e,onSaved:n}){let r=I(),[s,o]=b(null),[a,d]=b(null),[c,i]=b({}),[p,u]=b(null),[$,_]=b(null);if(D(()=>{Ee("AgentVersionCreate").then(h=>{o(h),d(e?{...e.config,note:""}:zt(h.root,h.all))},u)},[e&&e.version]),!s||!a)return l`<${E} error=${p} />`;let m=r("agents.write");return l`<form class="agent-form" onSubmit=${async h=>{h.preventDefault();try{let y=await S("POST",`${t}/versions`,a);i({}),u(null),_(y),n()}catch(y){i(y.fieldErrors?y.fieldErrors():{}),u(y)}}} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!m} class="plain">
      <${Z} schema=${s.root} all=${s.all} path="" value=${a}
        onChange=${d} errors=${c} extras=${Fn} />
    </fieldset>
    ${p?l`<p class="error" role="alert">${Object.keys(c).length?`The version was not saved: ${Object.keys(c).length} field(s) need attention.`:p.message}</p>`:null}
    ${$?l`<p role="status">Saved as version ${$.version}.${$.warnings.map(h=>` ${h.message}`)}</p>`:null}
    ${m?l`<div class="sticky-actions"><button type="submit">Save as new version</button></div>`:null}
  </form>`}function tn({tenantId:t,item:e}){let n=`/v1/tenants/${t}/agents/${e}`,r=x(async()=>{let[s,o]=await Promise.all([k(n),k(`${n}/versions`)]);return{agent:s,versions:o.items}},[n]);return l`<${w} state=${r}>${({agent:s,versions:o})=>l`
    <${T} title=${s.name}>
      <span class="badge">${s.live_version?`live: version ${s.live_version}`:"not live"}</span>
    </${T}>
    <div class="agent-grid">
      <${Ke.Provider} value=${`/v1/tenants/${t}`}>
        <${Vn} base=${n} latest=${o[0]} onSaved=${r.reload} />
      </${Ke.Provider}>
      ${o.length?l`<${Hn} key=${o.length} base=${n} agent=${s}
        versions=${o} onChanged=${r.reload} />`:l`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${w}>`}var Wn=[["llm_api_key","LLM API key"],["carrier_credential","Carrier credential"],["tool_credential","Tool credential"],["webhook_secret","Webhook secret"]],nn={name:"",kind:"llm_api_key",value:"",allowed_host:""};function rn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/secrets`,r=x(()=>k(n),[t]),[s,o]=b(nn),[a,d]=b({}),[c,i]=b(null),[p,u]=b(null),$=h=>{d(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={value:s.value,kind:s.kind};s.kind==="llm_api_key"&&s.allowed_host&&(y.allowed_host=s.allowed_host);try{await S("PUT",`${n}/${encodeURIComponent(s.name)}`,y),u(s.name),o(nn),d({}),i(null),r.reload()}catch(v){$(v)}},m=async h=>{if(confirm(`Delete the secret ${h}?`))try{await S("DELETE",`${n}/${encodeURIComponent(h)}`),r.reload()}catch(y){$(y)}},f=e("secrets.write");return l`<${T} title="Secrets" />
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
    </${w}>`}var Le=[["viewer","Viewer"],["editor","Editor"],["admin","Admin"],["owner","Owner"]];function on({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/members`,r=x(()=>k(n),[t]),[s,o]=b({subject:"",role:"viewer"}),[a,d]=b({}),[c,i]=b(null),p=async m=>{try{await m(),d({}),i(null),r.reload()}catch(f){d(f.fieldErrors?f.fieldErrors():{}),i(f)}},u=(m,f)=>p(()=>S("PUT",`${n}/${encodeURIComponent(m)}`,{role:f})),$=m=>{m.preventDefault(),p(async()=>{await u(s.subject,s.role),o({subject:"",role:"viewer"})})},_=e("members.write");return l`<${T} title="Members" />
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
            <select id=${`role-${f.subject}`} onChange=${h=>u(f.subject,h.currentTarget.value)}>
            ${Le.map(([h,y])=>l`<option value=${h} selected=${h===f.role}>${y}</option>`)}</select>`:f.role}</td>
          <td>${f.created_by}</td><td>${N(f.created_at)}</td>
          ${_?l`<td><button type="button" class="danger small"
            onClick=${()=>confirm(`Remove ${f.subject}?`)&&p(()=>S("DELETE",`${n}/${encodeURIComponent(f.subject)}`))}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${w}>`}function sn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/api-keys`,r=x(()=>k(n),[t]),[s,o]=b({name:"",role:"viewer",expires_at:""}),[a,d]=b({}),[c,i]=b(null),[p,u]=b(null),$=h=>{d(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={name:s.name,role:s.role};s.expires_at&&(y.expires_at=new Date(s.expires_at).toISOString());try{u(await S("POST",n,y)),o({name:"",role:"viewer",expires_at:""}),d({}),i(null),r.reload()}catch(v){$(v)}},m=async h=>{if(confirm(`Revoke ${h.name}? Anything using it stops working.`))try{await S("DELETE",`${n}/${h.id}`),r.reload()}catch(y){$(y)}},f=e("api_keys.write");return l`<${T} title="API keys" />
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
      <button type="button" class="secondary small" onClick=${()=>u(null)}>I have stored it</button></div>`:null}
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
    </${w}>`}var an=t=>t===void 0?"\u2014":typeof t=="string"?t:JSON.stringify(t);function Bn({diff:t}){let e=t.before||{},n=t.after||{},r=[...new Set([...Object.keys(e),...Object.keys(n)])].sort();return r.length?l`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${r.map(s=>l`<tr class="changed">
    <th scope="row" class="mono">${s}</th><td class="pre">${an(e[s])}</td><td class="pre">${an(n[s])}</td>
    </tr>`)}</tbody></table>`:l`<p class="empty">No field changes recorded.</p>`}var ln=t=>t?new Date(t).toISOString():"";function cn({tenantId:t}){let[e,n]=b({actor:"",action:"",target:"",since:"",until:""}),[r,s]=b(e),[o,a]=b([null]),[d,c]=b(null),i=o[o.length-1],p=x(()=>k(`/v1/tenants/${t}/audit${F({...r,since:ln(r.since),until:ln(r.until),cursor:i,limit:25})}`),[t,r,i]),u=_=>{_.preventDefault(),s(e),a([null])},$=(_,m,f="text")=>l`<${C} label=${m} path=${`filter-${_}`}
    type=${f} value=${e[_]} onInput=${h=>n({...e,[_]:h})} />`;return l`<${T} title="Audit log" />
    <form class="inline-form filters" onSubmit=${u} aria-label="Filter the audit log">
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
          <td><button type="button" class="ghost small" aria-expanded=${d===m.id}
            onClick=${()=>c(d===m.id?null:m.id)}>${d===m.id?"Hide":"Show"}</button>
            ${d===m.id?l`<${Bn} diff=${m.diff} />`:null}</td>
        </tr>`)}</tbody></table></div>
        <${xe} cursors=${o} setCursors=${a} next=${_.next_cursor} />`}
    </${w}>`}var qn=[["","Any outcome"],["answered","Answered"],["missed","Missed"],["transferred","Transferred"],["failed","Failed"],["in_progress","In progress"]],dn=t=>t?new Date(t).toISOString():"";function un({tenantId:t}){let e=`/v1/tenants/${t}`,n=x(()=>k(`${e}/agents`),[t]),[r,s]=b({since:"",until:"",number:"",agent_id:"",outcome:""}),[o,a]=b(r),[d,c]=b([null]),i=d[d.length-1],p=x(()=>k(`${e}/calls${F({...o,since:dn(o.since),until:dn(o.until),cursor:i,limit:25})}`),[t,o,i]),u=m=>{m.preventDefault(),a(r),c([null])},$=n.data?n.data.items:[],_=m=>($.find(f=>f.id===m)||{}).name||m||"\u2014";return l`<${T} title="Calls" />
    <form class="inline-form filters" onSubmit=${u} aria-label="Filter calls">
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
          <td><${j} href=${`/admin/t/${t}/calls/${encodeURIComponent(f.id)}`}>${N(f.started_at)}</${j}></td>
          <td class="mono">${f.from_number||"\u2014"}</td><td class="mono">${f.to_number||"\u2014"}</td>
          <td>${_(f.agent_id)}</td><td>${Y(f.duration_s)}</td>
          <td><span class=${`status ${f.outcome}`}>${f.outcome}</span></td><td>${f.turns}</td>
        </tr>`)}</tbody></table></div>
        <${xe} cursors=${d} setCursors=${c} next=${m.next_cursor} />`}
    </${w}>`}var $n=[["end_of_turn_ms","End of turn"],["transcript_final_ms","Transcript final"],["llm_first_token_ms","LLM first token"],["tts_first_audio_ms","TTS first audio"],["first_frame_out_ms","First frame out"]];function Jn({turns:t}){let e=t.filter(d=>d.stages&&d.stages.caller_stopped_ms!==null&&d.stages.caller_stopped_ms!==void 0);if(!e.length)return l`<p class="empty">No turn timings recorded.</p>`;let n=e.map(d=>$n.map(([c])=>d.stages[c]).filter(c=>c!=null).map(c=>c-d.stages.caller_stopped_ms)),r=Math.max(1,...n.flat()),s=600,o=d=>150+Math.max(0,d)/r*(s-160),a=20;return e.map(d=>{let c=d.stages.caller_stopped_ms,i=0,p=$n.map(([$,_],m)=>{let f=d.stages[$];if(f==null)return null;let h=i;return i=f-c,{label:_,from:h,to:f-c,i:m}}).filter(Boolean),u=p.length*a+24;return l`<figure class="waterfall">
      <figcaption>Turn ${d.turn_index+1}: voice-to-voice ${B(d.voice_to_voice_ms)}${" "}
        (${d.interrupted?"interrupted, ":""}${d.brain})</figcaption>
      <svg viewBox=${`0 0 ${s} ${u}`} role="img"
        aria-label=${`Turn ${d.turn_index+1} stages after the caller stopped: ${p.map($=>`${$.label} ${Math.round($.to)} ms`).join(", ")}`}>
        ${p.map($=>l`<g>
          <text x="0" y=${$.i*a+14} class="label">${$.label}</text>
          <rect x=${o($.from)} y=${$.i*a+2} width=${Math.max(2,o($.to)-o($.from))} height=${a-4}
            class=${`bar s${$.i}`}><title>${$.label}: ${Math.round($.from)}–${Math.round($.to)} ms</title></rect>
          <text x=${Math.min(s-40,o($.to)+4)} y=${$.i*a+14} class="value">${Math.round($.to)}</text>
        </g>`)}
        <line x1="150" x2="150" y1="0" y2=${u-20} class="axis" />
        <text x="150" y=${u-6} class="label">caller stopped (0 ms)</text>
        <text x=${s-70} y=${u-6} class="label">${Math.round(r)} ms</text>
      </svg></figure>`})}function Kn(t,e){let n=We(null),[r,s]=b("both"),o=a=>{let d=t.current;if(!d)return;if(!n.current){let $=new AudioContext,_=$.createMediaElementSource(d),m=$.createChannelSplitter(2),f=$.createChannelMerger(2);_.connect(m),f.connect($.destination),n.current={context:$,splitter:m,merger:f}}let{context:c,splitter:i,merger:p}=n.current;i.disconnect();let u={both:[0,1],caller:[0,0],agent:[1,1]}[a];i.connect(p,u[0],0),i.connect(p,u[1],1),c.resume(),s(a)};return D(()=>()=>{n.current&&n.current.context.close(),n.current=null},[e]),[r,o]}function zn({path:t,audioRef:e,onTime:n}){let[r,s]=b(void 0),[o,a]=b(null),[d,c]=Kn(e,r);return D(()=>{let i=null;return Dt(t).then(p=>{i=p,s(p)},a),()=>i&&URL.revokeObjectURL(i)},[t]),o?l`<${E} error=${o} />`:r===void 0?l`<p class="state" role="status">Loading the recording…</p>`:r===null?l`<p class="empty">No recording for this call.</p>`:l`<div class="player">
    <audio ref=${e} controls preload="metadata" src=${r} onTimeUpdate=${i=>n(i.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
    <fieldset class="choices channels"><legend>Listen to</legend>
      ${[["both","Both"],["caller","Caller only"],["agent","Agent only"]].map(([i,p])=>l`<label class="choice">
        <input type="radio" name="channels" value=${i} checked=${d===i} onChange=${()=>c(i)} />${p}</label>`)}
    </fieldset>
  </div>`}function Gn({call:t}){let e=t.analysis;if(!e)return l`<p class="empty" data-testid="analysis-status">Analysis: ${t.analysis_status||"not run"}.</p>`;let n=e.success?typeof e.success=="object"?JSON.stringify(e.success):String(e.success):null;return l`<dl class="stats facts analysis" data-testid="analysis-status">
    <div><dt>Analysis</dt><dd>${e.source}${e.model?` (${e.model})`:""}</dd></div>
    ${e.summary?l`<div class="wide"><dt>Summary</dt><dd>${e.summary}</dd></div>`:null}
    ${e.ended_how?l`<div><dt>How it ended</dt><dd>${e.ended_how}</dd></div>`:null}
    ${n?l`<div><dt>Success</dt><dd class="pre">${n}</dd></div>`:null}
    ${(e.caller_questions||[]).length?l`<div class="wide"><dt>Caller asked</dt><dd><ul>${e.caller_questions.map(r=>l`<li>${r}</li>`)}</ul></dd></div>`:null}
    ${e.extracted?l`<div class="wide"><dt>Extracted</dt><dd class="pre">${JSON.stringify(e.extracted,null,2)}</dd></div>`:null}
  </dl>`}function pn({tenantId:t,item:e}){let n=`/v1/tenants/${t}/calls/${encodeURIComponent(e)}`,r=x(()=>k(n),[n]),s=We(null),[o,a]=b(0),d=c=>{s.current&&(s.current.currentTime=c/1e3,s.current.play().catch(()=>{}))};return l`<${w} state=${r}>${c=>l`
    <${T} title=${`Call ${N(c.started_at)}`}>
      <${j} href=${`/admin/t/${t}/calls`}>All calls</${j}>
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
    <${Gn} call=${c} />
    <div class="call-grid">
      <section aria-label="Recording and transcript"><h2>Recording and transcript</h2>
        <${zn} path=${`${n}/recording`} audioRef=${s} onTime=${a} />
        ${c.transcript.length?l`<ol class="transcript">${c.transcript.map((i,p)=>{let u=c.transcript[p+1],$=o*1e3>=i.at_ms&&(!u||o*1e3<u.at_ms);return l`<li class=${`${i.role}${$?" active":""}`}>
            <button type="button" onClick=${()=>d(i.at_ms)}
              aria-label=${`Play from ${Y(i.at_ms/1e3)}: ${i.role} said ${i.text}`}>
              <span class="at">${Y(i.at_ms/1e3)}</span>
              <span class="role">${i.role}</span>
              <span class="text">${i.text}${i.interrupted?" (interrupted)":""}</span>
            </button></li>`})}</ol>`:l`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Jn} turns=${c.turn_details} />
      </section>
    </div>`}</${w}>`}var ze=640,X=180,ee=36;function Pe({title:t,days:e,series:n,kind:r="bar",format:s=M}){let o=e.flatMap(p=>n.map(u=>p[u.key]??0)),a=Math.max(1,...o),d=(ze-ee*2)/Math.max(1,e.length),c=p=>X-20-(p??0)/a*(X-40),i=e.map(p=>`${Q(p.day)}: ${n.map(u=>`${u.label} ${s(p[u.key])}`).join(", ")}`).join("; ");return l`<figure class="chart"><figcaption>${t}</figcaption>
    <svg viewBox=${`0 0 ${ze} ${X}`} role="img" aria-label=${`${t}. ${i}`}>
      <line x1=${ee} x2=${ze-ee} y1=${X-20} y2=${X-20} class="axis" />
      <text x="2" y="14" class="label">${s(a)}</text>
      ${e.map((p,u)=>l`<text x=${ee+u*d+d/2} y=${X-4} class="label" text-anchor="middle">
        ${u%Math.ceil(e.length/7)===0?Q(p.day):""}</text>`)}
      ${r==="bar"?e.map((p,u)=>{let $=0;return n.map((_,m)=>{let f=p[_.key]??0,h=c($+f),y=l`<rect x=${ee+u*d+d*.15} width=${d*.7}
                y=${h} height=${Math.max(0,c($)-h)} class=${`bar s${m}`}>
                <title>${Q(p.day)} ${_.label}: ${s(f)}</title></rect>`;return $+=f,y})}):n.map((p,u)=>{let $=e.map((m,f)=>[f,m[p.key]]).filter(([,m])=>m!==null),_=([m,f])=>[ee+m*d+d/2,c(f)];return l`<g class=${`line s${u}`}>
              <polyline fill="none" points=${$.map(m=>_(m).join(",")).join(" ")} />
              ${$.map(m=>l`<circle cx=${_(m)[0]} cy=${_(m)[1]} r="4">
                <title>${Q(e[m[0]].day)} ${p.label}: ${s(m[1])}</title></circle>`)}
            </g>`})}
    </svg>
    <p class="legend">${n.map((p,u)=>l`<span><span class=${`swatch s${u}`}></span>${p.label}</span>`)}</p>
  </figure>`}function Qn(t,e,n){let r=Object.fromEntries(t.map(o=>[o.day,o])),s=[];for(let o=new Date(e);o<n;o.setUTCDate(o.getUTCDate()+1)){let a=o.toISOString().slice(0,10);s.push(r[a]||{day:a,calls:0,minutes:0,answered:0,missed:0,latency_p50_ms:null,latency_p95_ms:null})}return s}function mn({tenantId:t}){let[e,n]=b("14"),r=x(async()=>{let s=new Date;s.setUTCHours(24,0,0,0);let o=new Date(s);o.setUTCDate(o.getUTCDate()-Number(e));let a=await k(`/v1/tenants/${t}/analytics${F({since:o.toISOString(),until:s.toISOString()})}`);return Qn(a.days,o,s)},[t,e]);return l`<${T} title="Analytics">
      <${R} label="Range" path="range" value=${e} onChange=${n}
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
      <tbody>${s.map(o=>l`<tr><td>${Q(o.day)}</td><td>${M(o.calls)}</td><td>${le(o.minutes)}</td>
        <td>${M(o.answered)}</td><td>${M(o.missed)}</td><td>${B(o.latency_p50_ms)}</td>
        <td>${B(o.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${w}>`}var _n=["call.started","call.ended","call.analyzed","usage.threshold_reached","usage.cap_reached","webhook.endpoint_disabled"];function Yn({base:t,endpoint:e}){let n=I(),[r,s]=b(""),o=x(()=>k(`${t}/${e.id}/deliveries${F({status:r,limit:25})}`),[e.id,r]),[a,d]=b(null),c=async i=>{try{await S("POST",`${t}/${e.id}/deliveries/${i.id}/redeliver`),o.reload()}catch(p){d(p)}};return l`<section aria-label=${`Deliveries to ${e.url}`}><h3>Deliveries</h3>
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
  </section>`}function fn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/webhooks`,r=x(()=>k(n),[t]),[s,o]=b({url:"",description:"",event_types:["call.ended"]}),[a,d]=b({}),[c,i]=b(null),[p,u]=b(null),[$,_]=b(null),m=async v=>{try{await v(),d({}),i(null),r.reload()}catch(g){d(g.fieldErrors?g.fieldErrors():{}),i(g)}},f=v=>{v.preventDefault(),m(async()=>{let g={url:s.url,event_types:s.event_types,description:s.description||null},L=await S("POST",n,g);u({url:L.url,secret:L.secret}),o({url:"",description:"",event_types:["call.ended"]})})},h=v=>{let g=s.event_types.includes(v)?s.event_types.filter(L=>L!==v):[...s.event_types,v];o({...s,event_types:_n.filter(L=>g.includes(L))})},y=e("webhooks.write");return l`<${T} title="Webhooks" />
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
      <button type="button" class="secondary small" onClick=${()=>u(null)}>I have stored it</button></div>`:null}
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
              <button type="button" class="secondary small" onClick=${()=>m(async()=>{let L=await S("POST",`${n}/${g.id}/rotate-secret`,{});u({url:g.url,secret:L.secret})})}>Rotate secret</button>
              <button type="button" class="danger small" onClick=${()=>confirm(`Remove ${g.url}?`)&&m(()=>S("DELETE",`${n}/${g.id}`))}>Remove</button>`:null}
            ${$===g.id?l`<${Yn} base=${n} endpoint=${g} />`:null}
          </td></tr>`)}</tbody></table></div>`}
    </${w}>`}var Zn=[["","Home","runtime.read"],["numbers","Numbers","calls.read"],["agents","Agents","calls.read"],["calls","Calls","calls.read"],["analytics","Analytics","analytics.read"],["secrets","Secrets","secrets.read"],["members","Members","members.read"],["api-keys","API keys","api_keys.read"],["webhooks","Webhooks","webhooks.read"],["audit","Audit log","audit.read"]],Xn={"":Zt,numbers:Xt,agents:en,secrets:rn,members:on,"api-keys":sn,audit:cn,calls:un,analytics:mn,webhooks:fn};function er({me:t,tenantId:e,section:n,item:r}){let s=x(()=>k(`/v1/tenants/${e}/permissions`),[e]),o=x(()=>k(`/v1/tenants/${e}`),[e]),a=Xn[n]||null;n==="agents"&&r&&(a=tn),n==="calls"&&r&&(a=pn);let d=s.data?s.data.allowed:[],c=`/admin/t/${e}`;return l`<${w} state=${s}>${i=>l`<${we.Provider} value=${i}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${o.data?o.data.name:""}
        ${i.role?l`<span class="badge">${i.role}</span>`:l`<span class="badge">platform admin</span>`}</p>
      <ul>${Zn.filter(([,,p])=>d.includes(p)).map(([p,u])=>l`<li><${j} href=${p?`${c}/${p}`:c}
          aria-current=${n===p?"page":void 0}>${u}</${j}></li>`)}</ul>
    </nav>
    <main id="main" class="content">
      ${a?l`<${a} tenantId=${e} tenant=${o.data} item=${r} me=${t}
        reloadTenant=${o.reload} />`:l`<p class="state">No such page.</p>`}
    </main>
  </${we.Provider}>`}</${w}>`}function tr(){let t=Ht(),[e,n]=b(null),[r,s]=b(null);D(()=>{Ot(()=>H("/admin/signin?expired=1",{replace:!0}))},[]);let o=location.pathname.replace(/\/+$/,""),a=!!ge();if(D(()=>{!a||o==="/admin/signin"||o==="/admin/callback"||e===null&&k("/v1/me").then(n,s)},[a,o,e]),o==="/admin/callback")return l`<${Vt} />`;if(o==="/admin/signin"||!a)return o!=="/admin/signin"&&H("/admin/signin",{replace:!0}),l`<${Ft} onSignedIn=${u=>n(u)} />`;let d=()=>{G(),n(null),H("/admin/signin")},c=l`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${j} href="/admin" class="brand">Switchboard</${j}>
    <span class="who">${e?e.subject:""}</span>
    <button type="button" class="ghost" onClick=${d}>Sign out</button>
  </header>`;if(r)return l`${c}<main class="content"><p class="error" role="alert">${r.message}</p></main>`;let i=o.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/);if(!e&&!i)return l`${c}<p class="state" role="status">Loading…</p>`;let p=i?l`<div class="layout"><${er} me=${e} tenantId=${decodeURIComponent(i[1])}
        section=${i[2]||""} item=${i[3]?decodeURIComponent(i[3]):null} /></div>`:l`<main id="main" class="content"><${Gt} me=${e} /></main>`;return l`${c}${p}<span hidden>${t}</span>`}var hn=document.getElementById("app");hn.textContent="";ut(l`<${tr} />`,hn);
