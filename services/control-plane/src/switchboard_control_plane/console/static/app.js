var pt,E,Zt,_n,q,Gt,Xt,te,ee,It,Nt,Ot,ne,ot={},re=[],fn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,mt=Array.isArray;function V(t,e){for(var n in e)t[n]=e[n];return t}function jt(t){t&&t.parentNode&&t.parentNode.removeChild(t)}function Ut(t,e,n){var r,s,o,a={};for(o in e)o=="key"?r=e[o]:o=="ref"?s=e[o]:a[o]=e[o];if(arguments.length>2&&(a.children=arguments.length>3?pt.call(arguments,2):n),typeof t=="function"&&t.defaultProps!=null)for(o in t.defaultProps)a[o]===void 0&&(a[o]=t.defaultProps[o]);return ut(t,a,r,s,null)}function ut(t,e,n,r,s){var o={type:t,props:e,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++Zt,__i:-1,__u:0};return s==null&&E.vnode!=null&&E.vnode(o),o}function _t(t){return t.children}function dt(t,e){this.props=t,this.context=e}function z(t,e){if(e==null)return t.__?z(t.__,t.__i+1):null;for(var n;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null)return n.__e;return typeof t.type=="function"?z(t):null}function oe(t){var e,n;if((t=t.__)!=null&&t.__c!=null){for(t.__e=t.__c.base=null,e=0;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null){t.__e=t.__c.base=n.__e;break}return oe(t)}}function Dt(t){(!t.__d&&(t.__d=!0)&&q.push(t)&&!$t.__r++||Gt!=E.debounceRendering)&&((Gt=E.debounceRendering)||Xt)($t)}function $t(){for(var t,e,n,r,s,o,a,c=1;q.length;)q.length>c&&q.sort(te),t=q.shift(),c=q.length,t.__d&&(n=void 0,s=(r=(e=t).__v).__e,o=[],a=[],e.__P&&((n=V({},r)).__v=r.__v+1,E.vnode&&E.vnode(n),Rt(e.__P,n,r,e.__n,e.__P.namespaceURI,32&r.__u?[s]:null,o,s??z(r),!!(32&r.__u),a),n.__v=r.__v,n.__.__k[n.__i]=n,le(o,n,a),n.__e!=s&&oe(n)));$t.__r=0}function se(t,e,n,r,s,o,a,c,u,i,p){var d,$,_,m,f,h,y=r&&r.__k||re,w=e.length;for(u=hn(n,e,y,u,w),d=0;d<w;d++)(_=n.__k[d])!=null&&($=_.__i==-1?ot:y[_.__i]||ot,_.__i=d,h=Rt(t,_,$,s,o,a,c,u,i,p),m=_.__e,_.ref&&$.ref!=_.ref&&($.ref&&Mt($.ref,null,_),p.push(_.ref,_.__c||m,_)),f==null&&m!=null&&(f=m),4&_.__u||$.__k===_.__k?u=ae(_,u,t):typeof _.type=="function"&&h!==void 0?u=h:m&&(u=m.nextSibling),_.__u&=-7);return n.__e=f,u}function hn(t,e,n,r,s){var o,a,c,u,i,p=n.length,d=p,$=0;for(t.__k=new Array(s),o=0;o<s;o++)(a=e[o])!=null&&typeof a!="boolean"&&typeof a!="function"?(u=o+$,(a=t.__k[o]=typeof a=="string"||typeof a=="number"||typeof a=="bigint"||a.constructor==String?ut(null,a,null,null,null):mt(a)?ut(_t,{children:a},null,null,null):a.constructor==null&&a.__b>0?ut(a.type,a.props,a.key,a.ref?a.ref:null,a.__v):a).__=t,a.__b=t.__b+1,c=null,(i=a.__i=bn(a,n,u,d))!=-1&&(d--,(c=n[i])&&(c.__u|=2)),c==null||c.__v==null?(i==-1&&(s>p?$--:s<p&&$++),typeof a.type!="function"&&(a.__u|=4)):i!=u&&(i==u-1?$--:i==u+1?$++:(i>u?$--:$++,a.__u|=4))):t.__k[o]=null;if(d)for(o=0;o<p;o++)(c=n[o])!=null&&(2&c.__u)==0&&(c.__e==r&&(r=z(c)),ce(c,c));return r}function ae(t,e,n){var r,s;if(typeof t.type=="function"){for(r=t.__k,s=0;r&&s<r.length;s++)r[s]&&(r[s].__=t,e=ae(r[s],e,n));return e}t.__e!=e&&(e&&t.type&&!n.contains(e)&&(e=z(t)),n.insertBefore(t.__e,e||null),e=t.__e);do e=e&&e.nextSibling;while(e!=null&&e.nodeType==8);return e}function bn(t,e,n,r){var s,o,a=t.key,c=t.type,u=e[n];if(u===null&&t.key==null||u&&a==u.key&&c==u.type&&(2&u.__u)==0)return n;if(r>(u!=null&&(2&u.__u)==0?1:0))for(s=n-1,o=n+1;s>=0||o<e.length;){if(s>=0){if((u=e[s])&&(2&u.__u)==0&&a==u.key&&c==u.type)return s;s--}if(o<e.length){if((u=e[o])&&(2&u.__u)==0&&a==u.key&&c==u.type)return o;o++}}return-1}function Qt(t,e,n){e[0]=="-"?t.setProperty(e,n??""):t[e]=n==null?"":typeof n!="number"||fn.test(e)?n:n+"px"}function ct(t,e,n,r,s){var o,a;t:if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof r=="string"&&(t.style.cssText=r=""),r)for(e in r)n&&e in n||Qt(t.style,e,"");if(n)for(e in n)r&&n[e]==r[e]||Qt(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")o=e!=(e=e.replace(ee,"$1")),a=e.toLowerCase(),e=a in t||e=="onFocusOut"||e=="onFocusIn"?a.slice(2):e.slice(2),t.l||(t.l={}),t.l[e+o]=n,n?r?n.u=r.u:(n.u=It,t.addEventListener(e,o?Ot:Nt,o)):t.removeEventListener(e,o?Ot:Nt,o);else{if(s=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{t[e]=n??"";break t}catch{}typeof n=="function"||(n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n))}}function Yt(t){return function(e){if(this.l){var n=this.l[e.type+t];if(e.t==null)e.t=It++;else if(e.t<n.u)return;return n(E.event?E.event(e):e)}}}function Rt(t,e,n,r,s,o,a,c,u,i){var p,d,$,_,m,f,h,y,w,S,j,K,et,Jt,it,nt,Pt,F=e.type;if(e.constructor!=null)return null;128&n.__u&&(u=!!(32&n.__u),o=[c=e.__e=n.__e]),(p=E.__b)&&p(e);t:if(typeof F=="function")try{if(y=e.props,w="prototype"in F&&F.prototype.render,S=(p=F.contextType)&&r[p.__c],j=p?S?S.props.value:p.__:r,n.__c?h=(d=e.__c=n.__c).__=d.__E:(w?e.__c=d=new F(y,j):(e.__c=d=new dt(y,j),d.constructor=F,d.render=gn),S&&S.sub(d),d.props=y,d.state||(d.state={}),d.context=j,d.__n=r,$=d.__d=!0,d.__h=[],d._sb=[]),w&&d.__s==null&&(d.__s=d.state),w&&F.getDerivedStateFromProps!=null&&(d.__s==d.state&&(d.__s=V({},d.__s)),V(d.__s,F.getDerivedStateFromProps(y,d.__s))),_=d.props,m=d.state,d.__v=e,$)w&&F.getDerivedStateFromProps==null&&d.componentWillMount!=null&&d.componentWillMount(),w&&d.componentDidMount!=null&&d.__h.push(d.componentDidMount);else{if(w&&F.getDerivedStateFromProps==null&&y!==_&&d.componentWillReceiveProps!=null&&d.componentWillReceiveProps(y,j),!d.__e&&d.shouldComponentUpdate!=null&&d.shouldComponentUpdate(y,d.__s,j)===!1||e.__v==n.__v){for(e.__v!=n.__v&&(d.props=y,d.state=d.__s,d.__d=!1),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(rt){rt&&(rt.__=e)}),K=0;K<d._sb.length;K++)d.__h.push(d._sb[K]);d._sb=[],d.__h.length&&a.push(d);break t}d.componentWillUpdate!=null&&d.componentWillUpdate(y,d.__s,j),w&&d.componentDidUpdate!=null&&d.__h.push(function(){d.componentDidUpdate(_,m,f)})}if(d.context=j,d.props=y,d.__P=t,d.__e=!1,et=E.__r,Jt=0,w){for(d.state=d.__s,d.__d=!1,et&&et(e),p=d.render(d.props,d.state,d.context),it=0;it<d._sb.length;it++)d.__h.push(d._sb[it]);d._sb=[]}else do d.__d=!1,et&&et(e),p=d.render(d.props,d.state,d.context),d.state=d.__s;while(d.__d&&++Jt<25);d.state=d.__s,d.getChildContext!=null&&(r=V(V({},r),d.getChildContext())),w&&!$&&d.getSnapshotBeforeUpdate!=null&&(f=d.getSnapshotBeforeUpdate(_,m)),nt=p,p!=null&&p.type===_t&&p.key==null&&(nt=ie(p.props.children)),c=se(t,mt(nt)?nt:[nt],e,n,r,s,o,a,c,u,i),d.base=e.__e,e.__u&=-161,d.__h.length&&a.push(d),h&&(d.__E=d.__=null)}catch(rt){if(e.__v=null,u||o!=null)if(rt.then){for(e.__u|=u?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;o[o.indexOf(c)]=null,e.__e=c}else for(Pt=o.length;Pt--;)jt(o[Pt]);else e.__e=n.__e,e.__k=n.__k;E.__e(rt,e,n)}else o==null&&e.__v==n.__v?(e.__k=n.__k,e.__e=n.__e):c=e.__e=yn(n.__e,e,n,r,s,o,a,u,i);return(p=E.diffed)&&p(e),128&e.__u?void 0:c}function le(t,e,n){for(var r=0;r<n.length;r++)Mt(n[r],n[++r],n[++r]);E.__c&&E.__c(e,t),t.some(function(s){try{t=s.__h,s.__h=[],t.some(function(o){o.call(s)})}catch(o){E.__e(o,s.__v)}})}function ie(t){return typeof t!="object"||t==null||t.__b&&t.__b>0?t:mt(t)?t.map(ie):V({},t)}function yn(t,e,n,r,s,o,a,c,u){var i,p,d,$,_,m,f,h=n.props,y=e.props,w=e.type;if(w=="svg"?s="http://www.w3.org/2000/svg":w=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),o!=null){for(i=0;i<o.length;i++)if((_=o[i])&&"setAttribute"in _==!!w&&(w?_.localName==w:_.nodeType==3)){t=_,o[i]=null;break}}if(t==null){if(w==null)return document.createTextNode(y);t=document.createElementNS(s,w,y.is&&y),c&&(E.__m&&E.__m(e,o),c=!1),o=null}if(w==null)h===y||c&&t.data==y||(t.data=y);else{if(o=o&&pt.call(t.childNodes),h=n.props||ot,!c&&o!=null)for(h={},i=0;i<t.attributes.length;i++)h[(_=t.attributes[i]).name]=_.value;for(i in h)if(_=h[i],i!="children"){if(i=="dangerouslySetInnerHTML")d=_;else if(!(i in y)){if(i=="value"&&"defaultValue"in y||i=="checked"&&"defaultChecked"in y)continue;ct(t,i,null,_,s)}}for(i in y)_=y[i],i=="children"?$=_:i=="dangerouslySetInnerHTML"?p=_:i=="value"?m=_:i=="checked"?f=_:c&&typeof _!="function"||h[i]===_||ct(t,i,_,h[i],s);if(p)c||d&&(p.__html==d.__html||p.__html==t.innerHTML)||(t.innerHTML=p.__html),e.__k=[];else if(d&&(t.innerHTML=""),se(e.type=="template"?t.content:t,mt($)?$:[$],e,n,r,w=="foreignObject"?"http://www.w3.org/1999/xhtml":s,o,a,o?o[0]:n.__k&&z(n,0),c,u),o!=null)for(i=o.length;i--;)jt(o[i]);c||(i="value",w=="progress"&&m==null?t.removeAttribute("value"):m!=null&&(m!==t[i]||w=="progress"&&!m||w=="option"&&m!=h[i])&&ct(t,i,m,h[i],s),i="checked",f!=null&&f!=t[i]&&ct(t,i,f,h[i],s))}return t}function Mt(t,e,n){try{if(typeof t=="function"){var r=typeof t.__u=="function";r&&t.__u(),r&&e==null||(t.__u=t(e))}else t.current=e}catch(s){E.__e(s,n)}}function ce(t,e,n){var r,s;if(E.unmount&&E.unmount(t),(r=t.ref)&&(r.current&&r.current!=t.__e||Mt(r,null,e)),(r=t.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(o){E.__e(o,e)}r.base=r.__P=null}if(r=t.__k)for(s=0;s<r.length;s++)r[s]&&ce(r[s],e,n||typeof t.type!="function");n||jt(t.__e),t.__c=t.__=t.__e=void 0}function gn(t,e,n){return this.constructor(t,n)}function ue(t,e,n){var r,s,o,a;e==document&&(e=document.documentElement),E.__&&E.__(t,e),s=(r=typeof n=="function")?null:n&&n.__k||e.__k,o=[],a=[],Rt(e,t=(!r&&n||e).__k=Ut(_t,null,[t]),s||ot,ot,e.namespaceURI,!r&&n?[n]:s?null:e.firstChild?pt.call(e.childNodes):null,o,!r&&n?n:s?s.__e:e.firstChild,r,a),le(o,t,a)}function ft(t){function e(n){var r,s;return this.getChildContext||(r=new Set,(s={})[e.__c]=this,this.getChildContext=function(){return s},this.componentWillUnmount=function(){r=null},this.shouldComponentUpdate=function(o){this.props.value!=o.value&&r.forEach(function(a){a.__e=!0,Dt(a)})},this.sub=function(o){r.add(o);var a=o.componentWillUnmount;o.componentWillUnmount=function(){r&&r.delete(o),a&&a.call(o)}}),n.children}return e.__c="__cC"+ne++,e.__=t,e.Provider=e.__l=(e.Consumer=function(n,r){return n.children(r)}).contextType=e,e}pt=re.slice,E={__e:function(t,e,n,r){for(var s,o,a;e=e.__;)if((s=e.__c)&&!s.__)try{if((o=s.constructor)&&o.getDerivedStateFromError!=null&&(s.setState(o.getDerivedStateFromError(t)),a=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(t,r||{}),a=s.__d),a)return s.__E=s}catch(c){t=c}throw t}},Zt=0,_n=function(t){return t!=null&&t.constructor==null},dt.prototype.setState=function(t,e){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=V({},this.state),typeof t=="function"&&(t=t(V({},n),this.props)),t&&V(n,t),t!=null&&this.__v&&(e&&this._sb.push(e),Dt(this))},dt.prototype.forceUpdate=function(t){this.__v&&(this.__e=!0,t&&this.__h.push(t),Dt(this))},dt.prototype.render=_t,q=[],Xt=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,te=function(t,e){return t.__v.__b-e.__v.__b},$t.__r=0,ee=/(PointerCapture)$|Capture$/i,It=0,Nt=Yt(!1),Ot=Yt(!0),ne=0;var J,L,Ht,de,st=0,ye=[],P=E,$e=P.__b,pe=P.__r,me=P.diffed,_e=P.__c,fe=P.unmount,he=P.__;function bt(t,e){P.__h&&P.__h(L,t,st||e),st=0;var n=L.__H||(L.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function b(t){return st=1,vn(xe,t)}function vn(t,e,n){var r=bt(J++,2);if(r.t=t,!r.__c&&(r.__=[n?n(e):xe(void 0,e),function(c){var u=r.__N?r.__N[0]:r.__[0],i=r.t(u,c);u!==i&&(r.__N=[i,r.__[1]],r.__c.setState({}))}],r.__c=L,!L.__f)){var s=function(c,u,i){if(!r.__c.__H)return!0;var p=r.__c.__H.__.filter(function($){return!!$.__c});if(p.every(function($){return!$.__N}))return!o||o.call(this,c,u,i);var d=r.__c.props!==c;return p.forEach(function($){if($.__N){var _=$.__[0];$.__=$.__N,$.__N=void 0,_!==$.__[0]&&(d=!0)}}),o&&o.call(this,c,u,i)||d};L.__f=!0;var o=L.shouldComponentUpdate,a=L.componentWillUpdate;L.componentWillUpdate=function(c,u,i){if(this.__e){var p=o;o=void 0,s(c,u,i),o=p}a&&a.call(this,c,u,i)},L.shouldComponentUpdate=s}return r.__N||r.__}function O(t,e){var n=bt(J++,3);!P.__s&&we(n.__H,e)&&(n.__=t,n.u=e,L.__H.__h.push(n))}function Vt(t){return st=5,ge(function(){return{current:t}},[])}function ge(t,e){var n=bt(J++,7);return we(n.__H,e)&&(n.__=t(),n.__H=e,n.__h=t),n.__}function ve(t,e){return st=8,ge(function(){return t},e)}function yt(t){var e=L.context[t.__c],n=bt(J++,9);return n.c=t,e?(n.__==null&&(n.__=!0,e.sub(L)),e.props.value):t.__}function wn(){for(var t;t=ye.shift();)if(t.__P&&t.__H)try{t.__H.__h.forEach(ht),t.__H.__h.forEach(Ft),t.__H.__h=[]}catch(e){t.__H.__h=[],P.__e(e,t.__v)}}P.__b=function(t){L=null,$e&&$e(t)},P.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),he&&he(t,e)},P.__r=function(t){pe&&pe(t),J=0;var e=(L=t.__c).__H;e&&(Ht===L?(e.__h=[],L.__h=[],e.__.forEach(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(e.__h.forEach(ht),e.__h.forEach(Ft),e.__h=[],J=0)),Ht=L},P.diffed=function(t){me&&me(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&(ye.push(e)!==1&&de===P.requestAnimationFrame||((de=P.requestAnimationFrame)||xn)(wn)),e.__H.__.forEach(function(n){n.u&&(n.__H=n.u),n.u=void 0})),Ht=L=null},P.__c=function(t,e){e.some(function(n){try{n.__h.forEach(ht),n.__h=n.__h.filter(function(r){return!r.__||Ft(r)})}catch(r){e.some(function(s){s.__h&&(s.__h=[])}),e=[],P.__e(r,n.__v)}}),_e&&_e(t,e)},P.unmount=function(t){fe&&fe(t);var e,n=t.__c;n&&n.__H&&(n.__H.__.forEach(function(r){try{ht(r)}catch(s){e=s}}),n.__H=void 0,e&&P.__e(e,n.__v))};var be=typeof requestAnimationFrame=="function";function xn(t){var e,n=function(){clearTimeout(r),be&&cancelAnimationFrame(e),setTimeout(t)},r=setTimeout(n,35);be&&(e=requestAnimationFrame(n))}function ht(t){var e=L,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),L=e}function Ft(t){var e=L;t.__c=t.__(),L=e}function we(t,e){return!t||t.length!==e.length||e.some(function(n,r){return n!==t[r]})}function xe(t,e){return typeof e=="function"?e(t):e}var ke="sb.token",Bt="sb.pkce";function gt(){return sessionStorage.getItem(ke)}function Wt(t){sessionStorage.setItem(ke,t)}function G(){sessionStorage.clear()}function Ce(t){let e="";for(let n of new Uint8Array(t))e+=String.fromCharCode(n);return btoa(e).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function Se(){return Ce(crypto.getRandomValues(new Uint8Array(32)))}async function Te(t){let e=t.replace(/\/$/,"")+"/.well-known/openid-configuration",n=await fetch(e);if(!n.ok)throw new Error(`The identity provider answered ${n.status}.`);return n.json()}function Ee(){return`${location.origin}/admin/callback`}async function Ae(t){let e=await Te(t.oidc_issuer),n=Se(),r=Se(),s=await crypto.subtle.digest("SHA-256",new TextEncoder().encode(n));sessionStorage.setItem(Bt,JSON.stringify({verifier:n,state:r}));let o=new URLSearchParams({response_type:"code",client_id:t.oidc_client_id,redirect_uri:Ee(),scope:t.oidc_scopes,state:r,code_challenge:Ce(s),code_challenge_method:"S256"});location.assign(`${e.authorization_endpoint}?${o}`)}async function Le(t,e){let n=new URLSearchParams(e),r=JSON.parse(sessionStorage.getItem(Bt)||"null");if(sessionStorage.removeItem(Bt),n.get("error"))throw new Error(`Sign-in failed: ${n.get("error")}`);if(!r||n.get("state")!==r.state)throw new Error("Sign-in state mismatch.");let s=await Te(t.oidc_issuer),o=new URLSearchParams({grant_type:"authorization_code",code:n.get("code")||"",redirect_uri:Ee(),client_id:t.oidc_client_id,code_verifier:r.verifier}),a=await fetch(s.token_endpoint,{method:"POST",body:o});if(!a.ok)throw new Error(`The token exchange failed (${a.status}).`);let c=await a.json();Wt(c.access_token)}var at=class extends Error{constructor(e,n){let r=n&&n.error||{};super(r.message||`Request failed (${e}).`),this.status=e,this.code=r.code||"http_error",this.details=r.details}fieldErrors(){let e={};if(Array.isArray(this.details))for(let n of this.details){let r=String(n.field||"").replace(/^body\./,"");e[r]=e[r]?`${e[r]}; ${n.message}`:n.message}return e}},Pe=()=>{};function Ne(t){Pe=t}async function qt(t,e,n){let r={Accept:"application/json"},s=gt();s&&(r.Authorization=`Bearer ${s}`),n!==void 0&&(r["Content-Type"]="application/json");let o=await fetch(e,{method:t,headers:r,body:n===void 0?void 0:JSON.stringify(n)});return o.status===401&&(G(),Pe()),o}async function k(t,e,n){let r=await qt(t,e,n),s=await r.text(),o=s?JSON.parse(s):null;if(!r.ok)throw new at(r.status,o);return o}var v=t=>k("GET",t);async function Oe(t){let e=await qt("GET",t);if(e.status===404)return null;if(!e.ok)throw new at(e.status,null);return URL.createObjectURL(await e.blob())}function B(t){let e=Object.entries(t).filter(([,n])=>n!=null&&n!=="");return e.length?`?${new URLSearchParams(e)}`:""}async function De(t,e){let n=await qt("POST",t,e);if(!n.ok){let r=await n.text();throw new at(n.status,r?JSON.parse(r):null)}return URL.createObjectURL(await n.blob())}var je=function(t,e,n,r){var s;e[0]=0;for(var o=1;o<e.length;o++){var a=e[o++],c=e[o]?(e[0]|=a?1:2,n[e[o++]]):e[++o];a===3?r[0]=c:a===4?r[1]=Object.assign(r[1]||{},c):a===5?(r[1]=r[1]||{})[e[++o]]=c:a===6?r[1][e[++o]]+=c+"":a?(s=t.apply(c,je(t,c,n,["",null])),r.push(s),c[0]?e[0]|=2:(e[o-2]=0,e[o]=s)):r.push(c)}return r},Ie=new Map;function Ue(t){var e=Ie.get(this);return e||(e=new Map,Ie.set(this,e)),(e=je(this,e.get(t)||(e.set(t,e=function(n){for(var r,s,o=1,a="",c="",u=[0],i=function($){o===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?u.push(0,$,a):o===3&&($||a)?(u.push(3,$,a),o=2):o===2&&a==="..."&&$?u.push(4,$,0):o===2&&a&&!$?u.push(5,0,!0,a):o>=5&&((a||!$&&o===5)&&(u.push(o,0,a,s),o=6),$&&(u.push(o,$,0,s),o=6)),a=""},p=0;p<n.length;p++){p&&(o===1&&i(),i(p));for(var d=0;d<n[p].length;d++)r=n[p][d],o===1?r==="<"?(i(),u=[u],o=3):a+=r:o===4?a==="--"&&r===">"?(o=1,a=""):a=r+a[0]:c?r===c?c="":a+=r:r==='"'||r==="'"?c=r:r===">"?(i(),o=1):o&&(r==="="?(o=5,s=a,a=""):r==="/"&&(o<5||n[p][d+1]===">")?(i(),o===3&&(u=u[0]),o=u,(u=u[0]).push(2,0,o),o=0):r===" "||r==="	"||r===`
`||r==="\r"?(i(),o=2):a+=r),o===3&&a==="!--"&&(o=4,u=u[0])}return i(),u}(t)),e),arguments,[])).length>1?e:e[0]}var l=Ue.bind(Ut),vt=new Set;function M(t,{replace:e=!1}={}){e?history.replaceState(null,"",t):history.pushState(null,"",t),vt.forEach(n=>n())}window.addEventListener("popstate",()=>vt.forEach(t=>t()));function Re(){let[,t]=b(0);return O(()=>{let e=()=>t(n=>n+1);return vt.add(e),()=>vt.delete(e)},[]),location.pathname+location.search}function D({href:t,children:e,...n}){return l`<a href=${t} onClick=${s=>{s.button!==0||s.metaKey||s.ctrlKey||s.shiftKey||(s.preventDefault(),M(t))}} ...${n}>${e}</a>`}var wt=ft({allowed:[],role:null,platform_admin:!1});function I(){let t=yt(wt);return e=>t.allowed.includes(e)}function x(t,e){let[n,r]=b({loading:!0,data:null,error:null}),s=ve(()=>{let o=!0;return r(a=>({...a,loading:!0,error:null})),t().then(a=>o&&r({loading:!1,data:a,error:null}),a=>o&&r({loading:!1,data:null,error:a})),()=>{o=!1}},e);return O(s,[s]),{...n,reload:s}}function g({state:t,empty:e,children:n}){return t.error?l`<${A} error=${t.error} />`:t.loading&&t.data===null?l`<p class="state" role="status">Loading…</p>`:e&&e(t.data)?l`<p class="state empty">${e.text||"Nothing here yet."}</p>`:n(t.data)}function A({error:t}){if(!t)return null;let e=t.code?l` <code>${t.code}</code>`:null,n=Array.isArray(t.details)?t.details.map(r=>`${r.field?`${String(r.field).replace(/^body\./,"")}: `:""}${r.message}`):[];return l`<div class="error" role="alert">${t.message}${e}
    ${n.length?l`<ul>${n.map(r=>l`<li>${r}</li>`)}</ul>`:null}</div>`}function xt(t){return`f-${t.replace(/[^a-zA-Z0-9_-]/g,"-")}`}function R({label:t,path:e,error:n,hint:r,children:s}){let o=xt(e);return l`<div class=${`field${n?" invalid":""}`}>
    <label for=${o}>${t}</label>
    ${s(o,n?`${o}-error`:r?`${o}-hint`:void 0)}
    ${r&&!n?l`<small id=${`${o}-hint`}>${r}</small>`:null}
    ${n?l`<small class="field-error" id=${`${o}-error`} data-field=${e}>${n}</small>`:null}
  </div>`}function C({label:t,path:e,value:n,onInput:r,error:s,type:o="text",hint:a,...c}){return l`<${R} label=${t} path=${e} error=${s} hint=${a}>
    ${(u,i)=>l`<input id=${u} name=${e} type=${o} value=${n??""}
      aria-invalid=${s?"true":void 0} aria-describedby=${i}
      onInput=${p=>r(p.currentTarget.value)} ...${c} />`}
  </${R}>`}function U({label:t,path:e,value:n,options:r,onChange:s,error:o}){return l`<${R} label=${t} path=${e} error=${o}>
    ${(a,c)=>l`<select id=${a} name=${e} value=${n??""}
      aria-describedby=${c} onChange=${u=>s(u.currentTarget.value)}>
      ${r.map(([u,i])=>l`<option value=${u} selected=${u===(n??"")}>${i}</option>`)}
    </select>`}
  </${R}>`}var Sn=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),kn=new Intl.DateTimeFormat(void 0,{month:"short",day:"numeric"}),Cn=new Intl.NumberFormat,Me=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}),N=t=>t?Sn.format(new Date(t)):"\u2014",Q=t=>kn.format(new Date(`${t}T12:00:00`)),H=t=>t==null?"\u2014":Cn.format(t),lt=t=>t==null?"\u2014":Me.format(t),W=t=>t==null?"\u2014":`${Me.format(t)} ms`,Y=t=>{if(t==null)return"\u2014";let e=Math.round(t);return`${Math.floor(e/60)}:${String(e%60).padStart(2,"0")}`};function T({title:t,children:e}){return O(()=>{document.title=`${t} \xB7 Switchboard`},[t]),l`<header class="page-head"><h1 tabindex="-1" id="page-title">${t}</h1>
    <div class="actions">${e}</div></header>`}function He({onSignedIn:t}){let e=x(()=>v("/v1/console/config"),[]),[n,r]=b(""),[s,o]=b(null),[a,c]=b(!1),u=new URLSearchParams(location.search).has("expired");O(()=>{document.title="Sign in \xB7 Switchboard"},[]);let i=async d=>{d.preventDefault(),c(!0),o(null),Wt(n.trim());try{let $=await v("/v1/me");t($),M("/admin",{replace:!0})}catch($){G(),o($.status===401?"That key is not valid (or was revoked).":$.message),c(!1)}},p=e.data&&e.data.oidc_issuer;return l`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${u&&!s?l`<p class="note" role="status">Your session ended; sign in again.</p>`:null}
    <form onSubmit=${i} aria-label="Sign in with an API key">
      <${C} label="API key" path="api_key" type="password" value=${n} onInput=${r}
        error=${s} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${a||!n.trim()}>Sign in</button>
    </form>
    ${p?l`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${()=>Ae(e.data).catch(o)}>
        Sign in with your identity provider</button>`:null}
  </main>`}function Fe(){let[t,e]=b(null);return O(()=>{v("/v1/console/config").then(n=>Le(n,location.search)).then(()=>M("/admin",{replace:!0}),n=>e(n.message))},[]),l`<main id="main" class="signin">
    ${t?l`<p class="error" role="alert">${t}</p>
      <a href="/admin/signin">Back to sign-in</a>`:l`<p class="state" role="status">Signing in…</p>`}
  </main>`}var St=null;async function Tt(t){return St=St||await v("/openapi.json"),{root:St.components.schemas[t],all:St.components.schemas}}var kt=(t,e)=>t&&t.$ref?e[t.$ref.split("/").pop()]:t;function We(t,e){let n=t.anyOf||t.oneOf;if(!n)return null;let r=n.filter(s=>s.type!=="null");return r.length===1&&r.length<n.length?kt(r[0],e):null}var Ve={Llm:"LLM",Stt:"Speech-to-text (STT)",Tts:"Voice (TTS)",Api:"API",Dtmf:"DTMF",Http:"HTTP",Ms:"(ms)",S:"(s)",Url:"URL",Of:"of",In:"in",At:"at"},Tn=(t,e)=>(e&&e.title||t.replace(/_/g," ")).split(" ").map((n,r)=>r===0?Ve[n]||n:Ve[n]||n.toLowerCase()).join(" ").replace(/^./,n=>n.toUpperCase());function qe(t,e,n){let r=Array.isArray(t)?[...t]:{...t||{}};return n===void 0?delete r[e]:r[e]=n,r}function Ct(t,e){let n=kt(t,e),r=t.default!==void 0?t.default:n.default;if(n.type==="object"&&n.properties){let s={};for(let[o,a]of Object.entries(n.properties)){let c=We(a,e)?null:Ct(a,e);c!==void 0&&(s[o]=c)}return{...s,...structuredClone(r||{})}}return r!==void 0?structuredClone(r):n.type==="object"?{}:n.type==="array"?[]:n.type==="boolean"?!1:n.type==="integer"||n.type==="number"?n.minimum??0:n.enum?n.enum[0]:""}function Be({schema:t,path:e,label:n,value:r,onChange:s,errors:o,nullable:a}){let c=o[e],u=xt(e);if(t.type==="boolean")return l`<div class=${`field check${c?" invalid":""}`}>
      <input type="checkbox" id=${u} name=${e} checked=${!!r}
        onChange=${_=>s(_.currentTarget.checked)} />
      <label for=${u}>${n}</label>
      ${c?l`<small class="field-error" data-field=${e}>${c}</small>`:null}
    </div>`;let i=t.description;if(t.enum)return l`<${R} label=${n} path=${e} error=${c} hint=${i}>${(_,m)=>l`<select id=${_} name=${e} aria-describedby=${m}
        onChange=${f=>s(f.currentTarget.value||(a?null:void 0))}>
        ${a?l`<option value="">(none)</option>`:null}
        ${t.enum.map(f=>l`<option value=${f} selected=${f===r}>${f}</option>`)}
      </select>`}</${R}>`;let p=t.type==="integer"||t.type==="number",d=t.type==="string"&&(t.maxLength||0)>500,$=_=>{let m=_.currentTarget.value;return s(m===""?a?null:p?void 0:"":p?Number.isNaN(Number(m))?m:Number(m):m)};return l`<${R} label=${n} path=${e} error=${c} hint=${i}>${(_,m)=>d?l`<textarea id=${_} name=${e} rows="4" aria-describedby=${m}
          aria-invalid=${c?"true":void 0} onInput=${$}>${r??""}</textarea>`:l`<input id=${_} name=${e} aria-describedby=${m}
          aria-invalid=${c?"true":void 0}
          type=${p?"number":t.format==="time"?"time":"text"}
          step=${t.type==="number"?"any":void 0} value=${r??""} onInput=${$} />`}
  </${R}>`}function En({path:t,label:e,value:n,onChange:r,errors:s,hint:o}){let a=s[t]||Object.entries(s).find(([c])=>c.startsWith(`${t}.`))?.[1];return l`<${R} label=${e} path=${t} error=${a} hint=${o||"One per line"}>
    ${(c,u)=>l`<textarea id=${c} name=${t} rows="3" aria-describedby=${u}
      onInput=${i=>r(i.currentTarget.value.split(`
`).filter(p=>p.trim()))}
    >${(n||[]).join(`
`)}</textarea>`}</${R}>`}function An({path:t,label:e,options:n,value:r,onChange:s,errors:o}){let a=new Set(r||[]),c=u=>{let i=new Set(a);i.has(u)?i.delete(u):i.add(u),s(n.filter(p=>i.has(p)))};return l`<fieldset class="choices"><legend>${e}</legend>
    ${n.map(u=>l`<label class="choice"><input type="checkbox" name=${`${t}.${u}`}
      checked=${a.has(u)} onChange=${()=>c(u)} />${u}</label>`)}
    ${o[t]?l`<small class="field-error" data-field=${t}>${o[t]}</small>`:null}
  </fieldset>`}function Ln({path:t,label:e,value:n,onChange:r,errors:s}){return l`<${R} label=${e} path=${t} error=${s[t]} hint="JSON">
    ${(o,a)=>l`<textarea id=${o} name=${t} rows="4" class="mono"
      aria-describedby=${a} onChange=${c=>{try{r(JSON.parse(c.currentTarget.value||"{}"))}catch{r(c.currentTarget.value)}}}>${JSON.stringify(n??{},null,2)}</textarea>`}</${R}>`}function Ke({schema:t,all:e,path:n,label:r,value:s,onChange:o,errors:a,extras:c}){let u=We(t,e);if(u){if(u.type==="object"){let p=s!=null,d=xt(`${n}-enabled`);return l`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${d} checked=${p}
          onChange=${$=>o($.currentTarget.checked?Ct(u,e):null)} />
          <label for=${d}>${r}</label></div>
        ${p?l`<${Ke} schema=${u} all=${e} path=${n} label=${r}
          value=${s} onChange=${o} errors=${a} extras=${c} />`:null}
      </div>`}return l`<${Be} schema=${{...u,description:t.description}} path=${n}
      label=${r} value=${s} onChange=${o} errors=${a} nullable=${!0} />`}let i=kt(t,e);if(i.type==="object"&&i.properties){let p=c&&c[n];return l`<fieldset class="group"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      <${Z} schema=${i} all=${e} path=${n} value=${s} onChange=${o}
        errors=${a} extras=${c} />
      ${p?l`<${p} value=${s} />`:null}
    </fieldset>`}if(i.type==="object")return l`<${Ln} path=${n} label=${r} value=${s} onChange=${o} errors=${a} />`;if(i.type==="array"){let p=kt(i.items,e);if(p.type==="string"&&p.enum)return l`<${An} path=${n} label=${r} options=${p.enum} value=${s}
        onChange=${o} errors=${a} />`;if(p.type!=="object")return l`<${En} path=${n} label=${r} value=${s} onChange=${o}
        errors=${a} hint=${i.description} />`;let d=s||[],$=(p.title||"Item").replace(/([a-z])([A-Z])/g,"$1 $2");return l`<fieldset class="group list"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      ${d.length===0?l`<p class="empty">None.</p>`:null}
      ${d.map((_,m)=>l`<div class="list-item">
        <${Z} schema=${p} all=${e} path=${`${n}.${m}`} value=${_}
          onChange=${f=>o(qe(d,m,f))} errors=${a} />
        <button type="button" class="ghost small" onClick=${()=>o(d.filter((f,h)=>h!==m))}
          aria-label=${`Remove ${$} ${m+1} of ${r}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${()=>o([...d,Ct(p,e)])}>Add ${$.toLowerCase()}</button>
    </fieldset>`}return l`<${Be} schema=${i} path=${n} label=${r} value=${s}
    onChange=${o} errors=${a} />`}function Z({schema:t,all:e,path:n,value:r,onChange:s,errors:o,extras:a}){return Object.entries(t.properties||{}).map(([c,u])=>{let i=n?`${n}.${c}`:c;return l`<${Ke} key=${i} schema=${u} all=${e} path=${i}
      label=${Tn(c,u)} value=${(r||{})[c]}
      onChange=${p=>s(qe(r,c,p))} errors=${o} extras=${a} />`})}function ze(t,e){return Ct(t,e)}function Pn({onCreated:t}){let[e,n]=b(""),[r,s]=b({}),[o,a]=b(null);return l`<form class="inline-form" onSubmit=${async u=>{u.preventDefault();try{let i=await k("POST","/v1/tenants",{name:e});n(""),s({}),a(null),t(i)}catch(i){s(i.fieldErrors?i.fieldErrors():{}),a(i)}}} aria-label="Create a tenant">
    <${C} label="New tenant name" path="name" value=${e} onInput=${n} error=${r.name} />
    <button type="submit">Create tenant</button>
    ${o&&!r.name?l`<${A} error=${o} />`:null}
  </form>`}function Nn({tenant:t,onSaved:e}){let[n,r]=b(null),[s,o]=b(t.limits),[a,c]=b({}),[u,i]=b(null);O(()=>{Tt("TenantLimits").then(r,i)},[]);let p=async d=>{d.preventDefault();try{await k("PATCH",`/v1/tenants/${t.id}`,{limits:s}),c({}),i(null),e()}catch($){c($.fieldErrors?$.fieldErrors():{}),i($)}};return n?l`<form class="limits" onSubmit=${p} aria-label=${`Limits of ${t.name}`}>
    <${Z} schema=${n.root} all=${n.all} path="limits" value=${s}
      onChange=${o} errors=${a} />
    <button type="submit" class="small">Save limits</button>
    <${A} error=${u} />
  </form>`:l`<${A} error=${u} />`}function Je({me:t}){let e=x(()=>v("/v1/tenants"),[]),[n,r]=b(null),[s,o]=b(null),a=t.platform_admin;O(()=>{let u=e.data?e.data.items:[];!a&&u.length===1&&M(`/admin/t/${u[0].id}`,{replace:!0})},[e.data]);let c=async(u,i)=>{if(!(i==="delete"&&!confirm(`Delete ${u.name}? Its numbers stop answering.`)))try{i==="delete"?await k("DELETE",`/v1/tenants/${u.id}`):await k("POST",`/v1/tenants/${u.id}/${i}`),r(null),e.reload()}catch(p){r(p)}};return l`<${T} title="Tenants" />
    ${a?l`<${Pn} onCreated=${u=>M(`/admin/t/${u.id}`)} />`:null}
    <${A} error=${n} />
    <${g} state=${e} empty=${Object.assign(u=>u.items.length===0,{text:"No tenants yet."})}>
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
            ${s===i.id?l`<${Nn} tenant=${i} onSaved=${e.reload} />`:null}
          </td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${g}>`}function Qe(){let t=new Date;return t.setHours(0,0,0,0),t}function On(){let t=Qe();return t.setDate(t.getDate()-(t.getDay()+6)%7),t}function Ge({label:t,data:e}){return l`<section class="card" aria-label=${t}><h2>${t}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${H(e.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${lt(e.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${H(e.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${H(e.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${W(e.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${W(e.latency_p95_ms)}</dd></div>
    </dl></section>`}function Dn({tenant:t,onSaved:e}){let[n,r]=b(t.name),[s,o]=b(t.recording_retention_days??""),[a,c]=b({}),[u,i]=b(null),[p,d]=b(!1);return l`<section class="card" aria-label="Tenant settings"><h2>Settings</h2>
    <form class="inline-form plain-form" onSubmit=${async _=>{_.preventDefault();let m={name:n,recording_retention_days:s===""?null:Number(s)};try{await k("PATCH",`/v1/tenants/${t.id}`,m),c({}),i(null),d(!0),e()}catch(f){c(f.fieldErrors?f.fieldErrors():{}),i(f),d(!1)}}}>
      <${C} label="Name" path="name" value=${n} onInput=${r} error=${a.name} />
      <${C} label="Keep recordings (days; empty: forever)" path="recording_retention_days"
        type="number" min="1" value=${s} onInput=${o} error=${a.recording_retention_days} />
      <button type="submit">Save settings</button>
    </form>
    ${p?l`<p role="status">Saved.</p>`:null}
    ${u&&!Object.keys(a).length?l`<${A} error=${u} />`:null}
  </section>`}function Ye({tenantId:t,tenant:e,reloadTenant:n}){let r=I(),s=`/v1/tenants/${t}`,o=x(async()=>{if(!r("analytics.read"))return null;let[$,_]=await Promise.all([v(`${s}/analytics/summary${B({since:Qe().toISOString()})}`),v(`${s}/analytics/summary${B({since:On().toISOString()})}`)]);return{today:$,week:_}},[t]),a=x(()=>v(`${s}/runtime`),[t]),[c,u]=b(null),[i,p]=b(null),d=async()=>{try{let $=await k("POST",`${s}/runtime/publish`);p($.revision),u(null),a.reload()}catch($){u($)}};return l`<${T} title=${e?e.name:"Tenant"} />
    <${g} state=${o}>${$=>$&&l`<div class="cards">
      <${Ge} label="Today" data=${$.today} /><${Ge} label="This week" data=${$.week} /></div>`}
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
    ${e&&r("tenants.update")?l`<${Dn} key=${e.id} tenant=${e}
      onSaved=${n} />`:null}`}function Ze({tenantId:t}){let e=I(),n=`/v1/tenants/${t}`,r=x(async()=>{let[f,h]=await Promise.all([v(`${n}/numbers`),v(`${n}/agents`)]);return{numbers:f.items,agents:h.items}},[t]),[s,o]=b({e164:"",carrier:"twilio",agent_id:"",label:""}),[a,c]=b({}),[u,i]=b(null),p=f=>{c(f.fieldErrors?f.fieldErrors():{}),i(f)},d=async f=>{f.preventDefault();try{await k("POST",`${n}/numbers`,{...s,agent_id:s.agent_id||null}),o({e164:"",carrier:"twilio",agent_id:"",label:""}),c({}),i(null),r.reload()}catch(h){p(h)}},$=async(f,h)=>{try{await k("PATCH",`${n}/numbers/${f.id}`,{agent_id:h||null}),i(null),r.reload()}catch(y){p(y)}},_=async f=>{if(confirm(`Remove ${f.e164}? It stops taking calls.`))try{await k("DELETE",`${n}/numbers/${f.id}`),r.reload()}catch(h){p(h)}},m=e("numbers.write");return l`<${T} title="Numbers" />
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
        </tr>`)}</tbody></table></div>`}`}}</${g}>`}function Xe({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/agents`,r=x(()=>v(n),[t]),[s,o]=b(""),[a,c]=b({}),[u,i]=b(null),p=async d=>{d.preventDefault();try{let $=await k("POST",n,{name:s});M(`/admin/t/${t}/agents/${$.id}`)}catch($){c($.fieldErrors?$.fieldErrors():{}),i($)}};return l`<${T} title="Agents" />
    ${e("agents.write")?l`<form class="inline-form" onSubmit=${p} aria-label="Create an agent">
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
          <td><${D} href=${`/admin/t/${t}/agents/${$.id}`}>${$.name}</${D}></td>
          <td>${$.live_version??"not live"}</td><td>${$.latest_version||"\u2014"}</td>
          <td>${N($.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${g}>`}function Et(t,e="",n={}){if(t&&typeof t=="object"&&!Array.isArray(t)){for(let[r,s]of Object.entries(t))Et(s,e?`${e}.${r}`:r,n);Object.keys(t).length===0&&e&&(n[e]="{}")}else Array.isArray(t)&&t.some(r=>r&&typeof r=="object")?(t.forEach((r,s)=>Et(r,`${e}.${s}`,n)),t.length===0&&(n[e]="[]")):n[e]=typeof t=="string"?t:JSON.stringify(t);return n}function In({left:t,right:e}){let n=Et(t.config),r=Et(e.config),s=[...new Set([...Object.keys(n),...Object.keys(r)])].sort(),o=s.filter(a=>n[a]!==r[a]);return l`<div class="table-wrap"><table class="diff">
    <caption>Version ${t.version} and version ${e.version}: ${o.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${t.version}</th>
      <th scope="col">Version ${e.version}</th></tr></thead>
    <tbody>${s.map(a=>l`<tr class=${n[a]!==r[a]?"changed":""}>
      <th scope="row" class="mono">${a}</th><td class="pre">${n[a]??"\u2014"}</td><td class="pre">${r[a]??"\u2014"}</td>
    </tr>`)}</tbody></table></div>`}function jn({base:t,agent:e,versions:n,onChanged:r}){let s=I(),[o,a]=b(()=>[n[1]?.version||n[0]?.version,n[0]?.version]),[c,u]=b(null),i=$=>n.find(_=>_.version===Number($)),p=async($,_)=>{try{await k("POST",`${t}/${$}`,{version:_}),u(null),r()}catch(m){u(m)}},d=($,_)=>l`<label>${_}
    <select value=${o[$]} onChange=${m=>a($?[o[0],m.currentTarget.value]:[m.currentTarget.value,o[1]])}>
      ${n.map(m=>l`<option value=${m.version} selected=${m.version===Number(o[$])}>Version ${m.version}</option>`)}
    </select></label>`;return l`<section aria-label="Versions"><h2>Versions</h2>
    <${A} error=${c} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${n.map($=>l`<tr>
        <td>${$.version}</td><td>${$.note}</td><td>${$.created_by}</td><td>${N($.created_at)}</td>
        <td>${$.live?l`<span class="status active">live</span>`:s("agents.publish")?e.live_version!==null&&$.version<e.live_version?l`<button type="button" class="secondary small" onClick=${()=>p("rollback",$.version)}>Roll back to ${$.version}</button>`:l`<button type="button" class="small" onClick=${()=>p("publish",$.version)}>Publish ${$.version}</button>`:""}</td></tr>`)}</tbody></table></div>
    ${n.length>1?l`<h3>Compare</h3><div class="inline-form">${d(0,"Left")}${d(1,"Right")}</div>
      ${i(o[0])&&i(o[1])?l`<${In} left=${i(o[0])} right=${i(o[1])} />`:null}`:null}
  </section>`}function Un({value:t}){let e=I(),n=yt(Kt),[r,s]=b(null),[o,a]=b(null),[c,u]=b(!1);return O(()=>()=>r&&URL.revokeObjectURL(r),[r]),e("agents.write")?l`<div class="voice-preview">
    <button type="button" class="secondary small" disabled=${c} onClick=${async()=>{u(!0),a(null);try{s(await De(`${n}/voices/preview`,{tts:t}))}catch(p){a(p)}u(!1)}}>
      ${c?"Synthesizing\u2026":"Preview voice"}</button>
    ${r?l`<audio controls autoplay src=${r} aria-label="Voice preview"></audio>`:null}
    <${A} error=${o} />
  </div>`:null}var Kt=ft(""),Rn={tts:Un};function Mn({base:t,latest:e,onSaved:n}){let r=I(),[s,o]=b(null),[a,c]=b(null),[u,i]=b({}),[p,d]=b(null),[$,_]=b(null);if(O(()=>{Tt("AgentVersionCreate").then(h=>{o(h),c(e?{...e.config,note:""}:ze(h.root,h.all))},d)},[e&&e.version]),!s||!a)return l`<${A} error=${p} />`;let m=r("agents.write");return l`<form class="agent-form" onSubmit=${async h=>{h.preventDefault();try{let y=await k("POST",`${t}/versions`,a);i({}),d(null),_(y),n()}catch(y){i(y.fieldErrors?y.fieldErrors():{}),d(y)}}} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!m} class="plain">
      <${Z} schema=${s.root} all=${s.all} path="" value=${a}
        onChange=${c} errors=${u} extras=${Rn} />
    </fieldset>
    ${p?l`<p class="error" role="alert">${Object.keys(u).length?`The version was not saved: ${Object.keys(u).length} field(s) need attention.`:p.message}</p>`:null}
    ${$?l`<p role="status">Saved as version ${$.version}.${$.warnings.map(h=>` ${h.message}`)}</p>`:null}
    ${m?l`<div class="sticky-actions"><button type="submit">Save as new version</button></div>`:null}
  </form>`}function tn({tenantId:t,item:e}){let n=`/v1/tenants/${t}/agents/${e}`,r=x(async()=>{let[s,o]=await Promise.all([v(n),v(`${n}/versions`)]);return{agent:s,versions:o.items}},[n]);return l`<${g} state=${r}>${({agent:s,versions:o})=>l`
    <${T} title=${s.name}>
      <span class="badge">${s.live_version?`live: version ${s.live_version}`:"not live"}</span>
    </${T}>
    <div class="agent-grid">
      <${Kt.Provider} value=${`/v1/tenants/${t}`}>
        <${Mn} base=${n} latest=${o[0]} onSaved=${r.reload} />
      </${Kt.Provider}>
      ${o.length?l`<${jn} key=${o.length} base=${n} agent=${s}
        versions=${o} onChanged=${r.reload} />`:l`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${g}>`}var Hn=[["llm_api_key","LLM API key"],["carrier_credential","Carrier credential"],["tool_credential","Tool credential"],["webhook_secret","Webhook secret"]],en={name:"",kind:"llm_api_key",value:"",allowed_host:""};function nn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/secrets`,r=x(()=>v(n),[t]),[s,o]=b(en),[a,c]=b({}),[u,i]=b(null),[p,d]=b(null),$=h=>{c(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={value:s.value,kind:s.kind};s.kind==="llm_api_key"&&s.allowed_host&&(y.allowed_host=s.allowed_host);try{await k("PUT",`${n}/${encodeURIComponent(s.name)}`,y),d(s.name),o(en),c({}),i(null),r.reload()}catch(w){$(w)}},m=async h=>{if(confirm(`Delete the secret ${h}?`))try{await k("DELETE",`${n}/${encodeURIComponent(h)}`),r.reload()}catch(y){$(y)}},f=e("secrets.write");return l`<${T} title="Secrets" />
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
    </${g}>`}var At=[["viewer","Viewer"],["editor","Editor"],["admin","Admin"],["owner","Owner"]];function rn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/members`,r=x(()=>v(n),[t]),[s,o]=b({subject:"",role:"viewer"}),[a,c]=b({}),[u,i]=b(null),p=async m=>{try{await m(),c({}),i(null),r.reload()}catch(f){c(f.fieldErrors?f.fieldErrors():{}),i(f)}},d=(m,f)=>p(()=>k("PUT",`${n}/${encodeURIComponent(m)}`,{role:f})),$=m=>{m.preventDefault(),p(async()=>{await d(s.subject,s.role),o({subject:"",role:"viewer"})})},_=e("members.write");return l`<${T} title="Members" />
    ${_?l`<form class="inline-form" onSubmit=${$} aria-label="Add a member">
      <${C} label="Subject (OIDC sub)" path="subject" value=${s.subject} error=${a.subject}
        onInput=${m=>o({...s,subject:m})} />
      <${U} label="Role" path="role" value=${s.role} options=${At} error=${a.role}
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
            ${At.map(([h,y])=>l`<option value=${h} selected=${h===f.role}>${y}</option>`)}</select>`:f.role}</td>
          <td>${f.created_by}</td><td>${N(f.created_at)}</td>
          ${_?l`<td><button type="button" class="danger small"
            onClick=${()=>confirm(`Remove ${f.subject}?`)&&p(()=>k("DELETE",`${n}/${encodeURIComponent(f.subject)}`))}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${g}>`}function on({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/api-keys`,r=x(()=>v(n),[t]),[s,o]=b({name:"",role:"viewer",expires_at:""}),[a,c]=b({}),[u,i]=b(null),[p,d]=b(null),$=h=>{c(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={name:s.name,role:s.role};s.expires_at&&(y.expires_at=new Date(s.expires_at).toISOString());try{d(await k("POST",n,y)),o({name:"",role:"viewer",expires_at:""}),c({}),i(null),r.reload()}catch(w){$(w)}},m=async h=>{if(confirm(`Revoke ${h.name}? Anything using it stops working.`))try{await k("DELETE",`${n}/${h.id}`),r.reload()}catch(y){$(y)}},f=e("api_keys.write");return l`<${T} title="API keys" />
    ${f?l`<form class="inline-form" onSubmit=${_} aria-label="Create an API key">
      <${C} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${h=>o({...s,name:h})} />
      <${U} label="Role" path="role" value=${s.role} options=${At} error=${a.role}
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
    </${g}>`}var sn=t=>t===void 0?"\u2014":typeof t=="string"?t:JSON.stringify(t);function Fn({diff:t}){let e=t.before||{},n=t.after||{},r=[...new Set([...Object.keys(e),...Object.keys(n)])].sort();return r.length?l`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${r.map(s=>l`<tr class="changed">
    <th scope="row" class="mono">${s}</th><td class="pre">${sn(e[s])}</td><td class="pre">${sn(n[s])}</td>
    </tr>`)}</tbody></table>`:l`<p class="empty">No field changes recorded.</p>`}var an=t=>t?new Date(t).toISOString():"";function ln({tenantId:t}){let[e,n]=b({actor:"",action:"",target:"",since:"",until:""}),[r,s]=b(e),[o,a]=b([null]),[c,u]=b(null),i=o[o.length-1],p=x(()=>v(`/v1/tenants/${t}/audit${B({...r,since:an(r.since),until:an(r.until),cursor:i,limit:25})}`),[t,r,i]),d=_=>{_.preventDefault(),s(e),a([null])},$=(_,m,f="text")=>l`<${C} label=${m} path=${`filter-${_}`}
    type=${f} value=${e[_]} onInput=${h=>n({...e,[_]:h})} />`;return l`<${T} title="Audit log" />
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
    </${g}>`}var Vn=[["","Any outcome"],["answered","Answered"],["missed","Missed"],["transferred","Transferred"],["failed","Failed"],["in_progress","In progress"]],cn=t=>t?new Date(t).toISOString():"";function un({tenantId:t}){let e=`/v1/tenants/${t}`,n=x(()=>v(`${e}/agents`),[t]),[r,s]=b({since:"",until:"",number:"",agent_id:"",outcome:""}),[o,a]=b(r),[c,u]=b([null]),i=c[c.length-1],p=x(()=>v(`${e}/calls${B({...o,since:cn(o.since),until:cn(o.until),cursor:i,limit:25})}`),[t,o,i]),d=m=>{m.preventDefault(),a(r),u([null])},$=n.data?n.data.items:[],_=m=>($.find(f=>f.id===m)||{}).name||m||"\u2014";return l`<${T} title="Calls" />
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
          <td><${D} href=${`/admin/t/${t}/calls/${encodeURIComponent(f.id)}`}>${N(f.started_at)}</${D}></td>
          <td class="mono">${f.from_number||"\u2014"}</td><td class="mono">${f.to_number||"\u2014"}</td>
          <td>${_(f.agent_id)}</td><td>${Y(f.duration_s)}</td>
          <td><span class=${`status ${f.outcome}`}>${f.outcome}</span></td><td>${f.turns}</td>
        </tr>`)}</tbody></table></div>
        <nav class="pager" aria-label="Pages">
          <button type="button" class="secondary" disabled=${c.length===1}
            onClick=${()=>u(c.slice(0,-1))}>Newer</button>
          <button type="button" class="secondary" disabled=${!m.next_cursor}
            onClick=${()=>u([...c,m.next_cursor])}>Older</button>
        </nav>`}
    </${g}>`}var dn=[["end_of_turn_ms","End of turn"],["transcript_final_ms","Transcript final"],["llm_first_token_ms","LLM first token"],["tts_first_audio_ms","TTS first audio"],["first_frame_out_ms","First frame out"]];function Bn({turns:t}){let e=t.filter(c=>c.stages&&c.stages.caller_stopped_ms!==null&&c.stages.caller_stopped_ms!==void 0);if(!e.length)return l`<p class="empty">No turn timings recorded.</p>`;let n=e.map(c=>dn.map(([u])=>c.stages[u]).filter(u=>u!=null).map(u=>u-c.stages.caller_stopped_ms)),r=Math.max(1,...n.flat()),s=600,o=c=>150+Math.max(0,c)/r*(s-160),a=20;return e.map(c=>{let u=c.stages.caller_stopped_ms,i=0,p=dn.map(([$,_],m)=>{let f=c.stages[$];if(f==null)return null;let h=i;return i=f-u,{label:_,from:h,to:f-u,i:m}}).filter(Boolean),d=p.length*a+24;return l`<figure class="waterfall">
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
      </svg></figure>`})}function Wn(t,e){let n=Vt(null),[r,s]=b("both"),o=a=>{let c=t.current;if(!c)return;if(!n.current){let $=new AudioContext,_=$.createMediaElementSource(c),m=$.createChannelSplitter(2),f=$.createChannelMerger(2);_.connect(m),f.connect($.destination),n.current={context:$,splitter:m,merger:f}}let{context:u,splitter:i,merger:p}=n.current;i.disconnect();let d={both:[0,1],caller:[0,0],agent:[1,1]}[a];i.connect(p,d[0],0),i.connect(p,d[1],1),u.resume(),s(a)};return O(()=>()=>{n.current&&n.current.context.close(),n.current=null},[e]),[r,o]}function qn({path:t,audioRef:e,onTime:n}){let[r,s]=b(void 0),[o,a]=b(null),[c,u]=Wn(e,r);return O(()=>{let i=null;return Oe(t).then(p=>{i=p,s(p)},a),()=>i&&URL.revokeObjectURL(i)},[t]),o?l`<${A} error=${o} />`:r===void 0?l`<p class="state" role="status">Loading the recording…</p>`:r===null?l`<p class="empty">No recording for this call.</p>`:l`<div class="player">
    <audio ref=${e} controls preload="metadata" src=${r} onTimeUpdate=${i=>n(i.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
    <fieldset class="choices channels"><legend>Listen to</legend>
      ${[["both","Both"],["caller","Caller only"],["agent","Agent only"]].map(([i,p])=>l`<label class="choice">
        <input type="radio" name="channels" value=${i} checked=${c===i} onChange=${()=>u(i)} />${p}</label>`)}
    </fieldset>
  </div>`}function $n({tenantId:t,item:e}){let n=`/v1/tenants/${t}/calls/${encodeURIComponent(e)}`,r=x(()=>v(n),[n]),s=Vt(null),[o,a]=b(0),c=u=>{s.current&&(s.current.currentTime=u/1e3,s.current.play().catch(()=>{}))};return l`<${g} state=${r}>${u=>l`
    <${T} title=${`Call ${N(u.started_at)}`}>
      <${D} href=${`/admin/t/${t}/calls`}>All calls</${D}>
    </${T}>
    <dl class="stats facts">
      <div><dt>From</dt><dd class="mono">${u.from_number||"\u2014"}</dd></div>
      <div><dt>To</dt><dd class="mono">${u.to_number||"\u2014"}</dd></div>
      <div><dt>Duration</dt><dd>${Y(u.duration_s)}</dd></div>
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
              aria-label=${`Play from ${Y(i.at_ms/1e3)}: ${i.role} said ${i.text}`}>
              <span class="at">${Y(i.at_ms/1e3)}</span>
              <span class="role">${i.role}</span>
              <span class="text">${i.text}${i.interrupted?" (interrupted)":""}</span>
            </button></li>`})}</ol>`:l`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Bn} turns=${u.turn_details} />
      </section>
    </div>`}</${g}>`}var zt=640,X=180,tt=36;function Lt({title:t,days:e,series:n,kind:r="bar",format:s=H}){let o=e.flatMap(p=>n.map(d=>p[d.key]??0)),a=Math.max(1,...o),c=(zt-tt*2)/Math.max(1,e.length),u=p=>X-20-(p??0)/a*(X-40),i=e.map(p=>`${Q(p.day)}: ${n.map(d=>`${d.label} ${s(p[d.key])}`).join(", ")}`).join("; ");return l`<figure class="chart"><figcaption>${t}</figcaption>
    <svg viewBox=${`0 0 ${zt} ${X}`} role="img" aria-label=${`${t}. ${i}`}>
      <line x1=${tt} x2=${zt-tt} y1=${X-20} y2=${X-20} class="axis" />
      <text x="2" y="14" class="label">${s(a)}</text>
      ${e.map((p,d)=>l`<text x=${tt+d*c+c/2} y=${X-4} class="label" text-anchor="middle">
        ${d%Math.ceil(e.length/7)===0?Q(p.day):""}</text>`)}
      ${r==="bar"?e.map((p,d)=>{let $=0;return n.map((_,m)=>{let f=p[_.key]??0,h=u($+f),y=l`<rect x=${tt+d*c+c*.15} width=${c*.7}
                y=${h} height=${Math.max(0,u($)-h)} class=${`bar s${m}`}>
                <title>${Q(p.day)} ${_.label}: ${s(f)}</title></rect>`;return $+=f,y})}):n.map((p,d)=>{let $=e.map((m,f)=>[f,m[p.key]]).filter(([,m])=>m!==null),_=([m,f])=>[tt+m*c+c/2,u(f)];return l`<g class=${`line s${d}`}>
              <polyline fill="none" points=${$.map(m=>_(m).join(",")).join(" ")} />
              ${$.map(m=>l`<circle cx=${_(m)[0]} cy=${_(m)[1]} r="4">
                <title>${Q(e[m[0]].day)} ${p.label}: ${s(m[1])}</title></circle>`)}
            </g>`})}
    </svg>
    <p class="legend">${n.map((p,d)=>l`<span><span class=${`swatch s${d}`}></span>${p.label}</span>`)}</p>
  </figure>`}function Kn(t,e,n){let r=Object.fromEntries(t.map(o=>[o.day,o])),s=[];for(let o=new Date(e);o<n;o.setUTCDate(o.getUTCDate()+1)){let a=o.toISOString().slice(0,10);s.push(r[a]||{day:a,calls:0,minutes:0,answered:0,missed:0,latency_p50_ms:null,latency_p95_ms:null})}return s}function pn({tenantId:t}){let[e,n]=b("14"),r=x(async()=>{let s=new Date;s.setUTCHours(24,0,0,0);let o=new Date(s);o.setUTCDate(o.getUTCDate()-Number(e));let a=await v(`/v1/tenants/${t}/analytics${B({since:o.toISOString(),until:s.toISOString()})}`);return Kn(a.days,o,s)},[t,e]);return l`<${T} title="Analytics">
      <${U} label="Range" path="range" value=${e} onChange=${n}
        options=${[["7","Last 7 days"],["14","Last 14 days"],["30","Last 30 days"],["90","Last 90 days"]]} />
    </${T}>
    <p class="note">Days are UTC days.</p>
    <${g} state=${r}>${s=>l`<div class="charts">
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
      <tbody>${s.map(o=>l`<tr><td>${Q(o.day)}</td><td>${H(o.calls)}</td><td>${lt(o.minutes)}</td>
        <td>${H(o.answered)}</td><td>${H(o.missed)}</td><td>${W(o.latency_p50_ms)}</td>
        <td>${W(o.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${g}>`}var zn=[["","Home","runtime.read"],["numbers","Numbers","calls.read"],["agents","Agents","calls.read"],["calls","Calls","calls.read"],["analytics","Analytics","analytics.read"],["secrets","Secrets","secrets.read"],["members","Members","members.read"],["api-keys","API keys","api_keys.read"],["audit","Audit log","audit.read"]],Jn={"":Ye,numbers:Ze,agents:Xe,secrets:nn,members:rn,"api-keys":on,audit:ln,calls:un,analytics:pn};function Gn({me:t,tenantId:e,section:n,item:r}){let s=x(()=>v(`/v1/tenants/${e}/permissions`),[e]),o=x(()=>v(`/v1/tenants/${e}`),[e]),a=Jn[n]||null;n==="agents"&&r&&(a=tn),n==="calls"&&r&&(a=$n);let c=s.data?s.data.allowed:[],u=`/admin/t/${e}`;return l`<${g} state=${s}>${i=>l`<${wt.Provider} value=${i}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${o.data?o.data.name:""}
        ${i.role?l`<span class="badge">${i.role}</span>`:l`<span class="badge">platform admin</span>`}</p>
      <ul>${zn.filter(([,,p])=>c.includes(p)).map(([p,d])=>l`<li><${D} href=${p?`${u}/${p}`:u}
          aria-current=${n===p?"page":void 0}>${d}</${D}></li>`)}</ul>
    </nav>
    <main id="main" class="content">
      ${a?l`<${a} tenantId=${e} tenant=${o.data} item=${r} me=${t}
        reloadTenant=${o.reload} />`:l`<p class="state">No such page.</p>`}
    </main>
  </${wt.Provider}>`}</${g}>`}function Qn(){let t=Re(),[e,n]=b(null),[r,s]=b(null);O(()=>{Ne(()=>M("/admin/signin?expired=1",{replace:!0}))},[]);let o=location.pathname.replace(/\/+$/,""),a=!!gt();if(O(()=>{!a||o==="/admin/signin"||o==="/admin/callback"||e===null&&v("/v1/me").then(n,s)},[a,o,e]),o==="/admin/callback")return l`<${Fe} />`;if(o==="/admin/signin"||!a)return o!=="/admin/signin"&&M("/admin/signin",{replace:!0}),l`<${He} onSignedIn=${d=>n(d)} />`;let c=()=>{G(),n(null),M("/admin/signin")},u=l`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${D} href="/admin" class="brand">Switchboard</${D}>
    <span class="who">${e?e.subject:""}</span>
    <button type="button" class="ghost" onClick=${c}>Sign out</button>
  </header>`;if(r)return l`${u}<main class="content"><p class="error" role="alert">${r.message}</p></main>`;let i=o.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/);if(!e&&!i)return l`${u}<p class="state" role="status">Loading…</p>`;let p=i?l`<div class="layout"><${Gn} me=${e} tenantId=${decodeURIComponent(i[1])}
        section=${i[2]||""} item=${i[3]?decodeURIComponent(i[3]):null} /></div>`:l`<main id="main" class="content"><${Je} me=${e} /></main>`;return l`${u}${p}<span hidden>${t}</span>`}var mn=document.getElementById("app");mn.textContent="";ue(l`<${Qn} />`,mn);
