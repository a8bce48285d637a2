var pt,C,Zt,_n,q,Gt,Xt,te,ee,It,Nt,Ot,ne,rt={},re=[],fn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,mt=Array.isArray;function V(t,e){for(var n in e)t[n]=e[n];return t}function jt(t){t&&t.parentNode&&t.parentNode.removeChild(t)}function Ut(t,e,n){var r,s,o,a={};for(o in e)o=="key"?r=e[o]:o=="ref"?s=e[o]:a[o]=e[o];if(arguments.length>2&&(a.children=arguments.length>3?pt.call(arguments,2):n),typeof t=="function"&&t.defaultProps!=null)for(o in t.defaultProps)a[o]===void 0&&(a[o]=t.defaultProps[o]);return ut(t,a,r,s,null)}function ut(t,e,n,r,s){var o={type:t,props:e,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++Zt,__i:-1,__u:0};return s==null&&C.vnode!=null&&C.vnode(o),o}function _t(t){return t.children}function dt(t,e){this.props=t,this.context=e}function z(t,e){if(e==null)return t.__?z(t.__,t.__i+1):null;for(var n;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null)return n.__e;return typeof t.type=="function"?z(t):null}function oe(t){var e,n;if((t=t.__)!=null&&t.__c!=null){for(t.__e=t.__c.base=null,e=0;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null){t.__e=t.__c.base=n.__e;break}return oe(t)}}function Dt(t){(!t.__d&&(t.__d=!0)&&q.push(t)&&!$t.__r++||Gt!=C.debounceRendering)&&((Gt=C.debounceRendering)||Xt)($t)}function $t(){for(var t,e,n,r,s,o,a,d=1;q.length;)q.length>d&&q.sort(te),t=q.shift(),d=q.length,t.__d&&(n=void 0,s=(r=(e=t).__v).__e,o=[],a=[],e.__P&&((n=V({},r)).__v=r.__v+1,C.vnode&&C.vnode(n),Rt(e.__P,n,r,e.__n,e.__P.namespaceURI,32&r.__u?[s]:null,o,s??z(r),!!(32&r.__u),a),n.__v=r.__v,n.__.__k[n.__i]=n,le(o,n,a),n.__e!=s&&oe(n)));$t.__r=0}function se(t,e,n,r,s,o,a,d,u,c,p){var l,$,_,m,h,f,g=r&&r.__k||re,w=e.length;for(u=hn(n,e,g,u,w),l=0;l<w;l++)(_=n.__k[l])!=null&&($=_.__i==-1?rt:g[_.__i]||rt,_.__i=l,f=Rt(t,_,$,s,o,a,d,u,c,p),m=_.__e,_.ref&&$.ref!=_.ref&&($.ref&&Mt($.ref,null,_),p.push(_.ref,_.__c||m,_)),h==null&&m!=null&&(h=m),4&_.__u||$.__k===_.__k?u=ae(_,u,t):typeof _.type=="function"&&f!==void 0?u=f:m&&(u=m.nextSibling),_.__u&=-7);return n.__e=h,u}function hn(t,e,n,r,s){var o,a,d,u,c,p=n.length,l=p,$=0;for(t.__k=new Array(s),o=0;o<s;o++)(a=e[o])!=null&&typeof a!="boolean"&&typeof a!="function"?(u=o+$,(a=t.__k[o]=typeof a=="string"||typeof a=="number"||typeof a=="bigint"||a.constructor==String?ut(null,a,null,null,null):mt(a)?ut(_t,{children:a},null,null,null):a.constructor==null&&a.__b>0?ut(a.type,a.props,a.key,a.ref?a.ref:null,a.__v):a).__=t,a.__b=t.__b+1,d=null,(c=a.__i=bn(a,n,u,l))!=-1&&(l--,(d=n[c])&&(d.__u|=2)),d==null||d.__v==null?(c==-1&&(s>p?$--:s<p&&$++),typeof a.type!="function"&&(a.__u|=4)):c!=u&&(c==u-1?$--:c==u+1?$++:(c>u?$--:$++,a.__u|=4))):t.__k[o]=null;if(l)for(o=0;o<p;o++)(d=n[o])!=null&&(2&d.__u)==0&&(d.__e==r&&(r=z(d)),ce(d,d));return r}function ae(t,e,n){var r,s;if(typeof t.type=="function"){for(r=t.__k,s=0;r&&s<r.length;s++)r[s]&&(r[s].__=t,e=ae(r[s],e,n));return e}t.__e!=e&&(e&&t.type&&!n.contains(e)&&(e=z(t)),n.insertBefore(t.__e,e||null),e=t.__e);do e=e&&e.nextSibling;while(e!=null&&e.nodeType==8);return e}function bn(t,e,n,r){var s,o,a=t.key,d=t.type,u=e[n];if(u===null&&t.key==null||u&&a==u.key&&d==u.type&&(2&u.__u)==0)return n;if(r>(u!=null&&(2&u.__u)==0?1:0))for(s=n-1,o=n+1;s>=0||o<e.length;){if(s>=0){if((u=e[s])&&(2&u.__u)==0&&a==u.key&&d==u.type)return s;s--}if(o<e.length){if((u=e[o])&&(2&u.__u)==0&&a==u.key&&d==u.type)return o;o++}}return-1}function Qt(t,e,n){e[0]=="-"?t.setProperty(e,n??""):t[e]=n==null?"":typeof n!="number"||fn.test(e)?n:n+"px"}function ct(t,e,n,r,s){var o,a;t:if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof r=="string"&&(t.style.cssText=r=""),r)for(e in r)n&&e in n||Qt(t.style,e,"");if(n)for(e in n)r&&n[e]==r[e]||Qt(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")o=e!=(e=e.replace(ee,"$1")),a=e.toLowerCase(),e=a in t||e=="onFocusOut"||e=="onFocusIn"?a.slice(2):e.slice(2),t.l||(t.l={}),t.l[e+o]=n,n?r?n.u=r.u:(n.u=It,t.addEventListener(e,o?Ot:Nt,o)):t.removeEventListener(e,o?Ot:Nt,o);else{if(s=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{t[e]=n??"";break t}catch{}typeof n=="function"||(n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n))}}function Yt(t){return function(e){if(this.l){var n=this.l[e.type+t];if(e.t==null)e.t=It++;else if(e.t<n.u)return;return n(C.event?C.event(e):e)}}}function Rt(t,e,n,r,s,o,a,d,u,c){var p,l,$,_,m,h,f,g,w,k,j,K,tt,Jt,it,et,Pt,F=e.type;if(e.constructor!=null)return null;128&n.__u&&(u=!!(32&n.__u),o=[d=e.__e=n.__e]),(p=C.__b)&&p(e);t:if(typeof F=="function")try{if(g=e.props,w="prototype"in F&&F.prototype.render,k=(p=F.contextType)&&r[p.__c],j=p?k?k.props.value:p.__:r,n.__c?f=(l=e.__c=n.__c).__=l.__E:(w?e.__c=l=new F(g,j):(e.__c=l=new dt(g,j),l.constructor=F,l.render=yn),k&&k.sub(l),l.props=g,l.state||(l.state={}),l.context=j,l.__n=r,$=l.__d=!0,l.__h=[],l._sb=[]),w&&l.__s==null&&(l.__s=l.state),w&&F.getDerivedStateFromProps!=null&&(l.__s==l.state&&(l.__s=V({},l.__s)),V(l.__s,F.getDerivedStateFromProps(g,l.__s))),_=l.props,m=l.state,l.__v=e,$)w&&F.getDerivedStateFromProps==null&&l.componentWillMount!=null&&l.componentWillMount(),w&&l.componentDidMount!=null&&l.__h.push(l.componentDidMount);else{if(w&&F.getDerivedStateFromProps==null&&g!==_&&l.componentWillReceiveProps!=null&&l.componentWillReceiveProps(g,j),!l.__e&&l.shouldComponentUpdate!=null&&l.shouldComponentUpdate(g,l.__s,j)===!1||e.__v==n.__v){for(e.__v!=n.__v&&(l.props=g,l.state=l.__s,l.__d=!1),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(nt){nt&&(nt.__=e)}),K=0;K<l._sb.length;K++)l.__h.push(l._sb[K]);l._sb=[],l.__h.length&&a.push(l);break t}l.componentWillUpdate!=null&&l.componentWillUpdate(g,l.__s,j),w&&l.componentDidUpdate!=null&&l.__h.push(function(){l.componentDidUpdate(_,m,h)})}if(l.context=j,l.props=g,l.__P=t,l.__e=!1,tt=C.__r,Jt=0,w){for(l.state=l.__s,l.__d=!1,tt&&tt(e),p=l.render(l.props,l.state,l.context),it=0;it<l._sb.length;it++)l.__h.push(l._sb[it]);l._sb=[]}else do l.__d=!1,tt&&tt(e),p=l.render(l.props,l.state,l.context),l.state=l.__s;while(l.__d&&++Jt<25);l.state=l.__s,l.getChildContext!=null&&(r=V(V({},r),l.getChildContext())),w&&!$&&l.getSnapshotBeforeUpdate!=null&&(h=l.getSnapshotBeforeUpdate(_,m)),et=p,p!=null&&p.type===_t&&p.key==null&&(et=ie(p.props.children)),d=se(t,mt(et)?et:[et],e,n,r,s,o,a,d,u,c),l.base=e.__e,e.__u&=-161,l.__h.length&&a.push(l),f&&(l.__E=l.__=null)}catch(nt){if(e.__v=null,u||o!=null)if(nt.then){for(e.__u|=u?160:128;d&&d.nodeType==8&&d.nextSibling;)d=d.nextSibling;o[o.indexOf(d)]=null,e.__e=d}else for(Pt=o.length;Pt--;)jt(o[Pt]);else e.__e=n.__e,e.__k=n.__k;C.__e(nt,e,n)}else o==null&&e.__v==n.__v?(e.__k=n.__k,e.__e=n.__e):d=e.__e=gn(n.__e,e,n,r,s,o,a,u,c);return(p=C.diffed)&&p(e),128&e.__u?void 0:d}function le(t,e,n){for(var r=0;r<n.length;r++)Mt(n[r],n[++r],n[++r]);C.__c&&C.__c(e,t),t.some(function(s){try{t=s.__h,s.__h=[],t.some(function(o){o.call(s)})}catch(o){C.__e(o,s.__v)}})}function ie(t){return typeof t!="object"||t==null||t.__b&&t.__b>0?t:mt(t)?t.map(ie):V({},t)}function gn(t,e,n,r,s,o,a,d,u){var c,p,l,$,_,m,h,f=n.props,g=e.props,w=e.type;if(w=="svg"?s="http://www.w3.org/2000/svg":w=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),o!=null){for(c=0;c<o.length;c++)if((_=o[c])&&"setAttribute"in _==!!w&&(w?_.localName==w:_.nodeType==3)){t=_,o[c]=null;break}}if(t==null){if(w==null)return document.createTextNode(g);t=document.createElementNS(s,w,g.is&&g),d&&(C.__m&&C.__m(e,o),d=!1),o=null}if(w==null)f===g||d&&t.data==g||(t.data=g);else{if(o=o&&pt.call(t.childNodes),f=n.props||rt,!d&&o!=null)for(f={},c=0;c<t.attributes.length;c++)f[(_=t.attributes[c]).name]=_.value;for(c in f)if(_=f[c],c!="children"){if(c=="dangerouslySetInnerHTML")l=_;else if(!(c in g)){if(c=="value"&&"defaultValue"in g||c=="checked"&&"defaultChecked"in g)continue;ct(t,c,null,_,s)}}for(c in g)_=g[c],c=="children"?$=_:c=="dangerouslySetInnerHTML"?p=_:c=="value"?m=_:c=="checked"?h=_:d&&typeof _!="function"||f[c]===_||ct(t,c,_,f[c],s);if(p)d||l&&(p.__html==l.__html||p.__html==t.innerHTML)||(t.innerHTML=p.__html),e.__k=[];else if(l&&(t.innerHTML=""),se(e.type=="template"?t.content:t,mt($)?$:[$],e,n,r,w=="foreignObject"?"http://www.w3.org/1999/xhtml":s,o,a,o?o[0]:n.__k&&z(n,0),d,u),o!=null)for(c=o.length;c--;)jt(o[c]);d||(c="value",w=="progress"&&m==null?t.removeAttribute("value"):m!=null&&(m!==t[c]||w=="progress"&&!m||w=="option"&&m!=f[c])&&ct(t,c,m,f[c],s),c="checked",h!=null&&h!=t[c]&&ct(t,c,h,f[c],s))}return t}function Mt(t,e,n){try{if(typeof t=="function"){var r=typeof t.__u=="function";r&&t.__u(),r&&e==null||(t.__u=t(e))}else t.current=e}catch(s){C.__e(s,n)}}function ce(t,e,n){var r,s;if(C.unmount&&C.unmount(t),(r=t.ref)&&(r.current&&r.current!=t.__e||Mt(r,null,e)),(r=t.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(o){C.__e(o,e)}r.base=r.__P=null}if(r=t.__k)for(s=0;s<r.length;s++)r[s]&&ce(r[s],e,n||typeof t.type!="function");n||jt(t.__e),t.__c=t.__=t.__e=void 0}function yn(t,e,n){return this.constructor(t,n)}function ue(t,e,n){var r,s,o,a;e==document&&(e=document.documentElement),C.__&&C.__(t,e),s=(r=typeof n=="function")?null:n&&n.__k||e.__k,o=[],a=[],Rt(e,t=(!r&&n||e).__k=Ut(_t,null,[t]),s||rt,rt,e.namespaceURI,!r&&n?[n]:s?null:e.firstChild?pt.call(e.childNodes):null,o,!r&&n?n:s?s.__e:e.firstChild,r,a),le(o,t,a)}function ft(t){function e(n){var r,s;return this.getChildContext||(r=new Set,(s={})[e.__c]=this,this.getChildContext=function(){return s},this.componentWillUnmount=function(){r=null},this.shouldComponentUpdate=function(o){this.props.value!=o.value&&r.forEach(function(a){a.__e=!0,Dt(a)})},this.sub=function(o){r.add(o);var a=o.componentWillUnmount;o.componentWillUnmount=function(){r&&r.delete(o),a&&a.call(o)}}),n.children}return e.__c="__cC"+ne++,e.__=t,e.Provider=e.__l=(e.Consumer=function(n,r){return n.children(r)}).contextType=e,e}pt=re.slice,C={__e:function(t,e,n,r){for(var s,o,a;e=e.__;)if((s=e.__c)&&!s.__)try{if((o=s.constructor)&&o.getDerivedStateFromError!=null&&(s.setState(o.getDerivedStateFromError(t)),a=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(t,r||{}),a=s.__d),a)return s.__E=s}catch(d){t=d}throw t}},Zt=0,_n=function(t){return t!=null&&t.constructor==null},dt.prototype.setState=function(t,e){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=V({},this.state),typeof t=="function"&&(t=t(V({},n),this.props)),t&&V(n,t),t!=null&&this.__v&&(e&&this._sb.push(e),Dt(this))},dt.prototype.forceUpdate=function(t){this.__v&&(this.__e=!0,t&&this.__h.push(t),Dt(this))},dt.prototype.render=_t,q=[],Xt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,te=function(t,e){return t.__v.__b-e.__v.__b},$t.__r=0,ee=/(PointerCapture)$|Capture$/i,It=0,Nt=Yt(!1),Ot=Yt(!0),ne=0;var J,L,Ht,de,ot=0,ge=[],P=C,$e=P.__b,pe=P.__r,me=P.diffed,_e=P.__c,fe=P.unmount,he=P.__;function bt(t,e){P.__h&&P.__h(L,t,ot||e),ot=0;var n=L.__H||(L.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function b(t){return ot=1,vn(xe,t)}function vn(t,e,n){var r=bt(J++,2);if(r.t=t,!r.__c&&(r.__=[n?n(e):xe(void 0,e),function(d){var u=r.__N?r.__N[0]:r.__[0],c=r.t(u,d);u!==c&&(r.__N=[c,r.__[1]],r.__c.setState({}))}],r.__c=L,!L.__f)){var s=function(d,u,c){if(!r.__c.__H)return!0;var p=r.__c.__H.__.filter(function($){return!!$.__c});if(p.every(function($){return!$.__N}))return!o||o.call(this,d,u,c);var l=r.__c.props!==d;return p.forEach(function($){if($.__N){var _=$.__[0];$.__=$.__N,$.__N=void 0,_!==$.__[0]&&(l=!0)}}),o&&o.call(this,d,u,c)||l};L.__f=!0;var o=L.shouldComponentUpdate,a=L.componentWillUpdate;L.componentWillUpdate=function(d,u,c){if(this.__e){var p=o;o=void 0,s(d,u,c),o=p}a&&a.call(this,d,u,c)},L.shouldComponentUpdate=s}return r.__N||r.__}function O(t,e){var n=bt(J++,3);!P.__s&&we(n.__H,e)&&(n.__=t,n.u=e,L.__H.__h.push(n))}function Vt(t){return ot=5,ye(function(){return{current:t}},[])}function ye(t,e){var n=bt(J++,7);return we(n.__H,e)&&(n.__=t(),n.__H=e,n.__h=t),n.__}function ve(t,e){return ot=8,ye(function(){return t},e)}function gt(t){var e=L.context[t.__c],n=bt(J++,9);return n.c=t,e?(n.__==null&&(n.__=!0,e.sub(L)),e.props.value):t.__}function wn(){for(var t;t=ge.shift();)if(t.__P&&t.__H)try{t.__H.__h.forEach(ht),t.__H.__h.forEach(Ft),t.__H.__h=[]}catch(e){t.__H.__h=[],P.__e(e,t.__v)}}P.__b=function(t){L=null,$e&&$e(t)},P.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),he&&he(t,e)},P.__r=function(t){pe&&pe(t),J=0;var e=(L=t.__c).__H;e&&(Ht===L?(e.__h=[],L.__h=[],e.__.forEach(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(e.__h.forEach(ht),e.__h.forEach(Ft),e.__h=[],J=0)),Ht=L},P.diffed=function(t){me&&me(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&(ge.push(e)!==1&&de===P.requestAnimationFrame||((de=P.requestAnimationFrame)||xn)(wn)),e.__H.__.forEach(function(n){n.u&&(n.__H=n.u),n.u=void 0})),Ht=L=null},P.__c=function(t,e){e.some(function(n){try{n.__h.forEach(ht),n.__h=n.__h.filter(function(r){return!r.__||Ft(r)})}catch(r){e.some(function(s){s.__h&&(s.__h=[])}),e=[],P.__e(r,n.__v)}}),_e&&_e(t,e)},P.unmount=function(t){fe&&fe(t);var e,n=t.__c;n&&n.__H&&(n.__H.__.forEach(function(r){try{ht(r)}catch(s){e=s}}),n.__H=void 0,e&&P.__e(e,n.__v))};var be=typeof requestAnimationFrame=="function";function xn(t){var e,n=function(){clearTimeout(r),be&&cancelAnimationFrame(e),setTimeout(t)},r=setTimeout(n,35);be&&(e=requestAnimationFrame(n))}function ht(t){var e=L,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),L=e}function Ft(t){var e=L;t.__c=t.__(),L=e}function we(t,e){return!t||t.length!==e.length||e.some(function(n,r){return n!==t[r]})}function xe(t,e){return typeof e=="function"?e(t):e}var Se="sb.token",Bt="sb.pkce";function yt(){return sessionStorage.getItem(Se)}function Wt(t){sessionStorage.setItem(Se,t)}function G(){sessionStorage.clear()}function Ce(t){let e="";for(let n of new Uint8Array(t))e+=String.fromCharCode(n);return btoa(e).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function ke(){return Ce(crypto.getRandomValues(new Uint8Array(32)))}async function Te(t){let e=t.replace(/\/$/,"")+"/.well-known/openid-configuration",n=await fetch(e);if(!n.ok)throw new Error(`The identity provider answered ${n.status}.`);return n.json()}function Ee(){return`${location.origin}/admin/callback`}async function Ae(t){let e=await Te(t.oidc_issuer),n=ke(),r=ke(),s=await crypto.subtle.digest("SHA-256",new TextEncoder().encode(n));sessionStorage.setItem(Bt,JSON.stringify({verifier:n,state:r}));let o=new URLSearchParams({response_type:"code",client_id:t.oidc_client_id,redirect_uri:Ee(),scope:t.oidc_scopes,state:r,code_challenge:Ce(s),code_challenge_method:"S256"});location.assign(`${e.authorization_endpoint}?${o}`)}async function Le(t,e){let n=new URLSearchParams(e),r=JSON.parse(sessionStorage.getItem(Bt)||"null");if(sessionStorage.removeItem(Bt),n.get("error"))throw new Error(`Sign-in failed: ${n.get("error")}`);if(!r||n.get("state")!==r.state)throw new Error("Sign-in state mismatch.");let s=await Te(t.oidc_issuer),o=new URLSearchParams({grant_type:"authorization_code",code:n.get("code")||"",redirect_uri:Ee(),client_id:t.oidc_client_id,code_verifier:r.verifier}),a=await fetch(s.token_endpoint,{method:"POST",body:o});if(!a.ok)throw new Error(`The token exchange failed (${a.status}).`);let d=await a.json();Wt(d.access_token)}var st=class extends Error{constructor(e,n){let r=n&&n.error||{};super(r.message||`Request failed (${e}).`),this.status=e,this.code=r.code||"http_error",this.details=r.details}fieldErrors(){let e={};if(Array.isArray(this.details))for(let n of this.details){let r=String(n.field||"").replace(/^body\./,"");e[r]=e[r]?`${e[r]}; ${n.message}`:n.message}return e}},Pe=()=>{};function Ne(t){Pe=t}async function qt(t,e,n){let r={Accept:"application/json"},s=yt();s&&(r.Authorization=`Bearer ${s}`),n!==void 0&&(r["Content-Type"]="application/json");let o=await fetch(e,{method:t,headers:r,body:n===void 0?void 0:JSON.stringify(n)});return o.status===401&&(G(),Pe()),o}async function T(t,e,n){let r=await qt(t,e,n),s=await r.text(),o=s?JSON.parse(s):null;if(!r.ok)throw new st(r.status,o);return o}var v=t=>T("GET",t);async function Oe(t){let e=await qt("GET",t);if(e.status===404)return null;if(!e.ok)throw new st(e.status,null);return URL.createObjectURL(await e.blob())}function B(t){let e=Object.entries(t).filter(([,n])=>n!=null&&n!=="");return e.length?`?${new URLSearchParams(e)}`:""}async function De(t,e){let n=await qt("POST",t,e);if(!n.ok){let r=await n.text();throw new st(n.status,r?JSON.parse(r):null)}return URL.createObjectURL(await n.blob())}var je=function(t,e,n,r){var s;e[0]=0;for(var o=1;o<e.length;o++){var a=e[o++],d=e[o]?(e[0]|=a?1:2,n[e[o++]]):e[++o];a===3?r[0]=d:a===4?r[1]=Object.assign(r[1]||{},d):a===5?(r[1]=r[1]||{})[e[++o]]=d:a===6?r[1][e[++o]]+=d+"":a?(s=t.apply(d,je(t,d,n,["",null])),r.push(s),d[0]?e[0]|=2:(e[o-2]=0,e[o]=s)):r.push(d)}return r},Ie=new Map;function Ue(t){var e=Ie.get(this);return e||(e=new Map,Ie.set(this,e)),(e=je(this,e.get(t)||(e.set(t,e=function(n){for(var r,s,o=1,a="",d="",u=[0],c=function($){o===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?u.push(0,$,a):o===3&&($||a)?(u.push(3,$,a),o=2):o===2&&a==="..."&&$?u.push(4,$,0):o===2&&a&&!$?u.push(5,0,!0,a):o>=5&&((a||!$&&o===5)&&(u.push(o,0,a,s),o=6),$&&(u.push(o,$,0,s),o=6)),a=""},p=0;p<n.length;p++){p&&(o===1&&c(),c(p));for(var l=0;l<n[p].length;l++)r=n[p][l],o===1?r==="<"?(c(),u=[u],o=3):a+=r:o===4?a==="--"&&r===">"?(o=1,a=""):a=r+a[0]:d?r===d?d="":a+=r:r==='"'||r==="'"?d=r:r===">"?(c(),o=1):o&&(r==="="?(o=5,s=a,a=""):r==="/"&&(o<5||n[p][l+1]===">")?(c(),o===3&&(u=u[0]),o=u,(u=u[0]).push(2,0,o),o=0):r===" "||r==="	"||r===`
`||r==="\r"?(c(),o=2):a+=r),o===3&&a==="!--"&&(o=4,u=u[0])}return c(),u}(t)),e),arguments,[])).length>1?e:e[0]}var i=Ue.bind(Ut),vt=new Set;function M(t,{replace:e=!1}={}){e?history.replaceState(null,"",t):history.pushState(null,"",t),vt.forEach(n=>n())}window.addEventListener("popstate",()=>vt.forEach(t=>t()));function Re(){let[,t]=b(0);return O(()=>{let e=()=>t(n=>n+1);return vt.add(e),()=>vt.delete(e)},[]),location.pathname+location.search}function D({href:t,children:e,...n}){return i`<a href=${t} onClick=${s=>{s.button!==0||s.metaKey||s.ctrlKey||s.shiftKey||(s.preventDefault(),M(t))}} ...${n}>${e}</a>`}var wt=ft({allowed:[],role:null,platform_admin:!1});function I(){let t=gt(wt);return e=>t.allowed.includes(e)}function x(t,e){let[n,r]=b({loading:!0,data:null,error:null}),s=ve(()=>{let o=!0;return r(a=>({...a,loading:!0,error:null})),t().then(a=>o&&r({loading:!1,data:a,error:null}),a=>o&&r({loading:!1,data:null,error:a})),()=>{o=!1}},e);return O(s,[s]),{...n,reload:s}}function y({state:t,empty:e,children:n}){return t.error?i`<${E} error=${t.error} />`:t.loading&&t.data===null?i`<p class="state" role="status">Loading…</p>`:e&&e(t.data)?i`<p class="state empty">${e.text||"Nothing here yet."}</p>`:n(t.data)}function E({error:t}){if(!t)return null;let e=t.code?i` <code>${t.code}</code>`:null,n=Array.isArray(t.details)?t.details.map(r=>`${r.field?`${String(r.field).replace(/^body\./,"")}: `:""}${r.message}`):[];return i`<div class="error" role="alert">${t.message}${e}
    ${n.length?i`<ul>${n.map(r=>i`<li>${r}</li>`)}</ul>`:null}</div>`}function xt(t){return`f-${t.replace(/[^a-zA-Z0-9_-]/g,"-")}`}function R({label:t,path:e,error:n,hint:r,children:s}){let o=xt(e);return i`<div class=${`field${n?" invalid":""}`}>
    <label for=${o}>${t}</label>
    ${s(o,n?`${o}-error`:r?`${o}-hint`:void 0)}
    ${r&&!n?i`<small id=${`${o}-hint`}>${r}</small>`:null}
    ${n?i`<small class="field-error" id=${`${o}-error`} data-field=${e}>${n}</small>`:null}
  </div>`}function A({label:t,path:e,value:n,onInput:r,error:s,type:o="text",hint:a,...d}){return i`<${R} label=${t} path=${e} error=${s} hint=${a}>
    ${(u,c)=>i`<input id=${u} name=${e} type=${o} value=${n??""}
      aria-invalid=${s?"true":void 0} aria-describedby=${c}
      onInput=${p=>r(p.currentTarget.value)} ...${d} />`}
  </${R}>`}function U({label:t,path:e,value:n,options:r,onChange:s,error:o}){return i`<${R} label=${t} path=${e} error=${o}>
    ${(a,d)=>i`<select id=${a} name=${e} value=${n??""}
      aria-describedby=${d} onChange=${u=>s(u.currentTarget.value)}>
      ${r.map(([u,c])=>i`<option value=${u} selected=${u===(n??"")}>${c}</option>`)}
    </select>`}
  </${R}>`}var kn=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),Sn=new Intl.DateTimeFormat(void 0,{month:"short",day:"numeric"}),Cn=new Intl.NumberFormat,Me=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}),N=t=>t?kn.format(new Date(t)):"\u2014",at=t=>Sn.format(new Date(`${t}T12:00:00`)),H=t=>t==null?"\u2014":Cn.format(t),lt=t=>t==null?"\u2014":Me.format(t),W=t=>t==null?"\u2014":`${Me.format(t)} ms`,Q=t=>{if(t==null)return"\u2014";let e=Math.round(t);return`${Math.floor(e/60)}:${String(e%60).padStart(2,"0")}`};function S({title:t,children:e}){return O(()=>{document.title=`${t} \xB7 Switchboard`},[t]),i`<header class="page-head"><h1 tabindex="-1" id="page-title">${t}</h1>
    <div class="actions">${e}</div></header>`}function He({onSignedIn:t}){let e=x(()=>v("/v1/console/config"),[]),[n,r]=b(""),[s,o]=b(null),[a,d]=b(!1),u=new URLSearchParams(location.search).has("expired");O(()=>{document.title="Sign in \xB7 Switchboard"},[]);let c=async l=>{l.preventDefault(),d(!0),o(null),Wt(n.trim());try{let $=await v("/v1/me");t($),M("/admin",{replace:!0})}catch($){G(),o($.status===401?"That key is not valid (or was revoked).":$.message),d(!1)}},p=e.data&&e.data.oidc_issuer;return i`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${u&&!s?i`<p class="note" role="status">Your session ended; sign in again.</p>`:null}
    <form onSubmit=${c} aria-label="Sign in with an API key">
      <${A} label="API key" path="api_key" type="password" value=${n} onInput=${r}
        error=${s} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${a||!n.trim()}>Sign in</button>
    </form>
    ${p?i`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${()=>Ae(e.data).catch(o)}>
        Sign in with your identity provider</button>`:null}
  </main>`}function Fe(){let[t,e]=b(null);return O(()=>{v("/v1/console/config").then(n=>Le(n,location.search)).then(()=>M("/admin",{replace:!0}),n=>e(n.message))},[]),i`<main id="main" class="signin">
    ${t?i`<p class="error" role="alert">${t}</p>
      <a href="/admin/signin">Back to sign-in</a>`:i`<p class="state" role="status">Signing in…</p>`}
  </main>`}var kt=null;async function Tt(t){return kt=kt||await v("/openapi.json"),{root:kt.components.schemas[t],all:kt.components.schemas}}var St=(t,e)=>t&&t.$ref?e[t.$ref.split("/").pop()]:t;function We(t,e){let n=t.anyOf||t.oneOf;if(!n)return null;let r=n.filter(s=>s.type!=="null");return r.length===1&&r.length<n.length?St(r[0],e):null}var Ve={Llm:"LLM",Stt:"Speech-to-text (STT)",Tts:"Voice (TTS)",Api:"API",Dtmf:"DTMF",Http:"HTTP",Ms:"(ms)",S:"(s)",Url:"URL",Of:"of",In:"in",At:"at"},Tn=(t,e)=>(e&&e.title||t.replace(/_/g," ")).split(" ").map((n,r)=>r===0?Ve[n]||n:Ve[n]||n.toLowerCase()).join(" ").replace(/^./,n=>n.toUpperCase());function qe(t,e,n){let r=Array.isArray(t)?[...t]:{...t||{}};return n===void 0?delete r[e]:r[e]=n,r}function Ct(t,e){let n=St(t,e),r=t.default!==void 0?t.default:n.default;if(n.type==="object"&&n.properties){let s={};for(let[o,a]of Object.entries(n.properties)){let d=We(a,e)?null:Ct(a,e);d!==void 0&&(s[o]=d)}return{...s,...structuredClone(r||{})}}return r!==void 0?structuredClone(r):n.type==="object"?{}:n.type==="array"?[]:n.type==="boolean"?!1:n.type==="integer"||n.type==="number"?n.minimum??0:n.enum?n.enum[0]:""}function Be({schema:t,path:e,label:n,value:r,onChange:s,errors:o,nullable:a}){let d=o[e],u=xt(e);if(t.type==="boolean")return i`<div class=${`field check${d?" invalid":""}`}>
      <input type="checkbox" id=${u} name=${e} checked=${!!r}
        onChange=${_=>s(_.currentTarget.checked)} />
      <label for=${u}>${n}</label>
      ${d?i`<small class="field-error" data-field=${e}>${d}</small>`:null}
    </div>`;let c=t.description;if(t.enum)return i`<${R} label=${n} path=${e} error=${d} hint=${c}>${(_,m)=>i`<select id=${_} name=${e} aria-describedby=${m}
        onChange=${h=>s(h.currentTarget.value||(a?null:void 0))}>
        ${a?i`<option value="">(none)</option>`:null}
        ${t.enum.map(h=>i`<option value=${h} selected=${h===r}>${h}</option>`)}
      </select>`}</${R}>`;let p=t.type==="integer"||t.type==="number",l=t.type==="string"&&(t.maxLength||0)>500,$=_=>{let m=_.currentTarget.value;return s(m===""?a?null:p?void 0:"":p?Number.isNaN(Number(m))?m:Number(m):m)};return i`<${R} label=${n} path=${e} error=${d} hint=${c}>${(_,m)=>l?i`<textarea id=${_} name=${e} rows="4" aria-describedby=${m}
          aria-invalid=${d?"true":void 0} onInput=${$}>${r??""}</textarea>`:i`<input id=${_} name=${e} aria-describedby=${m}
          aria-invalid=${d?"true":void 0}
          type=${p?"number":t.format==="time"?"time":"text"}
          step=${t.type==="number"?"any":void 0} value=${r??""} onInput=${$} />`}
  </${R}>`}function En({path:t,label:e,value:n,onChange:r,errors:s,hint:o}){let a=s[t]||Object.entries(s).find(([d])=>d.startsWith(`${t}.`))?.[1];return i`<${R} label=${e} path=${t} error=${a} hint=${o||"One per line"}>
    ${(d,u)=>i`<textarea id=${d} name=${t} rows="3" aria-describedby=${u}
      onInput=${c=>r(c.currentTarget.value.split(`
`).filter(p=>p.trim()))}
    >${(n||[]).join(`
`)}</textarea>`}</${R}>`}function An({path:t,label:e,options:n,value:r,onChange:s,errors:o}){let a=new Set(r||[]),d=u=>{let c=new Set(a);c.has(u)?c.delete(u):c.add(u),s(n.filter(p=>c.has(p)))};return i`<fieldset class="choices"><legend>${e}</legend>
    ${n.map(u=>i`<label class="choice"><input type="checkbox" name=${`${t}.${u}`}
      checked=${a.has(u)} onChange=${()=>d(u)} />${u}</label>`)}
    ${o[t]?i`<small class="field-error" data-field=${t}>${o[t]}</small>`:null}
  </fieldset>`}function Ln({path:t,label:e,value:n,onChange:r,errors:s}){return i`<${R} label=${e} path=${t} error=${s[t]} hint="JSON">
    ${(o,a)=>i`<textarea id=${o} name=${t} rows="4" class="mono"
      aria-describedby=${a} onChange=${d=>{try{r(JSON.parse(d.currentTarget.value||"{}"))}catch{r(d.currentTarget.value)}}}>${JSON.stringify(n??{},null,2)}</textarea>`}</${R}>`}function Ke({schema:t,all:e,path:n,label:r,value:s,onChange:o,errors:a,extras:d}){let u=We(t,e);if(u){if(u.type==="object"){let p=s!=null,l=xt(`${n}-enabled`);return i`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${l} checked=${p}
          onChange=${$=>o($.currentTarget.checked?Ct(u,e):null)} />
          <label for=${l}>${r}</label></div>
        ${p?i`<${Ke} schema=${u} all=${e} path=${n} label=${r}
          value=${s} onChange=${o} errors=${a} extras=${d} />`:null}
      </div>`}return i`<${Be} schema=${{...u,description:t.description}} path=${n}
      label=${r} value=${s} onChange=${o} errors=${a} nullable=${!0} />`}let c=St(t,e);if(c.type==="object"&&c.properties){let p=d&&d[n];return i`<fieldset class="group"><legend>${r}</legend>
      ${a[n]?i`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      <${Y} schema=${c} all=${e} path=${n} value=${s} onChange=${o}
        errors=${a} extras=${d} />
      ${p?i`<${p} value=${s} />`:null}
    </fieldset>`}if(c.type==="object")return i`<${Ln} path=${n} label=${r} value=${s} onChange=${o} errors=${a} />`;if(c.type==="array"){let p=St(c.items,e);if(p.type==="string"&&p.enum)return i`<${An} path=${n} label=${r} options=${p.enum} value=${s}
        onChange=${o} errors=${a} />`;if(p.type!=="object")return i`<${En} path=${n} label=${r} value=${s} onChange=${o}
        errors=${a} hint=${c.description} />`;let l=s||[],$=(p.title||"Item").replace(/([a-z])([A-Z])/g,"$1 $2");return i`<fieldset class="group list"><legend>${r}</legend>
      ${a[n]?i`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      ${l.length===0?i`<p class="empty">None.</p>`:null}
      ${l.map((_,m)=>i`<div class="list-item">
        <${Y} schema=${p} all=${e} path=${`${n}.${m}`} value=${_}
          onChange=${h=>o(qe(l,m,h))} errors=${a} />
        <button type="button" class="ghost small" onClick=${()=>o(l.filter((h,f)=>f!==m))}
          aria-label=${`Remove ${$} ${m+1} of ${r}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${()=>o([...l,Ct(p,e)])}>Add ${$.toLowerCase()}</button>
    </fieldset>`}return i`<${Be} schema=${c} path=${n} label=${r} value=${s}
    onChange=${o} errors=${a} />`}function Y({schema:t,all:e,path:n,value:r,onChange:s,errors:o,extras:a}){return Object.entries(t.properties||{}).map(([d,u])=>{let c=n?`${n}.${d}`:d;return i`<${Ke} key=${c} schema=${u} all=${e} path=${c}
      label=${Tn(d,u)} value=${(r||{})[d]}
      onChange=${p=>s(qe(r,d,p))} errors=${o} extras=${a} />`})}function ze(t,e){return Ct(t,e)}function Pn({onCreated:t}){let[e,n]=b(""),[r,s]=b({}),[o,a]=b(null);return i`<form class="inline-form" onSubmit=${async u=>{u.preventDefault();try{let c=await T("POST","/v1/tenants",{name:e});n(""),s({}),a(null),t(c)}catch(c){s(c.fieldErrors?c.fieldErrors():{}),a(c)}}} aria-label="Create a tenant">
    <${A} label="New tenant name" path="name" value=${e} onInput=${n} error=${r.name} />
    <button type="submit">Create tenant</button>
    ${o&&!r.name?i`<${E} error=${o} />`:null}
  </form>`}function Nn({tenant:t,onSaved:e}){let[n,r]=b(null),[s,o]=b(t.limits),[a,d]=b({}),[u,c]=b(null);O(()=>{Tt("TenantLimits").then(r,c)},[]);let p=async l=>{l.preventDefault();try{await T("PATCH",`/v1/tenants/${t.id}`,{limits:s}),d({}),c(null),e()}catch($){d($.fieldErrors?$.fieldErrors():{}),c($)}};return n?i`<form class="limits" onSubmit=${p} aria-label=${`Limits of ${t.name}`}>
    <${Y} schema=${n.root} all=${n.all} path="limits" value=${s}
      onChange=${o} errors=${a} />
    <button type="submit" class="small">Save limits</button>
    <${E} error=${u} />
  </form>`:i`<${E} error=${u} />`}function Je({me:t}){let e=x(()=>v("/v1/tenants"),[]),[n,r]=b(null),[s,o]=b(null),a=t.platform_admin;O(()=>{let u=e.data?e.data.items:[];!a&&u.length===1&&M(`/admin/t/${u[0].id}`,{replace:!0})},[e.data]);let d=async(u,c)=>{if(!(c==="delete"&&!confirm(`Delete ${u.name}? Its numbers stop answering.`)))try{c==="delete"?await T("DELETE",`/v1/tenants/${u.id}`):await T("POST",`/v1/tenants/${u.id}/${c}`),r(null),e.reload()}catch(p){r(p)}};return i`<${S} title="Tenants" />
    ${a?i`<${Pn} onCreated=${u=>M(`/admin/t/${u.id}`)} />`:null}
    <${E} error=${n} />
    <${y} state=${e} empty=${Object.assign(u=>u.items.length===0,{text:"No tenants yet."})}>
      ${u=>i`<div class="table-wrap"><table>
        <caption class="sr-only">Tenants</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Concurrent calls</th>
          <th scope="col">Created</th>${a?i`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${u.items.map(c=>i`<tr>
          <td><${D} href=${`/admin/t/${c.id}`}>${c.name}</${D}></td>
          <td><span class=${`status ${c.status}`}>${c.status}</span></td>
          <td>${c.limits.max_concurrent_calls}</td>
          <td>${N(c.created_at)}</td>
          ${a?i`<td class="row-actions">
            ${c.status==="active"?i`<button type="button" class="secondary small" onClick=${()=>d(c,"suspend")}>Suspend</button>`:i`<button type="button" class="secondary small" onClick=${()=>d(c,"activate")}>Activate</button>`}
            <button type="button" class="secondary small" aria-expanded=${s===c.id}
              onClick=${()=>o(s===c.id?null:c.id)}>Limits</button>
            <button type="button" class="danger small" onClick=${()=>d(c,"delete")}>Delete</button>
            ${s===c.id?i`<${Nn} tenant=${c} onSaved=${e.reload} />`:null}
          </td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${y}>`}function Qe(){let t=new Date;return t.setHours(0,0,0,0),t}function On(){let t=Qe();return t.setDate(t.getDate()-(t.getDay()+6)%7),t}function Ge({label:t,data:e}){return i`<section class="card" aria-label=${t}><h2>${t}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${H(e.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${lt(e.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${H(e.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${H(e.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${W(e.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${W(e.latency_p95_ms)}</dd></div>
    </dl></section>`}function Ye({tenantId:t,tenant:e}){let n=I(),r=`/v1/tenants/${t}`,s=x(async()=>{if(!n("analytics.read"))return null;let[l,$]=await Promise.all([v(`${r}/analytics/summary${B({since:Qe().toISOString()})}`),v(`${r}/analytics/summary${B({since:On().toISOString()})}`)]);return{today:l,week:$}},[t]),o=x(()=>v(`${r}/runtime`),[t]),[a,d]=b(null),[u,c]=b(null),p=async()=>{try{let l=await T("POST",`${r}/runtime/publish`);c(l.revision),d(null),o.reload()}catch(l){d(l)}};return i`<${S} title=${e?e.name:"Tenant"} />
    <${y} state=${s}>${l=>l&&i`<div class="cards">
      <${Ge} label="Today" data=${l.today} /><${Ge} label="This week" data=${l.week} /></div>`}
    </${y}>
    <section class="card" aria-label="Runtime"><h2>Runtime</h2>
      <${y} state=${o}>${l=>i`<dl class="stats">
          <div><dt>Revision</dt><dd>${H(l.revision)}</dd></div>
          <div><dt>Published revision</dt><dd>${H(l.published_revision)}</dd></div>
          <div><dt>Pending</dt><dd>${H(l.pending)}</dd></div>
          <div><dt>Drift</dt><dd class=${l.in_sync?"ok":"warn"}>${l.in_sync?"In sync":"Drifted"}</dd></div>
        </dl>
        ${l.drift.length?i`<ul class="drift">${l.drift.map($=>i`<li>${$}</li>`)}</ul>`:null}
        ${l.problems.length?i`<h3>Problems</h3><ul class="problems">${l.problems.map($=>i`<li><code>${$.type}</code> ${$.message}</li>`)}</ul>`:null}`}
      </${y}>
      ${n("runtime.publish")?i`<button type="button" onClick=${p}>Re-publish</button>`:null}
      ${u!==null?i`<p role="status">Queued revision ${H(u)}.</p>`:null}
      <${E} error=${a} />
    </section>`}function Ze({tenantId:t}){let e=I(),n=`/v1/tenants/${t}`,r=x(async()=>{let[h,f]=await Promise.all([v(`${n}/numbers`),v(`${n}/agents`)]);return{numbers:h.items,agents:f.items}},[t]),[s,o]=b({e164:"",carrier:"twilio",agent_id:"",label:""}),[a,d]=b({}),[u,c]=b(null),p=h=>{d(h.fieldErrors?h.fieldErrors():{}),c(h)},l=async h=>{h.preventDefault();try{await T("POST",`${n}/numbers`,{...s,agent_id:s.agent_id||null}),o({e164:"",carrier:"twilio",agent_id:"",label:""}),d({}),c(null),r.reload()}catch(f){p(f)}},$=async(h,f)=>{try{await T("PATCH",`${n}/numbers/${h.id}`,{agent_id:f||null}),c(null),r.reload()}catch(g){p(g)}},_=async h=>{if(confirm(`Remove ${h.e164}? It stops taking calls.`))try{await T("DELETE",`${n}/numbers/${h.id}`),r.reload()}catch(f){p(f)}},m=e("numbers.write");return i`<${S} title="Numbers" />
    <${y} state=${r}>${({numbers:h,agents:f})=>{let g=[["","(no agent: not answering)"],...f.map(k=>[k.id,k.name])],w=k=>(f.find(j=>j.id===k)||{}).name||"\u2014";return i`
      ${m?i`<form class="inline-form" onSubmit=${l} aria-label="Add a number">
        <${A} label="Number (E.164)" path="e164" value=${s.e164} placeholder="+14155550100"
          onInput=${k=>o({...s,e164:k})} error=${a.e164} />
        <${U} label="Carrier" path="carrier" value=${s.carrier} error=${a.carrier}
          options=${[["twilio","Twilio"],["telnyx","Telnyx"]]} onChange=${k=>o({...s,carrier:k})} />
        <${U} label="Agent" path="agent_id" value=${s.agent_id} options=${g}
          error=${a.agent_id} onChange=${k=>o({...s,agent_id:k})} />
        <${A} label="Label" path="label" value=${s.label} error=${a.label}
          onInput=${k=>o({...s,label:k})} />
        <button type="submit">Add number</button>
      </form>`:null}
      <${E} error=${u} />
      ${h.length===0?i`<p class="state empty">No numbers yet.</p>`:i`<div class="table-wrap"><table>
        <caption class="sr-only">Numbers</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">Carrier</th><th scope="col">Label</th>
          <th scope="col">Agent</th>${m?i`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${h.map(k=>i`<tr>
          <td class="mono">${k.e164}</td><td>${k.carrier}</td><td>${k.label}</td>
          <td>${m?i`<label class="sr-only" for=${`move-${k.id}`}>Agent of ${k.e164}</label>
            <select id=${`move-${k.id}`} onChange=${j=>$(k,j.currentTarget.value)}>
              ${g.map(([j,K])=>i`<option value=${j} selected=${j===(k.agent_id||"")}>${K}</option>`)}
            </select>`:w(k.agent_id)}</td>
          ${m?i`<td><button type="button" class="danger small" onClick=${()=>_(k)}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}`}}</${y}>`}function Xe({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/agents`,r=x(()=>v(n),[t]),[s,o]=b(""),[a,d]=b({}),[u,c]=b(null),p=async l=>{l.preventDefault();try{let $=await T("POST",n,{name:s});M(`/admin/t/${t}/agents/${$.id}`)}catch($){d($.fieldErrors?$.fieldErrors():{}),c($)}};return i`<${S} title="Agents" />
    ${e("agents.write")?i`<form class="inline-form" onSubmit=${p} aria-label="Create an agent">
      <${A} label="New agent name" path="name" value=${s} onInput=${o} error=${a.name} />
      <button type="submit">Create agent</button>
      ${u&&!a.name?i`<${E} error=${u} />`:null}
    </form>`:null}
    <${y} state=${r} empty=${Object.assign(l=>l.items.length===0,{text:"No agents yet."})}>
      ${l=>i`<div class="table-wrap"><table>
        <caption class="sr-only">Agents</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Live version</th>
          <th scope="col">Latest version</th><th scope="col">Updated</th></tr></thead>
        <tbody>${l.items.map($=>i`<tr>
          <td><${D} href=${`/admin/t/${t}/agents/${$.id}`}>${$.name}</${D}></td>
          <td>${$.live_version??"not live"}</td><td>${$.latest_version||"\u2014"}</td>
          <td>${N($.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${y}>`}function Et(t,e="",n={}){if(t&&typeof t=="object"&&!Array.isArray(t)){for(let[r,s]of Object.entries(t))Et(s,e?`${e}.${r}`:r,n);Object.keys(t).length===0&&e&&(n[e]="{}")}else Array.isArray(t)&&t.some(r=>r&&typeof r=="object")?(t.forEach((r,s)=>Et(r,`${e}.${s}`,n)),t.length===0&&(n[e]="[]")):n[e]=typeof t=="string"?t:JSON.stringify(t);return n}function Dn({left:t,right:e}){let n=Et(t.config),r=Et(e.config),s=[...new Set([...Object.keys(n),...Object.keys(r)])].sort(),o=s.filter(a=>n[a]!==r[a]);return i`<div class="table-wrap"><table class="diff">
    <caption>Version ${t.version} and version ${e.version}: ${o.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${t.version}</th>
      <th scope="col">Version ${e.version}</th></tr></thead>
    <tbody>${s.map(a=>i`<tr class=${n[a]!==r[a]?"changed":""}>
      <th scope="row" class="mono">${a}</th><td class="pre">${n[a]??"\u2014"}</td><td class="pre">${r[a]??"\u2014"}</td>
    </tr>`)}</tbody></table></div>`}function In({base:t,agent:e,versions:n,onChanged:r}){let s=I(),[o,a]=b(()=>[n[1]?.version||n[0]?.version,n[0]?.version]),[d,u]=b(null),c=$=>n.find(_=>_.version===Number($)),p=async($,_)=>{try{await T("POST",`${t}/${$}`,{version:_}),u(null),r()}catch(m){u(m)}},l=($,_)=>i`<label>${_}
    <select value=${o[$]} onChange=${m=>a($?[o[0],m.currentTarget.value]:[m.currentTarget.value,o[1]])}>
      ${n.map(m=>i`<option value=${m.version} selected=${m.version===Number(o[$])}>Version ${m.version}</option>`)}
    </select></label>`;return i`<section aria-label="Versions"><h2>Versions</h2>
    <${E} error=${d} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${n.map($=>i`<tr>
        <td>${$.version}</td><td>${$.note}</td><td>${$.created_by}</td><td>${N($.created_at)}</td>
        <td>${$.live?i`<span class="status active">live</span>`:s("agents.publish")?e.live_version!==null&&$.version<e.live_version?i`<button type="button" class="secondary small" onClick=${()=>p("rollback",$.version)}>Roll back to ${$.version}</button>`:i`<button type="button" class="small" onClick=${()=>p("publish",$.version)}>Publish ${$.version}</button>`:""}</td></tr>`)}</tbody></table></div>
    ${n.length>1?i`<h3>Compare</h3><div class="inline-form">${l(0,"Left")}${l(1,"Right")}</div>
      ${c(o[0])&&c(o[1])?i`<${Dn} left=${c(o[0])} right=${c(o[1])} />`:null}`:null}
  </section>`}function jn({value:t}){let e=I(),n=gt(Kt),[r,s]=b(null),[o,a]=b(null),[d,u]=b(!1);return O(()=>()=>r&&URL.revokeObjectURL(r),[r]),e("agents.write")?i`<div class="voice-preview">
    <button type="button" class="secondary small" disabled=${d} onClick=${async()=>{u(!0),a(null);try{s(await De(`${n}/voices/preview`,{tts:t}))}catch(p){a(p)}u(!1)}}>
      ${d?"Synthesizing\u2026":"Preview voice"}</button>
    ${r?i`<audio controls autoplay src=${r} aria-label="Voice preview"></audio>`:null}
    <${E} error=${o} />
  </div>`:null}var Kt=ft(""),Un={tts:jn};function Rn({base:t,latest:e,onSaved:n}){let r=I(),[s,o]=b(null),[a,d]=b(null),[u,c]=b({}),[p,l]=b(null),[$,_]=b(null);if(O(()=>{Tt("AgentVersionCreate").then(f=>{o(f),d(e?{...e.config,note:""}:ze(f.root,f.all))},l)},[e&&e.version]),!s||!a)return i`<${E} error=${p} />`;let m=r("agents.write");return i`<form class="agent-form" onSubmit=${async f=>{f.preventDefault();try{let g=await T("POST",`${t}/versions`,a);c({}),l(null),_(g),n()}catch(g){c(g.fieldErrors?g.fieldErrors():{}),l(g)}}} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!m} class="plain">
      <${Y} schema=${s.root} all=${s.all} path="" value=${a}
        onChange=${d} errors=${u} extras=${Un} />
    </fieldset>
    ${p?i`<p class="error" role="alert">${Object.keys(u).length?`The version was not saved: ${Object.keys(u).length} field(s) need attention.`:p.message}</p>`:null}
    ${$?i`<p role="status">Saved as version ${$.version}.${$.warnings.map(f=>` ${f.message}`)}</p>`:null}
    ${m?i`<div class="sticky-actions"><button type="submit">Save as new version</button></div>`:null}
  </form>`}function tn({tenantId:t,item:e}){let n=`/v1/tenants/${t}/agents/${e}`,r=x(async()=>{let[s,o]=await Promise.all([v(n),v(`${n}/versions`)]);return{agent:s,versions:o.items}},[n]);return i`<${y} state=${r}>${({agent:s,versions:o})=>i`
    <${S} title=${s.name}>
      <span class="badge">${s.live_version?`live: version ${s.live_version}`:"not live"}</span>
    </${S}>
    <div class="agent-grid">
      <${Kt.Provider} value=${`/v1/tenants/${t}`}>
        <${Rn} base=${n} latest=${o[0]} onSaved=${r.reload} />
      </${Kt.Provider}>
      ${o.length?i`<${In} key=${o.length} base=${n} agent=${s}
        versions=${o} onChanged=${r.reload} />`:i`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${y}>`}var Mn=[["llm_api_key","LLM API key"],["carrier_credential","Carrier credential"],["tool_credential","Tool credential"],["webhook_secret","Webhook secret"]],en={name:"",kind:"llm_api_key",value:"",allowed_host:""};function nn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/secrets`,r=x(()=>v(n),[t]),[s,o]=b(en),[a,d]=b({}),[u,c]=b(null),[p,l]=b(null),$=f=>{d(f.fieldErrors?f.fieldErrors():{}),c(f)},_=async f=>{f.preventDefault();let g={value:s.value,kind:s.kind};s.kind==="llm_api_key"&&s.allowed_host&&(g.allowed_host=s.allowed_host);try{await T("PUT",`${n}/${encodeURIComponent(s.name)}`,g),l(s.name),o(en),d({}),c(null),r.reload()}catch(w){$(w)}},m=async f=>{if(confirm(`Delete the secret ${f}?`))try{await T("DELETE",`${n}/${encodeURIComponent(f)}`),r.reload()}catch(g){$(g)}},h=e("secrets.write");return i`<${S} title="Secrets" />
    ${h?i`<form class="inline-form" onSubmit=${_} aria-label="Set a secret" autocomplete="off">
      <${A} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${f=>o({...s,name:f})} />
      <${U} label="Kind" path="kind" value=${s.kind} options=${Mn} error=${a.kind}
        onChange=${f=>o({...s,kind:f})} />
      <${A} label="Value" path="value" type="password" value=${s.value} error=${a.value}
        autocomplete="new-password" onInput=${f=>o({...s,value:f})} />
      ${s.kind==="llm_api_key"?i`<${A} label="Allowed host (optional)" path="allowed_host"
        value=${s.allowed_host} error=${a.allowed_host} onInput=${f=>o({...s,allowed_host:f})} />`:null}
      <button type="submit">Save secret</button>
    </form>`:null}
    ${p?i`<p role="status">Stored ${p}. Its value cannot be read back.</p>`:null}
    ${u&&!Object.keys(a).length?i`<${E} error=${u} />`:null}
    <${y} state=${r} empty=${Object.assign(f=>f.items.length===0,{text:"No secrets yet."})}>
      ${f=>i`<div class="table-wrap"><table>
        <caption class="sr-only">Secrets</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Allowed host</th>
          <th scope="col">Set</th><th scope="col">By</th>${h?i`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${f.items.map(g=>i`<tr>
          <td class="mono">${g.name}</td><td>${g.kind}</td><td>${g.allowed_host||"\u2014"}</td>
          <td>${N(g.updated_at)}</td><td>${g.updated_by||"\u2014"}</td>
          ${h?i`<td><button type="button" class="danger small" onClick=${()=>m(g.name)}>Delete</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${y}>`}var At=[["viewer","Viewer"],["editor","Editor"],["admin","Admin"],["owner","Owner"]];function rn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/members`,r=x(()=>v(n),[t]),[s,o]=b({subject:"",role:"viewer"}),[a,d]=b({}),[u,c]=b(null),p=async m=>{try{await m(),d({}),c(null),r.reload()}catch(h){d(h.fieldErrors?h.fieldErrors():{}),c(h)}},l=(m,h)=>p(()=>T("PUT",`${n}/${encodeURIComponent(m)}`,{role:h})),$=m=>{m.preventDefault(),p(async()=>{await l(s.subject,s.role),o({subject:"",role:"viewer"})})},_=e("members.write");return i`<${S} title="Members" />
    ${_?i`<form class="inline-form" onSubmit=${$} aria-label="Add a member">
      <${A} label="Subject (OIDC sub)" path="subject" value=${s.subject} error=${a.subject}
        onInput=${m=>o({...s,subject:m})} />
      <${U} label="Role" path="role" value=${s.role} options=${At} error=${a.role}
        onChange=${m=>o({...s,role:m})} />
      <button type="submit">Add member</button>
    </form>`:null}
    <${E} error=${u} />
    <${y} state=${r} empty=${Object.assign(m=>m.items.length===0,{text:"No members yet."})}>
      ${m=>i`<div class="table-wrap"><table>
        <caption class="sr-only">Members</caption>
        <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">Added by</th>
          <th scope="col">Added</th>${_?i`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${m.items.map(h=>i`<tr>
          <td class="mono">${h.subject}</td>
          <td>${_?i`<label class="sr-only" for=${`role-${h.subject}`}>Role of ${h.subject}</label>
            <select id=${`role-${h.subject}`} onChange=${f=>l(h.subject,f.currentTarget.value)}>
            ${At.map(([f,g])=>i`<option value=${f} selected=${f===h.role}>${g}</option>`)}</select>`:h.role}</td>
          <td>${h.created_by}</td><td>${N(h.created_at)}</td>
          ${_?i`<td><button type="button" class="danger small"
            onClick=${()=>confirm(`Remove ${h.subject}?`)&&p(()=>T("DELETE",`${n}/${encodeURIComponent(h.subject)}`))}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${y}>`}function on({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/api-keys`,r=x(()=>v(n),[t]),[s,o]=b({name:"",role:"viewer",expires_at:""}),[a,d]=b({}),[u,c]=b(null),[p,l]=b(null),$=f=>{d(f.fieldErrors?f.fieldErrors():{}),c(f)},_=async f=>{f.preventDefault();let g={name:s.name,role:s.role};s.expires_at&&(g.expires_at=new Date(s.expires_at).toISOString());try{l(await T("POST",n,g)),o({name:"",role:"viewer",expires_at:""}),d({}),c(null),r.reload()}catch(w){$(w)}},m=async f=>{if(confirm(`Revoke ${f.name}? Anything using it stops working.`))try{await T("DELETE",`${n}/${f.id}`),r.reload()}catch(g){$(g)}},h=e("api_keys.write");return i`<${S} title="API keys" />
    ${h?i`<form class="inline-form" onSubmit=${_} aria-label="Create an API key">
      <${A} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${f=>o({...s,name:f})} />
      <${U} label="Role" path="role" value=${s.role} options=${At} error=${a.role}
        onChange=${f=>o({...s,role:f})} />
      <${A} label="Expires (optional)" path="expires_at" type="datetime-local" value=${s.expires_at}
        error=${a.expires_at} onInput=${f=>o({...s,expires_at:f})} />
      <button type="submit">Create key</button>
    </form>`:null}
    ${p?i`<div class="once" role="status"><p>The new key <strong>${p.name}</strong>, shown
      only this once; copy it now:</p><output class="mono key" data-testid="new-key">${p.key}</output>
      <button type="button" class="secondary small" onClick=${()=>l(null)}>I have stored it</button></div>`:null}
    ${u&&!Object.keys(a).length?i`<${E} error=${u} />`:null}
    <${y} state=${r} empty=${Object.assign(f=>f.items.length===0,{text:"No API keys yet."})}>
      ${f=>i`<div class="table-wrap"><table>
        <caption class="sr-only">API keys</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Role</th>
          <th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th>
          <th scope="col">State</th></tr></thead>
        <tbody>${f.items.map(g=>i`<tr>
          <td>${g.name}</td><td class="mono">${g.prefix}…</td><td>${g.role}</td>
          <td>${N(g.created_at)}</td><td>${N(g.last_used_at)}</td><td>${N(g.expires_at)}</td>
          <td>${g.revoked_at?i`<span class="status suspended">revoked</span>`:h?i`<button type="button" class="danger small" onClick=${()=>m(g)}>Revoke</button>`:"active"}</td>
        </tr>`)}</tbody></table></div>`}
    </${y}>`}var sn=t=>t===void 0?"\u2014":typeof t=="string"?t:JSON.stringify(t);function Hn({diff:t}){let e=t.before||{},n=t.after||{},r=[...new Set([...Object.keys(e),...Object.keys(n)])].sort();return r.length?i`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${r.map(s=>i`<tr class="changed">
    <th scope="row" class="mono">${s}</th><td class="pre">${sn(e[s])}</td><td class="pre">${sn(n[s])}</td>
    </tr>`)}</tbody></table>`:i`<p class="empty">No field changes recorded.</p>`}var an=t=>t?new Date(t).toISOString():"";function ln({tenantId:t}){let[e,n]=b({actor:"",action:"",target:"",since:"",until:""}),[r,s]=b(e),[o,a]=b([null]),[d,u]=b(null),c=o[o.length-1],p=x(()=>v(`/v1/tenants/${t}/audit${B({...r,since:an(r.since),until:an(r.until),cursor:c,limit:25})}`),[t,r,c]),l=_=>{_.preventDefault(),s(e),a([null])},$=(_,m,h="text")=>i`<${A} label=${m} path=${`filter-${_}`}
    type=${h} value=${e[_]} onInput=${f=>n({...e,[_]:f})} />`;return i`<${S} title="Audit log" />
    <form class="inline-form filters" onSubmit=${l} aria-label="Filter the audit log">
      ${$("actor","Actor")}${$("action","Action (or prefix ending in .)")}${$("target","Target")}
      ${$("since","From","datetime-local")}${$("until","Until","datetime-local")}
      <button type="submit">Filter</button>
    </form>
    <${y} state=${p} empty=${Object.assign(_=>_.items.length===0,{text:"No audit entries match."})}>
      ${_=>i`<div class="table-wrap"><table>
        <caption class="sr-only">Audit entries</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th>
          <th scope="col">Target</th><th scope="col">Change</th></tr></thead>
        <tbody>${_.items.map(m=>i`<tr>
          <td>${N(m.at)}</td><td class="mono">${m.actor}</td><td>${m.action}</td><td class="mono">${m.target}</td>
          <td><button type="button" class="ghost small" aria-expanded=${d===m.id}
            onClick=${()=>u(d===m.id?null:m.id)}>${d===m.id?"Hide":"Show"}</button>
            ${d===m.id?i`<${Hn} diff=${m.diff} />`:null}</td>
        </tr>`)}</tbody></table></div>
        <nav class="pager" aria-label="Pages">
          <button type="button" class="secondary" disabled=${o.length===1}
            onClick=${()=>a(o.slice(0,-1))}>Newer</button>
          <button type="button" class="secondary" disabled=${!_.next_cursor}
            onClick=${()=>a([...o,_.next_cursor])}>Older</button>
        </nav>`}
    </${y}>`}var Fn=[["","Any outcome"],["answered","Answered"],["missed","Missed"],["transferred","Transferred"],["failed","Failed"],["in_progress","In progress"]],cn=t=>t?new Date(t).toISOString():"";function un({tenantId:t}){let e=`/v1/tenants/${t}`,n=x(()=>v(`${e}/agents`),[t]),[r,s]=b({since:"",until:"",number:"",agent_id:"",outcome:""}),[o,a]=b(r),[d,u]=b([null]),c=d[d.length-1],p=x(()=>v(`${e}/calls${B({...o,since:cn(o.since),until:cn(o.until),cursor:c,limit:25})}`),[t,o,c]),l=m=>{m.preventDefault(),a(r),u([null])},$=n.data?n.data.items:[],_=m=>($.find(h=>h.id===m)||{}).name||m||"\u2014";return i`<${S} title="Calls" />
    <form class="inline-form filters" onSubmit=${l} aria-label="Filter calls">
      <${A} label="From" path="since" type="datetime-local" value=${r.since}
        onInput=${m=>s({...r,since:m})} />
      <${A} label="Until" path="until" type="datetime-local" value=${r.until}
        onInput=${m=>s({...r,until:m})} />
      <${A} label="Number called" path="number" value=${r.number} placeholder="+14155550100"
        onInput=${m=>s({...r,number:m})} />
      <${U} label="Agent" path="agent_id" value=${r.agent_id}
        options=${[["","Any agent"],...$.map(m=>[m.id,m.name])]}
        onChange=${m=>s({...r,agent_id:m})} />
      <${U} label="Outcome" path="outcome" value=${r.outcome} options=${Fn}
        onChange=${m=>s({...r,outcome:m})} />
      <button type="submit">Filter</button>
    </form>
    <${y} state=${p} empty=${Object.assign(m=>m.items.length===0,{text:"No calls match."})}>
      ${m=>i`<div class="table-wrap"><table>
        <caption class="sr-only">Calls</caption>
        <thead><tr><th scope="col">Started</th><th scope="col">From</th><th scope="col">To</th>
          <th scope="col">Agent</th><th scope="col">Duration</th><th scope="col">Outcome</th>
          <th scope="col">Turns</th></tr></thead>
        <tbody>${m.items.map(h=>i`<tr>
          <td><${D} href=${`/admin/t/${t}/calls/${encodeURIComponent(h.id)}`}>${N(h.started_at)}</${D}></td>
          <td class="mono">${h.from_number||"\u2014"}</td><td class="mono">${h.to_number||"\u2014"}</td>
          <td>${_(h.agent_id)}</td><td>${Q(h.duration_s)}</td>
          <td><span class=${`status ${h.outcome}`}>${h.outcome}</span></td><td>${h.turns}</td>
        </tr>`)}</tbody></table></div>
        <nav class="pager" aria-label="Pages">
          <button type="button" class="secondary" disabled=${d.length===1}
            onClick=${()=>u(d.slice(0,-1))}>Newer</button>
          <button type="button" class="secondary" disabled=${!m.next_cursor}
            onClick=${()=>u([...d,m.next_cursor])}>Older</button>
        </nav>`}
    </${y}>`}var dn=[["end_of_turn_ms","End of turn"],["transcript_final_ms","Transcript final"],["llm_first_token_ms","LLM first token"],["tts_first_audio_ms","TTS first audio"],["first_frame_out_ms","First frame out"]];function Vn({turns:t}){let e=t.filter(d=>d.stages&&d.stages.caller_stopped_ms!==null&&d.stages.caller_stopped_ms!==void 0);if(!e.length)return i`<p class="empty">No turn timings recorded.</p>`;let n=e.map(d=>dn.map(([u])=>d.stages[u]).filter(u=>u!=null).map(u=>u-d.stages.caller_stopped_ms)),r=Math.max(1,...n.flat()),s=600,o=d=>150+Math.max(0,d)/r*(s-160),a=20;return e.map(d=>{let u=d.stages.caller_stopped_ms,c=0,p=dn.map(([$,_],m)=>{let h=d.stages[$];if(h==null)return null;let f=c;return c=h-u,{label:_,from:f,to:h-u,i:m}}).filter(Boolean),l=p.length*a+24;return i`<figure class="waterfall">
      <figcaption>Turn ${d.turn_index+1}: voice-to-voice ${W(d.voice_to_voice_ms)}${" "}
        (${d.interrupted?"interrupted, ":""}${d.brain})</figcaption>
      <svg viewBox=${`0 0 ${s} ${l}`} role="img"
        aria-label=${`Turn ${d.turn_index+1} stages after the caller stopped: ${p.map($=>`${$.label} ${Math.round($.to)} ms`).join(", ")}`}>
        ${p.map($=>i`<g>
          <text x="0" y=${$.i*a+14} class="label">${$.label}</text>
          <rect x=${o($.from)} y=${$.i*a+2} width=${Math.max(2,o($.to)-o($.from))} height=${a-4}
            class=${`bar s${$.i}`}><title>${$.label}: ${Math.round($.from)}–${Math.round($.to)} ms</title></rect>
          <text x=${Math.min(s-40,o($.to)+4)} y=${$.i*a+14} class="value">${Math.round($.to)}</text>
        </g>`)}
        <line x1="150" x2="150" y1="0" y2=${l-20} class="axis" />
        <text x="150" y=${l-6} class="label">caller stopped (0 ms)</text>
        <text x=${s-70} y=${l-6} class="label">${Math.round(r)} ms</text>
      </svg></figure>`})}function Bn(t,e){let n=Vt(null),[r,s]=b("both"),o=a=>{let d=t.current;if(!d)return;if(!n.current){let $=new AudioContext,_=$.createMediaElementSource(d),m=$.createChannelSplitter(2),h=$.createChannelMerger(2);_.connect(m),h.connect($.destination),n.current={context:$,splitter:m,merger:h}}let{context:u,splitter:c,merger:p}=n.current;c.disconnect();let l={both:[0,1],caller:[0,0],agent:[1,1]}[a];c.connect(p,l[0],0),c.connect(p,l[1],1),u.resume(),s(a)};return O(()=>()=>{n.current&&n.current.context.close(),n.current=null},[e]),[r,o]}function Wn({path:t,audioRef:e,onTime:n}){let[r,s]=b(void 0),[o,a]=b(null),[d,u]=Bn(e,r);return O(()=>{let c=null;return Oe(t).then(p=>{c=p,s(p)},a),()=>c&&URL.revokeObjectURL(c)},[t]),o?i`<${E} error=${o} />`:r===void 0?i`<p class="state" role="status">Loading the recording…</p>`:r===null?i`<p class="empty">No recording for this call.</p>`:i`<div class="player">
    <audio ref=${e} controls preload="metadata" src=${r} onTimeUpdate=${c=>n(c.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
    <fieldset class="choices channels"><legend>Listen to</legend>
      ${[["both","Both"],["caller","Caller only"],["agent","Agent only"]].map(([c,p])=>i`<label class="choice">
        <input type="radio" name="channels" value=${c} checked=${d===c} onChange=${()=>u(c)} />${p}</label>`)}
    </fieldset>
  </div>`}function $n({tenantId:t,item:e}){let n=`/v1/tenants/${t}/calls/${encodeURIComponent(e)}`,r=x(()=>v(n),[n]),s=Vt(null),[o,a]=b(0),d=u=>{s.current&&(s.current.currentTime=u/1e3,s.current.play().catch(()=>{}))};return i`<${y} state=${r}>${u=>i`
    <${S} title=${`Call ${N(u.started_at)}`}>
      <${D} href=${`/admin/t/${t}/calls`}>All calls</${D}>
    </${S}>
    <dl class="stats facts">
      <div><dt>From</dt><dd class="mono">${u.from_number||"\u2014"}</dd></div>
      <div><dt>To</dt><dd class="mono">${u.to_number||"\u2014"}</dd></div>
      <div><dt>Duration</dt><dd>${Q(u.duration_s)}</dd></div>
      <div><dt>Outcome</dt><dd>${u.outcome}</dd></div>
      <div><dt>End reason</dt><dd data-testid="end-reason">${u.end_reason||"\u2014"}</dd></div>
      <div><dt>Transferred to</dt><dd class="mono">${u.transferred_to||"\u2014"}</dd></div>
      <div><dt>Agent version</dt><dd>${u.agent_version??"\u2014"}</dd></div>
      <div><dt>Tool calls</dt><dd>${(u.tool_calls||[]).length?u.tool_calls.map(c=>c.name).join(", "):"none recorded"}</dd></div>
    </dl>
    <div class="call-grid">
      <section aria-label="Recording and transcript"><h2>Recording and transcript</h2>
        <${Wn} path=${`${n}/recording`} audioRef=${s} onTime=${a} />
        ${u.transcript.length?i`<ol class="transcript">${u.transcript.map((c,p)=>{let l=u.transcript[p+1],$=o*1e3>=c.at_ms&&(!l||o*1e3<l.at_ms);return i`<li class=${`${c.role}${$?" active":""}`}>
            <button type="button" onClick=${()=>d(c.at_ms)}
              aria-label=${`Play from ${Q(c.at_ms/1e3)}: ${c.role} said ${c.text}`}>
              <span class="at">${Q(c.at_ms/1e3)}</span>
              <span class="role">${c.role}</span>
              <span class="text">${c.text}${c.interrupted?" (interrupted)":""}</span>
            </button></li>`})}</ol>`:i`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Vn} turns=${u.turn_details} />
      </section>
    </div>`}</${y}>`}var zt=640,Z=180,X=36;function Lt({title:t,days:e,series:n,kind:r="bar",format:s=H}){let o=e.flatMap(p=>n.map(l=>p[l.key]??0)),a=Math.max(1,...o),d=(zt-X*2)/Math.max(1,e.length),u=p=>Z-20-(p??0)/a*(Z-40),c=e.map(p=>`${at(p.day)}: ${n.map(l=>`${l.label} ${s(p[l.key])}`).join(", ")}`).join("; ");return i`<figure class="chart"><figcaption>${t}</figcaption>
    <svg viewBox=${`0 0 ${zt} ${Z}`} role="img" aria-label=${`${t}. ${c}`}>
      <line x1=${X} x2=${zt-X} y1=${Z-20} y2=${Z-20} class="axis" />
      <text x="2" y="14" class="label">${s(a)}</text>
      ${e.map((p,l)=>i`<text x=${X+l*d+d/2} y=${Z-4} class="label" text-anchor="middle">
        ${e.length<=14||l%Math.ceil(e.length/14)===0?at(p.day):""}</text>`)}
      ${r==="bar"?e.map((p,l)=>{let $=0;return n.map((_,m)=>{let h=p[_.key]??0,f=u($+h),g=i`<rect x=${X+l*d+d*.15} width=${d*.7}
                y=${f} height=${Math.max(0,u($)-f)} class=${`bar s${m}`}>
                <title>${at(p.day)} ${_.label}: ${s(h)}</title></rect>`;return $+=h,g})}):n.map((p,l)=>i`<polyline class=${`line s${l}`} fill="none" points=${e.filter($=>$[p.key]!==null).map($=>`${X+e.indexOf($)*d+d/2},${u($[p.key])}`).join(" ")} />`)}
    </svg>
    <p class="legend">${n.map((p,l)=>i`<span><span class=${`swatch s${l}`}></span>${p.label}</span>`)}</p>
  </figure>`}function qn(t,e,n){let r=Object.fromEntries(t.map(o=>[o.day,o])),s=[];for(let o=new Date(e);o<n;o.setUTCDate(o.getUTCDate()+1)){let a=o.toISOString().slice(0,10);s.push(r[a]||{day:a,calls:0,minutes:0,answered:0,missed:0,latency_p50_ms:null,latency_p95_ms:null})}return s}function pn({tenantId:t}){let[e,n]=b("14"),r=x(async()=>{let s=new Date;s.setUTCHours(24,0,0,0);let o=new Date(s);o.setUTCDate(o.getUTCDate()-Number(e));let a=await v(`/v1/tenants/${t}/analytics${B({since:o.toISOString(),until:s.toISOString()})}`);return qn(a.days,o,s)},[t,e]);return i`<${S} title="Analytics">
      <${U} label="Range" path="range" value=${e} onChange=${n}
        options=${[["7","Last 7 days"],["14","Last 14 days"],["30","Last 30 days"],["90","Last 90 days"]]} />
    </${S}>
    <p class="note">Days are UTC days.</p>
    <${y} state=${r}>${s=>i`<div class="charts">
      <${Lt} title="Calls per day" days=${s} series=${[{key:"calls",label:"Calls"}]} />
      <${Lt} title="Minutes per day" days=${s} series=${[{key:"minutes",label:"Minutes"}]} format=${lt} />
      <${Lt} title="Answered and missed" days=${s}
        series=${[{key:"answered",label:"Answered"},{key:"missed",label:"Missed"}]} />
      <${Lt} title="Voice-to-voice latency" days=${s} kind="line" format=${W}
        series=${[{key:"latency_p50_ms",label:"p50"},{key:"latency_p95_ms",label:"p95"}]} />
    </div>
    <details><summary>The numbers</summary><div class="table-wrap"><table>
      <thead><tr><th scope="col">Day</th><th scope="col">Calls</th><th scope="col">Minutes</th><th scope="col">Answered</th>
        <th scope="col">Missed</th><th scope="col">p50</th><th scope="col">p95</th></tr></thead>
      <tbody>${s.map(o=>i`<tr><td>${at(o.day)}</td><td>${H(o.calls)}</td><td>${lt(o.minutes)}</td>
        <td>${H(o.answered)}</td><td>${H(o.missed)}</td><td>${W(o.latency_p50_ms)}</td>
        <td>${W(o.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${y}>`}var Kn=[["","Home","runtime.read"],["numbers","Numbers","calls.read"],["agents","Agents","calls.read"],["calls","Calls","calls.read"],["analytics","Analytics","analytics.read"],["secrets","Secrets","secrets.read"],["members","Members","members.read"],["api-keys","API keys","api_keys.read"],["audit","Audit log","audit.read"]],zn={"":Ye,numbers:Ze,agents:Xe,secrets:nn,members:rn,"api-keys":on,audit:ln,calls:un,analytics:pn};function Jn({me:t,tenantId:e,section:n,item:r}){let s=x(()=>v(`/v1/tenants/${e}/permissions`),[e]),o=x(()=>v(`/v1/tenants/${e}`),[e]),a=zn[n]||null;n==="agents"&&r&&(a=tn),n==="calls"&&r&&(a=$n);let d=s.data?s.data.allowed:[],u=`/admin/t/${e}`;return i`<${y} state=${s}>${c=>i`<${wt.Provider} value=${c}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${o.data?o.data.name:""}
        ${c.role?i`<span class="badge">${c.role}</span>`:i`<span class="badge">platform admin</span>`}</p>
      <ul>${Kn.filter(([,,p])=>d.includes(p)).map(([p,l])=>i`<li><${D} href=${p?`${u}/${p}`:u}
          aria-current=${n===p?"page":void 0}>${l}</${D}></li>`)}</ul>
    </nav>
    <main id="main" class="content">
      ${a?i`<${a} tenantId=${e} tenant=${o.data} item=${r} me=${t}
        reloadTenant=${o.reload} />`:i`<p class="state">No such page.</p>`}
    </main>
  </${wt.Provider}>`}</${y}>`}function Gn(){let t=Re(),[e,n]=b(null),[r,s]=b(null);O(()=>{Ne(()=>M("/admin/signin?expired=1",{replace:!0}))},[]);let o=location.pathname.replace(/\/+$/,""),a=!!yt();if(O(()=>{!a||o==="/admin/signin"||o==="/admin/callback"||e===null&&v("/v1/me").then(n,s)},[a,o,e]),o==="/admin/callback")return i`<${Fe} />`;if(o==="/admin/signin"||!a)return o!=="/admin/signin"&&M("/admin/signin",{replace:!0}),i`<${He} onSignedIn=${l=>n(l)} />`;let d=()=>{G(),n(null),M("/admin/signin")},u=i`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${D} href="/admin" class="brand">Switchboard</${D}>
    <span class="who">${e?e.subject:""}</span>
    <button type="button" class="ghost" onClick=${d}>Sign out</button>
  </header>`;if(r)return i`${u}<main class="content"><p class="error" role="alert">${r.message}</p></main>`;let c=o.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/);if(!e&&!c)return i`${u}<p class="state" role="status">Loading…</p>`;let p=c?i`<div class="layout"><${Jn} me=${e} tenantId=${decodeURIComponent(c[1])}
        section=${c[2]||""} item=${c[3]?decodeURIComponent(c[3]):null} /></div>`:i`<main id="main" class="content"><${Je} me=${e} /></main>`;return i`${u}${p}<span hidden>${t}</span>`}var mn=document.getElementById("app");mn.textContent="";ue(i`<${Gn} />`,mn);
