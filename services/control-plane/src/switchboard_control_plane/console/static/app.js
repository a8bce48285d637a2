var $t,C,zt,pn,q,Bt,Jt,Gt,Qt,Ot,Lt,Pt,Yt,rt={},Zt=[],mn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,pt=Array.isArray;function V(t,e){for(var n in e)t[n]=e[n];return t}function Dt(t){t&&t.parentNode&&t.parentNode.removeChild(t)}function It(t,e,n){var r,s,o,a={};for(o in e)o=="key"?r=e[o]:o=="ref"?s=e[o]:a[o]=e[o];if(arguments.length>2&&(a.children=arguments.length>3?$t.call(arguments,2):n),typeof t=="function"&&t.defaultProps!=null)for(o in t.defaultProps)a[o]===void 0&&(a[o]=t.defaultProps[o]);return ct(t,a,r,s,null)}function ct(t,e,n,r,s){var o={type:t,props:e,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++zt,__i:-1,__u:0};return s==null&&C.vnode!=null&&C.vnode(o),o}function mt(t){return t.children}function ut(t,e){this.props=t,this.context=e}function z(t,e){if(e==null)return t.__?z(t.__,t.__i+1):null;for(var n;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null)return n.__e;return typeof t.type=="function"?z(t):null}function Xt(t){var e,n;if((t=t.__)!=null&&t.__c!=null){for(t.__e=t.__c.base=null,e=0;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null){t.__e=t.__c.base=n.__e;break}return Xt(t)}}function Nt(t){(!t.__d&&(t.__d=!0)&&q.push(t)&&!dt.__r++||Bt!=C.debounceRendering)&&((Bt=C.debounceRendering)||Jt)(dt)}function dt(){for(var t,e,n,r,s,o,a,d=1;q.length;)q.length>d&&q.sort(Gt),t=q.shift(),d=q.length,t.__d&&(n=void 0,s=(r=(e=t).__v).__e,o=[],a=[],e.__P&&((n=V({},r)).__v=r.__v+1,C.vnode&&C.vnode(n),jt(e.__P,n,r,e.__n,e.__P.namespaceURI,32&r.__u?[s]:null,o,s??z(r),!!(32&r.__u),a),n.__v=r.__v,n.__.__k[n.__i]=n,ne(o,n,a),n.__e!=s&&Xt(n)));dt.__r=0}function te(t,e,n,r,s,o,a,d,c,u,p){var i,$,_,m,h,f,g=r&&r.__k||Zt,w=e.length;for(c=_n(n,e,g,c,w),i=0;i<w;i++)(_=n.__k[i])!=null&&($=_.__i==-1?rt:g[_.__i]||rt,_.__i=i,f=jt(t,_,$,s,o,a,d,c,u,p),m=_.__e,_.ref&&$.ref!=_.ref&&($.ref&&Ut($.ref,null,_),p.push(_.ref,_.__c||m,_)),h==null&&m!=null&&(h=m),4&_.__u||$.__k===_.__k?c=ee(_,c,t):typeof _.type=="function"&&f!==void 0?c=f:m&&(c=m.nextSibling),_.__u&=-7);return n.__e=h,c}function _n(t,e,n,r,s){var o,a,d,c,u,p=n.length,i=p,$=0;for(t.__k=new Array(s),o=0;o<s;o++)(a=e[o])!=null&&typeof a!="boolean"&&typeof a!="function"?(c=o+$,(a=t.__k[o]=typeof a=="string"||typeof a=="number"||typeof a=="bigint"||a.constructor==String?ct(null,a,null,null,null):pt(a)?ct(mt,{children:a},null,null,null):a.constructor==null&&a.__b>0?ct(a.type,a.props,a.key,a.ref?a.ref:null,a.__v):a).__=t,a.__b=t.__b+1,d=null,(u=a.__i=fn(a,n,c,i))!=-1&&(i--,(d=n[u])&&(d.__u|=2)),d==null||d.__v==null?(u==-1&&(s>p?$--:s<p&&$++),typeof a.type!="function"&&(a.__u|=4)):u!=c&&(u==c-1?$--:u==c+1?$++:(u>c?$--:$++,a.__u|=4))):t.__k[o]=null;if(i)for(o=0;o<p;o++)(d=n[o])!=null&&(2&d.__u)==0&&(d.__e==r&&(r=z(d)),oe(d,d));return r}function ee(t,e,n){var r,s;if(typeof t.type=="function"){for(r=t.__k,s=0;r&&s<r.length;s++)r[s]&&(r[s].__=t,e=ee(r[s],e,n));return e}t.__e!=e&&(e&&t.type&&!n.contains(e)&&(e=z(t)),n.insertBefore(t.__e,e||null),e=t.__e);do e=e&&e.nextSibling;while(e!=null&&e.nodeType==8);return e}function fn(t,e,n,r){var s,o,a=t.key,d=t.type,c=e[n];if(c===null&&t.key==null||c&&a==c.key&&d==c.type&&(2&c.__u)==0)return n;if(r>(c!=null&&(2&c.__u)==0?1:0))for(s=n-1,o=n+1;s>=0||o<e.length;){if(s>=0){if((c=e[s])&&(2&c.__u)==0&&a==c.key&&d==c.type)return s;s--}if(o<e.length){if((c=e[o])&&(2&c.__u)==0&&a==c.key&&d==c.type)return o;o++}}return-1}function qt(t,e,n){e[0]=="-"?t.setProperty(e,n??""):t[e]=n==null?"":typeof n!="number"||mn.test(e)?n:n+"px"}function it(t,e,n,r,s){var o,a;t:if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof r=="string"&&(t.style.cssText=r=""),r)for(e in r)n&&e in n||qt(t.style,e,"");if(n)for(e in n)r&&n[e]==r[e]||qt(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")o=e!=(e=e.replace(Qt,"$1")),a=e.toLowerCase(),e=a in t||e=="onFocusOut"||e=="onFocusIn"?a.slice(2):e.slice(2),t.l||(t.l={}),t.l[e+o]=n,n?r?n.u=r.u:(n.u=Ot,t.addEventListener(e,o?Pt:Lt,o)):t.removeEventListener(e,o?Pt:Lt,o);else{if(s=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{t[e]=n??"";break t}catch{}typeof n=="function"||(n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n))}}function Kt(t){return function(e){if(this.l){var n=this.l[e.type+t];if(e.t==null)e.t=Ot++;else if(e.t<n.u)return;return n(C.event?C.event(e):e)}}}function jt(t,e,n,r,s,o,a,d,c,u){var p,i,$,_,m,h,f,g,w,k,I,K,tt,Wt,lt,et,At,F=e.type;if(e.constructor!=null)return null;128&n.__u&&(c=!!(32&n.__u),o=[d=e.__e=n.__e]),(p=C.__b)&&p(e);t:if(typeof F=="function")try{if(g=e.props,w="prototype"in F&&F.prototype.render,k=(p=F.contextType)&&r[p.__c],I=p?k?k.props.value:p.__:r,n.__c?f=(i=e.__c=n.__c).__=i.__E:(w?e.__c=i=new F(g,I):(e.__c=i=new ut(g,I),i.constructor=F,i.render=bn),k&&k.sub(i),i.props=g,i.state||(i.state={}),i.context=I,i.__n=r,$=i.__d=!0,i.__h=[],i._sb=[]),w&&i.__s==null&&(i.__s=i.state),w&&F.getDerivedStateFromProps!=null&&(i.__s==i.state&&(i.__s=V({},i.__s)),V(i.__s,F.getDerivedStateFromProps(g,i.__s))),_=i.props,m=i.state,i.__v=e,$)w&&F.getDerivedStateFromProps==null&&i.componentWillMount!=null&&i.componentWillMount(),w&&i.componentDidMount!=null&&i.__h.push(i.componentDidMount);else{if(w&&F.getDerivedStateFromProps==null&&g!==_&&i.componentWillReceiveProps!=null&&i.componentWillReceiveProps(g,I),!i.__e&&i.shouldComponentUpdate!=null&&i.shouldComponentUpdate(g,i.__s,I)===!1||e.__v==n.__v){for(e.__v!=n.__v&&(i.props=g,i.state=i.__s,i.__d=!1),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(nt){nt&&(nt.__=e)}),K=0;K<i._sb.length;K++)i.__h.push(i._sb[K]);i._sb=[],i.__h.length&&a.push(i);break t}i.componentWillUpdate!=null&&i.componentWillUpdate(g,i.__s,I),w&&i.componentDidUpdate!=null&&i.__h.push(function(){i.componentDidUpdate(_,m,h)})}if(i.context=I,i.props=g,i.__P=t,i.__e=!1,tt=C.__r,Wt=0,w){for(i.state=i.__s,i.__d=!1,tt&&tt(e),p=i.render(i.props,i.state,i.context),lt=0;lt<i._sb.length;lt++)i.__h.push(i._sb[lt]);i._sb=[]}else do i.__d=!1,tt&&tt(e),p=i.render(i.props,i.state,i.context),i.state=i.__s;while(i.__d&&++Wt<25);i.state=i.__s,i.getChildContext!=null&&(r=V(V({},r),i.getChildContext())),w&&!$&&i.getSnapshotBeforeUpdate!=null&&(h=i.getSnapshotBeforeUpdate(_,m)),et=p,p!=null&&p.type===mt&&p.key==null&&(et=re(p.props.children)),d=te(t,pt(et)?et:[et],e,n,r,s,o,a,d,c,u),i.base=e.__e,e.__u&=-161,i.__h.length&&a.push(i),f&&(i.__E=i.__=null)}catch(nt){if(e.__v=null,c||o!=null)if(nt.then){for(e.__u|=c?160:128;d&&d.nodeType==8&&d.nextSibling;)d=d.nextSibling;o[o.indexOf(d)]=null,e.__e=d}else for(At=o.length;At--;)Dt(o[At]);else e.__e=n.__e,e.__k=n.__k;C.__e(nt,e,n)}else o==null&&e.__v==n.__v?(e.__k=n.__k,e.__e=n.__e):d=e.__e=hn(n.__e,e,n,r,s,o,a,c,u);return(p=C.diffed)&&p(e),128&e.__u?void 0:d}function ne(t,e,n){for(var r=0;r<n.length;r++)Ut(n[r],n[++r],n[++r]);C.__c&&C.__c(e,t),t.some(function(s){try{t=s.__h,s.__h=[],t.some(function(o){o.call(s)})}catch(o){C.__e(o,s.__v)}})}function re(t){return typeof t!="object"||t==null||t.__b&&t.__b>0?t:pt(t)?t.map(re):V({},t)}function hn(t,e,n,r,s,o,a,d,c){var u,p,i,$,_,m,h,f=n.props,g=e.props,w=e.type;if(w=="svg"?s="http://www.w3.org/2000/svg":w=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),o!=null){for(u=0;u<o.length;u++)if((_=o[u])&&"setAttribute"in _==!!w&&(w?_.localName==w:_.nodeType==3)){t=_,o[u]=null;break}}if(t==null){if(w==null)return document.createTextNode(g);t=document.createElementNS(s,w,g.is&&g),d&&(C.__m&&C.__m(e,o),d=!1),o=null}if(w==null)f===g||d&&t.data==g||(t.data=g);else{if(o=o&&$t.call(t.childNodes),f=n.props||rt,!d&&o!=null)for(f={},u=0;u<t.attributes.length;u++)f[(_=t.attributes[u]).name]=_.value;for(u in f)if(_=f[u],u!="children"){if(u=="dangerouslySetInnerHTML")i=_;else if(!(u in g)){if(u=="value"&&"defaultValue"in g||u=="checked"&&"defaultChecked"in g)continue;it(t,u,null,_,s)}}for(u in g)_=g[u],u=="children"?$=_:u=="dangerouslySetInnerHTML"?p=_:u=="value"?m=_:u=="checked"?h=_:d&&typeof _!="function"||f[u]===_||it(t,u,_,f[u],s);if(p)d||i&&(p.__html==i.__html||p.__html==t.innerHTML)||(t.innerHTML=p.__html),e.__k=[];else if(i&&(t.innerHTML=""),te(e.type=="template"?t.content:t,pt($)?$:[$],e,n,r,w=="foreignObject"?"http://www.w3.org/1999/xhtml":s,o,a,o?o[0]:n.__k&&z(n,0),d,c),o!=null)for(u=o.length;u--;)Dt(o[u]);d||(u="value",w=="progress"&&m==null?t.removeAttribute("value"):m!=null&&(m!==t[u]||w=="progress"&&!m||w=="option"&&m!=f[u])&&it(t,u,m,f[u],s),u="checked",h!=null&&h!=t[u]&&it(t,u,h,f[u],s))}return t}function Ut(t,e,n){try{if(typeof t=="function"){var r=typeof t.__u=="function";r&&t.__u(),r&&e==null||(t.__u=t(e))}else t.current=e}catch(s){C.__e(s,n)}}function oe(t,e,n){var r,s;if(C.unmount&&C.unmount(t),(r=t.ref)&&(r.current&&r.current!=t.__e||Ut(r,null,e)),(r=t.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(o){C.__e(o,e)}r.base=r.__P=null}if(r=t.__k)for(s=0;s<r.length;s++)r[s]&&oe(r[s],e,n||typeof t.type!="function");n||Dt(t.__e),t.__c=t.__=t.__e=void 0}function bn(t,e,n){return this.constructor(t,n)}function se(t,e,n){var r,s,o,a;e==document&&(e=document.documentElement),C.__&&C.__(t,e),s=(r=typeof n=="function")?null:n&&n.__k||e.__k,o=[],a=[],jt(e,t=(!r&&n||e).__k=It(mt,null,[t]),s||rt,rt,e.namespaceURI,!r&&n?[n]:s?null:e.firstChild?$t.call(e.childNodes):null,o,!r&&n?n:s?s.__e:e.firstChild,r,a),ne(o,t,a)}function ae(t){function e(n){var r,s;return this.getChildContext||(r=new Set,(s={})[e.__c]=this,this.getChildContext=function(){return s},this.componentWillUnmount=function(){r=null},this.shouldComponentUpdate=function(o){this.props.value!=o.value&&r.forEach(function(a){a.__e=!0,Nt(a)})},this.sub=function(o){r.add(o);var a=o.componentWillUnmount;o.componentWillUnmount=function(){r&&r.delete(o),a&&a.call(o)}}),n.children}return e.__c="__cC"+Yt++,e.__=t,e.Provider=e.__l=(e.Consumer=function(n,r){return n.children(r)}).contextType=e,e}$t=Zt.slice,C={__e:function(t,e,n,r){for(var s,o,a;e=e.__;)if((s=e.__c)&&!s.__)try{if((o=s.constructor)&&o.getDerivedStateFromError!=null&&(s.setState(o.getDerivedStateFromError(t)),a=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(t,r||{}),a=s.__d),a)return s.__E=s}catch(d){t=d}throw t}},zt=0,pn=function(t){return t!=null&&t.constructor==null},ut.prototype.setState=function(t,e){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=V({},this.state),typeof t=="function"&&(t=t(V({},n),this.props)),t&&V(n,t),t!=null&&this.__v&&(e&&this._sb.push(e),Nt(this))},ut.prototype.forceUpdate=function(t){this.__v&&(this.__e=!0,t&&this.__h.push(t),Nt(this))},ut.prototype.render=mt,q=[],Jt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,Gt=function(t,e){return t.__v.__b-e.__v.__b},dt.__r=0,Qt=/(PointerCapture)$|Capture$/i,Ot=0,Lt=Kt(!1),Pt=Kt(!0),Yt=0;var J,A,Mt,le,ot=0,_e=[],P=C,ie=P.__b,ce=P.__r,ue=P.diffed,de=P.__c,$e=P.unmount,pe=P.__;function ft(t,e){P.__h&&P.__h(A,t,ot||e),ot=0;var n=A.__H||(A.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function b(t){return ot=1,gn(ve,t)}function gn(t,e,n){var r=ft(J++,2);if(r.t=t,!r.__c&&(r.__=[n?n(e):ve(void 0,e),function(d){var c=r.__N?r.__N[0]:r.__[0],u=r.t(c,d);c!==u&&(r.__N=[u,r.__[1]],r.__c.setState({}))}],r.__c=A,!A.__f)){var s=function(d,c,u){if(!r.__c.__H)return!0;var p=r.__c.__H.__.filter(function($){return!!$.__c});if(p.every(function($){return!$.__N}))return!o||o.call(this,d,c,u);var i=r.__c.props!==d;return p.forEach(function($){if($.__N){var _=$.__[0];$.__=$.__N,$.__N=void 0,_!==$.__[0]&&(i=!0)}}),o&&o.call(this,d,c,u)||i};A.__f=!0;var o=A.shouldComponentUpdate,a=A.componentWillUpdate;A.componentWillUpdate=function(d,c,u){if(this.__e){var p=o;o=void 0,s(d,c,u),o=p}a&&a.call(this,d,c,u)},A.shouldComponentUpdate=s}return r.__N||r.__}function O(t,e){var n=ft(J++,3);!P.__s&&ye(n.__H,e)&&(n.__=t,n.u=e,A.__H.__h.push(n))}function fe(t){return ot=5,he(function(){return{current:t}},[])}function he(t,e){var n=ft(J++,7);return ye(n.__H,e)&&(n.__=t(),n.__H=e,n.__h=t),n.__}function be(t,e){return ot=8,he(function(){return t},e)}function ge(t){var e=A.context[t.__c],n=ft(J++,9);return n.c=t,e?(n.__==null&&(n.__=!0,e.sub(A)),e.props.value):t.__}function yn(){for(var t;t=_e.shift();)if(t.__P&&t.__H)try{t.__H.__h.forEach(_t),t.__H.__h.forEach(Rt),t.__H.__h=[]}catch(e){t.__H.__h=[],P.__e(e,t.__v)}}P.__b=function(t){A=null,ie&&ie(t)},P.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),pe&&pe(t,e)},P.__r=function(t){ce&&ce(t),J=0;var e=(A=t.__c).__H;e&&(Mt===A?(e.__h=[],A.__h=[],e.__.forEach(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(e.__h.forEach(_t),e.__h.forEach(Rt),e.__h=[],J=0)),Mt=A},P.diffed=function(t){ue&&ue(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&(_e.push(e)!==1&&le===P.requestAnimationFrame||((le=P.requestAnimationFrame)||vn)(yn)),e.__H.__.forEach(function(n){n.u&&(n.__H=n.u),n.u=void 0})),Mt=A=null},P.__c=function(t,e){e.some(function(n){try{n.__h.forEach(_t),n.__h=n.__h.filter(function(r){return!r.__||Rt(r)})}catch(r){e.some(function(s){s.__h&&(s.__h=[])}),e=[],P.__e(r,n.__v)}}),de&&de(t,e)},P.unmount=function(t){$e&&$e(t);var e,n=t.__c;n&&n.__H&&(n.__H.__.forEach(function(r){try{_t(r)}catch(s){e=s}}),n.__H=void 0,e&&P.__e(e,n.__v))};var me=typeof requestAnimationFrame=="function";function vn(t){var e,n=function(){clearTimeout(r),me&&cancelAnimationFrame(e),setTimeout(t)},r=setTimeout(n,35);me&&(e=requestAnimationFrame(n))}function _t(t){var e=A,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),A=e}function Rt(t){var e=A;t.__c=t.__(),A=e}function ye(t,e){return!t||t.length!==e.length||e.some(function(n,r){return n!==t[r]})}function ve(t,e){return typeof e=="function"?e(t):e}var xe="sb.token",Ht="sb.pkce";function ht(){return sessionStorage.getItem(xe)}function Ft(t){sessionStorage.setItem(xe,t)}function G(){sessionStorage.clear()}function ke(t){let e="";for(let n of new Uint8Array(t))e+=String.fromCharCode(n);return btoa(e).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function we(){return ke(crypto.getRandomValues(new Uint8Array(32)))}async function Se(t){let e=t.replace(/\/$/,"")+"/.well-known/openid-configuration",n=await fetch(e);if(!n.ok)throw new Error(`The identity provider answered ${n.status}.`);return n.json()}function Ce(){return`${location.origin}/admin/callback`}async function Te(t){let e=await Se(t.oidc_issuer),n=we(),r=we(),s=await crypto.subtle.digest("SHA-256",new TextEncoder().encode(n));sessionStorage.setItem(Ht,JSON.stringify({verifier:n,state:r}));let o=new URLSearchParams({response_type:"code",client_id:t.oidc_client_id,redirect_uri:Ce(),scope:t.oidc_scopes,state:r,code_challenge:ke(s),code_challenge_method:"S256"});location.assign(`${e.authorization_endpoint}?${o}`)}async function Ee(t,e){let n=new URLSearchParams(e),r=JSON.parse(sessionStorage.getItem(Ht)||"null");if(sessionStorage.removeItem(Ht),n.get("error"))throw new Error(`Sign-in failed: ${n.get("error")}`);if(!r||n.get("state")!==r.state)throw new Error("Sign-in state mismatch.");let s=await Se(t.oidc_issuer),o=new URLSearchParams({grant_type:"authorization_code",code:n.get("code")||"",redirect_uri:Ce(),client_id:t.oidc_client_id,code_verifier:r.verifier}),a=await fetch(s.token_endpoint,{method:"POST",body:o});if(!a.ok)throw new Error(`The token exchange failed (${a.status}).`);let d=await a.json();Ft(d.access_token)}var bt=class extends Error{constructor(e,n){let r=n&&n.error||{};super(r.message||`Request failed (${e}).`),this.status=e,this.code=r.code||"http_error",this.details=r.details}fieldErrors(){let e={};if(Array.isArray(this.details))for(let n of this.details){let r=String(n.field||"").replace(/^body\./,"");e[r]=e[r]?`${e[r]}; ${n.message}`:n.message}return e}},Ae=()=>{};function Le(t){Ae=t}async function Pe(t,e,n){let r={Accept:"application/json"},s=ht();s&&(r.Authorization=`Bearer ${s}`),n!==void 0&&(r["Content-Type"]="application/json");let o=await fetch(e,{method:t,headers:r,body:n===void 0?void 0:JSON.stringify(n)});return o.status===401&&(G(),Ae()),o}async function T(t,e,n){let r=await Pe(t,e,n),s=await r.text(),o=s?JSON.parse(s):null;if(!r.ok)throw new bt(r.status,o);return o}var v=t=>T("GET",t);async function Ne(t){let e=await Pe("GET",t);if(e.status===404)return null;if(!e.ok)throw new bt(e.status,null);return URL.createObjectURL(await e.blob())}function W(t){let e=Object.entries(t).filter(([,n])=>n!=null&&n!=="");return e.length?`?${new URLSearchParams(e)}`:""}var De=function(t,e,n,r){var s;e[0]=0;for(var o=1;o<e.length;o++){var a=e[o++],d=e[o]?(e[0]|=a?1:2,n[e[o++]]):e[++o];a===3?r[0]=d:a===4?r[1]=Object.assign(r[1]||{},d):a===5?(r[1]=r[1]||{})[e[++o]]=d:a===6?r[1][e[++o]]+=d+"":a?(s=t.apply(d,De(t,d,n,["",null])),r.push(s),d[0]?e[0]|=2:(e[o-2]=0,e[o]=s)):r.push(d)}return r},Oe=new Map;function Ie(t){var e=Oe.get(this);return e||(e=new Map,Oe.set(this,e)),(e=De(this,e.get(t)||(e.set(t,e=function(n){for(var r,s,o=1,a="",d="",c=[0],u=function($){o===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?c.push(0,$,a):o===3&&($||a)?(c.push(3,$,a),o=2):o===2&&a==="..."&&$?c.push(4,$,0):o===2&&a&&!$?c.push(5,0,!0,a):o>=5&&((a||!$&&o===5)&&(c.push(o,0,a,s),o=6),$&&(c.push(o,$,0,s),o=6)),a=""},p=0;p<n.length;p++){p&&(o===1&&u(),u(p));for(var i=0;i<n[p].length;i++)r=n[p][i],o===1?r==="<"?(u(),c=[c],o=3):a+=r:o===4?a==="--"&&r===">"?(o=1,a=""):a=r+a[0]:d?r===d?d="":a+=r:r==='"'||r==="'"?d=r:r===">"?(u(),o=1):o&&(r==="="?(o=5,s=a,a=""):r==="/"&&(o<5||n[p][i+1]===">")?(u(),o===3&&(c=c[0]),o=c,(c=c[0]).push(2,0,o),o=0):r===" "||r==="	"||r===`
`||r==="\r"?(u(),o=2):a+=r),o===3&&a==="!--"&&(o=4,c=c[0])}return u(),c}(t)),e),arguments,[])).length>1?e:e[0]}var l=Ie.bind(It),gt=new Set;function R(t,{replace:e=!1}={}){e?history.replaceState(null,"",t):history.pushState(null,"",t),gt.forEach(n=>n())}window.addEventListener("popstate",()=>gt.forEach(t=>t()));function je(){let[,t]=b(0);return O(()=>{let e=()=>t(n=>n+1);return gt.add(e),()=>gt.delete(e)},[]),location.pathname+location.search}function D({href:t,children:e,...n}){return l`<a href=${t} onClick=${s=>{s.button!==0||s.metaKey||s.ctrlKey||s.shiftKey||(s.preventDefault(),R(t))}} ...${n}>${e}</a>`}var yt=ae({allowed:[],role:null,platform_admin:!1});function j(){let t=ge(yt);return e=>t.allowed.includes(e)}function x(t,e){let[n,r]=b({loading:!0,data:null,error:null}),s=be(()=>{let o=!0;return r(a=>({...a,loading:!0,error:null})),t().then(a=>o&&r({loading:!1,data:a,error:null}),a=>o&&r({loading:!1,data:null,error:a})),()=>{o=!1}},e);return O(s,[s]),{...n,reload:s}}function y({state:t,empty:e,children:n}){return t.error?l`<${L} error=${t.error} />`:t.loading&&t.data===null?l`<p class="state" role="status">Loading…</p>`:e&&e(t.data)?l`<p class="state empty">${e.text||"Nothing here yet."}</p>`:n(t.data)}function L({error:t}){if(!t)return null;let e=t.code?l` <code>${t.code}</code>`:null;return l`<p class="error" role="alert">${t.message}${e}</p>`}function vt(t){return`f-${t.replace(/[^a-zA-Z0-9_-]/g,"-")}`}function M({label:t,path:e,error:n,hint:r,children:s}){let o=vt(e);return l`<div class=${`field${n?" invalid":""}`}>
    <label for=${o}>${t}</label>
    ${s(o,n?`${o}-error`:r?`${o}-hint`:void 0)}
    ${r&&!n?l`<small id=${`${o}-hint`}>${r}</small>`:null}
    ${n?l`<small class="field-error" id=${`${o}-error`} data-field=${e}>${n}</small>`:null}
  </div>`}function E({label:t,path:e,value:n,onInput:r,error:s,type:o="text",hint:a,...d}){return l`<${M} label=${t} path=${e} error=${s} hint=${a}>
    ${(c,u)=>l`<input id=${c} name=${e} type=${o} value=${n??""}
      aria-invalid=${s?"true":void 0} aria-describedby=${u}
      onInput=${p=>r(p.currentTarget.value)} ...${d} />`}
  </${M}>`}function U({label:t,path:e,value:n,options:r,onChange:s,error:o}){return l`<${M} label=${t} path=${e} error=${o}>
    ${(a,d)=>l`<select id=${a} name=${e} value=${n??""}
      aria-describedby=${d} onChange=${c=>s(c.currentTarget.value)}>
      ${r.map(([c,u])=>l`<option value=${c} selected=${c===(n??"")}>${u}</option>`)}
    </select>`}
  </${M}>`}var wn=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),xn=new Intl.DateTimeFormat(void 0,{month:"short",day:"numeric"}),kn=new Intl.NumberFormat,Ue=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}),N=t=>t?wn.format(new Date(t)):"\u2014",st=t=>xn.format(new Date(`${t}T12:00:00`)),H=t=>t==null?"\u2014":kn.format(t),at=t=>t==null?"\u2014":Ue.format(t),B=t=>t==null?"\u2014":`${Ue.format(t)} ms`,Q=t=>{if(t==null)return"\u2014";let e=Math.round(t);return`${Math.floor(e/60)}:${String(e%60).padStart(2,"0")}`};function S({title:t,children:e}){return O(()=>{document.title=`${t} \xB7 Switchboard`},[t]),l`<header class="page-head"><h1 tabindex="-1" id="page-title">${t}</h1>
    <div class="actions">${e}</div></header>`}function Me({onSignedIn:t}){let e=x(()=>v("/v1/console/config"),[]),[n,r]=b(""),[s,o]=b(null),[a,d]=b(!1),c=new URLSearchParams(location.search).has("expired");O(()=>{document.title="Sign in \xB7 Switchboard"},[]);let u=async i=>{i.preventDefault(),d(!0),o(null),Ft(n.trim());try{let $=await v("/v1/me");t($),R("/admin",{replace:!0})}catch($){G(),o($.status===401?"That key is not valid (or was revoked).":$.message),d(!1)}},p=e.data&&e.data.oidc_issuer;return l`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${c&&!s?l`<p class="note" role="status">Your session ended; sign in again.</p>`:null}
    <form onSubmit=${u} aria-label="Sign in with an API key">
      <${E} label="API key" path="api_key" type="password" value=${n} onInput=${r}
        error=${s} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${a||!n.trim()}>Sign in</button>
    </form>
    ${p?l`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${()=>Te(e.data).catch(o)}>
        Sign in with your identity provider</button>`:null}
  </main>`}function Re(){let[t,e]=b(null);return O(()=>{v("/v1/console/config").then(n=>Ee(n,location.search)).then(()=>R("/admin",{replace:!0}),n=>e(n.message))},[]),l`<main id="main" class="signin">
    ${t?l`<p class="error" role="alert">${t}</p>
      <a href="/admin/signin">Back to sign-in</a>`:l`<p class="state" role="status">Signing in…</p>`}
  </main>`}var wt=null;async function St(t){return wt=wt||await v("/openapi.json"),{root:wt.components.schemas[t],all:wt.components.schemas}}var xt=(t,e)=>t&&t.$ref?e[t.$ref.split("/").pop()]:t;function Ve(t,e){let n=t.anyOf||t.oneOf;if(!n)return null;let r=n.filter(s=>s.type!=="null");return r.length===1&&r.length<n.length?xt(r[0],e):null}var He={Llm:"LLM",Stt:"Speech-to-text (STT)",Tts:"Voice (TTS)",Api:"API",Dtmf:"DTMF",Http:"HTTP",Ms:"(ms)",S:"(s)",Url:"URL",Of:"of",In:"in",At:"at"},Sn=(t,e)=>(e&&e.title||t.replace(/_/g," ")).split(" ").map((n,r)=>r===0?He[n]||n:He[n]||n.toLowerCase()).join(" ").replace(/^./,n=>n.toUpperCase());function We(t,e,n){let r=Array.isArray(t)?[...t]:{...t||{}};return n===void 0?delete r[e]:r[e]=n,r}function kt(t,e){let n=xt(t,e),r=t.default!==void 0?t.default:n.default;if(n.type==="object"&&n.properties){let s={};for(let[o,a]of Object.entries(n.properties)){let d=Ve(a,e)?null:kt(a,e);d!==void 0&&(s[o]=d)}return{...s,...structuredClone(r||{})}}return r!==void 0?structuredClone(r):n.type==="object"?{}:n.type==="array"?[]:n.type==="boolean"?!1:n.type==="integer"||n.type==="number"?n.minimum??0:n.enum?n.enum[0]:""}function Fe({schema:t,path:e,label:n,value:r,onChange:s,errors:o,nullable:a}){let d=o[e],c=vt(e);if(t.type==="boolean")return l`<div class=${`field check${d?" invalid":""}`}>
      <input type="checkbox" id=${c} name=${e} checked=${!!r}
        onChange=${_=>s(_.currentTarget.checked)} />
      <label for=${c}>${n}</label>
      ${d?l`<small class="field-error" data-field=${e}>${d}</small>`:null}
    </div>`;let u=t.description;if(t.enum)return l`<${M} label=${n} path=${e} error=${d} hint=${u}>${(_,m)=>l`<select id=${_} name=${e} aria-describedby=${m}
        onChange=${h=>s(h.currentTarget.value||(a?null:void 0))}>
        ${a?l`<option value="">(none)</option>`:null}
        ${t.enum.map(h=>l`<option value=${h} selected=${h===r}>${h}</option>`)}
      </select>`}</${M}>`;let p=t.type==="integer"||t.type==="number",i=t.type==="string"&&(t.maxLength||0)>500,$=_=>{let m=_.currentTarget.value;return s(m===""?a?null:p?void 0:"":p?Number.isNaN(Number(m))?m:Number(m):m)};return l`<${M} label=${n} path=${e} error=${d} hint=${u}>${(_,m)=>i?l`<textarea id=${_} name=${e} rows="4" aria-describedby=${m}
          aria-invalid=${d?"true":void 0} onInput=${$}>${r??""}</textarea>`:l`<input id=${_} name=${e} aria-describedby=${m}
          aria-invalid=${d?"true":void 0}
          type=${p?"number":t.format==="time"?"time":"text"}
          step=${t.type==="number"?"any":void 0} value=${r??""} onInput=${$} />`}
  </${M}>`}function Cn({path:t,label:e,value:n,onChange:r,errors:s,hint:o}){let a=s[t]||Object.entries(s).find(([d])=>d.startsWith(`${t}.`))?.[1];return l`<${M} label=${e} path=${t} error=${a} hint=${o||"One per line"}>
    ${(d,c)=>l`<textarea id=${d} name=${t} rows="3" aria-describedby=${c}
      onInput=${u=>r(u.currentTarget.value.split(`
`).filter(p=>p.trim()))}
    >${(n||[]).join(`
`)}</textarea>`}</${M}>`}function Tn({path:t,label:e,options:n,value:r,onChange:s,errors:o}){let a=new Set(r||[]),d=c=>{let u=new Set(a);u.has(c)?u.delete(c):u.add(c),s(n.filter(p=>u.has(p)))};return l`<fieldset class="choices"><legend>${e}</legend>
    ${n.map(c=>l`<label class="choice"><input type="checkbox" name=${`${t}.${c}`}
      checked=${a.has(c)} onChange=${()=>d(c)} />${c}</label>`)}
    ${o[t]?l`<small class="field-error" data-field=${t}>${o[t]}</small>`:null}
  </fieldset>`}function En({path:t,label:e,value:n,onChange:r,errors:s}){return l`<${M} label=${e} path=${t} error=${s[t]} hint="JSON">
    ${(o,a)=>l`<textarea id=${o} name=${t} rows="4" class="mono"
      aria-describedby=${a} onChange=${d=>{try{r(JSON.parse(d.currentTarget.value||"{}"))}catch{r(d.currentTarget.value)}}}>${JSON.stringify(n??{},null,2)}</textarea>`}</${M}>`}function Be({schema:t,all:e,path:n,label:r,value:s,onChange:o,errors:a}){let d=Ve(t,e);if(d){if(d.type==="object"){let u=s!=null,p=vt(`${n}-enabled`);return l`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${p} checked=${u}
          onChange=${i=>o(i.currentTarget.checked?kt(d,e):null)} />
          <label for=${p}>${r}</label></div>
        ${u?l`<${Be} schema=${d} all=${e} path=${n} label=${r}
          value=${s} onChange=${o} errors=${a} />`:null}
      </div>`}return l`<${Fe} schema=${{...d,description:t.description}} path=${n}
      label=${r} value=${s} onChange=${o} errors=${a} nullable=${!0} />`}let c=xt(t,e);if(c.type==="object"&&c.properties)return l`<fieldset class="group"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      <${Y} schema=${c} all=${e} path=${n} value=${s} onChange=${o} errors=${a} />
    </fieldset>`;if(c.type==="object")return l`<${En} path=${n} label=${r} value=${s} onChange=${o} errors=${a} />`;if(c.type==="array"){let u=xt(c.items,e);if(u.type==="string"&&u.enum)return l`<${Tn} path=${n} label=${r} options=${u.enum} value=${s}
        onChange=${o} errors=${a} />`;if(u.type!=="object")return l`<${Cn} path=${n} label=${r} value=${s} onChange=${o}
        errors=${a} hint=${c.description} />`;let p=s||[],i=(u.title||"Item").replace(/([a-z])([A-Z])/g,"$1 $2");return l`<fieldset class="group list"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      ${p.length===0?l`<p class="empty">None.</p>`:null}
      ${p.map(($,_)=>l`<div class="list-item">
        <${Y} schema=${u} all=${e} path=${`${n}.${_}`} value=${$}
          onChange=${m=>o(We(p,_,m))} errors=${a} />
        <button type="button" class="ghost small" onClick=${()=>o(p.filter((m,h)=>h!==_))}
          aria-label=${`Remove ${i} ${_+1} of ${r}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${()=>o([...p,kt(u,e)])}>Add ${i.toLowerCase()}</button>
    </fieldset>`}return l`<${Fe} schema=${c} path=${n} label=${r} value=${s}
    onChange=${o} errors=${a} />`}function Y({schema:t,all:e,path:n,value:r,onChange:s,errors:o}){return Object.entries(t.properties||{}).map(([a,d])=>{let c=n?`${n}.${a}`:a;return l`<${Be} key=${c} schema=${d} all=${e} path=${c}
      label=${Sn(a,d)} value=${(r||{})[a]}
      onChange=${u=>s(We(r,a,u))} errors=${o} />`})}function qe(t,e){return kt(t,e)}function An({onCreated:t}){let[e,n]=b(""),[r,s]=b({}),[o,a]=b(null);return l`<form class="inline-form" onSubmit=${async c=>{c.preventDefault();try{let u=await T("POST","/v1/tenants",{name:e});n(""),s({}),a(null),t(u)}catch(u){s(u.fieldErrors?u.fieldErrors():{}),a(u)}}} aria-label="Create a tenant">
    <${E} label="New tenant name" path="name" value=${e} onInput=${n} error=${r.name} />
    <button type="submit">Create tenant</button>
    ${o&&!r.name?l`<${L} error=${o} />`:null}
  </form>`}function Ln({tenant:t,onSaved:e}){let[n,r]=b(null),[s,o]=b(t.limits),[a,d]=b({}),[c,u]=b(null);O(()=>{St("TenantLimits").then(r,u)},[]);let p=async i=>{i.preventDefault();try{await T("PATCH",`/v1/tenants/${t.id}`,{limits:s}),d({}),u(null),e()}catch($){d($.fieldErrors?$.fieldErrors():{}),u($)}};return n?l`<form class="limits" onSubmit=${p} aria-label=${`Limits of ${t.name}`}>
    <${Y} schema=${n.root} all=${n.all} path="limits" value=${s}
      onChange=${o} errors=${a} />
    <button type="submit" class="small">Save limits</button>
    <${L} error=${c} />
  </form>`:l`<${L} error=${c} />`}function Ke({me:t}){let e=x(()=>v("/v1/tenants"),[]),[n,r]=b(null),[s,o]=b(null),a=t.platform_admin;O(()=>{let c=e.data?e.data.items:[];!a&&c.length===1&&R(`/admin/t/${c[0].id}`,{replace:!0})},[e.data]);let d=async(c,u)=>{if(!(u==="delete"&&!confirm(`Delete ${c.name}? Its numbers stop answering.`)))try{u==="delete"?await T("DELETE",`/v1/tenants/${c.id}`):await T("POST",`/v1/tenants/${c.id}/${u}`),r(null),e.reload()}catch(p){r(p)}};return l`<${S} title="Tenants" />
    ${a?l`<${An} onCreated=${c=>R(`/admin/t/${c.id}`)} />`:null}
    <${L} error=${n} />
    <${y} state=${e} empty=${Object.assign(c=>c.items.length===0,{text:"No tenants yet."})}>
      ${c=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Tenants</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Concurrent calls</th>
          <th scope="col">Created</th>${a?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${c.items.map(u=>l`<tr>
          <td><${D} href=${`/admin/t/${u.id}`}>${u.name}</${D}></td>
          <td><span class=${`status ${u.status}`}>${u.status}</span></td>
          <td>${u.limits.max_concurrent_calls}</td>
          <td>${N(u.created_at)}</td>
          ${a?l`<td class="row-actions">
            ${u.status==="active"?l`<button type="button" class="secondary small" onClick=${()=>d(u,"suspend")}>Suspend</button>`:l`<button type="button" class="secondary small" onClick=${()=>d(u,"activate")}>Activate</button>`}
            <button type="button" class="secondary small" aria-expanded=${s===u.id}
              onClick=${()=>o(s===u.id?null:u.id)}>Limits</button>
            <button type="button" class="danger small" onClick=${()=>d(u,"delete")}>Delete</button>
            ${s===u.id?l`<${Ln} tenant=${u} onSaved=${e.reload} />`:null}
          </td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${y}>`}function Je(){let t=new Date;return t.setHours(0,0,0,0),t}function Pn(){let t=Je();return t.setDate(t.getDate()-(t.getDay()+6)%7),t}function ze({label:t,data:e}){return l`<section class="card" aria-label=${t}><h2>${t}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${H(e.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${at(e.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${H(e.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${H(e.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${B(e.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${B(e.latency_p95_ms)}</dd></div>
    </dl></section>`}function Ge({tenantId:t,tenant:e}){let n=j(),r=`/v1/tenants/${t}`,s=x(async()=>{if(!n("analytics.read"))return null;let[i,$]=await Promise.all([v(`${r}/analytics/summary${W({since:Je().toISOString()})}`),v(`${r}/analytics/summary${W({since:Pn().toISOString()})}`)]);return{today:i,week:$}},[t]),o=x(()=>v(`${r}/runtime`),[t]),[a,d]=b(null),[c,u]=b(null),p=async()=>{try{let i=await T("POST",`${r}/runtime/publish`);u(i.revision),d(null),o.reload()}catch(i){d(i)}};return l`<${S} title=${e?e.name:"Tenant"} />
    <${y} state=${s}>${i=>i&&l`<div class="cards">
      <${ze} label="Today" data=${i.today} /><${ze} label="This week" data=${i.week} /></div>`}
    </${y}>
    <section class="card" aria-label="Runtime"><h2>Runtime</h2>
      <${y} state=${o}>${i=>l`<dl class="stats">
          <div><dt>Revision</dt><dd>${H(i.revision)}</dd></div>
          <div><dt>Published revision</dt><dd>${H(i.published_revision)}</dd></div>
          <div><dt>Pending</dt><dd>${H(i.pending)}</dd></div>
          <div><dt>Drift</dt><dd class=${i.in_sync?"ok":"warn"}>${i.in_sync?"In sync":"Drifted"}</dd></div>
        </dl>
        ${i.drift.length?l`<ul class="drift">${i.drift.map($=>l`<li>${$}</li>`)}</ul>`:null}
        ${i.problems.length?l`<h3>Problems</h3><ul class="problems">${i.problems.map($=>l`<li><code>${$.type}</code> ${$.message}</li>`)}</ul>`:null}`}
      </${y}>
      ${n("runtime.publish")?l`<button type="button" onClick=${p}>Re-publish</button>`:null}
      ${c!==null?l`<p role="status">Queued revision ${H(c)}.</p>`:null}
      <${L} error=${a} />
    </section>`}function Qe({tenantId:t}){let e=j(),n=`/v1/tenants/${t}`,r=x(async()=>{let[h,f]=await Promise.all([v(`${n}/numbers`),v(`${n}/agents`)]);return{numbers:h.items,agents:f.items}},[t]),[s,o]=b({e164:"",carrier:"twilio",agent_id:"",label:""}),[a,d]=b({}),[c,u]=b(null),p=h=>{d(h.fieldErrors?h.fieldErrors():{}),u(h)},i=async h=>{h.preventDefault();try{await T("POST",`${n}/numbers`,{...s,agent_id:s.agent_id||null}),o({e164:"",carrier:"twilio",agent_id:"",label:""}),d({}),u(null),r.reload()}catch(f){p(f)}},$=async(h,f)=>{try{await T("PATCH",`${n}/numbers/${h.id}`,{agent_id:f||null}),u(null),r.reload()}catch(g){p(g)}},_=async h=>{if(confirm(`Remove ${h.e164}? It stops taking calls.`))try{await T("DELETE",`${n}/numbers/${h.id}`),r.reload()}catch(f){p(f)}},m=e("numbers.write");return l`<${S} title="Numbers" />
    <${y} state=${r}>${({numbers:h,agents:f})=>{let g=[["","(no agent: not answering)"],...f.map(k=>[k.id,k.name])],w=k=>(f.find(I=>I.id===k)||{}).name||"\u2014";return l`
      ${m?l`<form class="inline-form" onSubmit=${i} aria-label="Add a number">
        <${E} label="Number (E.164)" path="e164" value=${s.e164} placeholder="+14155550100"
          onInput=${k=>o({...s,e164:k})} error=${a.e164} />
        <${U} label="Carrier" path="carrier" value=${s.carrier} error=${a.carrier}
          options=${[["twilio","Twilio"],["telnyx","Telnyx"]]} onChange=${k=>o({...s,carrier:k})} />
        <${U} label="Agent" path="agent_id" value=${s.agent_id} options=${g}
          error=${a.agent_id} onChange=${k=>o({...s,agent_id:k})} />
        <${E} label="Label" path="label" value=${s.label} error=${a.label}
          onInput=${k=>o({...s,label:k})} />
        <button type="submit">Add number</button>
      </form>`:null}
      <${L} error=${c} />
      ${h.length===0?l`<p class="state empty">No numbers yet.</p>`:l`<div class="table-wrap"><table>
        <caption class="sr-only">Numbers</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">Carrier</th><th scope="col">Label</th>
          <th scope="col">Agent</th>${m?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${h.map(k=>l`<tr>
          <td class="mono">${k.e164}</td><td>${k.carrier}</td><td>${k.label}</td>
          <td>${m?l`<label class="sr-only" for=${`move-${k.id}`}>Agent of ${k.e164}</label>
            <select id=${`move-${k.id}`} onChange=${I=>$(k,I.currentTarget.value)}>
              ${g.map(([I,K])=>l`<option value=${I} selected=${I===(k.agent_id||"")}>${K}</option>`)}
            </select>`:w(k.agent_id)}</td>
          ${m?l`<td><button type="button" class="danger small" onClick=${()=>_(k)}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}`}}</${y}>`}function Ye({tenantId:t}){let e=j(),n=`/v1/tenants/${t}/agents`,r=x(()=>v(n),[t]),[s,o]=b(""),[a,d]=b({}),[c,u]=b(null),p=async i=>{i.preventDefault();try{let $=await T("POST",n,{name:s});R(`/admin/t/${t}/agents/${$.id}`)}catch($){d($.fieldErrors?$.fieldErrors():{}),u($)}};return l`<${S} title="Agents" />
    ${e("agents.write")?l`<form class="inline-form" onSubmit=${p} aria-label="Create an agent">
      <${E} label="New agent name" path="name" value=${s} onInput=${o} error=${a.name} />
      <button type="submit">Create agent</button>
      ${c&&!a.name?l`<${L} error=${c} />`:null}
    </form>`:null}
    <${y} state=${r} empty=${Object.assign(i=>i.items.length===0,{text:"No agents yet."})}>
      ${i=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Agents</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Live version</th>
          <th scope="col">Latest version</th><th scope="col">Updated</th></tr></thead>
        <tbody>${i.items.map($=>l`<tr>
          <td><${D} href=${`/admin/t/${t}/agents/${$.id}`}>${$.name}</${D}></td>
          <td>${$.live_version??"not live"}</td><td>${$.latest_version||"\u2014"}</td>
          <td>${N($.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${y}>`}function Ct(t,e="",n={}){if(t&&typeof t=="object"&&!Array.isArray(t)){for(let[r,s]of Object.entries(t))Ct(s,e?`${e}.${r}`:r,n);Object.keys(t).length===0&&e&&(n[e]="{}")}else Array.isArray(t)&&t.some(r=>r&&typeof r=="object")?(t.forEach((r,s)=>Ct(r,`${e}.${s}`,n)),t.length===0&&(n[e]="[]")):n[e]=typeof t=="string"?t:JSON.stringify(t);return n}function Nn({left:t,right:e}){let n=Ct(t.config),r=Ct(e.config),s=[...new Set([...Object.keys(n),...Object.keys(r)])].sort(),o=s.filter(a=>n[a]!==r[a]);return l`<div class="table-wrap"><table class="diff">
    <caption>Version ${t.version} and version ${e.version}: ${o.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${t.version}</th>
      <th scope="col">Version ${e.version}</th></tr></thead>
    <tbody>${s.map(a=>l`<tr class=${n[a]!==r[a]?"changed":""}>
      <th scope="row" class="mono">${a}</th><td class="pre">${n[a]??"\u2014"}</td><td class="pre">${r[a]??"\u2014"}</td>
    </tr>`)}</tbody></table></div>`}function On({base:t,agent:e,versions:n,onChanged:r}){let s=j(),[o,a]=b(()=>[n[1]?.version||n[0]?.version,n[0]?.version]),[d,c]=b(null),u=$=>n.find(_=>_.version===Number($)),p=async($,_)=>{try{await T("POST",`${t}/${$}`,{version:_}),c(null),r()}catch(m){c(m)}},i=($,_)=>l`<label>${_}
    <select value=${o[$]} onChange=${m=>a($?[o[0],m.currentTarget.value]:[m.currentTarget.value,o[1]])}>
      ${n.map(m=>l`<option value=${m.version} selected=${m.version===Number(o[$])}>Version ${m.version}</option>`)}
    </select></label>`;return l`<section aria-label="Versions"><h2>Versions</h2>
    <${L} error=${d} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${n.map($=>l`<tr>
        <td>${$.version}</td><td>${$.note}</td><td>${$.created_by}</td><td>${N($.created_at)}</td>
        <td>${$.live?l`<span class="status active">live</span>`:s("agents.publish")?e.live_version!==null&&$.version<e.live_version?l`<button type="button" class="secondary small" onClick=${()=>p("rollback",$.version)}>Roll back to ${$.version}</button>`:l`<button type="button" class="small" onClick=${()=>p("publish",$.version)}>Publish ${$.version}</button>`:""}</td></tr>`)}</tbody></table></div>
    ${n.length>1?l`<h3>Compare</h3><div class="inline-form">${i(0,"Left")}${i(1,"Right")}</div>
      ${u(o[0])&&u(o[1])?l`<${Nn} left=${u(o[0])} right=${u(o[1])} />`:null}`:null}
  </section>`}function Dn({base:t,latest:e,onSaved:n}){let r=j(),[s,o]=b(null),[a,d]=b(null),[c,u]=b({}),[p,i]=b(null),[$,_]=b(null);if(O(()=>{St("AgentVersionCreate").then(f=>{o(f),d(e?{...e.config,note:""}:qe(f.root,f.all))},i)},[e&&e.version]),!s||!a)return l`<${L} error=${p} />`;let m=r("agents.write");return l`<form class="agent-form" onSubmit=${async f=>{f.preventDefault();try{let g=await T("POST",`${t}/versions`,a);u({}),i(null),_(g),n()}catch(g){u(g.fieldErrors?g.fieldErrors():{}),i(g)}}} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!m} class="plain">
      <${Y} schema=${s.root} all=${s.all} path="" value=${a}
        onChange=${d} errors=${c} />
    </fieldset>
    ${p?l`<p class="error" role="alert">${Object.keys(c).length?`The version was not saved: ${Object.keys(c).length} field(s) need attention.`:p.message}</p>`:null}
    ${$?l`<p role="status">Saved as version ${$.version}.${$.warnings.map(f=>` ${f.message}`)}</p>`:null}
    ${m?l`<div class="sticky-actions"><button type="submit">Save as new version</button></div>`:null}
  </form>`}function Ze({tenantId:t,item:e}){let n=`/v1/tenants/${t}/agents/${e}`,r=x(async()=>{let[s,o]=await Promise.all([v(n),v(`${n}/versions`)]);return{agent:s,versions:o.items}},[n]);return l`<${y} state=${r}>${({agent:s,versions:o})=>l`
    <${S} title=${s.name}>
      <span class="badge">${s.live_version?`live: version ${s.live_version}`:"not live"}</span>
    </${S}>
    <div class="agent-grid">
      <${Dn} base=${n} latest=${o[0]} onSaved=${r.reload} />
      ${o.length?l`<${On} key=${o.length} base=${n} agent=${s}
        versions=${o} onChanged=${r.reload} />`:l`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${y}>`}var In=[["llm_api_key","LLM API key"],["carrier_credential","Carrier credential"],["tool_credential","Tool credential"],["webhook_secret","Webhook secret"]],Xe={name:"",kind:"llm_api_key",value:"",allowed_host:""};function tn({tenantId:t}){let e=j(),n=`/v1/tenants/${t}/secrets`,r=x(()=>v(n),[t]),[s,o]=b(Xe),[a,d]=b({}),[c,u]=b(null),[p,i]=b(null),$=f=>{d(f.fieldErrors?f.fieldErrors():{}),u(f)},_=async f=>{f.preventDefault();let g={value:s.value,kind:s.kind};s.kind==="llm_api_key"&&s.allowed_host&&(g.allowed_host=s.allowed_host);try{await T("PUT",`${n}/${encodeURIComponent(s.name)}`,g),i(s.name),o(Xe),d({}),u(null),r.reload()}catch(w){$(w)}},m=async f=>{if(confirm(`Delete the secret ${f}?`))try{await T("DELETE",`${n}/${encodeURIComponent(f)}`),r.reload()}catch(g){$(g)}},h=e("secrets.write");return l`<${S} title="Secrets" />
    ${h?l`<form class="inline-form" onSubmit=${_} aria-label="Set a secret" autocomplete="off">
      <${E} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${f=>o({...s,name:f})} />
      <${U} label="Kind" path="kind" value=${s.kind} options=${In} error=${a.kind}
        onChange=${f=>o({...s,kind:f})} />
      <${E} label="Value" path="value" type="password" value=${s.value} error=${a.value}
        autocomplete="new-password" onInput=${f=>o({...s,value:f})} />
      ${s.kind==="llm_api_key"?l`<${E} label="Allowed host (optional)" path="allowed_host"
        value=${s.allowed_host} error=${a.allowed_host} onInput=${f=>o({...s,allowed_host:f})} />`:null}
      <button type="submit">Save secret</button>
    </form>`:null}
    ${p?l`<p role="status">Stored ${p}. Its value cannot be read back.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${L} error=${c} />`:null}
    <${y} state=${r} empty=${Object.assign(f=>f.items.length===0,{text:"No secrets yet."})}>
      ${f=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Secrets</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Allowed host</th>
          <th scope="col">Set</th><th scope="col">By</th>${h?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${f.items.map(g=>l`<tr>
          <td class="mono">${g.name}</td><td>${g.kind}</td><td>${g.allowed_host||"\u2014"}</td>
          <td>${N(g.updated_at)}</td><td>${g.updated_by||"\u2014"}</td>
          ${h?l`<td><button type="button" class="danger small" onClick=${()=>m(g.name)}>Delete</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${y}>`}var Tt=[["viewer","Viewer"],["editor","Editor"],["admin","Admin"],["owner","Owner"]];function en({tenantId:t}){let e=j(),n=`/v1/tenants/${t}/members`,r=x(()=>v(n),[t]),[s,o]=b({subject:"",role:"viewer"}),[a,d]=b({}),[c,u]=b(null),p=async m=>{try{await m(),d({}),u(null),r.reload()}catch(h){d(h.fieldErrors?h.fieldErrors():{}),u(h)}},i=(m,h)=>p(()=>T("PUT",`${n}/${encodeURIComponent(m)}`,{role:h})),$=m=>{m.preventDefault(),p(async()=>{await i(s.subject,s.role),o({subject:"",role:"viewer"})})},_=e("members.write");return l`<${S} title="Members" />
    ${_?l`<form class="inline-form" onSubmit=${$} aria-label="Add a member">
      <${E} label="Subject (OIDC sub)" path="subject" value=${s.subject} error=${a.subject}
        onInput=${m=>o({...s,subject:m})} />
      <${U} label="Role" path="role" value=${s.role} options=${Tt} error=${a.role}
        onChange=${m=>o({...s,role:m})} />
      <button type="submit">Add member</button>
    </form>`:null}
    <${L} error=${c} />
    <${y} state=${r} empty=${Object.assign(m=>m.items.length===0,{text:"No members yet."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Members</caption>
        <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">Added by</th>
          <th scope="col">Added</th>${_?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${m.items.map(h=>l`<tr>
          <td class="mono">${h.subject}</td>
          <td>${_?l`<label class="sr-only" for=${`role-${h.subject}`}>Role of ${h.subject}</label>
            <select id=${`role-${h.subject}`} onChange=${f=>i(h.subject,f.currentTarget.value)}>
            ${Tt.map(([f,g])=>l`<option value=${f} selected=${f===h.role}>${g}</option>`)}</select>`:h.role}</td>
          <td>${h.created_by}</td><td>${N(h.created_at)}</td>
          ${_?l`<td><button type="button" class="danger small"
            onClick=${()=>confirm(`Remove ${h.subject}?`)&&p(()=>T("DELETE",`${n}/${encodeURIComponent(h.subject)}`))}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${y}>`}function nn({tenantId:t}){let e=j(),n=`/v1/tenants/${t}/api-keys`,r=x(()=>v(n),[t]),[s,o]=b({name:"",role:"viewer",expires_at:""}),[a,d]=b({}),[c,u]=b(null),[p,i]=b(null),$=f=>{d(f.fieldErrors?f.fieldErrors():{}),u(f)},_=async f=>{f.preventDefault();let g={name:s.name,role:s.role};s.expires_at&&(g.expires_at=new Date(s.expires_at).toISOString());try{i(await T("POST",n,g)),o({name:"",role:"viewer",expires_at:""}),d({}),u(null),r.reload()}catch(w){$(w)}},m=async f=>{if(confirm(`Revoke ${f.name}? Anything using it stops working.`))try{await T("DELETE",`${n}/${f.id}`),r.reload()}catch(g){$(g)}},h=e("api_keys.write");return l`<${S} title="API keys" />
    ${h?l`<form class="inline-form" onSubmit=${_} aria-label="Create an API key">
      <${E} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${f=>o({...s,name:f})} />
      <${U} label="Role" path="role" value=${s.role} options=${Tt} error=${a.role}
        onChange=${f=>o({...s,role:f})} />
      <${E} label="Expires (optional)" path="expires_at" type="datetime-local" value=${s.expires_at}
        error=${a.expires_at} onInput=${f=>o({...s,expires_at:f})} />
      <button type="submit">Create key</button>
    </form>`:null}
    ${p?l`<div class="once" role="status"><p>The new key <strong>${p.name}</strong>, shown
      only this once; copy it now:</p><output class="mono key" data-testid="new-key">${p.key}</output>
      <button type="button" class="secondary small" onClick=${()=>i(null)}>I have stored it</button></div>`:null}
    ${c&&!Object.keys(a).length?l`<${L} error=${c} />`:null}
    <${y} state=${r} empty=${Object.assign(f=>f.items.length===0,{text:"No API keys yet."})}>
      ${f=>l`<div class="table-wrap"><table>
        <caption class="sr-only">API keys</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Role</th>
          <th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th>
          <th scope="col">State</th></tr></thead>
        <tbody>${f.items.map(g=>l`<tr>
          <td>${g.name}</td><td class="mono">${g.prefix}…</td><td>${g.role}</td>
          <td>${N(g.created_at)}</td><td>${N(g.last_used_at)}</td><td>${N(g.expires_at)}</td>
          <td>${g.revoked_at?l`<span class="status suspended">revoked</span>`:h?l`<button type="button" class="danger small" onClick=${()=>m(g)}>Revoke</button>`:"active"}</td>
        </tr>`)}</tbody></table></div>`}
    </${y}>`}var rn=t=>t===void 0?"\u2014":typeof t=="string"?t:JSON.stringify(t);function jn({diff:t}){let e=t.before||{},n=t.after||{},r=[...new Set([...Object.keys(e),...Object.keys(n)])].sort();return r.length?l`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${r.map(s=>l`<tr class="changed">
    <th scope="row" class="mono">${s}</th><td class="pre">${rn(e[s])}</td><td class="pre">${rn(n[s])}</td>
    </tr>`)}</tbody></table>`:l`<p class="empty">No field changes recorded.</p>`}var on=t=>t?new Date(t).toISOString():"";function sn({tenantId:t}){let[e,n]=b({actor:"",action:"",target:"",since:"",until:""}),[r,s]=b(e),[o,a]=b([null]),[d,c]=b(null),u=o[o.length-1],p=x(()=>v(`/v1/tenants/${t}/audit${W({...r,since:on(r.since),until:on(r.until),cursor:u,limit:25})}`),[t,r,u]),i=_=>{_.preventDefault(),s(e),a([null])},$=(_,m,h="text")=>l`<${E} label=${m} path=${`filter-${_}`}
    type=${h} value=${e[_]} onInput=${f=>n({...e,[_]:f})} />`;return l`<${S} title="Audit log" />
    <form class="inline-form filters" onSubmit=${i} aria-label="Filter the audit log">
      ${$("actor","Actor")}${$("action","Action (or prefix ending in .)")}${$("target","Target")}
      ${$("since","From","datetime-local")}${$("until","Until","datetime-local")}
      <button type="submit">Filter</button>
    </form>
    <${y} state=${p} empty=${Object.assign(_=>_.items.length===0,{text:"No audit entries match."})}>
      ${_=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Audit entries</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th>
          <th scope="col">Target</th><th scope="col">Change</th></tr></thead>
        <tbody>${_.items.map(m=>l`<tr>
          <td>${N(m.at)}</td><td class="mono">${m.actor}</td><td>${m.action}</td><td class="mono">${m.target}</td>
          <td><button type="button" class="ghost small" aria-expanded=${d===m.id}
            onClick=${()=>c(d===m.id?null:m.id)}>${d===m.id?"Hide":"Show"}</button>
            ${d===m.id?l`<${jn} diff=${m.diff} />`:null}</td>
        </tr>`)}</tbody></table></div>
        <nav class="pager" aria-label="Pages">
          <button type="button" class="secondary" disabled=${o.length===1}
            onClick=${()=>a(o.slice(0,-1))}>Newer</button>
          <button type="button" class="secondary" disabled=${!_.next_cursor}
            onClick=${()=>a([...o,_.next_cursor])}>Older</button>
        </nav>`}
    </${y}>`}var Un=[["","Any outcome"],["answered","Answered"],["missed","Missed"],["transferred","Transferred"],["failed","Failed"],["in_progress","In progress"]],an=t=>t?new Date(t).toISOString():"";function ln({tenantId:t}){let e=`/v1/tenants/${t}`,n=x(()=>v(`${e}/agents`),[t]),[r,s]=b({since:"",until:"",number:"",agent_id:"",outcome:""}),[o,a]=b(r),[d,c]=b([null]),u=d[d.length-1],p=x(()=>v(`${e}/calls${W({...o,since:an(o.since),until:an(o.until),cursor:u,limit:25})}`),[t,o,u]),i=m=>{m.preventDefault(),a(r),c([null])},$=n.data?n.data.items:[],_=m=>($.find(h=>h.id===m)||{}).name||m||"\u2014";return l`<${S} title="Calls" />
    <form class="inline-form filters" onSubmit=${i} aria-label="Filter calls">
      <${E} label="From" path="since" type="datetime-local" value=${r.since}
        onInput=${m=>s({...r,since:m})} />
      <${E} label="Until" path="until" type="datetime-local" value=${r.until}
        onInput=${m=>s({...r,until:m})} />
      <${E} label="Number called" path="number" value=${r.number} placeholder="+14155550100"
        onInput=${m=>s({...r,number:m})} />
      <${U} label="Agent" path="agent_id" value=${r.agent_id}
        options=${[["","Any agent"],...$.map(m=>[m.id,m.name])]}
        onChange=${m=>s({...r,agent_id:m})} />
      <${U} label="Outcome" path="outcome" value=${r.outcome} options=${Un}
        onChange=${m=>s({...r,outcome:m})} />
      <button type="submit">Filter</button>
    </form>
    <${y} state=${p} empty=${Object.assign(m=>m.items.length===0,{text:"No calls match."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Calls</caption>
        <thead><tr><th scope="col">Started</th><th scope="col">From</th><th scope="col">To</th>
          <th scope="col">Agent</th><th scope="col">Duration</th><th scope="col">Outcome</th>
          <th scope="col">Turns</th></tr></thead>
        <tbody>${m.items.map(h=>l`<tr>
          <td><${D} href=${`/admin/t/${t}/calls/${encodeURIComponent(h.id)}`}>${N(h.started_at)}</${D}></td>
          <td class="mono">${h.from_number||"\u2014"}</td><td class="mono">${h.to_number||"\u2014"}</td>
          <td>${_(h.agent_id)}</td><td>${Q(h.duration_s)}</td>
          <td><span class=${`status ${h.outcome}`}>${h.outcome}</span></td><td>${h.turns}</td>
        </tr>`)}</tbody></table></div>
        <nav class="pager" aria-label="Pages">
          <button type="button" class="secondary" disabled=${d.length===1}
            onClick=${()=>c(d.slice(0,-1))}>Newer</button>
          <button type="button" class="secondary" disabled=${!m.next_cursor}
            onClick=${()=>c([...d,m.next_cursor])}>Older</button>
        </nav>`}
    </${y}>`}var cn=[["end_of_turn_ms","End of turn"],["transcript_final_ms","Transcript final"],["llm_first_token_ms","LLM first token"],["tts_first_audio_ms","TTS first audio"],["first_frame_out_ms","First frame out"]];function Mn({turns:t}){let e=t.filter(d=>d.stages&&d.stages.caller_stopped_ms!==null&&d.stages.caller_stopped_ms!==void 0);if(!e.length)return l`<p class="empty">No turn timings recorded.</p>`;let n=e.map(d=>cn.map(([c])=>d.stages[c]).filter(c=>c!=null).map(c=>c-d.stages.caller_stopped_ms)),r=Math.max(1,...n.flat()),s=600,o=d=>150+Math.max(0,d)/r*(s-160),a=20;return e.map(d=>{let c=d.stages.caller_stopped_ms,u=0,p=cn.map(([$,_],m)=>{let h=d.stages[$];if(h==null)return null;let f=u;return u=h-c,{label:_,from:f,to:h-c,i:m}}).filter(Boolean),i=p.length*a+24;return l`<figure class="waterfall">
      <figcaption>Turn ${d.turn_index+1}: voice-to-voice ${B(d.voice_to_voice_ms)}${" "}
        (${d.interrupted?"interrupted, ":""}${d.brain})</figcaption>
      <svg viewBox=${`0 0 ${s} ${i}`} role="img"
        aria-label=${`Turn ${d.turn_index+1} stages after the caller stopped: ${p.map($=>`${$.label} ${Math.round($.to)} ms`).join(", ")}`}>
        ${p.map($=>l`<g>
          <text x="0" y=${$.i*a+14} class="label">${$.label}</text>
          <rect x=${o($.from)} y=${$.i*a+2} width=${Math.max(2,o($.to)-o($.from))} height=${a-4}
            class=${`bar s${$.i}`}><title>${$.label}: ${Math.round($.from)}–${Math.round($.to)} ms</title></rect>
          <text x=${Math.min(s-40,o($.to)+4)} y=${$.i*a+14} class="value">${Math.round($.to)}</text>
        </g>`)}
        <line x1="150" x2="150" y1="0" y2=${i-20} class="axis" />
        <text x="150" y=${i-6} class="label">caller stopped (0 ms)</text>
        <text x=${s-70} y=${i-6} class="label">${Math.round(r)} ms</text>
      </svg></figure>`})}function Rn({path:t,audioRef:e,onTime:n}){let[r,s]=b(void 0),[o,a]=b(null);return O(()=>{let d=null;return Ne(t).then(c=>{d=c,s(c)},a),()=>d&&URL.revokeObjectURL(d)},[t]),o?l`<${L} error=${o} />`:r===void 0?l`<p class="state" role="status">Loading the recording…</p>`:r===null?l`<p class="empty">No recording for this call.</p>`:l`<div class="player">
    <audio ref=${e} controls preload="metadata" src=${r} onTimeUpdate=${d=>n(d.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
  </div>`}function un({tenantId:t,item:e}){let n=`/v1/tenants/${t}/calls/${encodeURIComponent(e)}`,r=x(()=>v(n),[n]),s=fe(null),[o,a]=b(0),d=c=>{s.current&&(s.current.currentTime=c/1e3,s.current.play().catch(()=>{}))};return l`<${y} state=${r}>${c=>l`
    <${S} title=${`Call ${N(c.started_at)}`}>
      <${D} href=${`/admin/t/${t}/calls`}>All calls</${D}>
    </${S}>
    <dl class="stats facts">
      <div><dt>From</dt><dd class="mono">${c.from_number||"\u2014"}</dd></div>
      <div><dt>To</dt><dd class="mono">${c.to_number||"\u2014"}</dd></div>
      <div><dt>Duration</dt><dd>${Q(c.duration_s)}</dd></div>
      <div><dt>Outcome</dt><dd>${c.outcome}</dd></div>
      <div><dt>End reason</dt><dd data-testid="end-reason">${c.end_reason||"\u2014"}</dd></div>
      <div><dt>Transferred to</dt><dd class="mono">${c.transferred_to||"\u2014"}</dd></div>
      <div><dt>Agent version</dt><dd>${c.agent_version??"\u2014"}</dd></div>
      <div><dt>Tool calls</dt><dd>${(c.tool_calls||[]).length?c.tool_calls.map(u=>u.name).join(", "):"none recorded"}</dd></div>
    </dl>
    <div class="call-grid">
      <section aria-label="Recording and transcript"><h2>Recording and transcript</h2>
        <${Rn} path=${`${n}/recording`} audioRef=${s} onTime=${a} />
        ${c.transcript.length?l`<ol class="transcript">${c.transcript.map((u,p)=>{let i=c.transcript[p+1],$=o*1e3>=u.at_ms&&(!i||o*1e3<i.at_ms);return l`<li class=${`${u.role}${$?" active":""}`}>
            <button type="button" onClick=${()=>d(u.at_ms)}
              aria-label=${`Play from ${Q(u.at_ms/1e3)}: ${u.role} said ${u.text}`}>
              <span class="at">${Q(u.at_ms/1e3)}</span>
              <span class="role">${u.role}</span>
              <span class="text">${u.text}${u.interrupted?" (interrupted)":""}</span>
            </button></li>`})}</ol>`:l`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Mn} turns=${c.turn_details} />
      </section>
    </div>`}</${y}>`}var Vt=640,Z=180,X=36;function Et({title:t,days:e,series:n,kind:r="bar",format:s=H}){let o=e.flatMap(p=>n.map(i=>p[i.key]??0)),a=Math.max(1,...o),d=(Vt-X*2)/Math.max(1,e.length),c=p=>Z-20-(p??0)/a*(Z-40),u=e.map(p=>`${st(p.day)}: ${n.map(i=>`${i.label} ${s(p[i.key])}`).join(", ")}`).join("; ");return l`<figure class="chart"><figcaption>${t}</figcaption>
    <svg viewBox=${`0 0 ${Vt} ${Z}`} role="img" aria-label=${`${t}. ${u}`}>
      <line x1=${X} x2=${Vt-X} y1=${Z-20} y2=${Z-20} class="axis" />
      <text x="2" y="14" class="label">${s(a)}</text>
      ${e.map((p,i)=>l`<text x=${X+i*d+d/2} y=${Z-4} class="label" text-anchor="middle">
        ${e.length<=14||i%Math.ceil(e.length/14)===0?st(p.day):""}</text>`)}
      ${r==="bar"?e.map((p,i)=>{let $=0;return n.map((_,m)=>{let h=p[_.key]??0,f=c($+h),g=l`<rect x=${X+i*d+d*.15} width=${d*.7}
                y=${f} height=${Math.max(0,c($)-f)} class=${`bar s${m}`}>
                <title>${st(p.day)} ${_.label}: ${s(h)}</title></rect>`;return $+=h,g})}):n.map((p,i)=>l`<polyline class=${`line s${i}`} fill="none" points=${e.filter($=>$[p.key]!==null).map($=>`${X+e.indexOf($)*d+d/2},${c($[p.key])}`).join(" ")} />`)}
    </svg>
    <p class="legend">${n.map((p,i)=>l`<span><span class=${`swatch s${i}`}></span>${p.label}</span>`)}</p>
  </figure>`}function Hn(t,e,n){let r=Object.fromEntries(t.map(o=>[o.day,o])),s=[];for(let o=new Date(e);o<n;o.setUTCDate(o.getUTCDate()+1)){let a=o.toISOString().slice(0,10);s.push(r[a]||{day:a,calls:0,minutes:0,answered:0,missed:0,latency_p50_ms:null,latency_p95_ms:null})}return s}function dn({tenantId:t}){let[e,n]=b("14"),r=x(async()=>{let s=new Date;s.setUTCHours(24,0,0,0);let o=new Date(s);o.setUTCDate(o.getUTCDate()-Number(e));let a=await v(`/v1/tenants/${t}/analytics${W({since:o.toISOString(),until:s.toISOString()})}`);return Hn(a.days,o,s)},[t,e]);return l`<${S} title="Analytics">
      <${U} label="Range" path="range" value=${e} onChange=${n}
        options=${[["7","Last 7 days"],["14","Last 14 days"],["30","Last 30 days"],["90","Last 90 days"]]} />
    </${S}>
    <p class="note">Days are UTC days.</p>
    <${y} state=${r}>${s=>l`<div class="charts">
      <${Et} title="Calls per day" days=${s} series=${[{key:"calls",label:"Calls"}]} />
      <${Et} title="Minutes per day" days=${s} series=${[{key:"minutes",label:"Minutes"}]} format=${at} />
      <${Et} title="Answered and missed" days=${s}
        series=${[{key:"answered",label:"Answered"},{key:"missed",label:"Missed"}]} />
      <${Et} title="Voice-to-voice latency" days=${s} kind="line" format=${B}
        series=${[{key:"latency_p50_ms",label:"p50"},{key:"latency_p95_ms",label:"p95"}]} />
    </div>
    <details><summary>The numbers</summary><div class="table-wrap"><table>
      <thead><tr><th scope="col">Day</th><th scope="col">Calls</th><th scope="col">Minutes</th><th scope="col">Answered</th>
        <th scope="col">Missed</th><th scope="col">p50</th><th scope="col">p95</th></tr></thead>
      <tbody>${s.map(o=>l`<tr><td>${st(o.day)}</td><td>${H(o.calls)}</td><td>${at(o.minutes)}</td>
        <td>${H(o.answered)}</td><td>${H(o.missed)}</td><td>${B(o.latency_p50_ms)}</td>
        <td>${B(o.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${y}>`}var Fn=[["","Home","runtime.read"],["numbers","Numbers","calls.read"],["agents","Agents","calls.read"],["calls","Calls","calls.read"],["analytics","Analytics","analytics.read"],["secrets","Secrets","secrets.read"],["members","Members","members.read"],["api-keys","API keys","api_keys.read"],["audit","Audit log","audit.read"]],Vn={"":Ge,numbers:Qe,agents:Ye,secrets:tn,members:en,"api-keys":nn,audit:sn,calls:ln,analytics:dn};function Wn({me:t,tenantId:e,section:n,item:r}){let s=x(()=>v(`/v1/tenants/${e}/permissions`),[e]),o=x(()=>v(`/v1/tenants/${e}`),[e]),a=Vn[n]||null;n==="agents"&&r&&(a=Ze),n==="calls"&&r&&(a=un);let d=s.data?s.data.allowed:[],c=`/admin/t/${e}`;return l`<${y} state=${s}>${u=>l`<${yt.Provider} value=${u}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${o.data?o.data.name:""}
        ${u.role?l`<span class="badge">${u.role}</span>`:l`<span class="badge">platform admin</span>`}</p>
      <ul>${Fn.filter(([,,p])=>d.includes(p)).map(([p,i])=>l`<li><${D} href=${p?`${c}/${p}`:c}
          aria-current=${n===p?"page":void 0}>${i}</${D}></li>`)}</ul>
    </nav>
    <main id="main" class="content">
      ${a?l`<${a} tenantId=${e} tenant=${o.data} item=${r} me=${t}
        reloadTenant=${o.reload} />`:l`<p class="state">No such page.</p>`}
    </main>
  </${yt.Provider}>`}</${y}>`}function Bn(){let t=je(),[e,n]=b(null),[r,s]=b(null);O(()=>{Le(()=>R("/admin/signin?expired=1",{replace:!0}))},[]);let o=location.pathname.replace(/\/+$/,""),a=!!ht();if(O(()=>{!a||o==="/admin/signin"||o==="/admin/callback"||e===null&&v("/v1/me").then(n,s)},[a,o,e]),o==="/admin/callback")return l`<${Re} />`;if(o==="/admin/signin"||!a)return o!=="/admin/signin"&&R("/admin/signin",{replace:!0}),l`<${Me} onSignedIn=${i=>n(i)} />`;let d=()=>{G(),n(null),R("/admin/signin")},c=l`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${D} href="/admin" class="brand">Switchboard</${D}>
    <span class="who">${e?e.subject:""}</span>
    <button type="button" class="ghost" onClick=${d}>Sign out</button>
  </header>`;if(r)return l`${c}<main class="content"><p class="error" role="alert">${r.message}</p></main>`;if(!e)return l`${c}<p class="state" role="status">Loading…</p>`;let u=o.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/),p=u?l`<div class="layout"><${Wn} me=${e} tenantId=${decodeURIComponent(u[1])}
        section=${u[2]||""} item=${u[3]?decodeURIComponent(u[3]):null} /></div>`:l`<main id="main" class="content"><${Ke} me=${e} /></main>`;return l`${c}${p}<span hidden>${t}</span>`}var $n=document.getElementById("app");$n.textContent="";se(l`<${Bn} />`,$n);
