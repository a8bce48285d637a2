var pt,A,Xt,bn,q,Qt,te,ee,ne,jt,Ot,Dt,oe,rt={},re=[],yn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,mt=Array.isArray;function B(e,t){for(var n in t)e[n]=t[n];return e}function Rt(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Ut(e,t,n){var o,s,r,a={};for(r in t)r=="key"?o=t[r]:r=="ref"?s=t[r]:a[r]=t[r];if(arguments.length>2&&(a.children=arguments.length>3?pt.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(r in e.defaultProps)a[r]===void 0&&(a[r]=e.defaultProps[r]);return dt(e,a,o,s,null)}function dt(e,t,n,o,s){var r={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++Xt,__i:-1,__u:0};return s==null&&A.vnode!=null&&A.vnode(r),r}function _t(e){return e.children}function ut(e,t){this.props=e,this.context=t}function K(e,t){if(t==null)return e.__?K(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?K(e):null}function se(e){var t,n;if((e=e.__)!=null&&e.__c!=null){for(e.__e=e.__c.base=null,t=0;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null){e.__e=e.__c.base=n.__e;break}return se(e)}}function It(e){(!e.__d&&(e.__d=!0)&&q.push(e)&&!$t.__r++||Qt!=A.debounceRendering)&&((Qt=A.debounceRendering)||te)($t)}function $t(){for(var e,t,n,o,s,r,a,d=1;q.length;)q.length>d&&q.sort(ee),e=q.shift(),d=q.length,e.__d&&(n=void 0,s=(o=(t=e).__v).__e,r=[],a=[],t.__P&&((n=B({},o)).__v=o.__v+1,A.vnode&&A.vnode(n),Ht(t.__P,n,o,t.__n,t.__P.namespaceURI,32&o.__u?[s]:null,r,s??K(o),!!(32&o.__u),a),n.__v=o.__v,n.__.__k[n.__i]=n,ie(r,n,a),n.__e!=s&&se(n)));$t.__r=0}function ae(e,t,n,o,s,r,a,d,c,i,p){var u,$,_,m,f,h,y=o&&o.__k||re,v=t.length;for(c=gn(n,t,y,c,v),u=0;u<v;u++)(_=n.__k[u])!=null&&($=_.__i==-1?rt:y[_.__i]||rt,_.__i=u,h=Ht(e,_,$,s,r,a,d,c,i,p),m=_.__e,_.ref&&$.ref!=_.ref&&($.ref&&Mt($.ref,null,_),p.push(_.ref,_.__c||m,_)),f==null&&m!=null&&(f=m),4&_.__u||$.__k===_.__k?c=le(_,c,e):typeof _.type=="function"&&h!==void 0?c=h:m&&(c=m.nextSibling),_.__u&=-7);return n.__e=f,c}function gn(e,t,n,o,s){var r,a,d,c,i,p=n.length,u=p,$=0;for(e.__k=new Array(s),r=0;r<s;r++)(a=t[r])!=null&&typeof a!="boolean"&&typeof a!="function"?(c=r+$,(a=e.__k[r]=typeof a=="string"||typeof a=="number"||typeof a=="bigint"||a.constructor==String?dt(null,a,null,null,null):mt(a)?dt(_t,{children:a},null,null,null):a.constructor==null&&a.__b>0?dt(a.type,a.props,a.key,a.ref?a.ref:null,a.__v):a).__=e,a.__b=e.__b+1,d=null,(i=a.__i=vn(a,n,c,u))!=-1&&(u--,(d=n[i])&&(d.__u|=2)),d==null||d.__v==null?(i==-1&&(s>p?$--:s<p&&$++),typeof a.type!="function"&&(a.__u|=4)):i!=c&&(i==c-1?$--:i==c+1?$++:(i>c?$--:$++,a.__u|=4))):e.__k[r]=null;if(u)for(r=0;r<p;r++)(d=n[r])!=null&&(2&d.__u)==0&&(d.__e==o&&(o=K(d)),de(d,d));return o}function le(e,t,n){var o,s;if(typeof e.type=="function"){for(o=e.__k,s=0;o&&s<o.length;s++)o[s]&&(o[s].__=e,t=le(o[s],t,n));return t}e.__e!=t&&(t&&e.type&&!n.contains(t)&&(t=K(e)),n.insertBefore(e.__e,t||null),t=e.__e);do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function vn(e,t,n,o){var s,r,a=e.key,d=e.type,c=t[n];if(c===null&&e.key==null||c&&a==c.key&&d==c.type&&(2&c.__u)==0)return n;if(o>(c!=null&&(2&c.__u)==0?1:0))for(s=n-1,r=n+1;s>=0||r<t.length;){if(s>=0){if((c=t[s])&&(2&c.__u)==0&&a==c.key&&d==c.type)return s;s--}if(r<t.length){if((c=t[r])&&(2&c.__u)==0&&a==c.key&&d==c.type)return r;r++}}return-1}function Yt(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||yn.test(t)?n:n+"px"}function ct(e,t,n,o,s){var r,a;t:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||Yt(e.style,t,"");if(n)for(t in n)o&&n[t]==o[t]||Yt(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")r=t!=(t=t.replace(ne,"$1")),a=t.toLowerCase(),t=a in e||t=="onFocusOut"||t=="onFocusIn"?a.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+r]=n,n?o?n.u=o.u:(n.u=jt,e.addEventListener(t,r?Dt:Ot,r)):e.removeEventListener(t,r?Dt:Ot,r);else{if(s=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break t}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function Zt(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t.t==null)t.t=jt++;else if(t.t<n.u)return;return n(A.event?A.event(t):t)}}}function Ht(e,t,n,o,s,r,a,d,c,i){var p,u,$,_,m,f,h,y,v,g,P,J,et,Gt,it,nt,Nt,V=t.type;if(t.constructor!=null)return null;128&n.__u&&(c=!!(32&n.__u),r=[d=t.__e=n.__e]),(p=A.__b)&&p(t);t:if(typeof V=="function")try{if(y=t.props,v="prototype"in V&&V.prototype.render,g=(p=V.contextType)&&o[p.__c],P=p?g?g.props.value:p.__:o,n.__c?h=(u=t.__c=n.__c).__=u.__E:(v?t.__c=u=new V(y,P):(t.__c=u=new ut(y,P),u.constructor=V,u.render=kn),g&&g.sub(u),u.props=y,u.state||(u.state={}),u.context=P,u.__n=o,$=u.__d=!0,u.__h=[],u._sb=[]),v&&u.__s==null&&(u.__s=u.state),v&&V.getDerivedStateFromProps!=null&&(u.__s==u.state&&(u.__s=B({},u.__s)),B(u.__s,V.getDerivedStateFromProps(y,u.__s))),_=u.props,m=u.state,u.__v=t,$)v&&V.getDerivedStateFromProps==null&&u.componentWillMount!=null&&u.componentWillMount(),v&&u.componentDidMount!=null&&u.__h.push(u.componentDidMount);else{if(v&&V.getDerivedStateFromProps==null&&y!==_&&u.componentWillReceiveProps!=null&&u.componentWillReceiveProps(y,P),!u.__e&&u.shouldComponentUpdate!=null&&u.shouldComponentUpdate(y,u.__s,P)===!1||t.__v==n.__v){for(t.__v!=n.__v&&(u.props=y,u.state=u.__s,u.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(ot){ot&&(ot.__=t)}),J=0;J<u._sb.length;J++)u.__h.push(u._sb[J]);u._sb=[],u.__h.length&&a.push(u);break t}u.componentWillUpdate!=null&&u.componentWillUpdate(y,u.__s,P),v&&u.componentDidUpdate!=null&&u.__h.push(function(){u.componentDidUpdate(_,m,f)})}if(u.context=P,u.props=y,u.__P=e,u.__e=!1,et=A.__r,Gt=0,v){for(u.state=u.__s,u.__d=!1,et&&et(t),p=u.render(u.props,u.state,u.context),it=0;it<u._sb.length;it++)u.__h.push(u._sb[it]);u._sb=[]}else do u.__d=!1,et&&et(t),p=u.render(u.props,u.state,u.context),u.state=u.__s;while(u.__d&&++Gt<25);u.state=u.__s,u.getChildContext!=null&&(o=B(B({},o),u.getChildContext())),v&&!$&&u.getSnapshotBeforeUpdate!=null&&(f=u.getSnapshotBeforeUpdate(_,m)),nt=p,p!=null&&p.type===_t&&p.key==null&&(nt=ce(p.props.children)),d=ae(e,mt(nt)?nt:[nt],t,n,o,s,r,a,d,c,i),u.base=t.__e,t.__u&=-161,u.__h.length&&a.push(u),h&&(u.__E=u.__=null)}catch(ot){if(t.__v=null,c||r!=null)if(ot.then){for(t.__u|=c?160:128;d&&d.nodeType==8&&d.nextSibling;)d=d.nextSibling;r[r.indexOf(d)]=null,t.__e=d}else for(Nt=r.length;Nt--;)Rt(r[Nt]);else t.__e=n.__e,t.__k=n.__k;A.__e(ot,t,n)}else r==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):d=t.__e=wn(n.__e,t,n,o,s,r,a,c,i);return(p=A.diffed)&&p(t),128&t.__u?void 0:d}function ie(e,t,n){for(var o=0;o<n.length;o++)Mt(n[o],n[++o],n[++o]);A.__c&&A.__c(t,e),e.some(function(s){try{e=s.__h,s.__h=[],e.some(function(r){r.call(s)})}catch(r){A.__e(r,s.__v)}})}function ce(e){return typeof e!="object"||e==null||e.__b&&e.__b>0?e:mt(e)?e.map(ce):B({},e)}function wn(e,t,n,o,s,r,a,d,c){var i,p,u,$,_,m,f,h=n.props,y=t.props,v=t.type;if(v=="svg"?s="http://www.w3.org/2000/svg":v=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),r!=null){for(i=0;i<r.length;i++)if((_=r[i])&&"setAttribute"in _==!!v&&(v?_.localName==v:_.nodeType==3)){e=_,r[i]=null;break}}if(e==null){if(v==null)return document.createTextNode(y);e=document.createElementNS(s,v,y.is&&y),d&&(A.__m&&A.__m(t,r),d=!1),r=null}if(v==null)h===y||d&&e.data==y||(e.data=y);else{if(r=r&&pt.call(e.childNodes),h=n.props||rt,!d&&r!=null)for(h={},i=0;i<e.attributes.length;i++)h[(_=e.attributes[i]).name]=_.value;for(i in h)if(_=h[i],i!="children"){if(i=="dangerouslySetInnerHTML")u=_;else if(!(i in y)){if(i=="value"&&"defaultValue"in y||i=="checked"&&"defaultChecked"in y)continue;ct(e,i,null,_,s)}}for(i in y)_=y[i],i=="children"?$=_:i=="dangerouslySetInnerHTML"?p=_:i=="value"?m=_:i=="checked"?f=_:d&&typeof _!="function"||h[i]===_||ct(e,i,_,h[i],s);if(p)d||u&&(p.__html==u.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),t.__k=[];else if(u&&(e.innerHTML=""),ae(t.type=="template"?e.content:e,mt($)?$:[$],t,n,o,v=="foreignObject"?"http://www.w3.org/1999/xhtml":s,r,a,r?r[0]:n.__k&&K(n,0),d,c),r!=null)for(i=r.length;i--;)Rt(r[i]);d||(i="value",v=="progress"&&m==null?e.removeAttribute("value"):m!=null&&(m!==e[i]||v=="progress"&&!m||v=="option"&&m!=h[i])&&ct(e,i,m,h[i],s),i="checked",f!=null&&f!=e[i]&&ct(e,i,f,h[i],s))}return e}function Mt(e,t,n){try{if(typeof e=="function"){var o=typeof e.__u=="function";o&&e.__u(),o&&t==null||(e.__u=e(t))}else e.current=t}catch(s){A.__e(s,n)}}function de(e,t,n){var o,s;if(A.unmount&&A.unmount(e),(o=e.ref)&&(o.current&&o.current!=e.__e||Mt(o,null,t)),(o=e.__c)!=null){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(r){A.__e(r,t)}o.base=o.__P=null}if(o=e.__k)for(s=0;s<o.length;s++)o[s]&&de(o[s],t,n||typeof e.type!="function");n||Rt(e.__e),e.__c=e.__=e.__e=void 0}function kn(e,t,n){return this.constructor(e,n)}function ue(e,t,n){var o,s,r,a;t==document&&(t=document.documentElement),A.__&&A.__(e,t),s=(o=typeof n=="function")?null:n&&n.__k||t.__k,r=[],a=[],Ht(t,e=(!o&&n||t).__k=Ut(_t,null,[e]),s||rt,rt,t.namespaceURI,!o&&n?[n]:s?null:t.firstChild?pt.call(t.childNodes):null,r,!o&&n?n:s?s.__e:t.firstChild,o,a),ie(r,e,a)}function ft(e){function t(n){var o,s;return this.getChildContext||(o=new Set,(s={})[t.__c]=this,this.getChildContext=function(){return s},this.componentWillUnmount=function(){o=null},this.shouldComponentUpdate=function(r){this.props.value!=r.value&&o.forEach(function(a){a.__e=!0,It(a)})},this.sub=function(r){o.add(r);var a=r.componentWillUnmount;r.componentWillUnmount=function(){o&&o.delete(r),a&&a.call(r)}}),n.children}return t.__c="__cC"+oe++,t.__=e,t.Provider=t.__l=(t.Consumer=function(n,o){return n.children(o)}).contextType=t,t}pt=re.slice,A={__e:function(e,t,n,o){for(var s,r,a;t=t.__;)if((s=t.__c)&&!s.__)try{if((r=s.constructor)&&r.getDerivedStateFromError!=null&&(s.setState(r.getDerivedStateFromError(e)),a=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(e,o||{}),a=s.__d),a)return s.__E=s}catch(d){e=d}throw e}},Xt=0,bn=function(e){return e!=null&&e.constructor==null},ut.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=B({},this.state),typeof e=="function"&&(e=e(B({},n),this.props)),e&&B(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),It(this))},ut.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),It(this))},ut.prototype.render=_t,q=[],te=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,ee=function(e,t){return e.__v.__b-t.__v.__b},$t.__r=0,ne=/(PointerCapture)$|Capture$/i,jt=0,Ot=Zt(!1),Dt=Zt(!0),oe=0;var z,L,Ft,$e,st=0,ge=[],O=A,pe=O.__b,me=O.__r,_e=O.diffed,fe=O.__c,he=O.unmount,be=O.__;function bt(e,t){O.__h&&O.__h(L,e,st||t),st=0;var n=L.__H||(L.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function b(e){return st=1,xn(xe,e)}function xn(e,t,n){var o=bt(z++,2);if(o.t=e,!o.__c&&(o.__=[n?n(t):xe(void 0,t),function(d){var c=o.__N?o.__N[0]:o.__[0],i=o.t(c,d);c!==i&&(o.__N=[i,o.__[1]],o.__c.setState({}))}],o.__c=L,!L.__f)){var s=function(d,c,i){if(!o.__c.__H)return!0;var p=o.__c.__H.__.filter(function($){return!!$.__c});if(p.every(function($){return!$.__N}))return!r||r.call(this,d,c,i);var u=o.__c.props!==d;return p.forEach(function($){if($.__N){var _=$.__[0];$.__=$.__N,$.__N=void 0,_!==$.__[0]&&(u=!0)}}),r&&r.call(this,d,c,i)||u};L.__f=!0;var r=L.shouldComponentUpdate,a=L.componentWillUpdate;L.componentWillUpdate=function(d,c,i){if(this.__e){var p=r;r=void 0,s(d,c,i),r=p}a&&a.call(this,d,c,i)},L.shouldComponentUpdate=s}return o.__N||o.__}function D(e,t){var n=bt(z++,3);!O.__s&&ke(n.__H,t)&&(n.__=e,n.u=t,L.__H.__h.push(n))}function Wt(e){return st=5,ve(function(){return{current:e}},[])}function ve(e,t){var n=bt(z++,7);return ke(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function we(e,t){return st=8,ve(function(){return e},t)}function yt(e){var t=L.context[e.__c],n=bt(z++,9);return n.c=e,t?(n.__==null&&(n.__=!0,t.sub(L)),t.props.value):e.__}function Sn(){for(var e;e=ge.shift();)if(e.__P&&e.__H)try{e.__H.__h.forEach(ht),e.__H.__h.forEach(Vt),e.__H.__h=[]}catch(t){e.__H.__h=[],O.__e(t,e.__v)}}O.__b=function(e){L=null,pe&&pe(e)},O.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),be&&be(e,t)},O.__r=function(e){me&&me(e),z=0;var t=(L=e.__c).__H;t&&(Ft===L?(t.__h=[],L.__h=[],t.__.forEach(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.forEach(ht),t.__h.forEach(Vt),t.__h=[],z=0)),Ft=L},O.diffed=function(e){_e&&_e(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(ge.push(t)!==1&&$e===O.requestAnimationFrame||(($e=O.requestAnimationFrame)||Cn)(Sn)),t.__H.__.forEach(function(n){n.u&&(n.__H=n.u),n.u=void 0})),Ft=L=null},O.__c=function(e,t){t.some(function(n){try{n.__h.forEach(ht),n.__h=n.__h.filter(function(o){return!o.__||Vt(o)})}catch(o){t.some(function(s){s.__h&&(s.__h=[])}),t=[],O.__e(o,n.__v)}}),fe&&fe(e,t)},O.unmount=function(e){he&&he(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.forEach(function(o){try{ht(o)}catch(s){t=s}}),n.__H=void 0,t&&O.__e(t,n.__v))};var ye=typeof requestAnimationFrame=="function";function Cn(e){var t,n=function(){clearTimeout(o),ye&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);ye&&(t=requestAnimationFrame(n))}function ht(e){var t=L,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),L=t}function Vt(e){var t=L;e.__c=e.__(),L=t}function ke(e,t){return!e||e.length!==t.length||t.some(function(n,o){return n!==e[o]})}function xe(e,t){return typeof t=="function"?t(e):t}var Ce="sb.token",Bt="sb.pkce";function gt(){return sessionStorage.getItem(Ce)}function qt(e){sessionStorage.setItem(Ce,e)}function G(){sessionStorage.clear()}function Te(e){let t="";for(let n of new Uint8Array(e))t+=String.fromCharCode(n);return btoa(t).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function Se(){return Te(crypto.getRandomValues(new Uint8Array(32)))}async function Ee(e){let t=e.replace(/\/$/,"")+"/.well-known/openid-configuration",n=await fetch(t);if(!n.ok)throw new Error(`The identity provider answered ${n.status}.`);return n.json()}function Ae(){return`${location.origin}/admin/callback`}async function Pe(e){let t=await Ee(e.oidc_issuer),n=Se(),o=Se(),s=await crypto.subtle.digest("SHA-256",new TextEncoder().encode(n));sessionStorage.setItem(Bt,JSON.stringify({verifier:n,state:o}));let r=new URLSearchParams({response_type:"code",client_id:e.oidc_client_id,redirect_uri:Ae(),scope:e.oidc_scopes,state:o,code_challenge:Te(s),code_challenge_method:"S256"});location.assign(`${t.authorization_endpoint}?${r}`)}async function Le(e,t){let n=new URLSearchParams(t),o=JSON.parse(sessionStorage.getItem(Bt)||"null");if(sessionStorage.removeItem(Bt),n.get("error"))throw new Error(`Sign-in failed: ${n.get("error")}`);if(!o||n.get("state")!==o.state)throw new Error("Sign-in state mismatch.");let s=await Ee(e.oidc_issuer),r=new URLSearchParams({grant_type:"authorization_code",code:n.get("code")||"",redirect_uri:Ae(),client_id:e.oidc_client_id,code_verifier:o.verifier}),a=await fetch(s.token_endpoint,{method:"POST",body:r});if(!a.ok)throw new Error(`The token exchange failed (${a.status}).`);let d=await a.json();qt(d.access_token)}var at=class extends Error{constructor(t,n){let o=n&&n.error||{};super(o.message||`Request failed (${t}).`),this.status=t,this.code=o.code||"http_error",this.details=o.details}fieldErrors(){let t={};if(Array.isArray(this.details))for(let n of this.details){let o=String(n.field||"").replace(/^body\./,"");t[o]=t[o]?`${t[o]}; ${n.message}`:n.message}return t}},Ne=()=>{};function Oe(e){Ne=e}async function Jt(e,t,n){let o={Accept:"application/json"},s=gt();s&&(o.Authorization=`Bearer ${s}`),n!==void 0&&(o["Content-Type"]="application/json");let r=await fetch(t,{method:e,headers:o,body:n===void 0?void 0:JSON.stringify(n)});return r.status===401&&(G(),Ne()),r}async function S(e,t,n){let o=await Jt(e,t,n),s=await o.text(),r=s?JSON.parse(s):null;if(!o.ok)throw new at(o.status,r);return r}var k=e=>S("GET",e);async function De(e){let t=await Jt("GET",e);if(t.status===404)return null;if(!t.ok)throw new at(t.status,null);return URL.createObjectURL(await t.blob())}function F(e){let t=Object.entries(e).filter(([,n])=>n!=null&&n!=="");return t.length?`?${new URLSearchParams(t)}`:""}async function Ie(e,t){let n=await Jt("POST",e,t);if(!n.ok){let o=await n.text();throw new at(n.status,o?JSON.parse(o):null)}return URL.createObjectURL(await n.blob())}var Re=function(e,t,n,o){var s;t[0]=0;for(var r=1;r<t.length;r++){var a=t[r++],d=t[r]?(t[0]|=a?1:2,n[t[r++]]):t[++r];a===3?o[0]=d:a===4?o[1]=Object.assign(o[1]||{},d):a===5?(o[1]=o[1]||{})[t[++r]]=d:a===6?o[1][t[++r]]+=d+"":a?(s=e.apply(d,Re(e,d,n,["",null])),o.push(s),d[0]?t[0]|=2:(t[r-2]=0,t[r]=s)):o.push(d)}return o},je=new Map;function Ue(e){var t=je.get(this);return t||(t=new Map,je.set(this,t)),(t=Re(this,t.get(e)||(t.set(e,t=function(n){for(var o,s,r=1,a="",d="",c=[0],i=function($){r===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?c.push(0,$,a):r===3&&($||a)?(c.push(3,$,a),r=2):r===2&&a==="..."&&$?c.push(4,$,0):r===2&&a&&!$?c.push(5,0,!0,a):r>=5&&((a||!$&&r===5)&&(c.push(r,0,a,s),r=6),$&&(c.push(r,$,0,s),r=6)),a=""},p=0;p<n.length;p++){p&&(r===1&&i(),i(p));for(var u=0;u<n[p].length;u++)o=n[p][u],r===1?o==="<"?(i(),c=[c],r=3):a+=o:r===4?a==="--"&&o===">"?(r=1,a=""):a=o+a[0]:d?o===d?d="":a+=o:o==='"'||o==="'"?d=o:o===">"?(i(),r=1):r&&(o==="="?(r=5,s=a,a=""):o==="/"&&(r<5||n[p][u+1]===">")?(i(),r===3&&(c=c[0]),r=c,(c=c[0]).push(2,0,r),r=0):o===" "||o==="	"||o===`
`||o==="\r"?(i(),r=2):a+=o),r===3&&a==="!--"&&(r=4,c=c[0])}return i(),c}(e)),t),arguments,[])).length>1?t:t[0]}var l=Ue.bind(Ut),vt=new Set;function H(e,{replace:t=!1}={}){t?history.replaceState(null,"",e):history.pushState(null,"",e),vt.forEach(n=>n())}window.addEventListener("popstate",()=>vt.forEach(e=>e()));function He(){let[,e]=b(0);return D(()=>{let t=()=>e(n=>n+1);return vt.add(t),()=>vt.delete(t)},[]),location.pathname+location.search}function j({href:e,children:t,...n}){return l`<a href=${e} onClick=${s=>{s.button!==0||s.metaKey||s.ctrlKey||s.shiftKey||(s.preventDefault(),H(e))}} ...${n}>${t}</a>`}var wt=ft({allowed:[],role:null,platform_admin:!1});function I(){let e=yt(wt);return t=>e.allowed.includes(t)}function x(e,t){let[n,o]=b({loading:!0,data:null,error:null}),s=we(()=>{let r=!0;return o(a=>({...a,loading:!0,error:null})),e().then(a=>r&&o({loading:!1,data:a,error:null}),a=>r&&o({loading:!1,data:null,error:a})),()=>{r=!1}},t);return D(s,[s]),{...n,reload:s}}function w({state:e,empty:t,children:n}){return e.error?l`<${E} error=${e.error} />`:e.loading&&e.data===null?l`<p class="state" role="status">Loading…</p>`:t&&t(e.data)?l`<p class="state empty">${t.text||"Nothing here yet."}</p>`:n(e.data)}function E({error:e}){if(!e)return null;let t=e.code?l` <code>${e.code}</code>`:null,n=Array.isArray(e.details)?e.details.map(o=>`${o.field?`${String(o.field).replace(/^body\./,"")}: `:""}${o.message}`):[];return l`<div class="error" role="alert">${e.message}${t}
    ${n.length?l`<ul>${n.map(o=>l`<li>${o}</li>`)}</ul>`:null}</div>`}function kt(e){return`f-${e.replace(/[^a-zA-Z0-9_-]/g,"-")}`}function U({label:e,path:t,error:n,hint:o,children:s}){let r=kt(t);return l`<div class=${`field${n?" invalid":""}`}>
    <label for=${r}>${e}</label>
    ${s(r,n?`${r}-error`:o?`${r}-hint`:void 0)}
    ${o&&!n?l`<small id=${`${r}-hint`}>${o}</small>`:null}
    ${n?l`<small class="field-error" id=${`${r}-error`} data-field=${t}>${n}</small>`:null}
  </div>`}function C({label:e,path:t,value:n,onInput:o,error:s,type:r="text",hint:a,...d}){return l`<${U} label=${e} path=${t} error=${s} hint=${a}>
    ${(c,i)=>l`<input id=${c} name=${t} type=${r} value=${n??""}
      aria-invalid=${s?"true":void 0} aria-describedby=${i}
      onInput=${p=>o(p.currentTarget.value)} ...${d} />`}
  </${U}>`}function R({label:e,path:t,value:n,options:o,onChange:s,error:r}){return l`<${U} label=${e} path=${t} error=${r}>
    ${(a,d)=>l`<select id=${a} name=${t} value=${n??""}
      aria-describedby=${d} onChange=${c=>s(c.currentTarget.value)}>
      ${o.map(([c,i])=>l`<option value=${c} selected=${c===(n??"")}>${i}</option>`)}
    </select>`}
  </${U}>`}var Tn=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),En=new Intl.DateTimeFormat(void 0,{month:"short",day:"numeric"}),An=new Intl.NumberFormat,Me=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}),N=e=>e?Tn.format(new Date(e)):"\u2014",Q=e=>En.format(new Date(`${e}T12:00:00`)),M=e=>e==null?"\u2014":An.format(e),lt=e=>e==null?"\u2014":Me.format(e),W=e=>e==null?"\u2014":`${Me.format(e)} ms`,Y=e=>{if(e==null)return"\u2014";let t=Math.round(e);return`${Math.floor(t/60)}:${String(t%60).padStart(2,"0")}`};function T({title:e,children:t}){return D(()=>{document.title=`${e} \xB7 Switchboard`},[e]),l`<header class="page-head"><h1 tabindex="-1" id="page-title">${e}</h1>
    <div class="actions">${t}</div></header>`}function xt({cursors:e,setCursors:t,next:n}){return l`<nav class="pager" aria-label="Pages">
    <button type="button" class="secondary" disabled=${e.length===1}
      onClick=${()=>t(e.slice(0,-1))}>Newer</button>
    <button type="button" class="secondary" disabled=${!n}
      onClick=${()=>t([...e,n])}>Older</button>
  </nav>`}function Fe({onSignedIn:e}){let t=x(()=>k("/v1/console/config"),[]),[n,o]=b(""),[s,r]=b(null),[a,d]=b(!1),c=new URLSearchParams(location.search).has("expired");D(()=>{document.title="Sign in \xB7 Switchboard"},[]);let i=async u=>{u.preventDefault(),d(!0),r(null),qt(n.trim());try{let $=await k("/v1/me");e($),H("/admin",{replace:!0})}catch($){G(),r($.status===401?"That key is not valid (or was revoked).":$.message),d(!1)}},p=t.data&&t.data.oidc_issuer;return l`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${c&&!s?l`<p class="note" role="status">Your session ended; sign in again.</p>`:null}
    <form onSubmit=${i} aria-label="Sign in with an API key">
      <${C} label="API key" path="api_key" type="password" value=${n} onInput=${o}
        error=${s} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${a||!n.trim()}>Sign in</button>
    </form>
    ${p?l`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${()=>Pe(t.data).catch(r)}>
        Sign in with your identity provider</button>`:null}
  </main>`}function Ve(){let[e,t]=b(null);return D(()=>{k("/v1/console/config").then(n=>Le(n,location.search)).then(()=>H("/admin",{replace:!0}),n=>t(n.message))},[]),l`<main id="main" class="signin">
    ${e?l`<p class="error" role="alert">${e}</p>
      <a href="/admin/signin">Back to sign-in</a>`:l`<p class="state" role="status">Signing in…</p>`}
  </main>`}var St=null;async function Et(e){return St=St||await k("/openapi.json"),{root:St.components.schemas[e],all:St.components.schemas}}var Ct=(e,t)=>e&&e.$ref?t[e.$ref.split("/").pop()]:e;function qe(e,t){let n=e.anyOf||e.oneOf;if(!n)return null;let o=n.filter(s=>s.type!=="null");return o.length===1&&o.length<n.length?Ct(o[0],t):null}var We={Llm:"LLM",Stt:"Speech-to-text (STT)",Tts:"Voice (TTS)",Api:"API",Dtmf:"DTMF",Http:"HTTP",Ms:"(ms)",S:"(s)",Url:"URL",Of:"of",In:"in",At:"at"},Pn=(e,t)=>(t&&t.title||e.replace(/_/g," ")).split(" ").map((n,o)=>o===0?We[n]||n:We[n]||n.toLowerCase()).join(" ").replace(/^./,n=>n.toUpperCase());function Je(e,t,n){let o=Array.isArray(e)?[...e]:{...e||{}};return n===void 0?delete o[t]:o[t]=n,o}function Tt(e,t){let n=Ct(e,t),o=e.default!==void 0?e.default:n.default;if(n.type==="object"&&n.properties){let s={};for(let[r,a]of Object.entries(n.properties)){let d=qe(a,t)?null:Tt(a,t);d!==void 0&&(s[r]=d)}return{...s,...structuredClone(o||{})}}return o!==void 0?structuredClone(o):n.type==="object"?{}:n.type==="array"?[]:n.type==="boolean"?!1:n.type==="integer"||n.type==="number"?n.minimum??0:n.enum?n.enum[0]:""}function Be({schema:e,path:t,label:n,value:o,onChange:s,errors:r,nullable:a}){let d=r[t],c=kt(t);if(e.type==="boolean")return l`<div class=${`field check${d?" invalid":""}`}>
      <input type="checkbox" id=${c} name=${t} checked=${!!o}
        onChange=${_=>s(_.currentTarget.checked)} />
      <label for=${c}>${n}</label>
      ${d?l`<small class="field-error" data-field=${t}>${d}</small>`:null}
    </div>`;let i=e.description;if(e.enum)return l`<${U} label=${n} path=${t} error=${d} hint=${i}>${(_,m)=>l`<select id=${_} name=${t} aria-describedby=${m}
        onChange=${f=>s(f.currentTarget.value||(a?null:void 0))}>
        ${a?l`<option value="">(none)</option>`:null}
        ${e.enum.map(f=>l`<option value=${f} selected=${f===o}>${f}</option>`)}
      </select>`}</${U}>`;let p=e.type==="integer"||e.type==="number",u=e.type==="string"&&(e.maxLength||0)>500,$=_=>{let m=_.currentTarget.value;return s(m===""?a?null:p?void 0:"":p?Number.isNaN(Number(m))?m:Number(m):m)};return l`<${U} label=${n} path=${t} error=${d} hint=${i}>${(_,m)=>u?l`<textarea id=${_} name=${t} rows="4" aria-describedby=${m}
          aria-invalid=${d?"true":void 0} onInput=${$}>${o??""}</textarea>`:l`<input id=${_} name=${t} aria-describedby=${m}
          aria-invalid=${d?"true":void 0}
          type=${p?"number":e.format==="time"?"time":"text"}
          step=${e.type==="number"?"any":void 0} value=${o??""} onInput=${$} />`}
  </${U}>`}function Ln({path:e,label:t,value:n,onChange:o,errors:s,hint:r}){let a=s[e]||Object.entries(s).find(([d])=>d.startsWith(`${e}.`))?.[1];return l`<${U} label=${t} path=${e} error=${a} hint=${r||"One per line"}>
    ${(d,c)=>l`<textarea id=${d} name=${e} rows="3" aria-describedby=${c}
      onInput=${i=>o(i.currentTarget.value.split(`
`).filter(p=>p.trim()))}
    >${(n||[]).join(`
`)}</textarea>`}</${U}>`}function Nn({path:e,label:t,options:n,value:o,onChange:s,errors:r}){let a=new Set(o||[]),d=c=>{let i=new Set(a);i.has(c)?i.delete(c):i.add(c),s(n.filter(p=>i.has(p)))};return l`<fieldset class="choices"><legend>${t}</legend>
    ${n.map(c=>l`<label class="choice"><input type="checkbox" name=${`${e}.${c}`}
      checked=${a.has(c)} onChange=${()=>d(c)} />${c}</label>`)}
    ${r[e]?l`<small class="field-error" data-field=${e}>${r[e]}</small>`:null}
  </fieldset>`}function On({path:e,label:t,value:n,onChange:o,errors:s}){return l`<${U} label=${t} path=${e} error=${s[e]} hint="JSON">
    ${(r,a)=>l`<textarea id=${r} name=${e} rows="4" class="mono"
      aria-describedby=${a} onChange=${d=>{try{o(JSON.parse(d.currentTarget.value||"{}"))}catch{o(d.currentTarget.value)}}}>${JSON.stringify(n??{},null,2)}</textarea>`}</${U}>`}function Ke({schema:e,all:t,path:n,label:o,value:s,onChange:r,errors:a,extras:d}){let c=qe(e,t);if(c){if(c.type==="object"){let p=s!=null,u=kt(`${n}-enabled`);return l`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${u} checked=${p}
          onChange=${$=>r($.currentTarget.checked?Tt(c,t):null)} />
          <label for=${u}>${o}</label></div>
        ${p?l`<${Ke} schema=${c} all=${t} path=${n} label=${o}
          value=${s} onChange=${r} errors=${a} extras=${d} />`:null}
      </div>`}return l`<${Be} schema=${{...c,description:e.description}} path=${n}
      label=${o} value=${s} onChange=${r} errors=${a} nullable=${!0} />`}let i=Ct(e,t);if(i.type==="object"&&i.properties){let p=d&&d[n];return l`<fieldset class="group"><legend>${o}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      <${Z} schema=${i} all=${t} path=${n} value=${s} onChange=${r}
        errors=${a} extras=${d} />
      ${p?l`<${p} value=${s} />`:null}
    </fieldset>`}if(i.type==="object")return l`<${On} path=${n} label=${o} value=${s} onChange=${r} errors=${a} />`;if(i.type==="array"){let p=Ct(i.items,t);if(p.type==="string"&&p.enum)return l`<${Nn} path=${n} label=${o} options=${p.enum} value=${s}
        onChange=${r} errors=${a} />`;if(p.type!=="object")return l`<${Ln} path=${n} label=${o} value=${s} onChange=${r}
        errors=${a} hint=${i.description} />`;let u=s||[],$=(p.title||"Item").replace(/([a-z])([A-Z])/g,"$1 $2");return l`<fieldset class="group list"><legend>${o}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      ${u.length===0?l`<p class="empty">None.</p>`:null}
      ${u.map((_,m)=>l`<div class="list-item">
        <${Z} schema=${p} all=${t} path=${`${n}.${m}`} value=${_}
          onChange=${f=>r(Je(u,m,f))} errors=${a} />
        <button type="button" class="ghost small" onClick=${()=>r(u.filter((f,h)=>h!==m))}
          aria-label=${`Remove ${$} ${m+1} of ${o}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${()=>r([...u,Tt(p,t)])}>Add ${$.toLowerCase()}</button>
    </fieldset>`}return l`<${Be} schema=${i} path=${n} label=${o} value=${s}
    onChange=${r} errors=${a} />`}function Z({schema:e,all:t,path:n,value:o,onChange:s,errors:r,extras:a}){return Object.entries(e.properties||{}).map(([d,c])=>{let i=n?`${n}.${d}`:d;return l`<${Ke} key=${i} schema=${c} all=${t} path=${i}
      label=${Pn(d,c)} value=${(o||{})[d]}
      onChange=${p=>s(Je(o,d,p))} errors=${r} extras=${a} />`})}function ze(e,t){return Tt(e,t)}function Dn({onCreated:e}){let[t,n]=b(""),[o,s]=b({}),[r,a]=b(null);return l`<form class="inline-form" onSubmit=${async c=>{c.preventDefault();try{let i=await S("POST","/v1/tenants",{name:t});n(""),s({}),a(null),e(i)}catch(i){s(i.fieldErrors?i.fieldErrors():{}),a(i)}}} aria-label="Create a tenant">
    <${C} label="New tenant name" path="name" value=${t} onInput=${n} error=${o.name} />
    <button type="submit">Create tenant</button>
    ${r&&!o.name?l`<${E} error=${r} />`:null}
  </form>`}function In({tenant:e,onSaved:t}){let[n,o]=b(null),[s,r]=b(e.limits),[a,d]=b({}),[c,i]=b(null);D(()=>{Et("TenantLimits").then(o,i)},[]);let p=async u=>{u.preventDefault();try{await S("PATCH",`/v1/tenants/${e.id}`,{limits:s}),d({}),i(null),t()}catch($){d($.fieldErrors?$.fieldErrors():{}),i($)}};return n?l`<form class="limits" onSubmit=${p} aria-label=${`Limits of ${e.name}`}>
    <${Z} schema=${n.root} all=${n.all} path="limits" value=${s}
      onChange=${r} errors=${a} />
    <button type="submit" class="small">Save limits</button>
    <${E} error=${c} />
  </form>`:l`<${E} error=${c} />`}function Ge({me:e}){let t=x(()=>k("/v1/tenants"),[]),[n,o]=b(null),[s,r]=b(null),a=e.platform_admin;D(()=>{let c=t.data?t.data.items:[];!a&&c.length===1&&H(`/admin/t/${c[0].id}`,{replace:!0})},[t.data]);let d=async(c,i)=>{if(!(i==="delete"&&!confirm(`Delete ${c.name}? Its numbers stop answering.`)))try{i==="delete"?await S("DELETE",`/v1/tenants/${c.id}`):await S("POST",`/v1/tenants/${c.id}/${i}`),o(null),t.reload()}catch(p){o(p)}};return l`<${T} title="Tenants" />
    ${a?l`<${Dn} onCreated=${c=>H(`/admin/t/${c.id}`)} />`:null}
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
            ${i.status==="active"?l`<button type="button" class="secondary small" onClick=${()=>d(i,"suspend")}>Suspend</button>`:l`<button type="button" class="secondary small" onClick=${()=>d(i,"activate")}>Activate</button>`}
            <button type="button" class="secondary small" aria-expanded=${s===i.id}
              onClick=${()=>r(s===i.id?null:i.id)}>Limits</button>
            <button type="button" class="danger small" onClick=${()=>d(i,"delete")}>Delete</button>
            ${s===i.id?l`<${In} tenant=${i} onSaved=${t.reload} />`:null}
          </td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${w}>`}function Ye(){let e=new Date;return e.setHours(0,0,0,0),e}function jn(){let e=Ye();return e.setDate(e.getDate()-(e.getDay()+6)%7),e}function Qe({label:e,data:t}){return l`<section class="card" aria-label=${e}><h2>${e}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${M(t.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${lt(t.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${M(t.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${M(t.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${W(t.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${W(t.latency_p95_ms)}</dd></div>
    </dl></section>`}function Rn({tenant:e,onSaved:t}){let[n,o]=b(e.name),[s,r]=b(e.recording_retention_days??""),[a,d]=b({}),[c,i]=b(null),[p,u]=b(!1);return l`<section class="card" aria-label="Tenant settings"><h2>Settings</h2>
    <form class="inline-form plain-form" onSubmit=${async _=>{_.preventDefault();let m={name:n,recording_retention_days:s===""?null:Number(s)};try{await S("PATCH",`/v1/tenants/${e.id}`,m),d({}),i(null),u(!0),t()}catch(f){d(f.fieldErrors?f.fieldErrors():{}),i(f),u(!1)}}}>
      <${C} label="Name" path="name" value=${n} onInput=${o} error=${a.name} />
      <${C} label="Keep recordings (days; empty: forever)" path="recording_retention_days"
        type="number" min="1" value=${s} onInput=${r} error=${a.recording_retention_days} />
      <button type="submit">Save settings</button>
    </form>
    ${p?l`<p role="status">Saved.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${E} error=${c} />`:null}
  </section>`}function Ze({tenantId:e,tenant:t,reloadTenant:n}){let o=I(),s=`/v1/tenants/${e}`,r=x(async()=>{if(!o("analytics.read"))return null;let[$,_]=await Promise.all([k(`${s}/analytics/summary${F({since:Ye().toISOString()})}`),k(`${s}/analytics/summary${F({since:jn().toISOString()})}`)]);return{today:$,week:_}},[e]),a=x(()=>k(`${s}/runtime`),[e]),[d,c]=b(null),[i,p]=b(null),u=async()=>{try{let $=await S("POST",`${s}/runtime/publish`);p($.revision),c(null),a.reload()}catch($){c($)}};return l`<${T} title=${t?t.name:"Tenant"} />
    <${w} state=${r}>${$=>$&&l`<div class="cards">
      <${Qe} label="Today" data=${$.today} /><${Qe} label="This week" data=${$.week} /></div>`}
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
      ${o("runtime.publish")?l`<button type="button" onClick=${u}>Re-publish</button>`:null}
      ${i!==null?l`<p role="status">Queued revision ${M(i)}.</p>`:null}
      <${E} error=${d} />
    </section>
    ${t&&o("tenants.update")?l`<${Rn} key=${t.id} tenant=${t}
      onSaved=${n} />`:null}`}function Xe({tenantId:e}){let t=I(),n=`/v1/tenants/${e}`,o=x(async()=>{let[f,h]=await Promise.all([k(`${n}/numbers`),k(`${n}/agents`)]);return{numbers:f.items,agents:h.items}},[e]),[s,r]=b({e164:"",carrier:"twilio",agent_id:"",label:""}),[a,d]=b({}),[c,i]=b(null),p=f=>{d(f.fieldErrors?f.fieldErrors():{}),i(f)},u=async f=>{f.preventDefault();try{await S("POST",`${n}/numbers`,{...s,agent_id:s.agent_id||null}),r({e164:"",carrier:"twilio",agent_id:"",label:""}),d({}),i(null),o.reload()}catch(h){p(h)}},$=async(f,h)=>{try{await S("PATCH",`${n}/numbers/${f.id}`,{agent_id:h||null}),i(null),o.reload()}catch(y){p(y)}},_=async f=>{if(confirm(`Remove ${f.e164}? It stops taking calls.`))try{await S("DELETE",`${n}/numbers/${f.id}`),o.reload()}catch(h){p(h)}},m=t("numbers.write");return l`<${T} title="Numbers" />
    <${w} state=${o}>${({numbers:f,agents:h})=>{let y=[["","(no agent: not answering)"],...h.map(g=>[g.id,g.name])],v=g=>(h.find(P=>P.id===g)||{}).name||"\u2014";return l`
      ${m?l`<form class="inline-form" onSubmit=${u} aria-label="Add a number">
        <${C} label="Number (E.164)" path="e164" value=${s.e164} placeholder="+14155550100"
          onInput=${g=>r({...s,e164:g})} error=${a.e164} />
        <${R} label="Carrier" path="carrier" value=${s.carrier} error=${a.carrier}
          options=${[["twilio","Twilio"],["telnyx","Telnyx"]]} onChange=${g=>r({...s,carrier:g})} />
        <${R} label="Agent" path="agent_id" value=${s.agent_id} options=${y}
          error=${a.agent_id} onChange=${g=>r({...s,agent_id:g})} />
        <${C} label="Label" path="label" value=${s.label} error=${a.label}
          onInput=${g=>r({...s,label:g})} />
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
            <select id=${`move-${g.id}`} onChange=${P=>$(g,P.currentTarget.value)}>
              ${y.map(([P,J])=>l`<option value=${P} selected=${P===(g.agent_id||"")}>${J}</option>`)}
            </select>`:v(g.agent_id)}</td>
          ${m?l`<td><button type="button" class="danger small" onClick=${()=>_(g)}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}`}}</${w}>`}function tn({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/agents`,o=x(()=>k(n),[e]),[s,r]=b(""),[a,d]=b({}),[c,i]=b(null),p=async u=>{u.preventDefault();try{let $=await S("POST",n,{name:s});H(`/admin/t/${e}/agents/${$.id}`)}catch($){d($.fieldErrors?$.fieldErrors():{}),i($)}};return l`<${T} title="Agents" />
    ${t("agents.write")?l`<form class="inline-form" onSubmit=${p} aria-label="Create an agent">
      <${C} label="New agent name" path="name" value=${s} onInput=${r} error=${a.name} />
      <button type="submit">Create agent</button>
      ${c&&!a.name?l`<${E} error=${c} />`:null}
    </form>`:null}
    <${w} state=${o} empty=${Object.assign(u=>u.items.length===0,{text:"No agents yet."})}>
      ${u=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Agents</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Live version</th>
          <th scope="col">Latest version</th><th scope="col">Updated</th></tr></thead>
        <tbody>${u.items.map($=>l`<tr>
          <td><${j} href=${`/admin/t/${e}/agents/${$.id}`}>${$.name}</${j}></td>
          <td>${$.live_version??"not live"}</td><td>${$.latest_version||"\u2014"}</td>
          <td>${N($.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${w}>`}function At(e,t="",n={}){if(e&&typeof e=="object"&&!Array.isArray(e)){for(let[o,s]of Object.entries(e))At(s,t?`${t}.${o}`:o,n);Object.keys(e).length===0&&t&&(n[t]="{}")}else Array.isArray(e)&&e.some(o=>o&&typeof o=="object")?(e.forEach((o,s)=>At(o,`${t}.${s}`,n)),e.length===0&&(n[t]="[]")):n[t]=typeof e=="string"?e:JSON.stringify(e);return n}function Un({left:e,right:t}){let n=At(e.config),o=At(t.config),s=[...new Set([...Object.keys(n),...Object.keys(o)])].sort(),r=s.filter(a=>n[a]!==o[a]);return l`<div class="table-wrap"><table class="diff">
    <caption>Version ${e.version} and version ${t.version}: ${r.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${e.version}</th>
      <th scope="col">Version ${t.version}</th></tr></thead>
    <tbody>${s.map(a=>l`<tr class=${n[a]!==o[a]?"changed":""}>
      <th scope="row" class="mono">${a}</th><td class="pre">${n[a]??"\u2014"}</td><td class="pre">${o[a]??"\u2014"}</td>
    </tr>`)}</tbody></table></div>`}function Hn({base:e,agent:t,versions:n,onChanged:o}){let s=I(),[r,a]=b(()=>[n[1]?.version||n[0]?.version,n[0]?.version]),[d,c]=b(null),i=$=>n.find(_=>_.version===Number($)),p=async($,_)=>{try{await S("POST",`${e}/${$}`,{version:_}),c(null),o()}catch(m){c(m)}},u=($,_)=>l`<label>${_}
    <select value=${r[$]} onChange=${m=>a($?[r[0],m.currentTarget.value]:[m.currentTarget.value,r[1]])}>
      ${n.map(m=>l`<option value=${m.version} selected=${m.version===Number(r[$])}>Version ${m.version}</option>`)}
    </select></label>`;return l`<section aria-label="Versions"><h2>Versions</h2>
    <${E} error=${d} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${n.map($=>l`<tr>
        <td>${$.version}</td><td>${$.note}</td><td>${$.created_by}</td><td>${N($.created_at)}</td>
        <td>${$.live?l`<span class="status active">live</span>`:s("agents.publish")?t.live_version!==null&&$.version<t.live_version?l`<button type="button" class="secondary small" onClick=${()=>p("rollback",$.version)}>Roll back to ${$.version}</button>`:l`<button type="button" class="small" onClick=${()=>p("publish",$.version)}>Publish ${$.version}</button>`:""}</td></tr>`)}</tbody></table></div>
    ${n.length>1?l`<h3>Compare</h3><div class="inline-form">${u(0,"Left")}${u(1,"Right")}</div>
      ${i(r[0])&&i(r[1])?l`<${Un} left=${i(r[0])} right=${i(r[1])} />`:null}`:null}
  </section>`}function Mn({value:e}){let t=I(),n=yt(Kt),[o,s]=b(null),[r,a]=b(null),[d,c]=b(!1);return D(()=>()=>o&&URL.revokeObjectURL(o),[o]),t("agents.write")?l`<div class="voice-preview">
    <button type="button" class="secondary small" disabled=${d} onClick=${async()=>{c(!0),a(null);try{s(await Ie(`${n}/voices/preview`,{tts:e}))}catch(p){a(p)}c(!1)}}>
      ${d?"Synthesizing\u2026":"Preview voice"}</button>
    ${o?l`<audio controls autoplay src=${o} aria-label="Voice preview"></audio>`:null}
    <${E} error=${r} />
  </div>`:null}var Kt=ft(""),Fn={tts:Mn};function Vn({base:e,latest:t,onSaved:n}){let o=I(),[s,r]=b(null),[a,d]=b(null),[c,i]=b({}),[p,u]=b(null),[$,_]=b(null);if(D(()=>{Et("AgentVersionCreate").then(h=>{r(h),d(t?{...t.config,note:""}:ze(h.root,h.all))},u)},[t&&t.version]),!s||!a)return l`<${E} error=${p} />`;let m=o("agents.write");return l`<form class="agent-form" onSubmit=${async h=>{h.preventDefault();try{let y=await S("POST",`${e}/versions`,a);i({}),u(null),_(y),n()}catch(y){i(y.fieldErrors?y.fieldErrors():{}),u(y)}}} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!m} class="plain">
      <${Z} schema=${s.root} all=${s.all} path="" value=${a}
        onChange=${d} errors=${c} extras=${Fn} />
    </fieldset>
    ${p?l`<p class="error" role="alert">${Object.keys(c).length?`The version was not saved: ${Object.keys(c).length} field(s) need attention.`:p.message}</p>`:null}
    ${$?l`<p role="status">Saved as version ${$.version}.${$.warnings.map(h=>` ${h.message}`)}</p>`:null}
    ${m?l`<div class="sticky-actions"><button type="submit">Save as new version</button></div>`:null}
  </form>`}function en({tenantId:e,item:t}){let n=`/v1/tenants/${e}/agents/${t}`,o=x(async()=>{let[s,r]=await Promise.all([k(n),k(`${n}/versions`)]);return{agent:s,versions:r.items}},[n]);return l`<${w} state=${o}>${({agent:s,versions:r})=>l`
    <${T} title=${s.name}>
      <span class="badge">${s.live_version?`live: version ${s.live_version}`:"not live"}</span>
    </${T}>
    <div class="agent-grid">
      <${Kt.Provider} value=${`/v1/tenants/${e}`}>
        <${Vn} base=${n} latest=${r[0]} onSaved=${o.reload} />
      </${Kt.Provider}>
      ${r.length?l`<${Hn} key=${r.length} base=${n} agent=${s}
        versions=${r} onChanged=${o.reload} />`:l`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${w}>`}var Wn=[["llm_api_key","LLM API key"],["carrier_credential","Carrier credential"],["tool_credential","Tool credential"],["webhook_secret","Webhook secret"]],nn={name:"",kind:"llm_api_key",value:"",allowed_host:""};function on({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/secrets`,o=x(()=>k(n),[e]),[s,r]=b(nn),[a,d]=b({}),[c,i]=b(null),[p,u]=b(null),$=h=>{d(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={value:s.value,kind:s.kind};s.kind==="llm_api_key"&&s.allowed_host&&(y.allowed_host=s.allowed_host);try{await S("PUT",`${n}/${encodeURIComponent(s.name)}`,y),u(s.name),r(nn),d({}),i(null),o.reload()}catch(v){$(v)}},m=async h=>{if(confirm(`Delete the secret ${h}?`))try{await S("DELETE",`${n}/${encodeURIComponent(h)}`),o.reload()}catch(y){$(y)}},f=t("secrets.write");return l`<${T} title="Secrets" />
    ${f?l`<form class="inline-form" onSubmit=${_} aria-label="Set a secret" autocomplete="off">
      <${C} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${h=>r({...s,name:h})} />
      <${R} label="Kind" path="kind" value=${s.kind} options=${Wn} error=${a.kind}
        onChange=${h=>r({...s,kind:h})} />
      <${C} label="Value" path="value" type="password" value=${s.value} error=${a.value}
        autocomplete="new-password" onInput=${h=>r({...s,value:h})} />
      ${s.kind==="llm_api_key"?l`<${C} label="Allowed host (optional)" path="allowed_host"
        value=${s.allowed_host} error=${a.allowed_host} onInput=${h=>r({...s,allowed_host:h})} />`:null}
      <button type="submit">Save secret</button>
    </form>`:null}
    ${p?l`<p role="status">Stored ${p}. Its value cannot be read back.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${E} error=${c} />`:null}
    <${w} state=${o} empty=${Object.assign(h=>h.items.length===0,{text:"No secrets yet."})}>
      ${h=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Secrets</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Allowed host</th>
          <th scope="col">Set</th><th scope="col">By</th>${f?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${h.items.map(y=>l`<tr>
          <td class="mono">${y.name}</td><td>${y.kind}</td><td>${y.allowed_host||"\u2014"}</td>
          <td>${N(y.updated_at)}</td><td>${y.updated_by||"\u2014"}</td>
          ${f?l`<td><button type="button" class="danger small" onClick=${()=>m(y.name)}>Delete</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${w}>`}var Pt=[["viewer","Viewer"],["editor","Editor"],["admin","Admin"],["owner","Owner"]];function rn({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/members`,o=x(()=>k(n),[e]),[s,r]=b({subject:"",role:"viewer"}),[a,d]=b({}),[c,i]=b(null),p=async m=>{try{await m(),d({}),i(null),o.reload()}catch(f){d(f.fieldErrors?f.fieldErrors():{}),i(f)}},u=(m,f)=>p(()=>S("PUT",`${n}/${encodeURIComponent(m)}`,{role:f})),$=m=>{m.preventDefault(),p(async()=>{await u(s.subject,s.role),r({subject:"",role:"viewer"})})},_=t("members.write");return l`<${T} title="Members" />
    ${_?l`<form class="inline-form" onSubmit=${$} aria-label="Add a member">
      <${C} label="Subject (OIDC sub)" path="subject" value=${s.subject} error=${a.subject}
        onInput=${m=>r({...s,subject:m})} />
      <${R} label="Role" path="role" value=${s.role} options=${Pt} error=${a.role}
        onChange=${m=>r({...s,role:m})} />
      <button type="submit">Add member</button>
    </form>`:null}
    <${E} error=${c} />
    <${w} state=${o} empty=${Object.assign(m=>m.items.length===0,{text:"No members yet."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Members</caption>
        <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">Added by</th>
          <th scope="col">Added</th>${_?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${m.items.map(f=>l`<tr>
          <td class="mono">${f.subject}</td>
          <td>${_?l`<label class="sr-only" for=${`role-${f.subject}`}>Role of ${f.subject}</label>
            <select id=${`role-${f.subject}`} onChange=${h=>u(f.subject,h.currentTarget.value)}>
            ${Pt.map(([h,y])=>l`<option value=${h} selected=${h===f.role}>${y}</option>`)}</select>`:f.role}</td>
          <td>${f.created_by}</td><td>${N(f.created_at)}</td>
          ${_?l`<td><button type="button" class="danger small"
            onClick=${()=>confirm(`Remove ${f.subject}?`)&&p(()=>S("DELETE",`${n}/${encodeURIComponent(f.subject)}`))}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${w}>`}function sn({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/api-keys`,o=x(()=>k(n),[e]),[s,r]=b({name:"",role:"viewer",expires_at:""}),[a,d]=b({}),[c,i]=b(null),[p,u]=b(null),$=h=>{d(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let y={name:s.name,role:s.role};s.expires_at&&(y.expires_at=new Date(s.expires_at).toISOString());try{u(await S("POST",n,y)),r({name:"",role:"viewer",expires_at:""}),d({}),i(null),o.reload()}catch(v){$(v)}},m=async h=>{if(confirm(`Revoke ${h.name}? Anything using it stops working.`))try{await S("DELETE",`${n}/${h.id}`),o.reload()}catch(y){$(y)}},f=t("api_keys.write");return l`<${T} title="API keys" />
    ${f?l`<form class="inline-form" onSubmit=${_} aria-label="Create an API key">
      <${C} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${h=>r({...s,name:h})} />
      <${R} label="Role" path="role" value=${s.role} options=${Pt} error=${a.role}
        onChange=${h=>r({...s,role:h})} />
      <${C} label="Expires (optional)" path="expires_at" type="datetime-local" value=${s.expires_at}
        error=${a.expires_at} onInput=${h=>r({...s,expires_at:h})} />
      <button type="submit">Create key</button>
    </form>`:null}
    ${p?l`<div class="once" role="status"><p>The new key <strong>${p.name}</strong>, shown
      only this once; copy it now:</p><output class="mono key" data-testid="new-key">${p.key}</output>
      <button type="button" class="secondary small" onClick=${()=>u(null)}>I have stored it</button></div>`:null}
    ${c&&!Object.keys(a).length?l`<${E} error=${c} />`:null}
    <${w} state=${o} empty=${Object.assign(h=>h.items.length===0,{text:"No API keys yet."})}>
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
    </${w}>`}var an=e=>e===void 0?"\u2014":typeof e=="string"?e:JSON.stringify(e);function Bn({diff:e}){let t=e.before||{},n=e.after||{},o=[...new Set([...Object.keys(t),...Object.keys(n)])].sort();return o.length?l`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${o.map(s=>l`<tr class="changed">
    <th scope="row" class="mono">${s}</th><td class="pre">${an(t[s])}</td><td class="pre">${an(n[s])}</td>
    </tr>`)}</tbody></table>`:l`<p class="empty">No field changes recorded.</p>`}var ln=e=>e?new Date(e).toISOString():"";function cn({tenantId:e}){let[t,n]=b({actor:"",action:"",target:"",since:"",until:""}),[o,s]=b(t),[r,a]=b([null]),[d,c]=b(null),i=r[r.length-1],p=x(()=>k(`/v1/tenants/${e}/audit${F({...o,since:ln(o.since),until:ln(o.until),cursor:i,limit:25})}`),[e,o,i]),u=_=>{_.preventDefault(),s(t),a([null])},$=(_,m,f="text")=>l`<${C} label=${m} path=${`filter-${_}`}
    type=${f} value=${t[_]} onInput=${h=>n({...t,[_]:h})} />`;return l`<${T} title="Audit log" />
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
        <${xt} cursors=${r} setCursors=${a} next=${_.next_cursor} />`}
    </${w}>`}var qn=[["","Any outcome"],["answered","Answered"],["missed","Missed"],["transferred","Transferred"],["failed","Failed"],["in_progress","In progress"]],dn=e=>e?new Date(e).toISOString():"";function un({tenantId:e}){let t=`/v1/tenants/${e}`,n=x(()=>k(`${t}/agents`),[e]),[o,s]=b({since:"",until:"",number:"",agent_id:"",outcome:""}),[r,a]=b(o),[d,c]=b([null]),i=d[d.length-1],p=x(()=>k(`${t}/calls${F({...r,since:dn(r.since),until:dn(r.until),cursor:i,limit:25})}`),[e,r,i]),u=m=>{m.preventDefault(),a(o),c([null])},$=n.data?n.data.items:[],_=m=>($.find(f=>f.id===m)||{}).name||m||"\u2014";return l`<${T} title="Calls" />
    <form class="inline-form filters" onSubmit=${u} aria-label="Filter calls">
      <${C} label="From" path="since" type="datetime-local" value=${o.since}
        onInput=${m=>s({...o,since:m})} />
      <${C} label="Until" path="until" type="datetime-local" value=${o.until}
        onInput=${m=>s({...o,until:m})} />
      <${C} label="Number called" path="number" value=${o.number} placeholder="+14155550100"
        onInput=${m=>s({...o,number:m})} />
      <${R} label="Agent" path="agent_id" value=${o.agent_id}
        options=${[["","Any agent"],...$.map(m=>[m.id,m.name])]}
        onChange=${m=>s({...o,agent_id:m})} />
      <${R} label="Outcome" path="outcome" value=${o.outcome} options=${qn}
        onChange=${m=>s({...o,outcome:m})} />
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
        <${xt} cursors=${d} setCursors=${c} next=${m.next_cursor} />`}
    </${w}>`}var $n=[["end_of_turn_ms","End of turn"],["transcript_final_ms","Transcript final"],["llm_first_token_ms","LLM first token"],["tts_first_audio_ms","TTS first audio"],["first_frame_out_ms","First frame out"]];function Jn({turns:e}){let t=e.filter(d=>d.stages&&d.stages.caller_stopped_ms!==null&&d.stages.caller_stopped_ms!==void 0);if(!t.length)return l`<p class="empty">No turn timings recorded.</p>`;let n=t.map(d=>$n.map(([c])=>d.stages[c]).filter(c=>c!=null).map(c=>c-d.stages.caller_stopped_ms)),o=Math.max(1,...n.flat()),s=600,r=d=>150+Math.max(0,d)/o*(s-160),a=20;return t.map(d=>{let c=d.stages.caller_stopped_ms,i=0,p=$n.map(([$,_],m)=>{let f=d.stages[$];if(f==null)return null;let h=i;return i=f-c,{label:_,from:h,to:f-c,i:m}}).filter(Boolean),u=p.length*a+24;return l`<figure class="waterfall">
      <figcaption>Turn ${d.turn_index+1}: voice-to-voice ${W(d.voice_to_voice_ms)}${" "}
        (${d.interrupted?"interrupted, ":""}${d.brain})</figcaption>
      <svg viewBox=${`0 0 ${s} ${u}`} role="img"
        aria-label=${`Turn ${d.turn_index+1} stages after the caller stopped: ${p.map($=>`${$.label} ${Math.round($.to)} ms`).join(", ")}`}>
        ${p.map($=>l`<g>
          <text x="0" y=${$.i*a+14} class="label">${$.label}</text>
          <rect x=${r($.from)} y=${$.i*a+2} width=${Math.max(2,r($.to)-r($.from))} height=${a-4}
            class=${`bar s${$.i}`}><title>${$.label}: ${Math.round($.from)}–${Math.round($.to)} ms</title></rect>
          <text x=${Math.min(s-40,r($.to)+4)} y=${$.i*a+14} class="value">${Math.round($.to)}</text>
        </g>`)}
        <line x1="150" x2="150" y1="0" y2=${u-20} class="axis" />
        <text x="150" y=${u-6} class="label">caller stopped (0 ms)</text>
        <text x=${s-70} y=${u-6} class="label">${Math.round(o)} ms</text>
      </svg></figure>`})}function Kn(e,t){let n=Wt(null),[o,s]=b("both"),r=a=>{let d=e.current;if(!d)return;if(!n.current){let $=new AudioContext,_=$.createMediaElementSource(d),m=$.createChannelSplitter(2),f=$.createChannelMerger(2);_.connect(m),f.connect($.destination),n.current={context:$,splitter:m,merger:f}}let{context:c,splitter:i,merger:p}=n.current;i.disconnect();let u={both:[0,1],caller:[0,0],agent:[1,1]}[a];i.connect(p,u[0],0),i.connect(p,u[1],1),c.resume(),s(a)};return D(()=>()=>{n.current&&n.current.context.close(),n.current=null},[t]),[o,r]}function zn({path:e,audioRef:t,onTime:n}){let[o,s]=b(void 0),[r,a]=b(null),[d,c]=Kn(t,o);return D(()=>{let i=null;return De(e).then(p=>{i=p,s(p)},a),()=>i&&URL.revokeObjectURL(i)},[e]),r?l`<${E} error=${r} />`:o===void 0?l`<p class="state" role="status">Loading the recording…</p>`:o===null?l`<p class="empty">No recording for this call.</p>`:l`<div class="player">
    <audio ref=${t} controls preload="metadata" src=${o} onTimeUpdate=${i=>n(i.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
    <fieldset class="choices channels"><legend>Listen to</legend>
      ${[["both","Both"],["caller","Caller only"],["agent","Agent only"]].map(([i,p])=>l`<label class="choice">
        <input type="radio" name="channels" value=${i} checked=${d===i} onChange=${()=>c(i)} />${p}</label>`)}
    </fieldset>
  </div>`}function Gn({turns:e}){let t=e.flatMap(n=>(n.tool_calls||[]).map(o=>({turn:n.turn_index,...o})));return t.length?l`<div class="table-wrap"><table data-testid="tool-calls">
    <caption>HTTP tool calls</caption>
    <thead><tr><th scope="col">Turn</th><th scope="col">Tool</th><th scope="col">Result</th>
      <th scope="col">HTTP status</th><th scope="col">Duration</th></tr></thead>
    <tbody>${t.map(n=>l`<tr class=${n.ok?"":"failed"}>
      <td>${n.turn+1}</td><td class="mono">${n.name}</td><td>${n.ok?"ok":"failed"}</td>
      <td>${n.status_code??"\u2014"}</td><td>${W(n.duration_ms)}</td></tr>`)}</tbody>
  </table></div>`:l`<p class="empty" data-testid="tool-calls">No tool calls.</p>`}function Qn(e){let t=e.flatMap(o=>o.tool_calls||[]),n=t.filter(o=>!o.ok).length;return t.length?n?`${t.length} (${n} failed)`:String(t.length):"none"}function Yn({call:e}){let t=e.analysis;if(!t)return l`<p class="empty" data-testid="analysis-status">Analysis: ${e.analysis_status||"not run"}.</p>`;let n=t.success?typeof t.success=="object"?JSON.stringify(t.success):String(t.success):null;return l`<dl class="stats facts analysis" data-testid="analysis-status">
    <div><dt>Analysis</dt><dd>${t.source}${t.model?` (${t.model})`:""}</dd></div>
    ${t.summary?l`<div class="wide"><dt>Summary</dt><dd>${t.summary}</dd></div>`:null}
    ${t.ended_how?l`<div><dt>How it ended</dt><dd>${t.ended_how}</dd></div>`:null}
    ${n?l`<div><dt>Success</dt><dd class="pre">${n}</dd></div>`:null}
    ${(t.caller_questions||[]).length?l`<div class="wide"><dt>Caller asked</dt><dd><ul>${t.caller_questions.map(o=>l`<li>${o}</li>`)}</ul></dd></div>`:null}
    ${t.extracted?l`<div class="wide"><dt>Extracted</dt><dd class="pre">${JSON.stringify(t.extracted,null,2)}</dd></div>`:null}
  </dl>`}function pn({tenantId:e,item:t}){let n=`/v1/tenants/${e}/calls/${encodeURIComponent(t)}`,o=x(()=>k(n),[n]),s=Wt(null),[r,a]=b(0),d=c=>{s.current&&(s.current.currentTime=c/1e3,s.current.play().catch(()=>{}))};return l`<${w} state=${o}>${c=>l`
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
      <div><dt>Tool calls</dt><dd data-testid="tool-summary">${Qn(c.turn_details)}</dd></div>
    </dl>
    <${Yn} call=${c} />
    <div class="call-grid">
      <section aria-label="Recording and transcript"><h2>Recording and transcript</h2>
        <${zn} path=${`${n}/recording`} audioRef=${s} onTime=${a} />
        ${c.transcript.length?l`<ol class="transcript">${c.transcript.map((i,p)=>{let u=c.transcript[p+1],$=r*1e3>=i.at_ms&&(!u||r*1e3<u.at_ms);return l`<li class=${`${i.role}${$?" active":""}`}>
            <button type="button" onClick=${()=>d(i.at_ms)}
              aria-label=${`Play from ${Y(i.at_ms/1e3)}: ${i.role} said ${i.text}`}>
              <span class="at">${Y(i.at_ms/1e3)}</span>
              <span class="role">${i.role}</span>
              <span class="text">${i.text}${i.interrupted?" (interrupted)":""}</span>
            </button></li>`})}</ol>`:l`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Jn} turns=${c.turn_details} />
        <h2>Tool calls</h2>
        <${Gn} turns=${c.turn_details} />
      </section>
    </div>`}</${w}>`}var zt=640,X=180,tt=36;function Lt({title:e,days:t,series:n,kind:o="bar",format:s=M}){let r=t.flatMap(p=>n.map(u=>p[u.key]??0)),a=Math.max(1,...r),d=(zt-tt*2)/Math.max(1,t.length),c=p=>X-20-(p??0)/a*(X-40),i=t.map(p=>`${Q(p.day)}: ${n.map(u=>`${u.label} ${s(p[u.key])}`).join(", ")}`).join("; ");return l`<figure class="chart"><figcaption>${e}</figcaption>
    <svg viewBox=${`0 0 ${zt} ${X}`} role="img" aria-label=${`${e}. ${i}`}>
      <line x1=${tt} x2=${zt-tt} y1=${X-20} y2=${X-20} class="axis" />
      <text x="2" y="14" class="label">${s(a)}</text>
      ${t.map((p,u)=>l`<text x=${tt+u*d+d/2} y=${X-4} class="label" text-anchor="middle">
        ${u%Math.ceil(t.length/7)===0?Q(p.day):""}</text>`)}
      ${o==="bar"?t.map((p,u)=>{let $=0;return n.map((_,m)=>{let f=p[_.key]??0,h=c($+f),y=l`<rect x=${tt+u*d+d*.15} width=${d*.7}
                y=${h} height=${Math.max(0,c($)-h)} class=${`bar s${m}`}>
                <title>${Q(p.day)} ${_.label}: ${s(f)}</title></rect>`;return $+=f,y})}):n.map((p,u)=>{let $=t.map((m,f)=>[f,m[p.key]]).filter(([,m])=>m!==null),_=([m,f])=>[tt+m*d+d/2,c(f)];return l`<g class=${`line s${u}`}>
              <polyline fill="none" points=${$.map(m=>_(m).join(",")).join(" ")} />
              ${$.map(m=>l`<circle cx=${_(m)[0]} cy=${_(m)[1]} r="4">
                <title>${Q(t[m[0]].day)} ${p.label}: ${s(m[1])}</title></circle>`)}
            </g>`})}
    </svg>
    <p class="legend">${n.map((p,u)=>l`<span><span class=${`swatch s${u}`}></span>${p.label}</span>`)}</p>
  </figure>`}function Zn(e,t,n){let o=Object.fromEntries(e.map(r=>[r.day,r])),s=[];for(let r=new Date(t);r<n;r.setUTCDate(r.getUTCDate()+1)){let a=r.toISOString().slice(0,10);s.push(o[a]||{day:a,calls:0,minutes:0,answered:0,missed:0,latency_p50_ms:null,latency_p95_ms:null})}return s}function mn({tenantId:e}){let[t,n]=b("14"),o=x(async()=>{let s=new Date;s.setUTCHours(24,0,0,0);let r=new Date(s);r.setUTCDate(r.getUTCDate()-Number(t));let a=await k(`/v1/tenants/${e}/analytics${F({since:r.toISOString(),until:s.toISOString()})}`);return Zn(a.days,r,s)},[e,t]);return l`<${T} title="Analytics">
      <${R} label="Range" path="range" value=${t} onChange=${n}
        options=${[["7","Last 7 days"],["14","Last 14 days"],["30","Last 30 days"],["90","Last 90 days"]]} />
    </${T}>
    <p class="note">Days are UTC days.</p>
    <${w} state=${o}>${s=>l`<div class="charts">
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
      <tbody>${s.map(r=>l`<tr><td>${Q(r.day)}</td><td>${M(r.calls)}</td><td>${lt(r.minutes)}</td>
        <td>${M(r.answered)}</td><td>${M(r.missed)}</td><td>${W(r.latency_p50_ms)}</td>
        <td>${W(r.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${w}>`}var _n=["call.started","call.ended","call.analyzed","usage.threshold_reached","usage.cap_reached","webhook.endpoint_disabled"];function Xn({base:e,endpoint:t}){let n=I(),[o,s]=b(""),r=x(()=>k(`${e}/${t.id}/deliveries${F({status:o,limit:25})}`),[t.id,o]),[a,d]=b(null),c=async i=>{try{await S("POST",`${e}/${t.id}/deliveries/${i.id}/redeliver`),r.reload()}catch(p){d(p)}};return l`<section aria-label=${`Deliveries to ${t.url}`}><h3>Deliveries</h3>
    <label>Status <select value=${o} onChange=${i=>s(i.currentTarget.value)}>
      ${[["","Any"],["pending","Pending"],["delivered","Delivered"],["failed","Failed"]].map(([i,p])=>l`<option value=${i} selected=${i===o}>${p}</option>`)}</select></label>
    <${E} error=${a} />
    <${w} state=${r} empty=${Object.assign(i=>i.items.length===0,{text:"No deliveries yet."})}>
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
  </section>`}function fn({tenantId:e}){let t=I(),n=`/v1/tenants/${e}/webhooks`,o=x(()=>k(n),[e]),[s,r]=b({url:"",description:"",event_types:["call.ended"]}),[a,d]=b({}),[c,i]=b(null),[p,u]=b(null),[$,_]=b(null),m=async v=>{try{await v(),d({}),i(null),o.reload()}catch(g){d(g.fieldErrors?g.fieldErrors():{}),i(g)}},f=v=>{v.preventDefault(),m(async()=>{let g={url:s.url,event_types:s.event_types,description:s.description||null},P=await S("POST",n,g);u({url:P.url,secret:P.secret}),r({url:"",description:"",event_types:["call.ended"]})})},h=v=>{let g=s.event_types.includes(v)?s.event_types.filter(P=>P!==v):[...s.event_types,v];r({...s,event_types:_n.filter(P=>g.includes(P))})},y=t("webhooks.write");return l`<${T} title="Webhooks" />
    ${y?l`<form class="inline-form" onSubmit=${f} aria-label="Add a webhook endpoint">
      <${C} label="Endpoint URL" path="url" value=${s.url} error=${a.url}
        placeholder="https://example.com/hooks" onInput=${v=>r({...s,url:v})} />
      <${C} label="Description" path="description" value=${s.description}
        error=${a.description} onInput=${v=>r({...s,description:v})} />
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
    <${w} state=${o} empty=${Object.assign(v=>v.items.length===0,{text:"No webhook endpoints yet."})}>
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
              <button type="button" class="secondary small" onClick=${()=>m(async()=>{let P=await S("POST",`${n}/${g.id}/rotate-secret`,{});u({url:g.url,secret:P.secret})})}>Rotate secret</button>
              <button type="button" class="danger small" onClick=${()=>confirm(`Remove ${g.url}?`)&&m(()=>S("DELETE",`${n}/${g.id}`))}>Remove</button>`:null}
            ${$===g.id?l`<${Xn} base=${n} endpoint=${g} />`:null}
          </td></tr>`)}</tbody></table></div>`}
    </${w}>`}var to=[["","Home","runtime.read"],["numbers","Numbers","calls.read"],["agents","Agents","calls.read"],["calls","Calls","calls.read"],["analytics","Analytics","analytics.read"],["secrets","Secrets","secrets.read"],["members","Members","members.read"],["api-keys","API keys","api_keys.read"],["webhooks","Webhooks","webhooks.read"],["audit","Audit log","audit.read"]],eo={"":Ze,numbers:Xe,agents:tn,secrets:on,members:rn,"api-keys":sn,audit:cn,calls:un,analytics:mn,webhooks:fn};function no({me:e,tenantId:t,section:n,item:o}){let s=x(()=>k(`/v1/tenants/${t}/permissions`),[t]),r=x(()=>k(`/v1/tenants/${t}`),[t]),a=eo[n]||null;n==="agents"&&o&&(a=en),n==="calls"&&o&&(a=pn);let d=s.data?s.data.allowed:[],c=`/admin/t/${t}`;return l`<${w} state=${s}>${i=>l`<${wt.Provider} value=${i}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${r.data?r.data.name:""}
        ${i.role?l`<span class="badge">${i.role}</span>`:l`<span class="badge">platform admin</span>`}</p>
      <ul>${to.filter(([,,p])=>d.includes(p)).map(([p,u])=>l`<li><${j} href=${p?`${c}/${p}`:c}
          aria-current=${n===p?"page":void 0}>${u}</${j}></li>`)}</ul>
    </nav>
    <main id="main" class="content">
      ${a?l`<${a} tenantId=${t} tenant=${r.data} item=${o} me=${e}
        reloadTenant=${r.reload} />`:l`<p class="state">No such page.</p>`}
    </main>
  </${wt.Provider}>`}</${w}>`}function oo(){let e=He(),[t,n]=b(null),[o,s]=b(null);D(()=>{Oe(()=>H("/admin/signin?expired=1",{replace:!0}))},[]);let r=location.pathname.replace(/\/+$/,""),a=!!gt();if(D(()=>{!a||r==="/admin/signin"||r==="/admin/callback"||t===null&&k("/v1/me").then(n,s)},[a,r,t]),r==="/admin/callback")return l`<${Ve} />`;if(r==="/admin/signin"||!a)return r!=="/admin/signin"&&H("/admin/signin",{replace:!0}),l`<${Fe} onSignedIn=${u=>n(u)} />`;let d=()=>{G(),n(null),H("/admin/signin")},c=l`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${j} href="/admin" class="brand">Switchboard</${j}>
    <span class="who">${t?t.subject:""}</span>
    <button type="button" class="ghost" onClick=${d}>Sign out</button>
  </header>`;if(o)return l`${c}<main class="content"><p class="error" role="alert">${o.message}</p></main>`;let i=r.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/);if(!t&&!i)return l`${c}<p class="state" role="status">Loading…</p>`;let p=i?l`<div class="layout"><${no} me=${t} tenantId=${decodeURIComponent(i[1])}
        section=${i[2]||""} item=${i[3]?decodeURIComponent(i[3]):null} /></div>`:l`<main id="main" class="content"><${Ge} me=${t} /></main>`;return l`${c}${p}<span hidden>${e}</span>`}var hn=document.getElementById("app");hn.textContent="";ue(l`<${oo} />`,hn);
