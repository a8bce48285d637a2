var ft,P,ee,kn,K,Qt,ne,oe,re,jt,Dt,Ut,se,at={},ae=[],Sn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,_t=Array.isArray;function q(e,t){for(var n in t)e[n]=t[n];return e}function Mt(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function Rt(e,t,n){var o,s,r,a={};for(r in t)r=="key"?o=t[r]:r=="ref"?s=t[r]:a[r]=t[r];if(arguments.length>2&&(a.children=arguments.length>3?ft.call(arguments,2):n),typeof e=="function"&&e.defaultProps!=null)for(r in e.defaultProps)a[r]===void 0&&(a[r]=e.defaultProps[r]);return $t(e,a,o,s,null)}function $t(e,t,n,o,s){var r={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++ee,__i:-1,__u:0};return s==null&&P.vnode!=null&&P.vnode(r),r}function ht(e){return e.children}function pt(e,t){this.props=e,this.context=t}function Y(e,t){if(t==null)return e.__?Y(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type=="function"?Y(e):null}function le(e){var t,n;if((e=e.__)!=null&&e.__c!=null){for(e.__e=e.__c.base=null,t=0;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null){e.__e=e.__c.base=n.__e;break}return le(e)}}function It(e){(!e.__d&&(e.__d=!0)&&K.push(e)&&!mt.__r++||Qt!=P.debounceRendering)&&((Qt=P.debounceRendering)||ne)(mt)}function mt(){for(var e,t,n,o,s,r,a,d=1;K.length;)K.length>d&&K.sort(oe),e=K.shift(),d=K.length,e.__d&&(n=void 0,s=(o=(t=e).__v).__e,r=[],a=[],t.__P&&((n=q({},o)).__v=o.__v+1,P.vnode&&P.vnode(n),Ht(t.__P,n,o,t.__n,t.__P.namespaceURI,32&o.__u?[s]:null,r,s??Y(o),!!(32&o.__u),a),n.__v=o.__v,n.__.__k[n.__i]=n,de(r,n,a),n.__e!=s&&le(n)));mt.__r=0}function ie(e,t,n,o,s,r,a,d,c,i,p){var u,$,f,m,_,b,y=o&&o.__k||ae,w=t.length;for(c=xn(n,t,y,c,w),u=0;u<w;u++)(f=n.__k[u])!=null&&($=f.__i==-1?at:y[f.__i]||at,f.__i=u,b=Ht(e,f,$,s,r,a,d,c,i,p),m=f.__e,f.ref&&$.ref!=f.ref&&($.ref&&Ft($.ref,null,f),p.push(f.ref,f.__c||m,f)),_==null&&m!=null&&(_=m),4&f.__u||$.__k===f.__k?c=ce(f,c,e):typeof f.type=="function"&&b!==void 0?c=b:m&&(c=m.nextSibling),f.__u&=-7);return n.__e=_,c}function xn(e,t,n,o,s){var r,a,d,c,i,p=n.length,u=p,$=0;for(e.__k=new Array(s),r=0;r<s;r++)(a=t[r])!=null&&typeof a!="boolean"&&typeof a!="function"?(c=r+$,(a=e.__k[r]=typeof a=="string"||typeof a=="number"||typeof a=="bigint"||a.constructor==String?$t(null,a,null,null,null):_t(a)?$t(ht,{children:a},null,null,null):a.constructor==null&&a.__b>0?$t(a.type,a.props,a.key,a.ref?a.ref:null,a.__v):a).__=e,a.__b=e.__b+1,d=null,(i=a.__i=Cn(a,n,c,u))!=-1&&(u--,(d=n[i])&&(d.__u|=2)),d==null||d.__v==null?(i==-1&&(s>p?$--:s<p&&$++),typeof a.type!="function"&&(a.__u|=4)):i!=c&&(i==c-1?$--:i==c+1?$++:(i>c?$--:$++,a.__u|=4))):e.__k[r]=null;if(u)for(r=0;r<p;r++)(d=n[r])!=null&&(2&d.__u)==0&&(d.__e==o&&(o=Y(d)),$e(d,d));return o}function ce(e,t,n){var o,s;if(typeof e.type=="function"){for(o=e.__k,s=0;o&&s<o.length;s++)o[s]&&(o[s].__=e,t=ce(o[s],t,n));return t}e.__e!=t&&(t&&e.type&&!n.contains(t)&&(t=Y(e)),n.insertBefore(e.__e,t||null),t=e.__e);do t=t&&t.nextSibling;while(t!=null&&t.nodeType==8);return t}function Cn(e,t,n,o){var s,r,a=e.key,d=e.type,c=t[n];if(c===null&&e.key==null||c&&a==c.key&&d==c.type&&(2&c.__u)==0)return n;if(o>(c!=null&&(2&c.__u)==0?1:0))for(s=n-1,r=n+1;s>=0||r<t.length;){if(s>=0){if((c=t[s])&&(2&c.__u)==0&&a==c.key&&d==c.type)return s;s--}if(r<t.length){if((c=t[r])&&(2&c.__u)==0&&a==c.key&&d==c.type)return r;r++}}return-1}function Xt(e,t,n){t[0]=="-"?e.setProperty(t,n??""):e[t]=n==null?"":typeof n!="number"||Sn.test(t)?n:n+"px"}function ut(e,t,n,o,s){var r,a;t:if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||Xt(e.style,t,"");if(n)for(t in n)o&&n[t]==o[t]||Xt(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")r=t!=(t=t.replace(re,"$1")),a=t.toLowerCase(),t=a in e||t=="onFocusOut"||t=="onFocusIn"?a.slice(2):t.slice(2),e.l||(e.l={}),e.l[t+r]=n,n?o?n.u=o.u:(n.u=jt,e.addEventListener(t,r?Ut:Dt,r)):e.removeEventListener(t,r?Ut:Dt,r);else{if(s=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{e[t]=n??"";break t}catch{}typeof n=="function"||(n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n))}}function te(e){return function(t){if(this.l){var n=this.l[t.type+e];if(t.t==null)t.t=jt++;else if(t.t<n.u)return;return n(P.event?P.event(t):t)}}}function Ht(e,t,n,o,s,r,a,d,c,i){var p,u,$,f,m,_,b,y,w,g,N,Z,ot,Yt,dt,rt,Ot,B=t.type;if(t.constructor!=null)return null;128&n.__u&&(c=!!(32&n.__u),r=[d=t.__e=n.__e]),(p=P.__b)&&p(t);t:if(typeof B=="function")try{if(y=t.props,w="prototype"in B&&B.prototype.render,g=(p=B.contextType)&&o[p.__c],N=p?g?g.props.value:p.__:o,n.__c?b=(u=t.__c=n.__c).__=u.__E:(w?t.__c=u=new B(y,N):(t.__c=u=new pt(y,N),u.constructor=B,u.render=En),g&&g.sub(u),u.props=y,u.state||(u.state={}),u.context=N,u.__n=o,$=u.__d=!0,u.__h=[],u._sb=[]),w&&u.__s==null&&(u.__s=u.state),w&&B.getDerivedStateFromProps!=null&&(u.__s==u.state&&(u.__s=q({},u.__s)),q(u.__s,B.getDerivedStateFromProps(y,u.__s))),f=u.props,m=u.state,u.__v=t,$)w&&B.getDerivedStateFromProps==null&&u.componentWillMount!=null&&u.componentWillMount(),w&&u.componentDidMount!=null&&u.__h.push(u.componentDidMount);else{if(w&&B.getDerivedStateFromProps==null&&y!==f&&u.componentWillReceiveProps!=null&&u.componentWillReceiveProps(y,N),!u.__e&&u.shouldComponentUpdate!=null&&u.shouldComponentUpdate(y,u.__s,N)===!1||t.__v==n.__v){for(t.__v!=n.__v&&(u.props=y,u.state=u.__s,u.__d=!1),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(st){st&&(st.__=t)}),Z=0;Z<u._sb.length;Z++)u.__h.push(u._sb[Z]);u._sb=[],u.__h.length&&a.push(u);break t}u.componentWillUpdate!=null&&u.componentWillUpdate(y,u.__s,N),w&&u.componentDidUpdate!=null&&u.__h.push(function(){u.componentDidUpdate(f,m,_)})}if(u.context=N,u.props=y,u.__P=e,u.__e=!1,ot=P.__r,Yt=0,w){for(u.state=u.__s,u.__d=!1,ot&&ot(t),p=u.render(u.props,u.state,u.context),dt=0;dt<u._sb.length;dt++)u.__h.push(u._sb[dt]);u._sb=[]}else do u.__d=!1,ot&&ot(t),p=u.render(u.props,u.state,u.context),u.state=u.__s;while(u.__d&&++Yt<25);u.state=u.__s,u.getChildContext!=null&&(o=q(q({},o),u.getChildContext())),w&&!$&&u.getSnapshotBeforeUpdate!=null&&(_=u.getSnapshotBeforeUpdate(f,m)),rt=p,p!=null&&p.type===ht&&p.key==null&&(rt=ue(p.props.children)),d=ie(e,_t(rt)?rt:[rt],t,n,o,s,r,a,d,c,i),u.base=t.__e,t.__u&=-161,u.__h.length&&a.push(u),b&&(u.__E=u.__=null)}catch(st){if(t.__v=null,c||r!=null)if(st.then){for(t.__u|=c?160:128;d&&d.nodeType==8&&d.nextSibling;)d=d.nextSibling;r[r.indexOf(d)]=null,t.__e=d}else for(Ot=r.length;Ot--;)Mt(r[Ot]);else t.__e=n.__e,t.__k=n.__k;P.__e(st,t,n)}else r==null&&t.__v==n.__v?(t.__k=n.__k,t.__e=n.__e):d=t.__e=Tn(n.__e,t,n,o,s,r,a,c,i);return(p=P.diffed)&&p(t),128&t.__u?void 0:d}function de(e,t,n){for(var o=0;o<n.length;o++)Ft(n[o],n[++o],n[++o]);P.__c&&P.__c(t,e),e.some(function(s){try{e=s.__h,s.__h=[],e.some(function(r){r.call(s)})}catch(r){P.__e(r,s.__v)}})}function ue(e){return typeof e!="object"||e==null||e.__b&&e.__b>0?e:_t(e)?e.map(ue):q({},e)}function Tn(e,t,n,o,s,r,a,d,c){var i,p,u,$,f,m,_,b=n.props,y=t.props,w=t.type;if(w=="svg"?s="http://www.w3.org/2000/svg":w=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),r!=null){for(i=0;i<r.length;i++)if((f=r[i])&&"setAttribute"in f==!!w&&(w?f.localName==w:f.nodeType==3)){e=f,r[i]=null;break}}if(e==null){if(w==null)return document.createTextNode(y);e=document.createElementNS(s,w,y.is&&y),d&&(P.__m&&P.__m(t,r),d=!1),r=null}if(w==null)b===y||d&&e.data==y||(e.data=y);else{if(r=r&&ft.call(e.childNodes),b=n.props||at,!d&&r!=null)for(b={},i=0;i<e.attributes.length;i++)b[(f=e.attributes[i]).name]=f.value;for(i in b)if(f=b[i],i!="children"){if(i=="dangerouslySetInnerHTML")u=f;else if(!(i in y)){if(i=="value"&&"defaultValue"in y||i=="checked"&&"defaultChecked"in y)continue;ut(e,i,null,f,s)}}for(i in y)f=y[i],i=="children"?$=f:i=="dangerouslySetInnerHTML"?p=f:i=="value"?m=f:i=="checked"?_=f:d&&typeof f!="function"||b[i]===f||ut(e,i,f,b[i],s);if(p)d||u&&(p.__html==u.__html||p.__html==e.innerHTML)||(e.innerHTML=p.__html),t.__k=[];else if(u&&(e.innerHTML=""),ie(t.type=="template"?e.content:e,_t($)?$:[$],t,n,o,w=="foreignObject"?"http://www.w3.org/1999/xhtml":s,r,a,r?r[0]:n.__k&&Y(n,0),d,c),r!=null)for(i=r.length;i--;)Mt(r[i]);d||(i="value",w=="progress"&&m==null?e.removeAttribute("value"):m!=null&&(m!==e[i]||w=="progress"&&!m||w=="option"&&m!=b[i])&&ut(e,i,m,b[i],s),i="checked",_!=null&&_!=e[i]&&ut(e,i,_,b[i],s))}return e}function Ft(e,t,n){try{if(typeof e=="function"){var o=typeof e.__u=="function";o&&e.__u(),o&&t==null||(e.__u=e(t))}else e.current=t}catch(s){P.__e(s,n)}}function $e(e,t,n){var o,s;if(P.unmount&&P.unmount(e),(o=e.ref)&&(o.current&&o.current!=e.__e||Ft(o,null,t)),(o=e.__c)!=null){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(r){P.__e(r,t)}o.base=o.__P=null}if(o=e.__k)for(s=0;s<o.length;s++)o[s]&&$e(o[s],t,n||typeof e.type!="function");n||Mt(e.__e),e.__c=e.__=e.__e=void 0}function En(e,t,n){return this.constructor(e,n)}function pe(e,t,n){var o,s,r,a;t==document&&(t=document.documentElement),P.__&&P.__(e,t),s=(o=typeof n=="function")?null:n&&n.__k||t.__k,r=[],a=[],Ht(t,e=(!o&&n||t).__k=Rt(ht,null,[e]),s||at,at,t.namespaceURI,!o&&n?[n]:s?null:t.firstChild?ft.call(t.childNodes):null,r,!o&&n?n:s?s.__e:t.firstChild,o,a),de(r,e,a)}function bt(e){function t(n){var o,s;return this.getChildContext||(o=new Set,(s={})[t.__c]=this,this.getChildContext=function(){return s},this.componentWillUnmount=function(){o=null},this.shouldComponentUpdate=function(r){this.props.value!=r.value&&o.forEach(function(a){a.__e=!0,It(a)})},this.sub=function(r){o.add(r);var a=r.componentWillUnmount;r.componentWillUnmount=function(){o&&o.delete(r),a&&a.call(r)}}),n.children}return t.__c="__cC"+se++,t.__=e,t.Provider=t.__l=(t.Consumer=function(n,o){return n.children(o)}).contextType=t,t}ft=ae.slice,P={__e:function(e,t,n,o){for(var s,r,a;t=t.__;)if((s=t.__c)&&!s.__)try{if((r=s.constructor)&&r.getDerivedStateFromError!=null&&(s.setState(r.getDerivedStateFromError(e)),a=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(e,o||{}),a=s.__d),a)return s.__E=s}catch(d){e=d}throw e}},ee=0,kn=function(e){return e!=null&&e.constructor==null},pt.prototype.setState=function(e,t){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=q({},this.state),typeof e=="function"&&(e=e(q({},n),this.props)),e&&q(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),It(this))},pt.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),It(this))},pt.prototype.render=ht,K=[],ne=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,oe=function(e,t){return e.__v.__b-t.__v.__b},mt.__r=0,re=/(PointerCapture)$|Capture$/i,jt=0,Dt=te(!1),Ut=te(!0),se=0;var Q,O,Bt,me,lt=0,we=[],j=P,fe=j.__b,_e=j.__r,he=j.diffed,be=j.__c,ye=j.unmount,ge=j.__;function gt(e,t){j.__h&&j.__h(O,e,lt||t),lt=0;var n=O.__H||(O.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function h(e){return lt=1,Pn(Ce,e)}function Pn(e,t,n){var o=gt(Q++,2);if(o.t=e,!o.__c&&(o.__=[n?n(t):Ce(void 0,t),function(d){var c=o.__N?o.__N[0]:o.__[0],i=o.t(c,d);c!==i&&(o.__N=[i,o.__[1]],o.__c.setState({}))}],o.__c=O,!O.__f)){var s=function(d,c,i){if(!o.__c.__H)return!0;var p=o.__c.__H.__.filter(function($){return!!$.__c});if(p.every(function($){return!$.__N}))return!r||r.call(this,d,c,i);var u=o.__c.props!==d;return p.forEach(function($){if($.__N){var f=$.__[0];$.__=$.__N,$.__N=void 0,f!==$.__[0]&&(u=!0)}}),r&&r.call(this,d,c,i)||u};O.__f=!0;var r=O.shouldComponentUpdate,a=O.componentWillUpdate;O.componentWillUpdate=function(d,c,i){if(this.__e){var p=r;r=void 0,s(d,c,i),r=p}a&&a.call(this,d,c,i)},O.shouldComponentUpdate=s}return o.__N||o.__}function D(e,t){var n=gt(Q++,3);!j.__s&&xe(n.__H,t)&&(n.__=e,n.u=t,O.__H.__h.push(n))}function Wt(e){return lt=5,ke(function(){return{current:e}},[])}function ke(e,t){var n=gt(Q++,7);return xe(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function Se(e,t){return lt=8,ke(function(){return e},t)}function vt(e){var t=O.context[e.__c],n=gt(Q++,9);return n.c=e,t?(n.__==null&&(n.__=!0,t.sub(O)),t.props.value):e.__}function Ln(){for(var e;e=we.shift();)if(e.__P&&e.__H)try{e.__H.__h.forEach(yt),e.__H.__h.forEach(Vt),e.__H.__h=[]}catch(t){e.__H.__h=[],j.__e(t,e.__v)}}j.__b=function(e){O=null,fe&&fe(e)},j.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ge&&ge(e,t)},j.__r=function(e){_e&&_e(e),Q=0;var t=(O=e.__c).__H;t&&(Bt===O?(t.__h=[],O.__h=[],t.__.forEach(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(t.__h.forEach(yt),t.__h.forEach(Vt),t.__h=[],Q=0)),Bt=O},j.diffed=function(e){he&&he(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(we.push(t)!==1&&me===j.requestAnimationFrame||((me=j.requestAnimationFrame)||An)(Ln)),t.__H.__.forEach(function(n){n.u&&(n.__H=n.u),n.u=void 0})),Bt=O=null},j.__c=function(e,t){t.some(function(n){try{n.__h.forEach(yt),n.__h=n.__h.filter(function(o){return!o.__||Vt(o)})}catch(o){t.some(function(s){s.__h&&(s.__h=[])}),t=[],j.__e(o,n.__v)}}),be&&be(e,t)},j.unmount=function(e){ye&&ye(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.forEach(function(o){try{yt(o)}catch(s){t=s}}),n.__H=void 0,t&&j.__e(t,n.__v))};var ve=typeof requestAnimationFrame=="function";function An(e){var t,n=function(){clearTimeout(o),ve&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);ve&&(t=requestAnimationFrame(n))}function yt(e){var t=O,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),O=t}function Vt(e){var t=O;e.__c=e.__(),O=t}function xe(e,t){return!e||e.length!==t.length||t.some(function(n,o){return n!==e[o]})}function Ce(e,t){return typeof t=="function"?t(e):t}var Ee="sb.token",qt="sb.pkce";function wt(){return sessionStorage.getItem(Ee)}function Jt(e){sessionStorage.setItem(Ee,e)}function X(){sessionStorage.clear()}function Pe(e){let t="";for(let n of new Uint8Array(e))t+=String.fromCharCode(n);return btoa(t).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function Te(){return Pe(crypto.getRandomValues(new Uint8Array(32)))}async function Le(e){let t=e.replace(/\/$/,"")+"/.well-known/openid-configuration",n=await fetch(t);if(!n.ok)throw new Error(`The identity provider answered ${n.status}.`);return n.json()}function Ae(){return`${location.origin}/admin/callback`}async function Ne(e){let t=await Le(e.oidc_issuer),n=Te(),o=Te(),s=await crypto.subtle.digest("SHA-256",new TextEncoder().encode(n));sessionStorage.setItem(qt,JSON.stringify({verifier:n,state:o}));let r=new URLSearchParams({response_type:"code",client_id:e.oidc_client_id,redirect_uri:Ae(),scope:e.oidc_scopes,state:o,code_challenge:Pe(s),code_challenge_method:"S256"});location.assign(`${t.authorization_endpoint}?${r}`)}async function Oe(e,t){let n=new URLSearchParams(t),o=JSON.parse(sessionStorage.getItem(qt)||"null");if(sessionStorage.removeItem(qt),n.get("error"))throw new Error(`Sign-in failed: ${n.get("error")}`);if(!o||n.get("state")!==o.state)throw new Error("Sign-in state mismatch.");let s=await Le(e.oidc_issuer),r=new URLSearchParams({grant_type:"authorization_code",code:n.get("code")||"",redirect_uri:Ae(),client_id:e.oidc_client_id,code_verifier:o.verifier}),a=await fetch(s.token_endpoint,{method:"POST",body:r});if(!a.ok)throw new Error(`The token exchange failed (${a.status}).`);let d=await a.json();Jt(d.access_token)}var it=class extends Error{constructor(t,n){let o=n&&n.error||{};super(o.message||`Request failed (${t}).`),this.status=t,this.code=o.code||"http_error",this.details=o.details}fieldErrors(){let t={};if(Array.isArray(this.details))for(let n of this.details){let o=String(n.field||"").replace(/^body\./,"");t[o]=t[o]?`${t[o]}; ${n.message}`:n.message}return t}},De=()=>{};function Ue(e){De=e}async function Kt(e,t,n){let o={Accept:"application/json"},s=wt();s&&(o.Authorization=`Bearer ${s}`),n!==void 0&&(o["Content-Type"]="application/json");let r=await fetch(t,{method:e,headers:o,body:n===void 0?void 0:JSON.stringify(n)});return r.status===401&&(X(),De()),r}async function S(e,t,n){let o=await Kt(e,t,n),s=await o.text(),r=s?JSON.parse(s):null;if(!o.ok)throw new it(o.status,r);return r}var k=e=>S("GET",e);async function Ie(e){let t=await Kt("GET",e);if(t.status===404)return null;if(!t.ok)throw new it(t.status,null);return URL.createObjectURL(await t.blob())}function R(e){let t=Object.entries(e).filter(([,n])=>n!=null&&n!=="");return t.length?`?${new URLSearchParams(t)}`:""}async function je(e,t){let n=await Kt("POST",e,t);if(!n.ok){let o=await n.text();throw new it(n.status,o?JSON.parse(o):null)}return URL.createObjectURL(await n.blob())}var Re=function(e,t,n,o){var s;t[0]=0;for(var r=1;r<t.length;r++){var a=t[r++],d=t[r]?(t[0]|=a?1:2,n[t[r++]]):t[++r];a===3?o[0]=d:a===4?o[1]=Object.assign(o[1]||{},d):a===5?(o[1]=o[1]||{})[t[++r]]=d:a===6?o[1][t[++r]]+=d+"":a?(s=e.apply(d,Re(e,d,n,["",null])),o.push(s),d[0]?t[0]|=2:(t[r-2]=0,t[r]=s)):o.push(d)}return o},Me=new Map;function He(e){var t=Me.get(this);return t||(t=new Map,Me.set(this,t)),(t=Re(this,t.get(e)||(t.set(e,t=function(n){for(var o,s,r=1,a="",d="",c=[0],i=function($){r===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?c.push(0,$,a):r===3&&($||a)?(c.push(3,$,a),r=2):r===2&&a==="..."&&$?c.push(4,$,0):r===2&&a&&!$?c.push(5,0,!0,a):r>=5&&((a||!$&&r===5)&&(c.push(r,0,a,s),r=6),$&&(c.push(r,$,0,s),r=6)),a=""},p=0;p<n.length;p++){p&&(r===1&&i(),i(p));for(var u=0;u<n[p].length;u++)o=n[p][u],r===1?o==="<"?(i(),c=[c],r=3):a+=o:r===4?a==="--"&&o===">"?(r=1,a=""):a=o+a[0]:d?o===d?d="":a+=o:o==='"'||o==="'"?d=o:o===">"?(i(),r=1):r&&(o==="="?(r=5,s=a,a=""):o==="/"&&(r<5||n[p][u+1]===">")?(i(),r===3&&(c=c[0]),r=c,(c=c[0]).push(2,0,r),r=0):o===" "||o==="	"||o===`
`||o==="\r"?(i(),r=2):a+=o),r===3&&a==="!--"&&(r=4,c=c[0])}return i(),c}(e)),t),arguments,[])).length>1?t:t[0]}var l=He.bind(Rt),kt=new Set;function F(e,{replace:t=!1}={}){t?history.replaceState(null,"",e):history.pushState(null,"",e),kt.forEach(n=>n())}window.addEventListener("popstate",()=>kt.forEach(e=>e()));function Fe(){let[,e]=h(0);return D(()=>{let t=()=>e(n=>n+1);return kt.add(t),()=>kt.delete(t)},[]),location.pathname+location.search}function I({href:e,children:t,...n}){return l`<a href=${e} onClick=${s=>{s.button!==0||s.metaKey||s.ctrlKey||s.shiftKey||(s.preventDefault(),F(e))}} ...${n}>${t}</a>`}var St=bt({allowed:[],role:null,platform_admin:!1});function U(){let e=vt(St);return t=>e.allowed.includes(t)}function x(e,t){let[n,o]=h({loading:!0,data:null,error:null}),s=Se(()=>{let r=!0;return o(a=>({...a,loading:!0,error:null})),e().then(a=>r&&o({loading:!1,data:a,error:null}),a=>r&&o({loading:!1,data:null,error:a})),()=>{r=!1}},t);return D(s,[s]),{...n,reload:s}}function v({state:e,empty:t,children:n}){return e.error?l`<${C} error=${e.error} />`:e.loading&&e.data===null?l`<p class="state" role="status">Loading…</p>`:t&&t(e.data)?l`<p class="state empty">${t.text||"Nothing here yet."}</p>`:n(e.data)}function C({error:e}){if(!e)return null;let t=e.code?l` <code>${e.code}</code>`:null,n=Array.isArray(e.details)?e.details.map(o=>`${o.field?`${String(o.field).replace(/^body\./,"")}: `:""}${o.message}`):[];return l`<div class="error" role="alert">${e.message}${t}
    ${n.length?l`<ul>${n.map(o=>l`<li>${o}</li>`)}</ul>`:null}</div>`}function xt(e){return`f-${e.replace(/[^a-zA-Z0-9_-]/g,"-")}`}function H({label:e,path:t,error:n,hint:o,children:s}){let r=xt(t);return l`<div class=${`field${n?" invalid":""}`}>
    <label for=${r}>${e}</label>
    ${s(r,n?`${r}-error`:o?`${r}-hint`:void 0)}
    ${o&&!n?l`<small id=${`${r}-hint`}>${o}</small>`:null}
    ${n?l`<small class="field-error" id=${`${r}-error`} data-field=${t}>${n}</small>`:null}
  </div>`}function E({label:e,path:t,value:n,onInput:o,error:s,type:r="text",hint:a,...d}){return l`<${H} label=${e} path=${t} error=${s} hint=${a}>
    ${(c,i)=>l`<input id=${c} name=${t} type=${r} value=${n??""}
      aria-invalid=${s?"true":void 0} aria-describedby=${i}
      onInput=${p=>o(p.currentTarget.value)} ...${d} />`}
  </${H}>`}function M({label:e,path:t,value:n,options:o,onChange:s,error:r}){return l`<${H} label=${e} path=${t} error=${r}>
    ${(a,d)=>l`<select id=${a} name=${t} value=${n??""}
      aria-describedby=${d} onChange=${c=>s(c.currentTarget.value)}>
      ${o.map(([c,i])=>l`<option value=${c} selected=${c===(n??"")}>${i}</option>`)}
    </select>`}
  </${H}>`}var Nn=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),On=new Intl.DateTimeFormat(void 0,{month:"short",day:"numeric"}),Dn=new Intl.NumberFormat,Be=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}),L=e=>e?Nn.format(new Date(e)):"\u2014",ct=e=>On.format(new Date(`${e}T12:00:00`)),A=e=>e==null?"\u2014":Dn.format(e),z=e=>e==null?"\u2014":Be.format(e),V=e=>e==null?"\u2014":`${Be.format(e)} ms`,tt=e=>{if(e==null)return"\u2014";let t=Math.round(e);return`${Math.floor(t/60)}:${String(t%60).padStart(2,"0")}`};function T({title:e,children:t}){return D(()=>{document.title=`${e} \xB7 Switchboard`},[e]),l`<header class="page-head"><h1 tabindex="-1" id="page-title">${e}</h1>
    <div class="actions">${t}</div></header>`}function Ct({cursors:e,setCursors:t,next:n}){return l`<nav class="pager" aria-label="Pages">
    <button type="button" class="secondary" disabled=${e.length===1}
      onClick=${()=>t(e.slice(0,-1))}>Newer</button>
    <button type="button" class="secondary" disabled=${!n}
      onClick=${()=>t([...e,n])}>Older</button>
  </nav>`}function Ve({onSignedIn:e}){let t=x(()=>k("/v1/console/config"),[]),[n,o]=h(""),[s,r]=h(null),[a,d]=h(!1),c=new URLSearchParams(location.search).has("expired");D(()=>{document.title="Sign in \xB7 Switchboard"},[]);let i=async u=>{u.preventDefault(),d(!0),r(null),Jt(n.trim());try{let $=await k("/v1/me");e($),F("/admin",{replace:!0})}catch($){X(),r($.status===401?"That key is not valid (or was revoked).":$.message),d(!1)}},p=t.data&&t.data.oidc_issuer;return l`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${c&&!s?l`<p class="note" role="status">Your session ended; sign in again.</p>`:null}
    <form onSubmit=${i} aria-label="Sign in with an API key">
      <${E} label="API key" path="api_key" type="password" value=${n} onInput=${o}
        error=${s} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${a||!n.trim()}>Sign in</button>
    </form>
    ${p?l`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${()=>Ne(t.data).catch(r)}>
        Sign in with your identity provider</button>`:null}
  </main>`}function We(){let[e,t]=h(null);return D(()=>{k("/v1/console/config").then(n=>Oe(n,location.search)).then(()=>F("/admin",{replace:!0}),n=>t(n.message))},[]),l`<main id="main" class="signin">
    ${e?l`<p class="error" role="alert">${e}</p>
      <a href="/admin/signin">Back to sign-in</a>`:l`<p class="state" role="status">Signing in…</p>`}
  </main>`}var Tt=null;async function J(e){return Tt=Tt||await k("/openapi.json"),{root:Tt.components.schemas[e],all:Tt.components.schemas}}var Et=(e,t)=>e&&e.$ref?t[e.$ref.split("/").pop()]:e;function Ke(e,t){let n=e.anyOf||e.oneOf;if(!n)return null;let o=n.filter(s=>s.type!=="null");return o.length===1&&o.length<n.length?Et(o[0],t):null}var qe={Llm:"LLM",Stt:"Speech-to-text (STT)",Tts:"Voice (TTS)",Api:"API",Dtmf:"DTMF",Http:"HTTP",Ms:"(ms)",S:"(s)",Url:"URL",Of:"of",In:"in",At:"at"},Un=(e,t)=>(t&&t.title||e.replace(/_/g," ")).split(" ").map((n,o)=>o===0?qe[n]||n:qe[n]||n.toLowerCase()).join(" ").replace(/^./,n=>n.toUpperCase());function ze(e,t,n){let o=Array.isArray(e)?[...e]:{...e||{}};return n===void 0?delete o[t]:o[t]=n,o}function Pt(e,t){let n=Et(e,t),o=e.default!==void 0?e.default:n.default;if(n.type==="object"&&n.properties){let s={};for(let[r,a]of Object.entries(n.properties)){let d=Ke(a,t)?null:Pt(a,t);d!==void 0&&(s[r]=d)}return{...s,...structuredClone(o||{})}}return o!==void 0?structuredClone(o):n.type==="object"?{}:n.type==="array"?[]:n.type==="boolean"?!1:n.type==="integer"||n.type==="number"?n.minimum??0:n.enum?n.enum[0]:""}function Je({schema:e,path:t,label:n,value:o,onChange:s,errors:r,nullable:a}){let d=r[t],c=xt(t);if(e.type==="boolean")return l`<div class=${`field check${d?" invalid":""}`}>
      <input type="checkbox" id=${c} name=${t} checked=${!!o}
        onChange=${f=>s(f.currentTarget.checked)} />
      <label for=${c}>${n}</label>
      ${d?l`<small class="field-error" data-field=${t}>${d}</small>`:null}
    </div>`;let i=e.description;if(e.enum)return l`<${H} label=${n} path=${t} error=${d} hint=${i}>${(f,m)=>l`<select id=${f} name=${t} aria-describedby=${m}
        onChange=${_=>s(_.currentTarget.value||(a?null:void 0))}>
        ${a?l`<option value="">(none)</option>`:null}
        ${e.enum.map(_=>l`<option value=${_} selected=${_===o}>${_}</option>`)}
      </select>`}</${H}>`;let p=e.type==="integer"||e.type==="number",u=e.type==="string"&&(e.maxLength||0)>500,$=f=>{let m=f.currentTarget.value;return s(m===""?a?null:p?void 0:"":p?Number.isNaN(Number(m))?m:Number(m):m)};return l`<${H} label=${n} path=${t} error=${d} hint=${i}>${(f,m)=>u?l`<textarea id=${f} name=${t} rows="4" aria-describedby=${m}
          aria-invalid=${d?"true":void 0} onInput=${$}>${o??""}</textarea>`:l`<input id=${f} name=${t} aria-describedby=${m}
          aria-invalid=${d?"true":void 0}
          type=${p?"number":e.format==="time"?"time":"text"}
          step=${e.type==="number"?"any":void 0} value=${o??""} onInput=${$} />`}
  </${H}>`}function In({path:e,label:t,value:n,onChange:o,errors:s,hint:r}){let a=s[e]||Object.entries(s).find(([d])=>d.startsWith(`${e}.`))?.[1];return l`<${H} label=${t} path=${e} error=${a} hint=${r||"One per line"}>
    ${(d,c)=>l`<textarea id=${d} name=${e} rows="3" aria-describedby=${c}
      onInput=${i=>o(i.currentTarget.value.split(`
`).filter(p=>p.trim()))}
    >${(n||[]).join(`
`)}</textarea>`}</${H}>`}function jn({path:e,label:t,options:n,value:o,onChange:s,errors:r}){let a=new Set(o||[]),d=c=>{let i=new Set(a);i.has(c)?i.delete(c):i.add(c),s(n.filter(p=>i.has(p)))};return l`<fieldset class="choices"><legend>${t}</legend>
    ${n.map(c=>l`<label class="choice"><input type="checkbox" name=${`${e}.${c}`}
      checked=${a.has(c)} onChange=${()=>d(c)} />${c}</label>`)}
    ${r[e]?l`<small class="field-error" data-field=${e}>${r[e]}</small>`:null}
  </fieldset>`}function Mn({path:e,label:t,value:n,onChange:o,errors:s}){return l`<${H} label=${t} path=${e} error=${s[e]} hint="JSON">
    ${(r,a)=>l`<textarea id=${r} name=${e} rows="4" class="mono"
      aria-describedby=${a} onChange=${d=>{try{o(JSON.parse(d.currentTarget.value||"{}"))}catch{o(d.currentTarget.value)}}}>${JSON.stringify(n??{},null,2)}</textarea>`}</${H}>`}function Ge({schema:e,all:t,path:n,label:o,value:s,onChange:r,errors:a,extras:d}){let c=Ke(e,t);if(c){if(c.type==="object"){let p=s!=null,u=xt(`${n}-enabled`);return l`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${u} checked=${p}
          onChange=${$=>r($.currentTarget.checked?Pt(c,t):null)} />
          <label for=${u}>${o}</label></div>
        ${p?l`<${Ge} schema=${c} all=${t} path=${n} label=${o}
          value=${s} onChange=${r} errors=${a} extras=${d} />`:null}
      </div>`}return l`<${Je} schema=${{...c,description:e.description}} path=${n}
      label=${o} value=${s} onChange=${r} errors=${a} nullable=${!0} />`}let i=Et(e,t);if(i.type==="object"&&i.properties){let p=d&&d[n];return l`<fieldset class="group"><legend>${o}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      <${W} schema=${i} all=${t} path=${n} value=${s} onChange=${r}
        errors=${a} extras=${d} />
      ${p?l`<${p} value=${s} />`:null}
    </fieldset>`}if(i.type==="object")return l`<${Mn} path=${n} label=${o} value=${s} onChange=${r} errors=${a} />`;if(i.type==="array"){let p=Et(i.items,t);if(p.type==="string"&&p.enum)return l`<${jn} path=${n} label=${o} options=${p.enum} value=${s}
        onChange=${r} errors=${a} />`;if(p.type!=="object")return l`<${In} path=${n} label=${o} value=${s} onChange=${r}
        errors=${a} hint=${i.description} />`;let u=s||[],$=(p.title||"Item").replace(/([a-z])([A-Z])/g,"$1 $2");return l`<fieldset class="group list"><legend>${o}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      ${u.length===0?l`<p class="empty">None.</p>`:null}
      ${u.map((f,m)=>l`<div class="list-item">
        <${W} schema=${p} all=${t} path=${`${n}.${m}`} value=${f}
          onChange=${_=>r(ze(u,m,_))} errors=${a} />
        <button type="button" class="ghost small" onClick=${()=>r(u.filter((_,b)=>b!==m))}
          aria-label=${`Remove ${$} ${m+1} of ${o}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${()=>r([...u,Pt(p,t)])}>Add ${$.toLowerCase()}</button>
    </fieldset>`}return l`<${Je} schema=${i} path=${n} label=${o} value=${s}
    onChange=${r} errors=${a} />`}function W({schema:e,all:t,path:n,value:o,onChange:s,errors:r,extras:a}){return Object.entries(e.properties||{}).map(([d,c])=>{let i=n?`${n}.${d}`:d;return l`<${Ge} key=${i} schema=${c} all=${t} path=${i}
      label=${Un(d,c)} value=${(o||{})[d]}
      onChange=${p=>s(ze(o,d,p))} errors=${r} extras=${a} />`})}function Lt(e,t){return Pt(e,t)}function Rn({onCreated:e}){let[t,n]=h(""),[o,s]=h({}),[r,a]=h(null);return l`<form class="inline-form" onSubmit=${async c=>{c.preventDefault();try{let i=await S("POST","/v1/tenants",{name:t});n(""),s({}),a(null),e(i)}catch(i){s(i.fieldErrors?i.fieldErrors():{}),a(i)}}} aria-label="Create a tenant">
    <${E} label="New tenant name" path="name" value=${t} onInput=${n} error=${o.name} />
    <button type="submit">Create tenant</button>
    ${r&&!o.name?l`<${C} error=${r} />`:null}
  </form>`}function Hn({tenant:e,onSaved:t}){let[n,o]=h(null),[s,r]=h(e.limits),[a,d]=h({}),[c,i]=h(null);D(()=>{J("TenantLimits").then(o,i)},[]);let p=async u=>{u.preventDefault();try{await S("PATCH",`/v1/tenants/${e.id}`,{limits:s}),d({}),i(null),t()}catch($){d($.fieldErrors?$.fieldErrors():{}),i($)}};return n?l`<form class="limits" onSubmit=${p} aria-label=${`Limits of ${e.name}`}>
    <${W} schema=${n.root} all=${n.all} path="limits" value=${s}
      onChange=${r} errors=${a} />
    <button type="submit" class="small">Save limits</button>
    <${C} error=${c} />
  </form>`:l`<${C} error=${c} />`}function Ze({me:e}){let t=x(()=>k("/v1/tenants"),[]),[n,o]=h(null),[s,r]=h(null),a=e.platform_admin;D(()=>{let c=t.data?t.data.items:[];!a&&c.length===1&&F(`/admin/t/${c[0].id}`,{replace:!0})},[t.data]);let d=async(c,i)=>{if(!(i==="delete"&&!confirm(`Delete ${c.name}? Its numbers stop answering.`)))try{i==="delete"?await S("DELETE",`/v1/tenants/${c.id}`):await S("POST",`/v1/tenants/${c.id}/${i}`),o(null),t.reload()}catch(p){o(p)}};return l`<${T} title="Tenants" />
    ${a?l`<${Rn} onCreated=${c=>F(`/admin/t/${c.id}`)} />`:null}
    <${C} error=${n} />
    <${v} state=${t} empty=${Object.assign(c=>c.items.length===0,{text:"No tenants yet."})}>
      ${c=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Tenants</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Concurrent calls</th>
          <th scope="col">Created</th>${a?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${c.items.map(i=>l`<tr>
          <td><${I} href=${`/admin/t/${i.id}`}>${i.name}</${I}></td>
          <td><span class=${`status ${i.status}`}>${i.status}</span></td>
          <td>${i.limits.max_concurrent_calls}</td>
          <td>${L(i.created_at)}</td>
          ${a?l`<td class="row-actions">
            ${i.status==="active"?l`<button type="button" class="secondary small" onClick=${()=>d(i,"suspend")}>Suspend</button>`:l`<button type="button" class="secondary small" onClick=${()=>d(i,"activate")}>Activate</button>`}
            <button type="button" class="secondary small" aria-expanded=${s===i.id}
              onClick=${()=>r(s===i.id?null:i.id)}>Limits</button>
            <button type="button" class="danger small" onClick=${()=>d(i,"delete")}>Delete</button>
            ${s===i.id?l`<${Hn} tenant=${i} onSaved=${t.reload} />`:null}
          </td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${v}>`}function Qe(){let e=new Date;return e.setHours(0,0,0,0),e}function Fn(){let e=Qe();return e.setDate(e.getDate()-(e.getDay()+6)%7),e}function Ye({label:e,data:t}){return l`<section class="card" aria-label=${e}><h2>${e}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${A(t.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${z(t.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${A(t.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${A(t.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${V(t.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${V(t.latency_p95_ms)}</dd></div>
    </dl></section>`}function Bn({tenant:e,onSaved:t}){let[n,o]=h(e.name),[s,r]=h(e.recording_retention_days??""),[a,d]=h({}),[c,i]=h(null),[p,u]=h(!1);return l`<section class="card" aria-label="Tenant settings"><h2>Settings</h2>
    <form class="inline-form plain-form" onSubmit=${async f=>{f.preventDefault();let m={name:n,recording_retention_days:s===""?null:Number(s)};try{await S("PATCH",`/v1/tenants/${e.id}`,m),d({}),i(null),u(!0),t()}catch(_){d(_.fieldErrors?_.fieldErrors():{}),i(_),u(!1)}}}>
      <${E} label="Name" path="name" value=${n} onInput=${o} error=${a.name} />
      <${E} label="Keep recordings (days; empty: forever)" path="recording_retention_days"
        type="number" min="1" value=${s} onInput=${r} error=${a.recording_retention_days} />
      <button type="submit">Save settings</button>
    </form>
    ${p?l`<p role="status">Saved.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${C} error=${c} />`:null}
  </section>`}function Xe({tenantId:e,tenant:t,reloadTenant:n}){let o=U(),s=`/v1/tenants/${e}`,r=x(async()=>{if(!o("analytics.read"))return null;let[$,f]=await Promise.all([k(`${s}/analytics/summary${R({since:Qe().toISOString()})}`),k(`${s}/analytics/summary${R({since:Fn().toISOString()})}`)]);return{today:$,week:f}},[e]),a=x(()=>k(`${s}/runtime`),[e]),[d,c]=h(null),[i,p]=h(null),u=async()=>{try{let $=await S("POST",`${s}/runtime/publish`);p($.revision),c(null),a.reload()}catch($){c($)}};return l`<${T} title=${t?t.name:"Tenant"} />
    <${v} state=${r}>${$=>$&&l`<div class="cards">
      <${Ye} label="Today" data=${$.today} /><${Ye} label="This week" data=${$.week} /></div>`}
    </${v}>
    <section class="card" aria-label="Runtime"><h2>Runtime</h2>
      <${v} state=${a}>${$=>l`<dl class="stats">
          <div><dt>Revision</dt><dd>${A($.revision)}</dd></div>
          <div><dt>Published revision</dt><dd>${A($.published_revision)}</dd></div>
          <div><dt>Pending</dt><dd>${A($.pending)}</dd></div>
          <div><dt>Drift</dt><dd class=${$.in_sync?"ok":"warn"}>${$.in_sync?"In sync":"Drifted"}</dd></div>
        </dl>
        ${$.drift.length?l`<ul class="drift">${$.drift.map(f=>l`<li>${f}</li>`)}</ul>`:null}
        ${$.problems.length?l`<h3>Problems</h3><ul class="problems">${$.problems.map(f=>l`<li><code>${f.type}</code> ${f.message}</li>`)}</ul>`:null}`}
      </${v}>
      ${o("runtime.publish")?l`<button type="button" onClick=${u}>Re-publish</button>`:null}
      ${i!==null?l`<p role="status">Queued revision ${A(i)}.</p>`:null}
      <${C} error=${d} />
    </section>
    ${t&&o("tenants.update")?l`<${Bn} key=${t.id} tenant=${t}
      onSaved=${n} />`:null}`}function tn({tenantId:e}){let t=U(),n=`/v1/tenants/${e}`,o=x(async()=>{let[_,b]=await Promise.all([k(`${n}/numbers`),k(`${n}/agents`)]);return{numbers:_.items,agents:b.items}},[e]),[s,r]=h({e164:"",carrier:"twilio",agent_id:"",label:""}),[a,d]=h({}),[c,i]=h(null),p=_=>{d(_.fieldErrors?_.fieldErrors():{}),i(_)},u=async _=>{_.preventDefault();try{await S("POST",`${n}/numbers`,{...s,agent_id:s.agent_id||null}),r({e164:"",carrier:"twilio",agent_id:"",label:""}),d({}),i(null),o.reload()}catch(b){p(b)}},$=async(_,b)=>{try{await S("PATCH",`${n}/numbers/${_.id}`,{agent_id:b||null}),i(null),o.reload()}catch(y){p(y)}},f=async _=>{if(confirm(`Remove ${_.e164}? It stops taking calls.`))try{await S("DELETE",`${n}/numbers/${_.id}`),o.reload()}catch(b){p(b)}},m=t("numbers.write");return l`<${T} title="Numbers" />
    <${v} state=${o}>${({numbers:_,agents:b})=>{let y=[["","(no agent: not answering)"],...b.map(g=>[g.id,g.name])],w=g=>(b.find(N=>N.id===g)||{}).name||"\u2014";return l`
      ${m?l`<form class="inline-form" onSubmit=${u} aria-label="Add a number">
        <${E} label="Number (E.164)" path="e164" value=${s.e164} placeholder="+14155550100"
          onInput=${g=>r({...s,e164:g})} error=${a.e164} />
        <${M} label="Carrier" path="carrier" value=${s.carrier} error=${a.carrier}
          options=${[["twilio","Twilio"],["telnyx","Telnyx"]]} onChange=${g=>r({...s,carrier:g})} />
        <${M} label="Agent" path="agent_id" value=${s.agent_id} options=${y}
          error=${a.agent_id} onChange=${g=>r({...s,agent_id:g})} />
        <${E} label="Label" path="label" value=${s.label} error=${a.label}
          onInput=${g=>r({...s,label:g})} />
        <button type="submit">Add number</button>
      </form>`:null}
      <${C} error=${c} />
      ${_.length===0?l`<p class="state empty">No numbers yet.</p>`:l`<div class="table-wrap"><table>
        <caption class="sr-only">Numbers</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">Carrier</th><th scope="col">Label</th>
          <th scope="col">Agent</th>${m?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${_.map(g=>l`<tr>
          <td class="mono">${g.e164}</td><td>${g.carrier}</td><td>${g.label}</td>
          <td>${m?l`<label class="sr-only" for=${`move-${g.id}`}>Agent of ${g.e164}</label>
            <select id=${`move-${g.id}`} onChange=${N=>$(g,N.currentTarget.value)}>
              ${y.map(([N,Z])=>l`<option value=${N} selected=${N===(g.agent_id||"")}>${Z}</option>`)}
            </select>`:w(g.agent_id)}</td>
          ${m?l`<td><button type="button" class="danger small" onClick=${()=>f(g)}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}`}}</${v}>`}function en({tenantId:e}){let t=U(),n=`/v1/tenants/${e}/agents`,o=x(()=>k(n),[e]),[s,r]=h(""),[a,d]=h({}),[c,i]=h(null),p=async u=>{u.preventDefault();try{let $=await S("POST",n,{name:s});F(`/admin/t/${e}/agents/${$.id}`)}catch($){d($.fieldErrors?$.fieldErrors():{}),i($)}};return l`<${T} title="Agents" />
    ${t("agents.write")?l`<form class="inline-form" onSubmit=${p} aria-label="Create an agent">
      <${E} label="New agent name" path="name" value=${s} onInput=${r} error=${a.name} />
      <button type="submit">Create agent</button>
      ${c&&!a.name?l`<${C} error=${c} />`:null}
    </form>`:null}
    <${v} state=${o} empty=${Object.assign(u=>u.items.length===0,{text:"No agents yet."})}>
      ${u=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Agents</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Live version</th>
          <th scope="col">Latest version</th><th scope="col">Updated</th></tr></thead>
        <tbody>${u.items.map($=>l`<tr>
          <td><${I} href=${`/admin/t/${e}/agents/${$.id}`}>${$.name}</${I}></td>
          <td>${$.live_version??"not live"}</td><td>${$.latest_version||"\u2014"}</td>
          <td>${L($.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${v}>`}function Vn(e,t){let n=new URLSearchParams({client_secret:t});return`${e.replace(/\/+$/,"")}/v1/realtime/talk#${n}`}function nn({base:e,agent:t}){let n=U(),[o,s]=h(null),[r,a]=h(null);if(!n("realtime.client_secrets.create"))return null;let d=async()=>{try{let[i,p]=await Promise.all([k("/v1/console/config"),S("POST",`${e}/realtime/client_secrets`,{})]);window.open(Vn(i.voice_runtime_public_url,p.value),"_blank","noopener,noreferrer"),s({version:p.agent_version,expires:p.expires_at}),a(null)}catch(i){a(i)}},c=!!t.live_version;return l`<div class="talk">
    <button type="button" class="secondary" onClick=${d} disabled=${!c}
      aria-describedby=${c?void 0:"talk-hint"}>Talk to this agent</button>
    ${c?null:l`<small id="talk-hint">Publish a version to talk to it.</small>`}
    ${o?l`<small role="status">Talk page opened in a new tab: version ${o.version}, the
      secret works until ${L(o.expires)}.</small>`:null}
    <${C} error=${r} />
  </div>`}function At(e,t="",n={}){if(e&&typeof e=="object"&&!Array.isArray(e)){for(let[o,s]of Object.entries(e))At(s,t?`${t}.${o}`:o,n);Object.keys(e).length===0&&t&&(n[t]="{}")}else Array.isArray(e)&&e.some(o=>o&&typeof o=="object")?(e.forEach((o,s)=>At(o,`${t}.${s}`,n)),e.length===0&&(n[t]="[]")):n[t]=typeof e=="string"?e:JSON.stringify(e);return n}function Wn({left:e,right:t}){let n=At(e.config),o=At(t.config),s=[...new Set([...Object.keys(n),...Object.keys(o)])].sort(),r=s.filter(a=>n[a]!==o[a]);return l`<div class="table-wrap"><table class="diff">
    <caption>Version ${e.version} and version ${t.version}: ${r.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${e.version}</th>
      <th scope="col">Version ${t.version}</th></tr></thead>
    <tbody>${s.map(a=>l`<tr class=${n[a]!==o[a]?"changed":""}>
      <th scope="row" class="mono">${a}</th><td class="pre">${n[a]??"\u2014"}</td><td class="pre">${o[a]??"\u2014"}</td>
    </tr>`)}</tbody></table></div>`}function qn({base:e,agent:t,versions:n,onChanged:o}){let s=U(),[r,a]=h(()=>[n[1]?.version||n[0]?.version,n[0]?.version]),[d,c]=h(null),i=$=>n.find(f=>f.version===Number($)),p=async($,f)=>{try{await S("POST",`${e}/${$}`,{version:f}),c(null),o()}catch(m){c(m)}},u=($,f)=>l`<label>${f}
    <select value=${r[$]} onChange=${m=>a($?[r[0],m.currentTarget.value]:[m.currentTarget.value,r[1]])}>
      ${n.map(m=>l`<option value=${m.version} selected=${m.version===Number(r[$])}>Version ${m.version}</option>`)}
    </select></label>`;return l`<section aria-label="Versions"><h2>Versions</h2>
    <${C} error=${d} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${n.map($=>l`<tr>
        <td>${$.version}</td><td>${$.note}</td><td>${$.created_by}</td><td>${L($.created_at)}</td>
        <td>${$.live?l`<span class="status active">live</span>`:s("agents.publish")?t.live_version!==null&&$.version<t.live_version?l`<button type="button" class="secondary small" onClick=${()=>p("rollback",$.version)}>Roll back to ${$.version}</button>`:l`<button type="button" class="small" onClick=${()=>p("publish",$.version)}>Publish ${$.version}</button>`:""}</td></tr>`)}</tbody></table></div>
    ${n.length>1?l`<h3>Compare</h3><div class="inline-form">${u(0,"Left")}${u(1,"Right")}</div>
      ${i(r[0])&&i(r[1])?l`<${Wn} left=${i(r[0])} right=${i(r[1])} />`:null}`:null}
  </section>`}function Jn({value:e}){let t=U(),n=vt(zt),[o,s]=h(null),[r,a]=h(null),[d,c]=h(!1);return D(()=>()=>o&&URL.revokeObjectURL(o),[o]),t("agents.write")?l`<div class="voice-preview">
    <button type="button" class="secondary small" disabled=${d} onClick=${async()=>{c(!0),a(null);try{s(await je(`${n}/voices/preview`,{tts:e}))}catch(p){a(p)}c(!1)}}>
      ${d?"Synthesizing\u2026":"Preview voice"}</button>
    ${o?l`<audio controls autoplay src=${o} aria-label="Voice preview"></audio>`:null}
    <${C} error=${r} />
  </div>`:null}var zt=bt(""),Kn={tts:Jn};function zn({base:e,latest:t,onSaved:n}){let o=U(),[s,r]=h(null),[a,d]=h(null),[c,i]=h({}),[p,u]=h(null),[$,f]=h(null);if(D(()=>{J("AgentVersionCreate").then(b=>{r(b),d(t?{...t.config,note:""}:Lt(b.root,b.all))},u)},[t&&t.version]),!s||!a)return l`<${C} error=${p} />`;let m=o("agents.write");return l`<form class="agent-form" onSubmit=${async b=>{b.preventDefault();try{let y=await S("POST",`${e}/versions`,a);i({}),u(null),f(y),n()}catch(y){i(y.fieldErrors?y.fieldErrors():{}),u(y)}}} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!m} class="plain">
      <${W} schema=${s.root} all=${s.all} path="" value=${a}
        onChange=${d} errors=${c} extras=${Kn} />
    </fieldset>
    ${p?l`<p class="error" role="alert">${Object.keys(c).length?`The version was not saved: ${Object.keys(c).length} field(s) need attention.`:p.message}</p>`:null}
    ${$?l`<p role="status">Saved as version ${$.version}.${$.warnings.map(b=>` ${b.message}`)}</p>`:null}
    ${m?l`<div class="sticky-actions"><button type="submit">Save as new version</button></div>`:null}
  </form>`}function on({tenantId:e,item:t}){let n=`/v1/tenants/${e}/agents/${t}`,o=x(async()=>{let[s,r]=await Promise.all([k(n),k(`${n}/versions`)]);return{agent:s,versions:r.items}},[n]);return l`<${v} state=${o}>${({agent:s,versions:r})=>l`
    <${T} title=${s.name}>
      <span class="badge">${s.live_version?`live: version ${s.live_version}`:"not live"}</span>
      <${nn} base=${n} agent=${s} />
    </${T}>
    <div class="agent-grid">
      <${zt.Provider} value=${`/v1/tenants/${e}`}>
        <${zn} base=${n} latest=${r[0]} onSaved=${o.reload} />
      </${zt.Provider}>
      ${r.length?l`<${qn} key=${r.length} base=${n} agent=${s}
        versions=${r} onChanged=${o.reload} />`:l`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${v}>`}var Gn=[["llm_api_key","LLM API key"],["carrier_credential","Carrier credential"],["tool_credential","Tool credential"],["webhook_secret","Webhook secret"]],rn={name:"",kind:"llm_api_key",value:"",allowed_host:""};function sn({tenantId:e}){let t=U(),n=`/v1/tenants/${e}/secrets`,o=x(()=>k(n),[e]),[s,r]=h(rn),[a,d]=h({}),[c,i]=h(null),[p,u]=h(null),$=b=>{d(b.fieldErrors?b.fieldErrors():{}),i(b)},f=async b=>{b.preventDefault();let y={value:s.value,kind:s.kind};s.kind==="llm_api_key"&&s.allowed_host&&(y.allowed_host=s.allowed_host);try{await S("PUT",`${n}/${encodeURIComponent(s.name)}`,y),u(s.name),r(rn),d({}),i(null),o.reload()}catch(w){$(w)}},m=async b=>{if(confirm(`Delete the secret ${b}?`))try{await S("DELETE",`${n}/${encodeURIComponent(b)}`),o.reload()}catch(y){$(y)}},_=t("secrets.write");return l`<${T} title="Secrets" />
    ${_?l`<form class="inline-form" onSubmit=${f} aria-label="Set a secret" autocomplete="off">
      <${E} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${b=>r({...s,name:b})} />
      <${M} label="Kind" path="kind" value=${s.kind} options=${Gn} error=${a.kind}
        onChange=${b=>r({...s,kind:b})} />
      <${E} label="Value" path="value" type="password" value=${s.value} error=${a.value}
        autocomplete="new-password" onInput=${b=>r({...s,value:b})} />
      ${s.kind==="llm_api_key"?l`<${E} label="Allowed host (optional)" path="allowed_host"
        value=${s.allowed_host} error=${a.allowed_host} onInput=${b=>r({...s,allowed_host:b})} />`:null}
      <button type="submit">Save secret</button>
    </form>`:null}
    ${p?l`<p role="status">Stored ${p}. Its value cannot be read back.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${C} error=${c} />`:null}
    <${v} state=${o} empty=${Object.assign(b=>b.items.length===0,{text:"No secrets yet."})}>
      ${b=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Secrets</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Allowed host</th>
          <th scope="col">Set</th><th scope="col">By</th>${_?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${b.items.map(y=>l`<tr>
          <td class="mono">${y.name}</td><td>${y.kind}</td><td>${y.allowed_host||"\u2014"}</td>
          <td>${L(y.updated_at)}</td><td>${y.updated_by||"\u2014"}</td>
          ${_?l`<td><button type="button" class="danger small" onClick=${()=>m(y.name)}>Delete</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${v}>`}var Nt=[["viewer","Viewer"],["editor","Editor"],["admin","Admin"],["owner","Owner"]];function an({tenantId:e}){let t=U(),n=`/v1/tenants/${e}/members`,o=x(()=>k(n),[e]),[s,r]=h({subject:"",role:"viewer"}),[a,d]=h({}),[c,i]=h(null),p=async m=>{try{await m(),d({}),i(null),o.reload()}catch(_){d(_.fieldErrors?_.fieldErrors():{}),i(_)}},u=(m,_)=>p(()=>S("PUT",`${n}/${encodeURIComponent(m)}`,{role:_})),$=m=>{m.preventDefault(),p(async()=>{await u(s.subject,s.role),r({subject:"",role:"viewer"})})},f=t("members.write");return l`<${T} title="Members" />
    ${f?l`<form class="inline-form" onSubmit=${$} aria-label="Add a member">
      <${E} label="Subject (OIDC sub)" path="subject" value=${s.subject} error=${a.subject}
        onInput=${m=>r({...s,subject:m})} />
      <${M} label="Role" path="role" value=${s.role} options=${Nt} error=${a.role}
        onChange=${m=>r({...s,role:m})} />
      <button type="submit">Add member</button>
    </form>`:null}
    <${C} error=${c} />
    <${v} state=${o} empty=${Object.assign(m=>m.items.length===0,{text:"No members yet."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Members</caption>
        <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">Added by</th>
          <th scope="col">Added</th>${f?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${m.items.map(_=>l`<tr>
          <td class="mono">${_.subject}</td>
          <td>${f?l`<label class="sr-only" for=${`role-${_.subject}`}>Role of ${_.subject}</label>
            <select id=${`role-${_.subject}`} onChange=${b=>u(_.subject,b.currentTarget.value)}>
            ${Nt.map(([b,y])=>l`<option value=${b} selected=${b===_.role}>${y}</option>`)}</select>`:_.role}</td>
          <td>${_.created_by}</td><td>${L(_.created_at)}</td>
          ${f?l`<td><button type="button" class="danger small"
            onClick=${()=>confirm(`Remove ${_.subject}?`)&&p(()=>S("DELETE",`${n}/${encodeURIComponent(_.subject)}`))}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${v}>`}function ln({tenantId:e}){let t=U(),n=`/v1/tenants/${e}/api-keys`,o=x(()=>k(n),[e]),[s,r]=h({name:"",role:"viewer",expires_at:""}),[a,d]=h({}),[c,i]=h(null),[p,u]=h(null),$=b=>{d(b.fieldErrors?b.fieldErrors():{}),i(b)},f=async b=>{b.preventDefault();let y={name:s.name,role:s.role};s.expires_at&&(y.expires_at=new Date(s.expires_at).toISOString());try{u(await S("POST",n,y)),r({name:"",role:"viewer",expires_at:""}),d({}),i(null),o.reload()}catch(w){$(w)}},m=async b=>{if(confirm(`Revoke ${b.name}? Anything using it stops working.`))try{await S("DELETE",`${n}/${b.id}`),o.reload()}catch(y){$(y)}},_=t("api_keys.write");return l`<${T} title="API keys" />
    ${_?l`<form class="inline-form" onSubmit=${f} aria-label="Create an API key">
      <${E} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${b=>r({...s,name:b})} />
      <${M} label="Role" path="role" value=${s.role} options=${Nt} error=${a.role}
        onChange=${b=>r({...s,role:b})} />
      <${E} label="Expires (optional)" path="expires_at" type="datetime-local" value=${s.expires_at}
        error=${a.expires_at} onInput=${b=>r({...s,expires_at:b})} />
      <button type="submit">Create key</button>
    </form>`:null}
    ${p?l`<div class="once" role="status"><p>The new key <strong>${p.name}</strong>, shown
      only this once; copy it now:</p><output class="mono key" data-testid="new-key">${p.key}</output>
      <button type="button" class="secondary small" onClick=${()=>u(null)}>I have stored it</button></div>`:null}
    ${c&&!Object.keys(a).length?l`<${C} error=${c} />`:null}
    <${v} state=${o} empty=${Object.assign(b=>b.items.length===0,{text:"No API keys yet."})}>
      ${b=>l`<div class="table-wrap"><table>
        <caption class="sr-only">API keys</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Role</th>
          <th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th>
          <th scope="col">State</th></tr></thead>
        <tbody>${b.items.map(y=>l`<tr>
          <td>${y.name}</td><td class="mono">${y.prefix}…</td><td>${y.role}</td>
          <td>${L(y.created_at)}</td><td>${L(y.last_used_at)}</td><td>${L(y.expires_at)}</td>
          <td>${y.revoked_at?l`<span class="status suspended">revoked</span>`:_?l`<button type="button" class="danger small" onClick=${()=>m(y)}>Revoke</button>`:"active"}</td>
        </tr>`)}</tbody></table></div>`}
    </${v}>`}var cn=e=>e===void 0?"\u2014":typeof e=="string"?e:JSON.stringify(e);function Zn({diff:e}){let t=e.before||{},n=e.after||{},o=[...new Set([...Object.keys(t),...Object.keys(n)])].sort();return o.length?l`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${o.map(s=>l`<tr class="changed">
    <th scope="row" class="mono">${s}</th><td class="pre">${cn(t[s])}</td><td class="pre">${cn(n[s])}</td>
    </tr>`)}</tbody></table>`:l`<p class="empty">No field changes recorded.</p>`}var dn=e=>e?new Date(e).toISOString():"";function un({tenantId:e}){let[t,n]=h({actor:"",action:"",target:"",since:"",until:""}),[o,s]=h(t),[r,a]=h([null]),[d,c]=h(null),i=r[r.length-1],p=x(()=>k(`/v1/tenants/${e}/audit${R({...o,since:dn(o.since),until:dn(o.until),cursor:i,limit:25})}`),[e,o,i]),u=f=>{f.preventDefault(),s(t),a([null])},$=(f,m,_="text")=>l`<${E} label=${m} path=${`filter-${f}`}
    type=${_} value=${t[f]} onInput=${b=>n({...t,[f]:b})} />`;return l`<${T} title="Audit log" />
    <form class="inline-form filters" onSubmit=${u} aria-label="Filter the audit log">
      ${$("actor","Actor")}${$("action","Action (or prefix ending in .)")}${$("target","Target")}
      ${$("since","From","datetime-local")}${$("until","Until","datetime-local")}
      <button type="submit">Filter</button>
    </form>
    <${v} state=${p} empty=${Object.assign(f=>f.items.length===0,{text:"No audit entries match."})}>
      ${f=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Audit entries</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th>
          <th scope="col">Target</th><th scope="col">Change</th></tr></thead>
        <tbody>${f.items.map(m=>l`<tr>
          <td>${L(m.at)}</td><td class="mono">${m.actor}</td><td>${m.action}</td><td class="mono">${m.target}</td>
          <td><button type="button" class="ghost small" aria-expanded=${d===m.id}
            onClick=${()=>c(d===m.id?null:m.id)}>${d===m.id?"Hide":"Show"}</button>
            ${d===m.id?l`<${Zn} diff=${m.diff} />`:null}</td>
        </tr>`)}</tbody></table></div>
        <${Ct} cursors=${r} setCursors=${a} next=${f.next_cursor} />`}
    </${v}>`}var Yn=[["","Any outcome"],["answered","Answered"],["missed","Missed"],["transferred","Transferred"],["failed","Failed"],["in_progress","In progress"]],$n=e=>e?new Date(e).toISOString():"";function pn({tenantId:e}){let t=`/v1/tenants/${e}`,n=x(()=>k(`${t}/agents`),[e]),[o,s]=h({since:"",until:"",number:"",agent_id:"",outcome:""}),[r,a]=h(o),[d,c]=h([null]),i=d[d.length-1],p=x(()=>k(`${t}/calls${R({...r,since:$n(r.since),until:$n(r.until),cursor:i,limit:25})}`),[e,r,i]),u=m=>{m.preventDefault(),a(o),c([null])},$=n.data?n.data.items:[],f=m=>($.find(_=>_.id===m)||{}).name||m||"\u2014";return l`<${T} title="Calls" />
    <form class="inline-form filters" onSubmit=${u} aria-label="Filter calls">
      <${E} label="From" path="since" type="datetime-local" value=${o.since}
        onInput=${m=>s({...o,since:m})} />
      <${E} label="Until" path="until" type="datetime-local" value=${o.until}
        onInput=${m=>s({...o,until:m})} />
      <${E} label="Number called" path="number" value=${o.number} placeholder="+14155550100"
        onInput=${m=>s({...o,number:m})} />
      <${M} label="Agent" path="agent_id" value=${o.agent_id}
        options=${[["","Any agent"],...$.map(m=>[m.id,m.name])]}
        onChange=${m=>s({...o,agent_id:m})} />
      <${M} label="Outcome" path="outcome" value=${o.outcome} options=${Yn}
        onChange=${m=>s({...o,outcome:m})} />
      <button type="submit">Filter</button>
    </form>
    <${v} state=${p} empty=${Object.assign(m=>m.items.length===0,{text:"No calls match."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Calls</caption>
        <thead><tr><th scope="col">Started</th><th scope="col">From</th><th scope="col">To</th>
          <th scope="col">Agent</th><th scope="col">Duration</th><th scope="col">Outcome</th>
          <th scope="col">Turns</th></tr></thead>
        <tbody>${m.items.map(_=>l`<tr>
          <td><${I} href=${`/admin/t/${e}/calls/${encodeURIComponent(_.id)}`}>${L(_.started_at)}</${I}></td>
          <td class="mono">${_.from_number||"\u2014"}</td><td class="mono">${_.to_number||"\u2014"}</td>
          <td>${f(_.agent_id)}</td><td>${tt(_.duration_s)}</td>
          <td><span class=${`status ${_.outcome}`}>${_.outcome}</span></td><td>${_.turns}</td>
        </tr>`)}</tbody></table></div>
        <${Ct} cursors=${d} setCursors=${c} next=${m.next_cursor} />`}
    </${v}>`}var mn=[["end_of_turn_ms","End of turn"],["transcript_final_ms","Transcript final"],["llm_first_token_ms","LLM first token"],["tts_first_audio_ms","TTS first audio"],["first_frame_out_ms","First frame out"]];function Qn({turns:e}){let t=e.filter(d=>d.stages&&d.stages.caller_stopped_ms!==null&&d.stages.caller_stopped_ms!==void 0);if(!t.length)return l`<p class="empty">No turn timings recorded.</p>`;let n=t.map(d=>mn.map(([c])=>d.stages[c]).filter(c=>c!=null).map(c=>c-d.stages.caller_stopped_ms)),o=Math.max(1,...n.flat()),s=600,r=d=>150+Math.max(0,d)/o*(s-160),a=20;return t.map(d=>{let c=d.stages.caller_stopped_ms,i=0,p=mn.map(([$,f],m)=>{let _=d.stages[$];if(_==null)return null;let b=i;return i=_-c,{label:f,from:b,to:_-c,i:m}}).filter(Boolean),u=p.length*a+24;return l`<figure class="waterfall">
      <figcaption>Turn ${d.turn_index+1}: voice-to-voice ${V(d.voice_to_voice_ms)}${" "}
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
      </svg></figure>`})}function Xn(e,t){let n=Wt(null),[o,s]=h("both"),r=a=>{let d=e.current;if(!d)return;if(!n.current){let $=new AudioContext,f=$.createMediaElementSource(d),m=$.createChannelSplitter(2),_=$.createChannelMerger(2);f.connect(m),_.connect($.destination),n.current={context:$,splitter:m,merger:_}}let{context:c,splitter:i,merger:p}=n.current;i.disconnect();let u={both:[0,1],caller:[0,0],agent:[1,1]}[a];i.connect(p,u[0],0),i.connect(p,u[1],1),c.resume(),s(a)};return D(()=>()=>{n.current&&n.current.context.close(),n.current=null},[t]),[o,r]}function to({path:e,audioRef:t,onTime:n}){let[o,s]=h(void 0),[r,a]=h(null),[d,c]=Xn(t,o);return D(()=>{let i=null;return Ie(e).then(p=>{i=p,s(p)},a),()=>i&&URL.revokeObjectURL(i)},[e]),r?l`<${C} error=${r} />`:o===void 0?l`<p class="state" role="status">Loading the recording…</p>`:o===null?l`<p class="empty">No recording for this call.</p>`:l`<div class="player">
    <audio ref=${t} controls preload="metadata" src=${o} onTimeUpdate=${i=>n(i.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
    <fieldset class="choices channels"><legend>Listen to</legend>
      ${[["both","Both"],["caller","Caller only"],["agent","Agent only"]].map(([i,p])=>l`<label class="choice">
        <input type="radio" name="channels" value=${i} checked=${d===i} onChange=${()=>c(i)} />${p}</label>`)}
    </fieldset>
  </div>`}function eo({turns:e}){let t=e.flatMap(n=>(n.tool_calls||[]).map(o=>({turn:n.turn_index,...o})));return t.length?l`<div class="table-wrap"><table data-testid="tool-calls">
    <caption>HTTP tool calls</caption>
    <thead><tr><th scope="col">Turn</th><th scope="col">Tool</th><th scope="col">Result</th>
      <th scope="col">HTTP status</th><th scope="col">Duration</th></tr></thead>
    <tbody>${t.map(n=>l`<tr class=${n.ok?"":"failed"}>
      <td>${n.turn+1}</td><td class="mono">${n.name}</td><td>${n.ok?"ok":"failed"}</td>
      <td>${n.status_code??"\u2014"}</td><td>${V(n.duration_ms)}</td></tr>`)}</tbody>
  </table></div>`:l`<p class="empty" data-testid="tool-calls">No tool calls.</p>`}function no(e){let t=e.flatMap(o=>o.tool_calls||[]),n=t.filter(o=>!o.ok).length;return t.length?n?`${t.length} (${n} failed)`:String(t.length):"none"}function oo({call:e}){let t=e.analysis;if(!t)return l`<p class="empty" data-testid="analysis-status">Analysis: ${e.analysis_status||"not run"}.</p>`;let n=t.success?typeof t.success=="object"?JSON.stringify(t.success):String(t.success):null;return l`<dl class="stats facts analysis" data-testid="analysis-status">
    <div><dt>Analysis</dt><dd>${t.source}${t.model?` (${t.model})`:""}</dd></div>
    ${t.summary?l`<div class="wide"><dt>Summary</dt><dd>${t.summary}</dd></div>`:null}
    ${t.ended_how?l`<div><dt>How it ended</dt><dd>${t.ended_how}</dd></div>`:null}
    ${n?l`<div><dt>Success</dt><dd class="pre">${n}</dd></div>`:null}
    ${(t.caller_questions||[]).length?l`<div class="wide"><dt>Caller asked</dt><dd><ul>${t.caller_questions.map(o=>l`<li>${o}</li>`)}</ul></dd></div>`:null}
    ${t.extracted?l`<div class="wide"><dt>Extracted</dt><dd class="pre">${JSON.stringify(t.extracted,null,2)}</dd></div>`:null}
  </dl>`}function fn({tenantId:e,item:t}){let n=`/v1/tenants/${e}/calls/${encodeURIComponent(t)}`,o=x(()=>k(n),[n]),s=Wt(null),[r,a]=h(0),d=c=>{s.current&&(s.current.currentTime=c/1e3,s.current.play().catch(()=>{}))};return l`<${v} state=${o}>${c=>l`
    <${T} title=${`Call ${L(c.started_at)}`}>
      <${I} href=${`/admin/t/${e}/calls`}>All calls</${I}>
    </${T}>
    <dl class="stats facts">
      <div><dt>From</dt><dd class="mono">${c.from_number||"\u2014"}</dd></div>
      <div><dt>To</dt><dd class="mono">${c.to_number||"\u2014"}</dd></div>
      <div><dt>Duration</dt><dd>${tt(c.duration_s)}</dd></div>
      <div><dt>Outcome</dt><dd>${c.outcome}</dd></div>
      <div><dt>End reason</dt><dd data-testid="end-reason">${c.end_reason||"\u2014"}</dd></div>
      <div><dt>Transferred to</dt><dd class="mono">${c.transferred_to||"\u2014"}</dd></div>
      <div><dt>Agent version</dt><dd>${c.agent_version??"\u2014"}</dd></div>
      <div><dt>Tool calls</dt><dd data-testid="tool-summary">${no(c.turn_details)}</dd></div>
    </dl>
    <${oo} call=${c} />
    <div class="call-grid">
      <section aria-label="Recording and transcript"><h2>Recording and transcript</h2>
        <${to} path=${`${n}/recording`} audioRef=${s} onTime=${a} />
        ${c.transcript.length?l`<ol class="transcript">${c.transcript.map((i,p)=>{let u=c.transcript[p+1],$=r*1e3>=i.at_ms&&(!u||r*1e3<u.at_ms);return l`<li class=${`${i.role}${$?" active":""}`}>
            <button type="button" onClick=${()=>d(i.at_ms)}
              aria-label=${`Play from ${tt(i.at_ms/1e3)}: ${i.role} said ${i.text}`}>
              <span class="at">${tt(i.at_ms/1e3)}</span>
              <span class="role">${i.role}</span>
              <span class="text">${i.text}${i.interrupted?" (interrupted)":""}</span>
            </button></li>`})}</ol>`:l`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Qn} turns=${c.turn_details} />
        <h2>Tool calls</h2>
        <${eo} turns=${c.turn_details} />
      </section>
    </div>`}</${v}>`}var Gt=640,et=180,nt=36;function G({title:e,days:t,series:n,kind:o="bar",format:s=A,label:r=a=>ct(a.day)}){let a=t.flatMap(u=>n.map($=>u[$.key]??0)),d=Math.max(1,...a),c=(Gt-nt*2)/Math.max(1,t.length),i=u=>et-20-(u??0)/d*(et-40),p=t.map(u=>`${r(u)}: ${n.map($=>`${$.label} ${s(u[$.key])}`).join(", ")}`).join("; ");return l`<figure class="chart"><figcaption>${e}</figcaption>
    <svg viewBox=${`0 0 ${Gt} ${et}`} role="img" aria-label=${`${e}. ${p}`}>
      <line x1=${nt} x2=${Gt-nt} y1=${et-20} y2=${et-20} class="axis" />
      <text x="2" y="14" class="label">${s(d)}</text>
      ${t.map((u,$)=>l`<text x=${nt+$*c+c/2} y=${et-4} class="label" text-anchor="middle">
        ${$%Math.ceil(t.length/7)===0?r(u):""}</text>`)}
      ${o==="bar"?t.map((u,$)=>{let f=0;return n.map((m,_)=>{let b=u[m.key]??0,y=i(f+b),w=l`<rect x=${nt+$*c+c*.15} width=${c*.7}
                y=${y} height=${Math.max(0,i(f)-y)} class=${`bar s${_}`}>
                <title>${r(u)} ${m.label}: ${s(b)}</title></rect>`;return f+=b,w})}):n.map((u,$)=>{let f=t.map((_,b)=>[b,_[u.key]]).filter(([,_])=>_!==null),m=([_,b])=>[nt+_*c+c/2,i(b)];return l`<g class=${`line s${$}`}>
              <polyline fill="none" points=${f.map(_=>m(_).join(",")).join(" ")} />
              ${f.map(_=>l`<circle cx=${m(_)[0]} cy=${m(_)[1]} r="4">
                <title>${r(t[_[0]])} ${u.label}: ${s(_[1])}</title></circle>`)}
            </g>`})}
    </svg>
    <p class="legend">${n.map((u,$)=>l`<span><span class=${`swatch s${$}`}></span>${u.label}</span>`)}</p>
  </figure>`}function ro(e,t,n){let o=Object.fromEntries(e.map(r=>[r.day,r])),s=[];for(let r=new Date(t);r<n;r.setUTCDate(r.getUTCDate()+1)){let a=r.toISOString().slice(0,10);s.push(o[a]||{day:a,calls:0,minutes:0,answered:0,missed:0,latency_p50_ms:null,latency_p95_ms:null})}return s}function _n({tenantId:e}){let[t,n]=h("14"),o=x(async()=>{let s=new Date;s.setUTCHours(24,0,0,0);let r=new Date(s);r.setUTCDate(r.getUTCDate()-Number(t));let a=await k(`/v1/tenants/${e}/analytics${R({since:r.toISOString(),until:s.toISOString()})}`);return ro(a.days,r,s)},[e,t]);return l`<${T} title="Analytics">
      <${M} label="Range" path="range" value=${t} onChange=${n}
        options=${[["7","Last 7 days"],["14","Last 14 days"],["30","Last 30 days"],["90","Last 90 days"]]} />
    </${T}>
    <p class="note">Days are UTC days.</p>
    <${v} state=${o}>${s=>l`<div class="charts">
      <${G} title="Calls per day" days=${s} series=${[{key:"calls",label:"Calls"}]} />
      <${G} title="Minutes per day" days=${s} series=${[{key:"minutes",label:"Minutes"}]} format=${z} />
      <${G} title="Answered and missed" days=${s}
        series=${[{key:"answered",label:"Answered"},{key:"missed",label:"Missed"}]} />
      <${G} title="Voice-to-voice latency" days=${s} kind="line" format=${V}
        series=${[{key:"latency_p50_ms",label:"p50"},{key:"latency_p95_ms",label:"p95"}]} />
    </div>
    <details><summary>The numbers</summary><div class="table-wrap"><table>
      <thead><tr><th scope="col">Day</th><th scope="col">Calls</th><th scope="col">Minutes</th><th scope="col">Answered</th>
        <th scope="col">Missed</th><th scope="col">p50</th><th scope="col">p95</th></tr></thead>
      <tbody>${s.map(r=>l`<tr><td>${ct(r.day)}</td><td>${A(r.calls)}</td><td>${z(r.minutes)}</td>
        <td>${A(r.answered)}</td><td>${A(r.missed)}</td><td>${V(r.latency_p50_ms)}</td>
        <td>${V(r.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${v}>`}var hn=["call.started","call.ended","call.analyzed","usage.threshold_reached","usage.cap_reached","webhook.endpoint_disabled"];function so({base:e,endpoint:t}){let n=U(),[o,s]=h(""),r=x(()=>k(`${e}/${t.id}/deliveries${R({status:o,limit:25})}`),[t.id,o]),[a,d]=h(null),c=async i=>{try{await S("POST",`${e}/${t.id}/deliveries/${i.id}/redeliver`),r.reload()}catch(p){d(p)}};return l`<section aria-label=${`Deliveries to ${t.url}`}><h3>Deliveries</h3>
    <label>Status <select value=${o} onChange=${i=>s(i.currentTarget.value)}>
      ${[["","Any"],["pending","Pending"],["delivered","Delivered"],["failed","Failed"]].map(([i,p])=>l`<option value=${i} selected=${i===o}>${p}</option>`)}</select></label>
    <${C} error=${a} />
    <${v} state=${r} empty=${Object.assign(i=>i.items.length===0,{text:"No deliveries yet."})}>
      ${i=>l`<div class="table-wrap"><table>
        <thead><tr><th scope="col">Created</th><th scope="col">Event</th><th scope="col">Status</th>
          <th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Next try</th>
          ${n("webhooks.write")?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${i.items.map(p=>l`<tr>
          <td>${L(p.created_at)}</td><td>${p.event_type}</td><td><span class=${`status ${p.status}`}>${p.status}</span></td>
          <td>${p.attempts}</td><td>${p.last_status_code??p.last_error??"\u2014"}</td><td>${L(p.next_attempt_at)}</td>
          ${n("webhooks.write")?l`<td><button type="button" class="secondary small"
            onClick=${()=>c(p)}>Redeliver</button></td>`:null}</tr>`)}</tbody></table></div>`}
    </${v}>
  </section>`}function bn({tenantId:e}){let t=U(),n=`/v1/tenants/${e}/webhooks`,o=x(()=>k(n),[e]),[s,r]=h({url:"",description:"",event_types:["call.ended"]}),[a,d]=h({}),[c,i]=h(null),[p,u]=h(null),[$,f]=h(null),m=async w=>{try{await w(),d({}),i(null),o.reload()}catch(g){d(g.fieldErrors?g.fieldErrors():{}),i(g)}},_=w=>{w.preventDefault(),m(async()=>{let g={url:s.url,event_types:s.event_types,description:s.description||null},N=await S("POST",n,g);u({url:N.url,secret:N.secret}),r({url:"",description:"",event_types:["call.ended"]})})},b=w=>{let g=s.event_types.includes(w)?s.event_types.filter(N=>N!==w):[...s.event_types,w];r({...s,event_types:hn.filter(N=>g.includes(N))})},y=t("webhooks.write");return l`<${T} title="Webhooks" />
    ${y?l`<form class="inline-form" onSubmit=${_} aria-label="Add a webhook endpoint">
      <${E} label="Endpoint URL" path="url" value=${s.url} error=${a.url}
        placeholder="https://example.com/hooks" onInput=${w=>r({...s,url:w})} />
      <${E} label="Description" path="description" value=${s.description}
        error=${a.description} onInput=${w=>r({...s,description:w})} />
      <fieldset class="choices"><legend>Events</legend>${hn.map(w=>l`<label class="choice">
        <input type="checkbox" checked=${s.event_types.includes(w)} onChange=${()=>b(w)} />${w}</label>`)}
        ${a.event_types?l`<small class="field-error" data-field="event_types">${a.event_types}</small>`:null}
      </fieldset>
      <button type="submit">Add endpoint</button>
    </form>`:null}
    ${p?l`<div class="once" role="status"><p>The signing secret of ${p.url}, shown only
      this once:</p><output class="mono key" data-testid="new-secret">${p.secret}</output>
      <button type="button" class="secondary small" onClick=${()=>u(null)}>I have stored it</button></div>`:null}
    ${c&&!Object.keys(a).length?l`<${C} error=${c} />`:null}
    <${v} state=${o} empty=${Object.assign(w=>w.items.length===0,{text:"No webhook endpoints yet."})}>
      ${w=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Webhook endpoints</caption>
        <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">State</th>
          <th scope="col">Actions</th></tr></thead>
        <tbody>${w.items.map(g=>l`<tr>
          <td class="mono">${g.url}${g.description?l`<br /><small>${g.description}</small>`:null}</td>
          <td>${g.event_types.join(", ")}</td>
          <td><span class=${`status ${g.enabled?"active":"suspended"}`}>${g.enabled?"enabled":"disabled"}</span>
            ${g.disabled_reason?l`<br /><small>${g.disabled_reason}</small>`:null}</td>
          <td class="row-actions">
            <button type="button" class="secondary small" aria-expanded=${$===g.id}
              onClick=${()=>f($===g.id?null:g.id)}>Deliveries</button>
            ${y?l`
              <button type="button" class="secondary small" onClick=${()=>m(()=>S("PATCH",`${n}/${g.id}`,{enabled:!g.enabled}))}>
                ${g.enabled?"Disable":"Enable"}</button>
              <button type="button" class="secondary small" onClick=${()=>m(async()=>{let N=await S("POST",`${n}/${g.id}/rotate-secret`,{});u({url:g.url,secret:N.secret})})}>Rotate secret</button>
              <button type="button" class="danger small" onClick=${()=>confirm(`Remove ${g.url}?`)&&m(()=>S("DELETE",`${n}/${g.id}`))}>Remove</button>`:null}
            ${$===g.id?l`<${so} base=${n} endpoint=${g} />`:null}
          </td></tr>`)}</tbody></table></div>`}
    </${v}>`}var ao=new Intl.DateTimeFormat(void 0,{year:"numeric",month:"short",timeZone:"UTC"}),lo=e=>ao.format(new Date(`${e}T12:00:00Z`)),io={calls:0,billable_minutes:0,billable_seconds:0,stt_audio_seconds:0,tts_characters:0,llm_prompt_tokens:0,llm_completion_tokens:0,tool_calls:0},Zt=[["calls","Calls",A],["billable_minutes","Billable minutes",A],["stt_audio_seconds","Speech-to-text seconds",z],["tts_characters","TTS characters",A],["llm_prompt_tokens","LLM prompt tokens",A],["llm_completion_tokens","LLM completion tokens",A],["tool_calls","Tool calls",A]];function co(e,t,n){let o=Object.fromEntries(e.map(a=>[a.start.slice(0,10),a])),s=[],r=new Date;for(let a=new Date(t);a<=r;n==="day"?a.setUTCDate(a.getUTCDate()+1):a.setUTCMonth(a.getUTCMonth()+1)){let d=a.toISOString().slice(0,10);s.push({...io,...o[d]||{},day:d})}return s}function yn({tenantId:e}){let[t,n]=h("day"),[o,s]=h("1"),r=x(async()=>{let d=new Date;d.setUTCHours(0,0,0,0),d.setUTCDate(1),d.setUTCMonth(d.getUTCMonth()-(Number(o)-1));let c=await k(`/v1/tenants/${e}/usage${R({from:d.toISOString(),granularity:t})}`);return{totals:c.totals,rows:co(c.periods,d,t)}},[e,t,o]),a=t==="day"?d=>ct(d.day):d=>lo(d.day);return l`<${T} title="Usage">
      <${M} label="Period" path="months" value=${o} onChange=${s}
        options=${[["1","This month"],["3","Last 3 months"],["12","Last 12 months"]]} />
      <${M} label="Per" path="granularity" value=${t} onChange=${n}
        options=${[["day","Day"],["month","Month"]]} />
    </${T}>
    <p class="note">Calls by when they started, in UTC ${t==="day"?"days":"months"}; minutes are started minutes.</p>
    <${v} state=${r}>${({totals:d,rows:c})=>l`
      <dl class="stats" aria-label="Totals" data-testid="usage-totals">
        ${Zt.map(([i,p,u])=>l`<div><dt>${p}</dt><dd data-key=${i}>${u(d[i])}</dd></div>`)}
      </dl>
      <div class="charts">
        <${G} title=${`Billable minutes per ${t}`} days=${c} label=${a}
          series=${[{key:"billable_minutes",label:"Minutes"}]} />
        <${G} title=${`Calls per ${t}`} days=${c} label=${a}
          series=${[{key:"calls",label:"Calls"}]} />
      </div>
      <details><summary>The numbers</summary><div class="table-wrap"><table>
        <thead><tr><th scope="col">${t==="day"?"Day":"Month"}</th>
          ${Zt.map(([,i])=>l`<th scope="col">${i}</th>`)}</tr></thead>
        <tbody>${c.map(i=>l`<tr><td>${a(i)}</td>
          ${Zt.map(([p,,u])=>l`<td>${u(i[p])}</td>`)}</tr>`)}</tbody>
      </table></div></details>`}
    </${v}>
    <${po} tenantId=${e} />`}var uo=[["included_minutes","Included minutes a month"],["hard_cap_minutes","Hard cap (minutes a month)"],["threshold_percent","Notice at (% of included)"],["max_concurrent_calls","Concurrent calls"],["calls_per_minute","Calls per minute"]];function $o({tenantId:e,current:t,onSaved:n}){let o=x(()=>k("/v1/plans"),[]),[s,r]=h(null),[a,d]=h(t.plan_id||""),[c,i]=h(t.overrides||{}),[p,u]=h({}),[$,f]=h(null);D(()=>{J("PlanOverrides").then(r,f)},[]);let m=async _=>{_.preventDefault();let b=Object.fromEntries(Object.entries(c).filter(([,y])=>y!=null&&y!==""));try{await S("PUT",`/v1/tenants/${e}/plan`,a?{plan_id:a,overrides:b}:{plan_id:null}),u({}),f(null),n()}catch(y){u(y.fieldErrors?y.fieldErrors():{}),f(y)}};return l`<${v} state=${o}>${_=>l`<form class="plan-form" onSubmit=${m} aria-label="Assign a plan">
    <${M} label="Plan" path="plan_id" value=${a} onChange=${d} error=${p.plan_id}
      options=${[["","No plan (the tenant's own limits)"],..._.items.map(b=>[b.id,b.name])]} />
    ${a&&s?l`<fieldset><legend>This tenant's overrides (empty: as the plan)</legend>
      <${W} schema=${s.root} all=${s.all} path="overrides" value=${c}
        onChange=${i} errors=${p} /></fieldset>`:null}
    <button type="submit">Save plan</button>
    <${C} error=${$} />
  </form>`}</${v}>`}function po({tenantId:e}){let t=U(),n=x(()=>k(`/v1/tenants/${e}/plan`),[e]);return l`<section aria-labelledby="plan-title"><h2 id="plan-title">Plan</h2>
    <${v} state=${n}>${o=>l`
      ${o.effective?l`<dl class="stats facts" data-testid="plan-limits">
            ${uo.map(([s,r])=>l`<div><dt>${r}</dt><dd>${o.effective[s]??"none"}</dd></div>`)}
          </dl>`:l`<p class="empty" data-testid="plan-limits">No plan: the tenant's own limits apply.</p>`}
      ${t("tenants.plan.write")?l`<${$o} tenantId=${e} current=${o} onSaved=${n.reload} />`:null}`}
    </${v}></section>`}function gn({plan:e,onDone:t}){let[n,o]=h(null),[s,r]=h(null),[a,d]=h({}),[c,i]=h(null);D(()=>{J("PlanCreate").then(u=>{if(o(u),e){let{id:$,created_at:f,updated_at:m,..._}=e;r(_)}else r(Lt(u.root,u.all))},i)},[e]);let p=async u=>{u.preventDefault();try{e?await S("PATCH",`/v1/plans/${e.id}`,s):await S("POST","/v1/plans",s),d({}),i(null),t()}catch($){d($.fieldErrors?$.fieldErrors():{}),i($)}};return!n||!s?l`<${C} error=${c} />`:l`<form class="plan-editor" onSubmit=${p} aria-label=${e?`Edit plan ${e.name}`:"New plan"}>
    <${W} schema=${n.root} all=${n.all} path="" value=${s} onChange=${r} errors=${a} />
    <button type="submit">${e?"Save plan":"Create plan"}</button>
    <${C} error=${c} />
  </form>`}function vn(){let e=x(()=>k("/v1/plans"),[]),[t,n]=h(null),[o,s]=h(null),r=()=>{n(null),e.reload()},a=async d=>{if(confirm(`Delete the plan ${d.name}?`))try{await S("DELETE",`/v1/plans/${d.id}`),s(null),e.reload()}catch(c){s(c)}};return l`<${T} title="Plans">
      <button type="button" onClick=${()=>n(t==="new"?null:"new")}
        aria-expanded=${t==="new"}>New plan</button>
    </${T}>
    ${t==="new"?l`<${gn} plan=${null} onDone=${r} />`:null}
    <${C} error=${o} />
    <${v} state=${e} empty=${Object.assign(d=>d.items.length===0,{text:"No plans yet."})}>
      ${d=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Plans</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Included minutes</th><th scope="col">Hard cap</th>
          <th scope="col">Notice at</th><th scope="col">Concurrent calls</th><th scope="col">Calls a minute</th>
          <th scope="col">Actions</th></tr></thead>
        <tbody>${d.items.map(c=>l`<tr>
          <td>${c.name}</td><td>${A(c.included_minutes)}</td>
          <td>${c.hard_cap_minutes===null?"none":A(c.hard_cap_minutes)}</td>
          <td>${c.threshold_percent} %</td><td>${A(c.max_concurrent_calls)}</td><td>${A(c.calls_per_minute)}</td>
          <td class="row-actions">
            <button type="button" class="secondary small" aria-expanded=${t===c}
              onClick=${()=>n(t===c?null:c)}>Edit</button>
            <button type="button" class="danger small" onClick=${()=>a(c)}>Delete</button>
            ${t===c?l`<${gn} plan=${c} onDone=${r} />`:null}
          </td></tr>`)}</tbody></table></div>`}
    </${v}>`}var mo=[["","Home","runtime.read"],["numbers","Numbers","calls.read"],["agents","Agents","calls.read"],["calls","Calls","calls.read"],["analytics","Analytics","analytics.read"],["usage","Usage","usage.read"],["secrets","Secrets","secrets.read"],["members","Members","members.read"],["api-keys","API keys","api_keys.read"],["webhooks","Webhooks","webhooks.read"],["audit","Audit log","audit.read"]],fo={"":Xe,numbers:tn,agents:en,secrets:sn,members:an,"api-keys":ln,audit:un,calls:pn,analytics:_n,webhooks:bn,usage:yn};function _o({me:e,tenantId:t,section:n,item:o}){let s=x(()=>k(`/v1/tenants/${t}/permissions`),[t]),r=x(()=>k(`/v1/tenants/${t}`),[t]),a=fo[n]||null;n==="agents"&&o&&(a=on),n==="calls"&&o&&(a=fn);let d=s.data?s.data.allowed:[],c=`/admin/t/${t}`;return l`<${v} state=${s}>${i=>l`<${St.Provider} value=${i}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${r.data?r.data.name:""}
        ${i.role?l`<span class="badge">${i.role}</span>`:l`<span class="badge">platform admin</span>`}</p>
      <ul>${mo.filter(([,,p])=>d.includes(p)).map(([p,u])=>l`<li><${I} href=${p?`${c}/${p}`:c}
          aria-current=${n===p?"page":void 0}>${u}</${I}></li>`)}</ul>
    </nav>
    <main id="main" class="content">
      ${a?l`<${a} tenantId=${t} tenant=${r.data} item=${o} me=${e}
        reloadTenant=${r.reload} />`:l`<p class="state">No such page.</p>`}
    </main>
  </${St.Provider}>`}</${v}>`}function ho(){let e=Fe(),[t,n]=h(null),[o,s]=h(null);D(()=>{Ue(()=>F("/admin/signin?expired=1",{replace:!0}))},[]);let r=location.pathname.replace(/\/+$/,""),a=!!wt();if(D(()=>{!a||r==="/admin/signin"||r==="/admin/callback"||t===null&&k("/v1/me").then(n,s)},[a,r,t]),r==="/admin/callback")return l`<${We} />`;if(r==="/admin/signin"||!a)return r!=="/admin/signin"&&F("/admin/signin",{replace:!0}),l`<${Ve} onSignedIn=${u=>n(u)} />`;let d=()=>{X(),n(null),F("/admin/signin")},c=l`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${I} href="/admin" class="brand">Switchboard</${I}>
    ${t&&t.platform_admin?l`<nav class="top-nav" aria-label="Platform">
      <${I} href="/admin" aria-current=${r==="/admin"?"page":void 0}>Tenants</${I}>
      <${I} href="/admin/plans" aria-current=${r==="/admin/plans"?"page":void 0}>Plans</${I}>
    </nav>`:null}
    <span class="who">${t?t.subject:""}</span>
    <button type="button" class="ghost" onClick=${d}>Sign out</button>
  </header>`;if(o)return l`${c}<main class="content"><p class="error" role="alert">${o.message}</p></main>`;let i=r.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/);if(!t&&!i)return l`${c}<p class="state" role="status">Loading…</p>`;let p=i?l`<div class="layout"><${_o} me=${t} tenantId=${decodeURIComponent(i[1])}
        section=${i[2]||""} item=${i[3]?decodeURIComponent(i[3]):null} /></div>`:r==="/admin/plans"&&t.platform_admin?l`<main id="main" class="content"><${vn} /></main>`:l`<main id="main" class="content"><${Ze} me=${t} /></main>`;return l`${c}${p}<span hidden>${e}</span>`}var wn=document.getElementById("app");wn.textContent="";pe(l`<${ho} />`,wn);
