var pt,E,Xt,fn,q,Qt,te,ee,ne,jt,Ot,Dt,re,ot={},oe=[],hn=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,mt=Array.isArray;function V(t,e){for(var n in e)t[n]=e[n];return t}function Ut(t){t&&t.parentNode&&t.parentNode.removeChild(t)}function Rt(t,e,n){var r,s,o,a={};for(o in e)o=="key"?r=e[o]:o=="ref"?s=e[o]:a[o]=e[o];if(arguments.length>2&&(a.children=arguments.length>3?pt.call(arguments,2):n),typeof t=="function"&&t.defaultProps!=null)for(o in t.defaultProps)a[o]===void 0&&(a[o]=t.defaultProps[o]);return ut(t,a,r,s,null)}function ut(t,e,n,r,s){var o={type:t,props:e,key:n,ref:r,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:s??++Xt,__i:-1,__u:0};return s==null&&E.vnode!=null&&E.vnode(o),o}function _t(t){return t.children}function dt(t,e){this.props=t,this.context=e}function z(t,e){if(e==null)return t.__?z(t.__,t.__i+1):null;for(var n;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null)return n.__e;return typeof t.type=="function"?z(t):null}function se(t){var e,n;if((t=t.__)!=null&&t.__c!=null){for(t.__e=t.__c.base=null,e=0;e<t.__k.length;e++)if((n=t.__k[e])!=null&&n.__e!=null){t.__e=t.__c.base=n.__e;break}return se(t)}}function It(t){(!t.__d&&(t.__d=!0)&&q.push(t)&&!$t.__r++||Qt!=E.debounceRendering)&&((Qt=E.debounceRendering)||te)($t)}function $t(){for(var t,e,n,r,s,o,a,u=1;q.length;)q.length>u&&q.sort(ee),t=q.shift(),u=q.length,t.__d&&(n=void 0,s=(r=(e=t).__v).__e,o=[],a=[],e.__P&&((n=V({},r)).__v=r.__v+1,E.vnode&&E.vnode(n),Mt(e.__P,n,r,e.__n,e.__P.namespaceURI,32&r.__u?[s]:null,o,s??z(r),!!(32&r.__u),a),n.__v=r.__v,n.__.__k[n.__i]=n,ie(o,n,a),n.__e!=s&&se(n)));$t.__r=0}function ae(t,e,n,r,s,o,a,u,c,i,p){var d,$,_,m,f,h,g=r&&r.__k||oe,w=e.length;for(c=bn(n,e,g,c,w),d=0;d<w;d++)(_=n.__k[d])!=null&&($=_.__i==-1?ot:g[_.__i]||ot,_.__i=d,h=Mt(t,_,$,s,o,a,u,c,i,p),m=_.__e,_.ref&&$.ref!=_.ref&&($.ref&&Ht($.ref,null,_),p.push(_.ref,_.__c||m,_)),f==null&&m!=null&&(f=m),4&_.__u||$.__k===_.__k?c=le(_,c,t):typeof _.type=="function"&&h!==void 0?c=h:m&&(c=m.nextSibling),_.__u&=-7);return n.__e=f,c}function bn(t,e,n,r,s){var o,a,u,c,i,p=n.length,d=p,$=0;for(t.__k=new Array(s),o=0;o<s;o++)(a=e[o])!=null&&typeof a!="boolean"&&typeof a!="function"?(c=o+$,(a=t.__k[o]=typeof a=="string"||typeof a=="number"||typeof a=="bigint"||a.constructor==String?ut(null,a,null,null,null):mt(a)?ut(_t,{children:a},null,null,null):a.constructor==null&&a.__b>0?ut(a.type,a.props,a.key,a.ref?a.ref:null,a.__v):a).__=t,a.__b=t.__b+1,u=null,(i=a.__i=gn(a,n,c,d))!=-1&&(d--,(u=n[i])&&(u.__u|=2)),u==null||u.__v==null?(i==-1&&(s>p?$--:s<p&&$++),typeof a.type!="function"&&(a.__u|=4)):i!=c&&(i==c-1?$--:i==c+1?$++:(i>c?$--:$++,a.__u|=4))):t.__k[o]=null;if(d)for(o=0;o<p;o++)(u=n[o])!=null&&(2&u.__u)==0&&(u.__e==r&&(r=z(u)),ue(u,u));return r}function le(t,e,n){var r,s;if(typeof t.type=="function"){for(r=t.__k,s=0;r&&s<r.length;s++)r[s]&&(r[s].__=t,e=le(r[s],e,n));return e}t.__e!=e&&(e&&t.type&&!n.contains(e)&&(e=z(t)),n.insertBefore(t.__e,e||null),e=t.__e);do e=e&&e.nextSibling;while(e!=null&&e.nodeType==8);return e}function gn(t,e,n,r){var s,o,a=t.key,u=t.type,c=e[n];if(c===null&&t.key==null||c&&a==c.key&&u==c.type&&(2&c.__u)==0)return n;if(r>(c!=null&&(2&c.__u)==0?1:0))for(s=n-1,o=n+1;s>=0||o<e.length;){if(s>=0){if((c=e[s])&&(2&c.__u)==0&&a==c.key&&u==c.type)return s;s--}if(o<e.length){if((c=e[o])&&(2&c.__u)==0&&a==c.key&&u==c.type)return o;o++}}return-1}function Yt(t,e,n){e[0]=="-"?t.setProperty(e,n??""):t[e]=n==null?"":typeof n!="number"||hn.test(e)?n:n+"px"}function ct(t,e,n,r,s){var o,a;t:if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof r=="string"&&(t.style.cssText=r=""),r)for(e in r)n&&e in n||Yt(t.style,e,"");if(n)for(e in n)r&&n[e]==r[e]||Yt(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")o=e!=(e=e.replace(ne,"$1")),a=e.toLowerCase(),e=a in t||e=="onFocusOut"||e=="onFocusIn"?a.slice(2):e.slice(2),t.l||(t.l={}),t.l[e+o]=n,n?r?n.u=r.u:(n.u=jt,t.addEventListener(e,o?Dt:Ot,o)):t.removeEventListener(e,o?Dt:Ot,o);else{if(s=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{t[e]=n??"";break t}catch{}typeof n=="function"||(n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n))}}function Zt(t){return function(e){if(this.l){var n=this.l[e.type+t];if(e.t==null)e.t=jt++;else if(e.t<n.u)return;return n(E.event?E.event(e):e)}}}function Mt(t,e,n,r,s,o,a,u,c,i){var p,d,$,_,m,f,h,g,w,S,j,K,et,Gt,it,nt,Nt,F=e.type;if(e.constructor!=null)return null;128&n.__u&&(c=!!(32&n.__u),o=[u=e.__e=n.__e]),(p=E.__b)&&p(e);t:if(typeof F=="function")try{if(g=e.props,w="prototype"in F&&F.prototype.render,S=(p=F.contextType)&&r[p.__c],j=p?S?S.props.value:p.__:r,n.__c?h=(d=e.__c=n.__c).__=d.__E:(w?e.__c=d=new F(g,j):(e.__c=d=new dt(g,j),d.constructor=F,d.render=vn),S&&S.sub(d),d.props=g,d.state||(d.state={}),d.context=j,d.__n=r,$=d.__d=!0,d.__h=[],d._sb=[]),w&&d.__s==null&&(d.__s=d.state),w&&F.getDerivedStateFromProps!=null&&(d.__s==d.state&&(d.__s=V({},d.__s)),V(d.__s,F.getDerivedStateFromProps(g,d.__s))),_=d.props,m=d.state,d.__v=e,$)w&&F.getDerivedStateFromProps==null&&d.componentWillMount!=null&&d.componentWillMount(),w&&d.componentDidMount!=null&&d.__h.push(d.componentDidMount);else{if(w&&F.getDerivedStateFromProps==null&&g!==_&&d.componentWillReceiveProps!=null&&d.componentWillReceiveProps(g,j),!d.__e&&d.shouldComponentUpdate!=null&&d.shouldComponentUpdate(g,d.__s,j)===!1||e.__v==n.__v){for(e.__v!=n.__v&&(d.props=g,d.state=d.__s,d.__d=!1),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(rt){rt&&(rt.__=e)}),K=0;K<d._sb.length;K++)d.__h.push(d._sb[K]);d._sb=[],d.__h.length&&a.push(d);break t}d.componentWillUpdate!=null&&d.componentWillUpdate(g,d.__s,j),w&&d.componentDidUpdate!=null&&d.__h.push(function(){d.componentDidUpdate(_,m,f)})}if(d.context=j,d.props=g,d.__P=t,d.__e=!1,et=E.__r,Gt=0,w){for(d.state=d.__s,d.__d=!1,et&&et(e),p=d.render(d.props,d.state,d.context),it=0;it<d._sb.length;it++)d.__h.push(d._sb[it]);d._sb=[]}else do d.__d=!1,et&&et(e),p=d.render(d.props,d.state,d.context),d.state=d.__s;while(d.__d&&++Gt<25);d.state=d.__s,d.getChildContext!=null&&(r=V(V({},r),d.getChildContext())),w&&!$&&d.getSnapshotBeforeUpdate!=null&&(f=d.getSnapshotBeforeUpdate(_,m)),nt=p,p!=null&&p.type===_t&&p.key==null&&(nt=ce(p.props.children)),u=ae(t,mt(nt)?nt:[nt],e,n,r,s,o,a,u,c,i),d.base=e.__e,e.__u&=-161,d.__h.length&&a.push(d),h&&(d.__E=d.__=null)}catch(rt){if(e.__v=null,c||o!=null)if(rt.then){for(e.__u|=c?160:128;u&&u.nodeType==8&&u.nextSibling;)u=u.nextSibling;o[o.indexOf(u)]=null,e.__e=u}else for(Nt=o.length;Nt--;)Ut(o[Nt]);else e.__e=n.__e,e.__k=n.__k;E.__e(rt,e,n)}else o==null&&e.__v==n.__v?(e.__k=n.__k,e.__e=n.__e):u=e.__e=yn(n.__e,e,n,r,s,o,a,c,i);return(p=E.diffed)&&p(e),128&e.__u?void 0:u}function ie(t,e,n){for(var r=0;r<n.length;r++)Ht(n[r],n[++r],n[++r]);E.__c&&E.__c(e,t),t.some(function(s){try{t=s.__h,s.__h=[],t.some(function(o){o.call(s)})}catch(o){E.__e(o,s.__v)}})}function ce(t){return typeof t!="object"||t==null||t.__b&&t.__b>0?t:mt(t)?t.map(ce):V({},t)}function yn(t,e,n,r,s,o,a,u,c){var i,p,d,$,_,m,f,h=n.props,g=e.props,w=e.type;if(w=="svg"?s="http://www.w3.org/2000/svg":w=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),o!=null){for(i=0;i<o.length;i++)if((_=o[i])&&"setAttribute"in _==!!w&&(w?_.localName==w:_.nodeType==3)){t=_,o[i]=null;break}}if(t==null){if(w==null)return document.createTextNode(g);t=document.createElementNS(s,w,g.is&&g),u&&(E.__m&&E.__m(e,o),u=!1),o=null}if(w==null)h===g||u&&t.data==g||(t.data=g);else{if(o=o&&pt.call(t.childNodes),h=n.props||ot,!u&&o!=null)for(h={},i=0;i<t.attributes.length;i++)h[(_=t.attributes[i]).name]=_.value;for(i in h)if(_=h[i],i!="children"){if(i=="dangerouslySetInnerHTML")d=_;else if(!(i in g)){if(i=="value"&&"defaultValue"in g||i=="checked"&&"defaultChecked"in g)continue;ct(t,i,null,_,s)}}for(i in g)_=g[i],i=="children"?$=_:i=="dangerouslySetInnerHTML"?p=_:i=="value"?m=_:i=="checked"?f=_:u&&typeof _!="function"||h[i]===_||ct(t,i,_,h[i],s);if(p)u||d&&(p.__html==d.__html||p.__html==t.innerHTML)||(t.innerHTML=p.__html),e.__k=[];else if(d&&(t.innerHTML=""),ae(e.type=="template"?t.content:t,mt($)?$:[$],e,n,r,w=="foreignObject"?"http://www.w3.org/1999/xhtml":s,o,a,o?o[0]:n.__k&&z(n,0),u,c),o!=null)for(i=o.length;i--;)Ut(o[i]);u||(i="value",w=="progress"&&m==null?t.removeAttribute("value"):m!=null&&(m!==t[i]||w=="progress"&&!m||w=="option"&&m!=h[i])&&ct(t,i,m,h[i],s),i="checked",f!=null&&f!=t[i]&&ct(t,i,f,h[i],s))}return t}function Ht(t,e,n){try{if(typeof t=="function"){var r=typeof t.__u=="function";r&&t.__u(),r&&e==null||(t.__u=t(e))}else t.current=e}catch(s){E.__e(s,n)}}function ue(t,e,n){var r,s;if(E.unmount&&E.unmount(t),(r=t.ref)&&(r.current&&r.current!=t.__e||Ht(r,null,e)),(r=t.__c)!=null){if(r.componentWillUnmount)try{r.componentWillUnmount()}catch(o){E.__e(o,e)}r.base=r.__P=null}if(r=t.__k)for(s=0;s<r.length;s++)r[s]&&ue(r[s],e,n||typeof t.type!="function");n||Ut(t.__e),t.__c=t.__=t.__e=void 0}function vn(t,e,n){return this.constructor(t,n)}function de(t,e,n){var r,s,o,a;e==document&&(e=document.documentElement),E.__&&E.__(t,e),s=(r=typeof n=="function")?null:n&&n.__k||e.__k,o=[],a=[],Mt(e,t=(!r&&n||e).__k=Rt(_t,null,[t]),s||ot,ot,e.namespaceURI,!r&&n?[n]:s?null:e.firstChild?pt.call(e.childNodes):null,o,!r&&n?n:s?s.__e:e.firstChild,r,a),ie(o,t,a)}function ft(t){function e(n){var r,s;return this.getChildContext||(r=new Set,(s={})[e.__c]=this,this.getChildContext=function(){return s},this.componentWillUnmount=function(){r=null},this.shouldComponentUpdate=function(o){this.props.value!=o.value&&r.forEach(function(a){a.__e=!0,It(a)})},this.sub=function(o){r.add(o);var a=o.componentWillUnmount;o.componentWillUnmount=function(){r&&r.delete(o),a&&a.call(o)}}),n.children}return e.__c="__cC"+re++,e.__=t,e.Provider=e.__l=(e.Consumer=function(n,r){return n.children(r)}).contextType=e,e}pt=oe.slice,E={__e:function(t,e,n,r){for(var s,o,a;e=e.__;)if((s=e.__c)&&!s.__)try{if((o=s.constructor)&&o.getDerivedStateFromError!=null&&(s.setState(o.getDerivedStateFromError(t)),a=s.__d),s.componentDidCatch!=null&&(s.componentDidCatch(t,r||{}),a=s.__d),a)return s.__E=s}catch(u){t=u}throw t}},Xt=0,fn=function(t){return t!=null&&t.constructor==null},dt.prototype.setState=function(t,e){var n;n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=V({},this.state),typeof t=="function"&&(t=t(V({},n),this.props)),t&&V(n,t),t!=null&&this.__v&&(e&&this._sb.push(e),It(this))},dt.prototype.forceUpdate=function(t){this.__v&&(this.__e=!0,t&&this.__h.push(t),It(this))},dt.prototype.render=_t,q=[],te=typeof Promise=="function"?Promise.prototype.then.bind(Promise.resolve()):setTimeout,ee=function(t,e){return t.__v.__b-e.__v.__b},$t.__r=0,ne=/(PointerCapture)$|Capture$/i,jt=0,Ot=Zt(!1),Dt=Zt(!0),re=0;var J,L,Ft,$e,st=0,ye=[],P=E,pe=P.__b,me=P.__r,_e=P.diffed,fe=P.__c,he=P.unmount,be=P.__;function bt(t,e){P.__h&&P.__h(L,t,st||e),st=0;var n=L.__H||(L.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function b(t){return st=1,wn(Se,t)}function wn(t,e,n){var r=bt(J++,2);if(r.t=t,!r.__c&&(r.__=[n?n(e):Se(void 0,e),function(u){var c=r.__N?r.__N[0]:r.__[0],i=r.t(c,u);c!==i&&(r.__N=[i,r.__[1]],r.__c.setState({}))}],r.__c=L,!L.__f)){var s=function(u,c,i){if(!r.__c.__H)return!0;var p=r.__c.__H.__.filter(function($){return!!$.__c});if(p.every(function($){return!$.__N}))return!o||o.call(this,u,c,i);var d=r.__c.props!==u;return p.forEach(function($){if($.__N){var _=$.__[0];$.__=$.__N,$.__N=void 0,_!==$.__[0]&&(d=!0)}}),o&&o.call(this,u,c,i)||d};L.__f=!0;var o=L.shouldComponentUpdate,a=L.componentWillUpdate;L.componentWillUpdate=function(u,c,i){if(this.__e){var p=o;o=void 0,s(u,c,i),o=p}a&&a.call(this,u,c,i)},L.shouldComponentUpdate=s}return r.__N||r.__}function O(t,e){var n=bt(J++,3);!P.__s&&xe(n.__H,e)&&(n.__=t,n.u=e,L.__H.__h.push(n))}function Bt(t){return st=5,ve(function(){return{current:t}},[])}function ve(t,e){var n=bt(J++,7);return xe(n.__H,e)&&(n.__=t(),n.__H=e,n.__h=t),n.__}function we(t,e){return st=8,ve(function(){return t},e)}function gt(t){var e=L.context[t.__c],n=bt(J++,9);return n.c=t,e?(n.__==null&&(n.__=!0,e.sub(L)),e.props.value):t.__}function xn(){for(var t;t=ye.shift();)if(t.__P&&t.__H)try{t.__H.__h.forEach(ht),t.__H.__h.forEach(Vt),t.__H.__h=[]}catch(e){t.__H.__h=[],P.__e(e,t.__v)}}P.__b=function(t){L=null,pe&&pe(t)},P.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),be&&be(t,e)},P.__r=function(t){me&&me(t),J=0;var e=(L=t.__c).__H;e&&(Ft===L?(e.__h=[],L.__h=[],e.__.forEach(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})):(e.__h.forEach(ht),e.__h.forEach(Vt),e.__h=[],J=0)),Ft=L},P.diffed=function(t){_e&&_e(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&(ye.push(e)!==1&&$e===P.requestAnimationFrame||(($e=P.requestAnimationFrame)||Sn)(xn)),e.__H.__.forEach(function(n){n.u&&(n.__H=n.u),n.u=void 0})),Ft=L=null},P.__c=function(t,e){e.some(function(n){try{n.__h.forEach(ht),n.__h=n.__h.filter(function(r){return!r.__||Vt(r)})}catch(r){e.some(function(s){s.__h&&(s.__h=[])}),e=[],P.__e(r,n.__v)}}),fe&&fe(t,e)},P.unmount=function(t){he&&he(t);var e,n=t.__c;n&&n.__H&&(n.__H.__.forEach(function(r){try{ht(r)}catch(s){e=s}}),n.__H=void 0,e&&P.__e(e,n.__v))};var ge=typeof requestAnimationFrame=="function";function Sn(t){var e,n=function(){clearTimeout(r),ge&&cancelAnimationFrame(e),setTimeout(t)},r=setTimeout(n,35);ge&&(e=requestAnimationFrame(n))}function ht(t){var e=L,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),L=e}function Vt(t){var e=L;t.__c=t.__(),L=e}function xe(t,e){return!t||t.length!==e.length||e.some(function(n,r){return n!==t[r]})}function Se(t,e){return typeof e=="function"?e(t):e}var Ce="sb.token",Wt="sb.pkce";function yt(){return sessionStorage.getItem(Ce)}function qt(t){sessionStorage.setItem(Ce,t)}function G(){sessionStorage.clear()}function Te(t){let e="";for(let n of new Uint8Array(t))e+=String.fromCharCode(n);return btoa(e).replace(/\+/g,"-").replace(/\//g,"_").replace(/=+$/,"")}function ke(){return Te(crypto.getRandomValues(new Uint8Array(32)))}async function Ee(t){let e=t.replace(/\/$/,"")+"/.well-known/openid-configuration",n=await fetch(e);if(!n.ok)throw new Error(`The identity provider answered ${n.status}.`);return n.json()}function Ae(){return`${location.origin}/admin/callback`}async function Le(t){let e=await Ee(t.oidc_issuer),n=ke(),r=ke(),s=await crypto.subtle.digest("SHA-256",new TextEncoder().encode(n));sessionStorage.setItem(Wt,JSON.stringify({verifier:n,state:r}));let o=new URLSearchParams({response_type:"code",client_id:t.oidc_client_id,redirect_uri:Ae(),scope:t.oidc_scopes,state:r,code_challenge:Te(s),code_challenge_method:"S256"});location.assign(`${e.authorization_endpoint}?${o}`)}async function Pe(t,e){let n=new URLSearchParams(e),r=JSON.parse(sessionStorage.getItem(Wt)||"null");if(sessionStorage.removeItem(Wt),n.get("error"))throw new Error(`Sign-in failed: ${n.get("error")}`);if(!r||n.get("state")!==r.state)throw new Error("Sign-in state mismatch.");let s=await Ee(t.oidc_issuer),o=new URLSearchParams({grant_type:"authorization_code",code:n.get("code")||"",redirect_uri:Ae(),client_id:t.oidc_client_id,code_verifier:r.verifier}),a=await fetch(s.token_endpoint,{method:"POST",body:o});if(!a.ok)throw new Error(`The token exchange failed (${a.status}).`);let u=await a.json();qt(u.access_token)}var at=class extends Error{constructor(e,n){let r=n&&n.error||{};super(r.message||`Request failed (${e}).`),this.status=e,this.code=r.code||"http_error",this.details=r.details}fieldErrors(){let e={};if(Array.isArray(this.details))for(let n of this.details){let r=String(n.field||"").replace(/^body\./,"");e[r]=e[r]?`${e[r]}; ${n.message}`:n.message}return e}},Ne=()=>{};function Oe(t){Ne=t}async function Kt(t,e,n){let r={Accept:"application/json"},s=yt();s&&(r.Authorization=`Bearer ${s}`),n!==void 0&&(r["Content-Type"]="application/json");let o=await fetch(e,{method:t,headers:r,body:n===void 0?void 0:JSON.stringify(n)});return o.status===401&&(G(),Ne()),o}async function k(t,e,n){let r=await Kt(t,e,n),s=await r.text(),o=s?JSON.parse(s):null;if(!r.ok)throw new at(r.status,o);return o}var v=t=>k("GET",t);async function De(t){let e=await Kt("GET",t);if(e.status===404)return null;if(!e.ok)throw new at(e.status,null);return URL.createObjectURL(await e.blob())}function B(t){let e=Object.entries(t).filter(([,n])=>n!=null&&n!=="");return e.length?`?${new URLSearchParams(e)}`:""}async function Ie(t,e){let n=await Kt("POST",t,e);if(!n.ok){let r=await n.text();throw new at(n.status,r?JSON.parse(r):null)}return URL.createObjectURL(await n.blob())}var Ue=function(t,e,n,r){var s;e[0]=0;for(var o=1;o<e.length;o++){var a=e[o++],u=e[o]?(e[0]|=a?1:2,n[e[o++]]):e[++o];a===3?r[0]=u:a===4?r[1]=Object.assign(r[1]||{},u):a===5?(r[1]=r[1]||{})[e[++o]]=u:a===6?r[1][e[++o]]+=u+"":a?(s=t.apply(u,Ue(t,u,n,["",null])),r.push(s),u[0]?e[0]|=2:(e[o-2]=0,e[o]=s)):r.push(u)}return r},je=new Map;function Re(t){var e=je.get(this);return e||(e=new Map,je.set(this,e)),(e=Ue(this,e.get(t)||(e.set(t,e=function(n){for(var r,s,o=1,a="",u="",c=[0],i=function($){o===1&&($||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?c.push(0,$,a):o===3&&($||a)?(c.push(3,$,a),o=2):o===2&&a==="..."&&$?c.push(4,$,0):o===2&&a&&!$?c.push(5,0,!0,a):o>=5&&((a||!$&&o===5)&&(c.push(o,0,a,s),o=6),$&&(c.push(o,$,0,s),o=6)),a=""},p=0;p<n.length;p++){p&&(o===1&&i(),i(p));for(var d=0;d<n[p].length;d++)r=n[p][d],o===1?r==="<"?(i(),c=[c],o=3):a+=r:o===4?a==="--"&&r===">"?(o=1,a=""):a=r+a[0]:u?r===u?u="":a+=r:r==='"'||r==="'"?u=r:r===">"?(i(),o=1):o&&(r==="="?(o=5,s=a,a=""):r==="/"&&(o<5||n[p][d+1]===">")?(i(),o===3&&(c=c[0]),o=c,(c=c[0]).push(2,0,o),o=0):r===" "||r==="	"||r===`
`||r==="\r"?(i(),o=2):a+=r),o===3&&a==="!--"&&(o=4,c=c[0])}return i(),c}(t)),e),arguments,[])).length>1?e:e[0]}var l=Re.bind(Rt),vt=new Set;function M(t,{replace:e=!1}={}){e?history.replaceState(null,"",t):history.pushState(null,"",t),vt.forEach(n=>n())}window.addEventListener("popstate",()=>vt.forEach(t=>t()));function Me(){let[,t]=b(0);return O(()=>{let e=()=>t(n=>n+1);return vt.add(e),()=>vt.delete(e)},[]),location.pathname+location.search}function D({href:t,children:e,...n}){return l`<a href=${t} onClick=${s=>{s.button!==0||s.metaKey||s.ctrlKey||s.shiftKey||(s.preventDefault(),M(t))}} ...${n}>${e}</a>`}var wt=ft({allowed:[],role:null,platform_admin:!1});function I(){let t=gt(wt);return e=>t.allowed.includes(e)}function x(t,e){let[n,r]=b({loading:!0,data:null,error:null}),s=we(()=>{let o=!0;return r(a=>({...a,loading:!0,error:null})),t().then(a=>o&&r({loading:!1,data:a,error:null}),a=>o&&r({loading:!1,data:null,error:a})),()=>{o=!1}},e);return O(s,[s]),{...n,reload:s}}function y({state:t,empty:e,children:n}){return t.error?l`<${A} error=${t.error} />`:t.loading&&t.data===null?l`<p class="state" role="status">Loading…</p>`:e&&e(t.data)?l`<p class="state empty">${e.text||"Nothing here yet."}</p>`:n(t.data)}function A({error:t}){if(!t)return null;let e=t.code?l` <code>${t.code}</code>`:null,n=Array.isArray(t.details)?t.details.map(r=>`${r.field?`${String(r.field).replace(/^body\./,"")}: `:""}${r.message}`):[];return l`<div class="error" role="alert">${t.message}${e}
    ${n.length?l`<ul>${n.map(r=>l`<li>${r}</li>`)}</ul>`:null}</div>`}function xt(t){return`f-${t.replace(/[^a-zA-Z0-9_-]/g,"-")}`}function R({label:t,path:e,error:n,hint:r,children:s}){let o=xt(e);return l`<div class=${`field${n?" invalid":""}`}>
    <label for=${o}>${t}</label>
    ${s(o,n?`${o}-error`:r?`${o}-hint`:void 0)}
    ${r&&!n?l`<small id=${`${o}-hint`}>${r}</small>`:null}
    ${n?l`<small class="field-error" id=${`${o}-error`} data-field=${e}>${n}</small>`:null}
  </div>`}function C({label:t,path:e,value:n,onInput:r,error:s,type:o="text",hint:a,...u}){return l`<${R} label=${t} path=${e} error=${s} hint=${a}>
    ${(c,i)=>l`<input id=${c} name=${e} type=${o} value=${n??""}
      aria-invalid=${s?"true":void 0} aria-describedby=${i}
      onInput=${p=>r(p.currentTarget.value)} ...${u} />`}
  </${R}>`}function U({label:t,path:e,value:n,options:r,onChange:s,error:o}){return l`<${R} label=${t} path=${e} error=${o}>
    ${(a,u)=>l`<select id=${a} name=${e} value=${n??""}
      aria-describedby=${u} onChange=${c=>s(c.currentTarget.value)}>
      ${r.map(([c,i])=>l`<option value=${c} selected=${c===(n??"")}>${i}</option>`)}
    </select>`}
  </${R}>`}var kn=new Intl.DateTimeFormat(void 0,{dateStyle:"medium",timeStyle:"short"}),Cn=new Intl.DateTimeFormat(void 0,{month:"short",day:"numeric"}),Tn=new Intl.NumberFormat,He=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}),N=t=>t?kn.format(new Date(t)):"\u2014",Q=t=>Cn.format(new Date(`${t}T12:00:00`)),H=t=>t==null?"\u2014":Tn.format(t),lt=t=>t==null?"\u2014":He.format(t),W=t=>t==null?"\u2014":`${He.format(t)} ms`,Y=t=>{if(t==null)return"\u2014";let e=Math.round(t);return`${Math.floor(e/60)}:${String(e%60).padStart(2,"0")}`};function T({title:t,children:e}){return O(()=>{document.title=`${t} \xB7 Switchboard`},[t]),l`<header class="page-head"><h1 tabindex="-1" id="page-title">${t}</h1>
    <div class="actions">${e}</div></header>`}function St({cursors:t,setCursors:e,next:n}){return l`<nav class="pager" aria-label="Pages">
    <button type="button" class="secondary" disabled=${t.length===1}
      onClick=${()=>e(t.slice(0,-1))}>Newer</button>
    <button type="button" class="secondary" disabled=${!n}
      onClick=${()=>e([...t,n])}>Older</button>
  </nav>`}function Fe({onSignedIn:t}){let e=x(()=>v("/v1/console/config"),[]),[n,r]=b(""),[s,o]=b(null),[a,u]=b(!1),c=new URLSearchParams(location.search).has("expired");O(()=>{document.title="Sign in \xB7 Switchboard"},[]);let i=async d=>{d.preventDefault(),u(!0),o(null),qt(n.trim());try{let $=await v("/v1/me");t($),M("/admin",{replace:!0})}catch($){G(),o($.status===401?"That key is not valid (or was revoked).":$.message),u(!1)}},p=e.data&&e.data.oidc_issuer;return l`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${c&&!s?l`<p class="note" role="status">Your session ended; sign in again.</p>`:null}
    <form onSubmit=${i} aria-label="Sign in with an API key">
      <${C} label="API key" path="api_key" type="password" value=${n} onInput=${r}
        error=${s} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${a||!n.trim()}>Sign in</button>
    </form>
    ${p?l`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${()=>Le(e.data).catch(o)}>
        Sign in with your identity provider</button>`:null}
  </main>`}function Ve(){let[t,e]=b(null);return O(()=>{v("/v1/console/config").then(n=>Pe(n,location.search)).then(()=>M("/admin",{replace:!0}),n=>e(n.message))},[]),l`<main id="main" class="signin">
    ${t?l`<p class="error" role="alert">${t}</p>
      <a href="/admin/signin">Back to sign-in</a>`:l`<p class="state" role="status">Signing in…</p>`}
  </main>`}var kt=null;async function Et(t){return kt=kt||await v("/openapi.json"),{root:kt.components.schemas[t],all:kt.components.schemas}}var Ct=(t,e)=>t&&t.$ref?e[t.$ref.split("/").pop()]:t;function qe(t,e){let n=t.anyOf||t.oneOf;if(!n)return null;let r=n.filter(s=>s.type!=="null");return r.length===1&&r.length<n.length?Ct(r[0],e):null}var Be={Llm:"LLM",Stt:"Speech-to-text (STT)",Tts:"Voice (TTS)",Api:"API",Dtmf:"DTMF",Http:"HTTP",Ms:"(ms)",S:"(s)",Url:"URL",Of:"of",In:"in",At:"at"},En=(t,e)=>(e&&e.title||t.replace(/_/g," ")).split(" ").map((n,r)=>r===0?Be[n]||n:Be[n]||n.toLowerCase()).join(" ").replace(/^./,n=>n.toUpperCase());function Ke(t,e,n){let r=Array.isArray(t)?[...t]:{...t||{}};return n===void 0?delete r[e]:r[e]=n,r}function Tt(t,e){let n=Ct(t,e),r=t.default!==void 0?t.default:n.default;if(n.type==="object"&&n.properties){let s={};for(let[o,a]of Object.entries(n.properties)){let u=qe(a,e)?null:Tt(a,e);u!==void 0&&(s[o]=u)}return{...s,...structuredClone(r||{})}}return r!==void 0?structuredClone(r):n.type==="object"?{}:n.type==="array"?[]:n.type==="boolean"?!1:n.type==="integer"||n.type==="number"?n.minimum??0:n.enum?n.enum[0]:""}function We({schema:t,path:e,label:n,value:r,onChange:s,errors:o,nullable:a}){let u=o[e],c=xt(e);if(t.type==="boolean")return l`<div class=${`field check${u?" invalid":""}`}>
      <input type="checkbox" id=${c} name=${e} checked=${!!r}
        onChange=${_=>s(_.currentTarget.checked)} />
      <label for=${c}>${n}</label>
      ${u?l`<small class="field-error" data-field=${e}>${u}</small>`:null}
    </div>`;let i=t.description;if(t.enum)return l`<${R} label=${n} path=${e} error=${u} hint=${i}>${(_,m)=>l`<select id=${_} name=${e} aria-describedby=${m}
        onChange=${f=>s(f.currentTarget.value||(a?null:void 0))}>
        ${a?l`<option value="">(none)</option>`:null}
        ${t.enum.map(f=>l`<option value=${f} selected=${f===r}>${f}</option>`)}
      </select>`}</${R}>`;let p=t.type==="integer"||t.type==="number",d=t.type==="string"&&(t.maxLength||0)>500,$=_=>{let m=_.currentTarget.value;return s(m===""?a?null:p?void 0:"":p?Number.isNaN(Number(m))?m:Number(m):m)};return l`<${R} label=${n} path=${e} error=${u} hint=${i}>${(_,m)=>d?l`<textarea id=${_} name=${e} rows="4" aria-describedby=${m}
          aria-invalid=${u?"true":void 0} onInput=${$}>${r??""}</textarea>`:l`<input id=${_} name=${e} aria-describedby=${m}
          aria-invalid=${u?"true":void 0}
          type=${p?"number":t.format==="time"?"time":"text"}
          step=${t.type==="number"?"any":void 0} value=${r??""} onInput=${$} />`}
  </${R}>`}function An({path:t,label:e,value:n,onChange:r,errors:s,hint:o}){let a=s[t]||Object.entries(s).find(([u])=>u.startsWith(`${t}.`))?.[1];return l`<${R} label=${e} path=${t} error=${a} hint=${o||"One per line"}>
    ${(u,c)=>l`<textarea id=${u} name=${t} rows="3" aria-describedby=${c}
      onInput=${i=>r(i.currentTarget.value.split(`
`).filter(p=>p.trim()))}
    >${(n||[]).join(`
`)}</textarea>`}</${R}>`}function Ln({path:t,label:e,options:n,value:r,onChange:s,errors:o}){let a=new Set(r||[]),u=c=>{let i=new Set(a);i.has(c)?i.delete(c):i.add(c),s(n.filter(p=>i.has(p)))};return l`<fieldset class="choices"><legend>${e}</legend>
    ${n.map(c=>l`<label class="choice"><input type="checkbox" name=${`${t}.${c}`}
      checked=${a.has(c)} onChange=${()=>u(c)} />${c}</label>`)}
    ${o[t]?l`<small class="field-error" data-field=${t}>${o[t]}</small>`:null}
  </fieldset>`}function Pn({path:t,label:e,value:n,onChange:r,errors:s}){return l`<${R} label=${e} path=${t} error=${s[t]} hint="JSON">
    ${(o,a)=>l`<textarea id=${o} name=${t} rows="4" class="mono"
      aria-describedby=${a} onChange=${u=>{try{r(JSON.parse(u.currentTarget.value||"{}"))}catch{r(u.currentTarget.value)}}}>${JSON.stringify(n??{},null,2)}</textarea>`}</${R}>`}function ze({schema:t,all:e,path:n,label:r,value:s,onChange:o,errors:a,extras:u}){let c=qe(t,e);if(c){if(c.type==="object"){let p=s!=null,d=xt(`${n}-enabled`);return l`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${d} checked=${p}
          onChange=${$=>o($.currentTarget.checked?Tt(c,e):null)} />
          <label for=${d}>${r}</label></div>
        ${p?l`<${ze} schema=${c} all=${e} path=${n} label=${r}
          value=${s} onChange=${o} errors=${a} extras=${u} />`:null}
      </div>`}return l`<${We} schema=${{...c,description:t.description}} path=${n}
      label=${r} value=${s} onChange=${o} errors=${a} nullable=${!0} />`}let i=Ct(t,e);if(i.type==="object"&&i.properties){let p=u&&u[n];return l`<fieldset class="group"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      <${Z} schema=${i} all=${e} path=${n} value=${s} onChange=${o}
        errors=${a} extras=${u} />
      ${p?l`<${p} value=${s} />`:null}
    </fieldset>`}if(i.type==="object")return l`<${Pn} path=${n} label=${r} value=${s} onChange=${o} errors=${a} />`;if(i.type==="array"){let p=Ct(i.items,e);if(p.type==="string"&&p.enum)return l`<${Ln} path=${n} label=${r} options=${p.enum} value=${s}
        onChange=${o} errors=${a} />`;if(p.type!=="object")return l`<${An} path=${n} label=${r} value=${s} onChange=${o}
        errors=${a} hint=${i.description} />`;let d=s||[],$=(p.title||"Item").replace(/([a-z])([A-Z])/g,"$1 $2");return l`<fieldset class="group list"><legend>${r}</legend>
      ${a[n]?l`<small class="field-error" data-field=${n}>${a[n]}</small>`:null}
      ${d.length===0?l`<p class="empty">None.</p>`:null}
      ${d.map((_,m)=>l`<div class="list-item">
        <${Z} schema=${p} all=${e} path=${`${n}.${m}`} value=${_}
          onChange=${f=>o(Ke(d,m,f))} errors=${a} />
        <button type="button" class="ghost small" onClick=${()=>o(d.filter((f,h)=>h!==m))}
          aria-label=${`Remove ${$} ${m+1} of ${r}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${()=>o([...d,Tt(p,e)])}>Add ${$.toLowerCase()}</button>
    </fieldset>`}return l`<${We} schema=${i} path=${n} label=${r} value=${s}
    onChange=${o} errors=${a} />`}function Z({schema:t,all:e,path:n,value:r,onChange:s,errors:o,extras:a}){return Object.entries(t.properties||{}).map(([u,c])=>{let i=n?`${n}.${u}`:u;return l`<${ze} key=${i} schema=${c} all=${e} path=${i}
      label=${En(u,c)} value=${(r||{})[u]}
      onChange=${p=>s(Ke(r,u,p))} errors=${o} extras=${a} />`})}function Je(t,e){return Tt(t,e)}function Nn({onCreated:t}){let[e,n]=b(""),[r,s]=b({}),[o,a]=b(null);return l`<form class="inline-form" onSubmit=${async c=>{c.preventDefault();try{let i=await k("POST","/v1/tenants",{name:e});n(""),s({}),a(null),t(i)}catch(i){s(i.fieldErrors?i.fieldErrors():{}),a(i)}}} aria-label="Create a tenant">
    <${C} label="New tenant name" path="name" value=${e} onInput=${n} error=${r.name} />
    <button type="submit">Create tenant</button>
    ${o&&!r.name?l`<${A} error=${o} />`:null}
  </form>`}function On({tenant:t,onSaved:e}){let[n,r]=b(null),[s,o]=b(t.limits),[a,u]=b({}),[c,i]=b(null);O(()=>{Et("TenantLimits").then(r,i)},[]);let p=async d=>{d.preventDefault();try{await k("PATCH",`/v1/tenants/${t.id}`,{limits:s}),u({}),i(null),e()}catch($){u($.fieldErrors?$.fieldErrors():{}),i($)}};return n?l`<form class="limits" onSubmit=${p} aria-label=${`Limits of ${t.name}`}>
    <${Z} schema=${n.root} all=${n.all} path="limits" value=${s}
      onChange=${o} errors=${a} />
    <button type="submit" class="small">Save limits</button>
    <${A} error=${c} />
  </form>`:l`<${A} error=${c} />`}function Ge({me:t}){let e=x(()=>v("/v1/tenants"),[]),[n,r]=b(null),[s,o]=b(null),a=t.platform_admin;O(()=>{let c=e.data?e.data.items:[];!a&&c.length===1&&M(`/admin/t/${c[0].id}`,{replace:!0})},[e.data]);let u=async(c,i)=>{if(!(i==="delete"&&!confirm(`Delete ${c.name}? Its numbers stop answering.`)))try{i==="delete"?await k("DELETE",`/v1/tenants/${c.id}`):await k("POST",`/v1/tenants/${c.id}/${i}`),r(null),e.reload()}catch(p){r(p)}};return l`<${T} title="Tenants" />
    ${a?l`<${Nn} onCreated=${c=>M(`/admin/t/${c.id}`)} />`:null}
    <${A} error=${n} />
    <${y} state=${e} empty=${Object.assign(c=>c.items.length===0,{text:"No tenants yet."})}>
      ${c=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Tenants</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Concurrent calls</th>
          <th scope="col">Created</th>${a?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${c.items.map(i=>l`<tr>
          <td><${D} href=${`/admin/t/${i.id}`}>${i.name}</${D}></td>
          <td><span class=${`status ${i.status}`}>${i.status}</span></td>
          <td>${i.limits.max_concurrent_calls}</td>
          <td>${N(i.created_at)}</td>
          ${a?l`<td class="row-actions">
            ${i.status==="active"?l`<button type="button" class="secondary small" onClick=${()=>u(i,"suspend")}>Suspend</button>`:l`<button type="button" class="secondary small" onClick=${()=>u(i,"activate")}>Activate</button>`}
            <button type="button" class="secondary small" aria-expanded=${s===i.id}
              onClick=${()=>o(s===i.id?null:i.id)}>Limits</button>
            <button type="button" class="danger small" onClick=${()=>u(i,"delete")}>Delete</button>
            ${s===i.id?l`<${On} tenant=${i} onSaved=${e.reload} />`:null}
          </td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${y}>`}function Ye(){let t=new Date;return t.setHours(0,0,0,0),t}function Dn(){let t=Ye();return t.setDate(t.getDate()-(t.getDay()+6)%7),t}function Qe({label:t,data:e}){return l`<section class="card" aria-label=${t}><h2>${t}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${H(e.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${lt(e.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${H(e.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${H(e.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${W(e.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${W(e.latency_p95_ms)}</dd></div>
    </dl></section>`}function In({tenant:t,onSaved:e}){let[n,r]=b(t.name),[s,o]=b(t.recording_retention_days??""),[a,u]=b({}),[c,i]=b(null),[p,d]=b(!1);return l`<section class="card" aria-label="Tenant settings"><h2>Settings</h2>
    <form class="inline-form plain-form" onSubmit=${async _=>{_.preventDefault();let m={name:n,recording_retention_days:s===""?null:Number(s)};try{await k("PATCH",`/v1/tenants/${t.id}`,m),u({}),i(null),d(!0),e()}catch(f){u(f.fieldErrors?f.fieldErrors():{}),i(f),d(!1)}}}>
      <${C} label="Name" path="name" value=${n} onInput=${r} error=${a.name} />
      <${C} label="Keep recordings (days; empty: forever)" path="recording_retention_days"
        type="number" min="1" value=${s} onInput=${o} error=${a.recording_retention_days} />
      <button type="submit">Save settings</button>
    </form>
    ${p?l`<p role="status">Saved.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${A} error=${c} />`:null}
  </section>`}function Ze({tenantId:t,tenant:e,reloadTenant:n}){let r=I(),s=`/v1/tenants/${t}`,o=x(async()=>{if(!r("analytics.read"))return null;let[$,_]=await Promise.all([v(`${s}/analytics/summary${B({since:Ye().toISOString()})}`),v(`${s}/analytics/summary${B({since:Dn().toISOString()})}`)]);return{today:$,week:_}},[t]),a=x(()=>v(`${s}/runtime`),[t]),[u,c]=b(null),[i,p]=b(null),d=async()=>{try{let $=await k("POST",`${s}/runtime/publish`);p($.revision),c(null),a.reload()}catch($){c($)}};return l`<${T} title=${e?e.name:"Tenant"} />
    <${y} state=${o}>${$=>$&&l`<div class="cards">
      <${Qe} label="Today" data=${$.today} /><${Qe} label="This week" data=${$.week} /></div>`}
    </${y}>
    <section class="card" aria-label="Runtime"><h2>Runtime</h2>
      <${y} state=${a}>${$=>l`<dl class="stats">
          <div><dt>Revision</dt><dd>${H($.revision)}</dd></div>
          <div><dt>Published revision</dt><dd>${H($.published_revision)}</dd></div>
          <div><dt>Pending</dt><dd>${H($.pending)}</dd></div>
          <div><dt>Drift</dt><dd class=${$.in_sync?"ok":"warn"}>${$.in_sync?"In sync":"Drifted"}</dd></div>
        </dl>
        ${$.drift.length?l`<ul class="drift">${$.drift.map(_=>l`<li>${_}</li>`)}</ul>`:null}
        ${$.problems.length?l`<h3>Problems</h3><ul class="problems">${$.problems.map(_=>l`<li><code>${_.type}</code> ${_.message}</li>`)}</ul>`:null}`}
      </${y}>
      ${r("runtime.publish")?l`<button type="button" onClick=${d}>Re-publish</button>`:null}
      ${i!==null?l`<p role="status">Queued revision ${H(i)}.</p>`:null}
      <${A} error=${u} />
    </section>
    ${e&&r("tenants.update")?l`<${In} key=${e.id} tenant=${e}
      onSaved=${n} />`:null}`}function Xe({tenantId:t}){let e=I(),n=`/v1/tenants/${t}`,r=x(async()=>{let[f,h]=await Promise.all([v(`${n}/numbers`),v(`${n}/agents`)]);return{numbers:f.items,agents:h.items}},[t]),[s,o]=b({e164:"",carrier:"twilio",agent_id:"",label:""}),[a,u]=b({}),[c,i]=b(null),p=f=>{u(f.fieldErrors?f.fieldErrors():{}),i(f)},d=async f=>{f.preventDefault();try{await k("POST",`${n}/numbers`,{...s,agent_id:s.agent_id||null}),o({e164:"",carrier:"twilio",agent_id:"",label:""}),u({}),i(null),r.reload()}catch(h){p(h)}},$=async(f,h)=>{try{await k("PATCH",`${n}/numbers/${f.id}`,{agent_id:h||null}),i(null),r.reload()}catch(g){p(g)}},_=async f=>{if(confirm(`Remove ${f.e164}? It stops taking calls.`))try{await k("DELETE",`${n}/numbers/${f.id}`),r.reload()}catch(h){p(h)}},m=e("numbers.write");return l`<${T} title="Numbers" />
    <${y} state=${r}>${({numbers:f,agents:h})=>{let g=[["","(no agent: not answering)"],...h.map(S=>[S.id,S.name])],w=S=>(h.find(j=>j.id===S)||{}).name||"\u2014";return l`
      ${m?l`<form class="inline-form" onSubmit=${d} aria-label="Add a number">
        <${C} label="Number (E.164)" path="e164" value=${s.e164} placeholder="+14155550100"
          onInput=${S=>o({...s,e164:S})} error=${a.e164} />
        <${U} label="Carrier" path="carrier" value=${s.carrier} error=${a.carrier}
          options=${[["twilio","Twilio"],["telnyx","Telnyx"]]} onChange=${S=>o({...s,carrier:S})} />
        <${U} label="Agent" path="agent_id" value=${s.agent_id} options=${g}
          error=${a.agent_id} onChange=${S=>o({...s,agent_id:S})} />
        <${C} label="Label" path="label" value=${s.label} error=${a.label}
          onInput=${S=>o({...s,label:S})} />
        <button type="submit">Add number</button>
      </form>`:null}
      <${A} error=${c} />
      ${f.length===0?l`<p class="state empty">No numbers yet.</p>`:l`<div class="table-wrap"><table>
        <caption class="sr-only">Numbers</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">Carrier</th><th scope="col">Label</th>
          <th scope="col">Agent</th>${m?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${f.map(S=>l`<tr>
          <td class="mono">${S.e164}</td><td>${S.carrier}</td><td>${S.label}</td>
          <td>${m?l`<label class="sr-only" for=${`move-${S.id}`}>Agent of ${S.e164}</label>
            <select id=${`move-${S.id}`} onChange=${j=>$(S,j.currentTarget.value)}>
              ${g.map(([j,K])=>l`<option value=${j} selected=${j===(S.agent_id||"")}>${K}</option>`)}
            </select>`:w(S.agent_id)}</td>
          ${m?l`<td><button type="button" class="danger small" onClick=${()=>_(S)}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}`}}</${y}>`}function tn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/agents`,r=x(()=>v(n),[t]),[s,o]=b(""),[a,u]=b({}),[c,i]=b(null),p=async d=>{d.preventDefault();try{let $=await k("POST",n,{name:s});M(`/admin/t/${t}/agents/${$.id}`)}catch($){u($.fieldErrors?$.fieldErrors():{}),i($)}};return l`<${T} title="Agents" />
    ${e("agents.write")?l`<form class="inline-form" onSubmit=${p} aria-label="Create an agent">
      <${C} label="New agent name" path="name" value=${s} onInput=${o} error=${a.name} />
      <button type="submit">Create agent</button>
      ${c&&!a.name?l`<${A} error=${c} />`:null}
    </form>`:null}
    <${y} state=${r} empty=${Object.assign(d=>d.items.length===0,{text:"No agents yet."})}>
      ${d=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Agents</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Live version</th>
          <th scope="col">Latest version</th><th scope="col">Updated</th></tr></thead>
        <tbody>${d.items.map($=>l`<tr>
          <td><${D} href=${`/admin/t/${t}/agents/${$.id}`}>${$.name}</${D}></td>
          <td>${$.live_version??"not live"}</td><td>${$.latest_version||"\u2014"}</td>
          <td>${N($.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${y}>`}function At(t,e="",n={}){if(t&&typeof t=="object"&&!Array.isArray(t)){for(let[r,s]of Object.entries(t))At(s,e?`${e}.${r}`:r,n);Object.keys(t).length===0&&e&&(n[e]="{}")}else Array.isArray(t)&&t.some(r=>r&&typeof r=="object")?(t.forEach((r,s)=>At(r,`${e}.${s}`,n)),t.length===0&&(n[e]="[]")):n[e]=typeof t=="string"?t:JSON.stringify(t);return n}function jn({left:t,right:e}){let n=At(t.config),r=At(e.config),s=[...new Set([...Object.keys(n),...Object.keys(r)])].sort(),o=s.filter(a=>n[a]!==r[a]);return l`<div class="table-wrap"><table class="diff">
    <caption>Version ${t.version} and version ${e.version}: ${o.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${t.version}</th>
      <th scope="col">Version ${e.version}</th></tr></thead>
    <tbody>${s.map(a=>l`<tr class=${n[a]!==r[a]?"changed":""}>
      <th scope="row" class="mono">${a}</th><td class="pre">${n[a]??"\u2014"}</td><td class="pre">${r[a]??"\u2014"}</td>
    </tr>`)}</tbody></table></div>`}function Un({base:t,agent:e,versions:n,onChanged:r}){let s=I(),[o,a]=b(()=>[n[1]?.version||n[0]?.version,n[0]?.version]),[u,c]=b(null),i=$=>n.find(_=>_.version===Number($)),p=async($,_)=>{try{await k("POST",`${t}/${$}`,{version:_}),c(null),r()}catch(m){c(m)}},d=($,_)=>l`<label>${_}
    <select value=${o[$]} onChange=${m=>a($?[o[0],m.currentTarget.value]:[m.currentTarget.value,o[1]])}>
      ${n.map(m=>l`<option value=${m.version} selected=${m.version===Number(o[$])}>Version ${m.version}</option>`)}
    </select></label>`;return l`<section aria-label="Versions"><h2>Versions</h2>
    <${A} error=${u} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${n.map($=>l`<tr>
        <td>${$.version}</td><td>${$.note}</td><td>${$.created_by}</td><td>${N($.created_at)}</td>
        <td>${$.live?l`<span class="status active">live</span>`:s("agents.publish")?e.live_version!==null&&$.version<e.live_version?l`<button type="button" class="secondary small" onClick=${()=>p("rollback",$.version)}>Roll back to ${$.version}</button>`:l`<button type="button" class="small" onClick=${()=>p("publish",$.version)}>Publish ${$.version}</button>`:""}</td></tr>`)}</tbody></table></div>
    ${n.length>1?l`<h3>Compare</h3><div class="inline-form">${d(0,"Left")}${d(1,"Right")}</div>
      ${i(o[0])&&i(o[1])?l`<${jn} left=${i(o[0])} right=${i(o[1])} />`:null}`:null}
  </section>`}function Rn({value:t}){let e=I(),n=gt(zt),[r,s]=b(null),[o,a]=b(null),[u,c]=b(!1);return O(()=>()=>r&&URL.revokeObjectURL(r),[r]),e("agents.write")?l`<div class="voice-preview">
    <button type="button" class="secondary small" disabled=${u} onClick=${async()=>{c(!0),a(null);try{s(await Ie(`${n}/voices/preview`,{tts:t}))}catch(p){a(p)}c(!1)}}>
      ${u?"Synthesizing\u2026":"Preview voice"}</button>
    ${r?l`<audio controls autoplay src=${r} aria-label="Voice preview"></audio>`:null}
    <${A} error=${o} />
  </div>`:null}var zt=ft(""),Mn={tts:Rn};function Hn({base:t,latest:e,onSaved:n}){let r=I(),[s,o]=b(null),[a,u]=b(null),[c,i]=b({}),[p,d]=b(null),[$,_]=b(null);if(O(()=>{Et("AgentVersionCreate").then(h=>{o(h),u(e?{...e.config,note:""}:Je(h.root,h.all))},d)},[e&&e.version]),!s||!a)return l`<${A} error=${p} />`;let m=r("agents.write");return l`<form class="agent-form" onSubmit=${async h=>{h.preventDefault();try{let g=await k("POST",`${t}/versions`,a);i({}),d(null),_(g),n()}catch(g){i(g.fieldErrors?g.fieldErrors():{}),d(g)}}} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!m} class="plain">
      <${Z} schema=${s.root} all=${s.all} path="" value=${a}
        onChange=${u} errors=${c} extras=${Mn} />
    </fieldset>
    ${p?l`<p class="error" role="alert">${Object.keys(c).length?`The version was not saved: ${Object.keys(c).length} field(s) need attention.`:p.message}</p>`:null}
    ${$?l`<p role="status">Saved as version ${$.version}.${$.warnings.map(h=>` ${h.message}`)}</p>`:null}
    ${m?l`<div class="sticky-actions"><button type="submit">Save as new version</button></div>`:null}
  </form>`}function en({tenantId:t,item:e}){let n=`/v1/tenants/${t}/agents/${e}`,r=x(async()=>{let[s,o]=await Promise.all([v(n),v(`${n}/versions`)]);return{agent:s,versions:o.items}},[n]);return l`<${y} state=${r}>${({agent:s,versions:o})=>l`
    <${T} title=${s.name}>
      <span class="badge">${s.live_version?`live: version ${s.live_version}`:"not live"}</span>
    </${T}>
    <div class="agent-grid">
      <${zt.Provider} value=${`/v1/tenants/${t}`}>
        <${Hn} base=${n} latest=${o[0]} onSaved=${r.reload} />
      </${zt.Provider}>
      ${o.length?l`<${Un} key=${o.length} base=${n} agent=${s}
        versions=${o} onChanged=${r.reload} />`:l`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${y}>`}var Fn=[["llm_api_key","LLM API key"],["carrier_credential","Carrier credential"],["tool_credential","Tool credential"],["webhook_secret","Webhook secret"]],nn={name:"",kind:"llm_api_key",value:"",allowed_host:""};function rn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/secrets`,r=x(()=>v(n),[t]),[s,o]=b(nn),[a,u]=b({}),[c,i]=b(null),[p,d]=b(null),$=h=>{u(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let g={value:s.value,kind:s.kind};s.kind==="llm_api_key"&&s.allowed_host&&(g.allowed_host=s.allowed_host);try{await k("PUT",`${n}/${encodeURIComponent(s.name)}`,g),d(s.name),o(nn),u({}),i(null),r.reload()}catch(w){$(w)}},m=async h=>{if(confirm(`Delete the secret ${h}?`))try{await k("DELETE",`${n}/${encodeURIComponent(h)}`),r.reload()}catch(g){$(g)}},f=e("secrets.write");return l`<${T} title="Secrets" />
    ${f?l`<form class="inline-form" onSubmit=${_} aria-label="Set a secret" autocomplete="off">
      <${C} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${h=>o({...s,name:h})} />
      <${U} label="Kind" path="kind" value=${s.kind} options=${Fn} error=${a.kind}
        onChange=${h=>o({...s,kind:h})} />
      <${C} label="Value" path="value" type="password" value=${s.value} error=${a.value}
        autocomplete="new-password" onInput=${h=>o({...s,value:h})} />
      ${s.kind==="llm_api_key"?l`<${C} label="Allowed host (optional)" path="allowed_host"
        value=${s.allowed_host} error=${a.allowed_host} onInput=${h=>o({...s,allowed_host:h})} />`:null}
      <button type="submit">Save secret</button>
    </form>`:null}
    ${p?l`<p role="status">Stored ${p}. Its value cannot be read back.</p>`:null}
    ${c&&!Object.keys(a).length?l`<${A} error=${c} />`:null}
    <${y} state=${r} empty=${Object.assign(h=>h.items.length===0,{text:"No secrets yet."})}>
      ${h=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Secrets</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Allowed host</th>
          <th scope="col">Set</th><th scope="col">By</th>${f?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${h.items.map(g=>l`<tr>
          <td class="mono">${g.name}</td><td>${g.kind}</td><td>${g.allowed_host||"\u2014"}</td>
          <td>${N(g.updated_at)}</td><td>${g.updated_by||"\u2014"}</td>
          ${f?l`<td><button type="button" class="danger small" onClick=${()=>m(g.name)}>Delete</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${y}>`}var Lt=[["viewer","Viewer"],["editor","Editor"],["admin","Admin"],["owner","Owner"]];function on({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/members`,r=x(()=>v(n),[t]),[s,o]=b({subject:"",role:"viewer"}),[a,u]=b({}),[c,i]=b(null),p=async m=>{try{await m(),u({}),i(null),r.reload()}catch(f){u(f.fieldErrors?f.fieldErrors():{}),i(f)}},d=(m,f)=>p(()=>k("PUT",`${n}/${encodeURIComponent(m)}`,{role:f})),$=m=>{m.preventDefault(),p(async()=>{await d(s.subject,s.role),o({subject:"",role:"viewer"})})},_=e("members.write");return l`<${T} title="Members" />
    ${_?l`<form class="inline-form" onSubmit=${$} aria-label="Add a member">
      <${C} label="Subject (OIDC sub)" path="subject" value=${s.subject} error=${a.subject}
        onInput=${m=>o({...s,subject:m})} />
      <${U} label="Role" path="role" value=${s.role} options=${Lt} error=${a.role}
        onChange=${m=>o({...s,role:m})} />
      <button type="submit">Add member</button>
    </form>`:null}
    <${A} error=${c} />
    <${y} state=${r} empty=${Object.assign(m=>m.items.length===0,{text:"No members yet."})}>
      ${m=>l`<div class="table-wrap"><table>
        <caption class="sr-only">Members</caption>
        <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">Added by</th>
          <th scope="col">Added</th>${_?l`<th scope="col">Actions</th>`:null}</tr></thead>
        <tbody>${m.items.map(f=>l`<tr>
          <td class="mono">${f.subject}</td>
          <td>${_?l`<label class="sr-only" for=${`role-${f.subject}`}>Role of ${f.subject}</label>
            <select id=${`role-${f.subject}`} onChange=${h=>d(f.subject,h.currentTarget.value)}>
            ${Lt.map(([h,g])=>l`<option value=${h} selected=${h===f.role}>${g}</option>`)}</select>`:f.role}</td>
          <td>${f.created_by}</td><td>${N(f.created_at)}</td>
          ${_?l`<td><button type="button" class="danger small"
            onClick=${()=>confirm(`Remove ${f.subject}?`)&&p(()=>k("DELETE",`${n}/${encodeURIComponent(f.subject)}`))}>Remove</button></td>`:null}
        </tr>`)}</tbody></table></div>`}
    </${y}>`}function sn({tenantId:t}){let e=I(),n=`/v1/tenants/${t}/api-keys`,r=x(()=>v(n),[t]),[s,o]=b({name:"",role:"viewer",expires_at:""}),[a,u]=b({}),[c,i]=b(null),[p,d]=b(null),$=h=>{u(h.fieldErrors?h.fieldErrors():{}),i(h)},_=async h=>{h.preventDefault();let g={name:s.name,role:s.role};s.expires_at&&(g.expires_at=new Date(s.expires_at).toISOString());try{d(await k("POST",n,g)),o({name:"",role:"viewer",expires_at:""}),u({}),i(null),r.reload()}catch(w){$(w)}},m=async h=>{if(confirm(`Revoke ${h.name}? Anything using it stops working.`))try{await k("DELETE",`${n}/${h.id}`),r.reload()}catch(g){$(g)}},f=e("api_keys.write");return l`<${T} title="API keys" />
    ${f?l`<form class="inline-form" onSubmit=${_} aria-label="Create an API key">
      <${C} label="Name" path="name" value=${s.name} error=${a.name}
        onInput=${h=>o({...s,name:h})} />
      <${U} label="Role" path="role" value=${s.role} options=${Lt} error=${a.role}
        onChange=${h=>o({...s,role:h})} />
      <${C} label="Expires (optional)" path="expires_at" type="datetime-local" value=${s.expires_at}
        error=${a.expires_at} onInput=${h=>o({...s,expires_at:h})} />
      <button type="submit">Create key</button>
    </form>`:null}
    ${p?l`<div class="once" role="status"><p>The new key <strong>${p.name}</strong>, shown
      only this once; copy it now:</p><output class="mono key" data-testid="new-key">${p.key}</output>
      <button type="button" class="secondary small" onClick=${()=>d(null)}>I have stored it</button></div>`:null}
    ${c&&!Object.keys(a).length?l`<${A} error=${c} />`:null}
    <${y} state=${r} empty=${Object.assign(h=>h.items.length===0,{text:"No API keys yet."})}>
      ${h=>l`<div class="table-wrap"><table>
        <caption class="sr-only">API keys</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Role</th>
          <th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th>
          <th scope="col">State</th></tr></thead>
        <tbody>${h.items.map(g=>l`<tr>
          <td>${g.name}</td><td class="mono">${g.prefix}…</td><td>${g.role}</td>
          <td>${N(g.created_at)}</td><td>${N(g.last_used_at)}</td><td>${N(g.expires_at)}</td>
          <td>${g.revoked_at?l`<span class="status suspended">revoked</span>`:f?l`<button type="button" class="danger small" onClick=${()=>m(g)}>Revoke</button>`:"active"}</td>
        </tr>`)}</tbody></table></div>`}
    </${y}>`}var an=t=>t===void 0?"\u2014":typeof t=="string"?t:JSON.stringify(t);function Vn({diff:t}){let e=t.before||{},n=t.after||{},r=[...new Set([...Object.keys(e),...Object.keys(n)])].sort();return r.length?l`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${r.map(s=>l`<tr class="changed">
    <th scope="row" class="mono">${s}</th><td class="pre">${an(e[s])}</td><td class="pre">${an(n[s])}</td>
    </tr>`)}</tbody></table>`:l`<p class="empty">No field changes recorded.</p>`}var ln=t=>t?new Date(t).toISOString():"";function cn({tenantId:t}){let[e,n]=b({actor:"",action:"",target:"",since:"",until:""}),[r,s]=b(e),[o,a]=b([null]),[u,c]=b(null),i=o[o.length-1],p=x(()=>v(`/v1/tenants/${t}/audit${B({...r,since:ln(r.since),until:ln(r.until),cursor:i,limit:25})}`),[t,r,i]),d=_=>{_.preventDefault(),s(e),a([null])},$=(_,m,f="text")=>l`<${C} label=${m} path=${`filter-${_}`}
    type=${f} value=${e[_]} onInput=${h=>n({...e,[_]:h})} />`;return l`<${T} title="Audit log" />
    <form class="inline-form filters" onSubmit=${d} aria-label="Filter the audit log">
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
          <td><button type="button" class="ghost small" aria-expanded=${u===m.id}
            onClick=${()=>c(u===m.id?null:m.id)}>${u===m.id?"Hide":"Show"}</button>
            ${u===m.id?l`<${Vn} diff=${m.diff} />`:null}</td>
        </tr>`)}</tbody></table></div>
        <${St} cursors=${o} setCursors=${a} next=${_.next_cursor} />`}
    </${y}>`}var Bn=[["","Any outcome"],["answered","Answered"],["missed","Missed"],["transferred","Transferred"],["failed","Failed"],["in_progress","In progress"]],un=t=>t?new Date(t).toISOString():"";function dn({tenantId:t}){let e=`/v1/tenants/${t}`,n=x(()=>v(`${e}/agents`),[t]),[r,s]=b({since:"",until:"",number:"",agent_id:"",outcome:""}),[o,a]=b(r),[u,c]=b([null]),i=u[u.length-1],p=x(()=>v(`${e}/calls${B({...o,since:un(o.since),until:un(o.until),cursor:i,limit:25})}`),[t,o,i]),d=m=>{m.preventDefault(),a(r),c([null])},$=n.data?n.data.items:[],_=m=>($.find(f=>f.id===m)||{}).name||m||"\u2014";return l`<${T} title="Calls" />
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
      <${U} label="Outcome" path="outcome" value=${r.outcome} options=${Bn}
        onChange=${m=>s({...r,outcome:m})} />
      <button type="submit">Filter</button>
    </form>
    <${y} state=${p} empty=${Object.assign(m=>m.items.length===0,{text:"No calls match."})}>
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
        <${St} cursors=${u} setCursors=${c} next=${m.next_cursor} />`}
    </${y}>`}var $n=[["end_of_turn_ms","End of turn"],["transcript_final_ms","Transcript final"],["llm_first_token_ms","LLM first token"],["tts_first_audio_ms","TTS first audio"],["first_frame_out_ms","First frame out"]];function Wn({turns:t}){let e=t.filter(u=>u.stages&&u.stages.caller_stopped_ms!==null&&u.stages.caller_stopped_ms!==void 0);if(!e.length)return l`<p class="empty">No turn timings recorded.</p>`;let n=e.map(u=>$n.map(([c])=>u.stages[c]).filter(c=>c!=null).map(c=>c-u.stages.caller_stopped_ms)),r=Math.max(1,...n.flat()),s=600,o=u=>150+Math.max(0,u)/r*(s-160),a=20;return e.map(u=>{let c=u.stages.caller_stopped_ms,i=0,p=$n.map(([$,_],m)=>{let f=u.stages[$];if(f==null)return null;let h=i;return i=f-c,{label:_,from:h,to:f-c,i:m}}).filter(Boolean),d=p.length*a+24;return l`<figure class="waterfall">
      <figcaption>Turn ${u.turn_index+1}: voice-to-voice ${W(u.voice_to_voice_ms)}${" "}
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
      </svg></figure>`})}function qn(t,e){let n=Bt(null),[r,s]=b("both"),o=a=>{let u=t.current;if(!u)return;if(!n.current){let $=new AudioContext,_=$.createMediaElementSource(u),m=$.createChannelSplitter(2),f=$.createChannelMerger(2);_.connect(m),f.connect($.destination),n.current={context:$,splitter:m,merger:f}}let{context:c,splitter:i,merger:p}=n.current;i.disconnect();let d={both:[0,1],caller:[0,0],agent:[1,1]}[a];i.connect(p,d[0],0),i.connect(p,d[1],1),c.resume(),s(a)};return O(()=>()=>{n.current&&n.current.context.close(),n.current=null},[e]),[r,o]}function Kn({path:t,audioRef:e,onTime:n}){let[r,s]=b(void 0),[o,a]=b(null),[u,c]=qn(e,r);return O(()=>{let i=null;return De(t).then(p=>{i=p,s(p)},a),()=>i&&URL.revokeObjectURL(i)},[t]),o?l`<${A} error=${o} />`:r===void 0?l`<p class="state" role="status">Loading the recording…</p>`:r===null?l`<p class="empty">No recording for this call.</p>`:l`<div class="player">
    <audio ref=${e} controls preload="metadata" src=${r} onTimeUpdate=${i=>n(i.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
    <fieldset class="choices channels"><legend>Listen to</legend>
      ${[["both","Both"],["caller","Caller only"],["agent","Agent only"]].map(([i,p])=>l`<label class="choice">
        <input type="radio" name="channels" value=${i} checked=${u===i} onChange=${()=>c(i)} />${p}</label>`)}
    </fieldset>
  </div>`}function pn({tenantId:t,item:e}){let n=`/v1/tenants/${t}/calls/${encodeURIComponent(e)}`,r=x(()=>v(n),[n]),s=Bt(null),[o,a]=b(0),u=c=>{s.current&&(s.current.currentTime=c/1e3,s.current.play().catch(()=>{}))};return l`<${y} state=${r}>${c=>l`
    <${T} title=${`Call ${N(c.started_at)}`}>
      <${D} href=${`/admin/t/${t}/calls`}>All calls</${D}>
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
        <${Kn} path=${`${n}/recording`} audioRef=${s} onTime=${a} />
        ${c.transcript.length?l`<ol class="transcript">${c.transcript.map((i,p)=>{let d=c.transcript[p+1],$=o*1e3>=i.at_ms&&(!d||o*1e3<d.at_ms);return l`<li class=${`${i.role}${$?" active":""}`}>
            <button type="button" onClick=${()=>u(i.at_ms)}
              aria-label=${`Play from ${Y(i.at_ms/1e3)}: ${i.role} said ${i.text}`}>
              <span class="at">${Y(i.at_ms/1e3)}</span>
              <span class="role">${i.role}</span>
              <span class="text">${i.text}${i.interrupted?" (interrupted)":""}</span>
            </button></li>`})}</ol>`:l`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Wn} turns=${c.turn_details} />
      </section>
    </div>`}</${y}>`}var Jt=640,X=180,tt=36;function Pt({title:t,days:e,series:n,kind:r="bar",format:s=H}){let o=e.flatMap(p=>n.map(d=>p[d.key]??0)),a=Math.max(1,...o),u=(Jt-tt*2)/Math.max(1,e.length),c=p=>X-20-(p??0)/a*(X-40),i=e.map(p=>`${Q(p.day)}: ${n.map(d=>`${d.label} ${s(p[d.key])}`).join(", ")}`).join("; ");return l`<figure class="chart"><figcaption>${t}</figcaption>
    <svg viewBox=${`0 0 ${Jt} ${X}`} role="img" aria-label=${`${t}. ${i}`}>
      <line x1=${tt} x2=${Jt-tt} y1=${X-20} y2=${X-20} class="axis" />
      <text x="2" y="14" class="label">${s(a)}</text>
      ${e.map((p,d)=>l`<text x=${tt+d*u+u/2} y=${X-4} class="label" text-anchor="middle">
        ${d%Math.ceil(e.length/7)===0?Q(p.day):""}</text>`)}
      ${r==="bar"?e.map((p,d)=>{let $=0;return n.map((_,m)=>{let f=p[_.key]??0,h=c($+f),g=l`<rect x=${tt+d*u+u*.15} width=${u*.7}
                y=${h} height=${Math.max(0,c($)-h)} class=${`bar s${m}`}>
                <title>${Q(p.day)} ${_.label}: ${s(f)}</title></rect>`;return $+=f,g})}):n.map((p,d)=>{let $=e.map((m,f)=>[f,m[p.key]]).filter(([,m])=>m!==null),_=([m,f])=>[tt+m*u+u/2,c(f)];return l`<g class=${`line s${d}`}>
              <polyline fill="none" points=${$.map(m=>_(m).join(",")).join(" ")} />
              ${$.map(m=>l`<circle cx=${_(m)[0]} cy=${_(m)[1]} r="4">
                <title>${Q(e[m[0]].day)} ${p.label}: ${s(m[1])}</title></circle>`)}
            </g>`})}
    </svg>
    <p class="legend">${n.map((p,d)=>l`<span><span class=${`swatch s${d}`}></span>${p.label}</span>`)}</p>
  </figure>`}function zn(t,e,n){let r=Object.fromEntries(t.map(o=>[o.day,o])),s=[];for(let o=new Date(e);o<n;o.setUTCDate(o.getUTCDate()+1)){let a=o.toISOString().slice(0,10);s.push(r[a]||{day:a,calls:0,minutes:0,answered:0,missed:0,latency_p50_ms:null,latency_p95_ms:null})}return s}function mn({tenantId:t}){let[e,n]=b("14"),r=x(async()=>{let s=new Date;s.setUTCHours(24,0,0,0);let o=new Date(s);o.setUTCDate(o.getUTCDate()-Number(e));let a=await v(`/v1/tenants/${t}/analytics${B({since:o.toISOString(),until:s.toISOString()})}`);return zn(a.days,o,s)},[t,e]);return l`<${T} title="Analytics">
      <${U} label="Range" path="range" value=${e} onChange=${n}
        options=${[["7","Last 7 days"],["14","Last 14 days"],["30","Last 30 days"],["90","Last 90 days"]]} />
    </${T}>
    <p class="note">Days are UTC days.</p>
    <${y} state=${r}>${s=>l`<div class="charts">
      <${Pt} title="Calls per day" days=${s} series=${[{key:"calls",label:"Calls"}]} />
      <${Pt} title="Minutes per day" days=${s} series=${[{key:"minutes",label:"Minutes"}]} format=${lt} />
      <${Pt} title="Answered and missed" days=${s}
        series=${[{key:"answered",label:"Answered"},{key:"missed",label:"Missed"}]} />
      <${Pt} title="Voice-to-voice latency" days=${s} kind="line" format=${W}
        series=${[{key:"latency_p50_ms",label:"p50"},{key:"latency_p95_ms",label:"p95"}]} />
    </div>
    <details><summary>The numbers</summary><div class="table-wrap"><table>
      <thead><tr><th scope="col">Day</th><th scope="col">Calls</th><th scope="col">Minutes</th><th scope="col">Answered</th>
        <th scope="col">Missed</th><th scope="col">p50</th><th scope="col">p95</th></tr></thead>
      <tbody>${s.map(o=>l`<tr><td>${Q(o.day)}</td><td>${H(o.calls)}</td><td>${lt(o.minutes)}</td>
        <td>${H(o.answered)}</td><td>${H(o.missed)}</td><td>${W(o.latency_p50_ms)}</td>
        <td>${W(o.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${y}>`}var Jn=[["","Home","runtime.read"],["numbers","Numbers","calls.read"],["agents","Agents","calls.read"],["calls","Calls","calls.read"],["analytics","Analytics","analytics.read"],["secrets","Secrets","secrets.read"],["members","Members","members.read"],["api-keys","API keys","api_keys.read"],["audit","Audit log","audit.read"]],Gn={"":Ze,numbers:Xe,agents:tn,secrets:rn,members:on,"api-keys":sn,audit:cn,calls:dn,analytics:mn};function Qn({me:t,tenantId:e,section:n,item:r}){let s=x(()=>v(`/v1/tenants/${e}/permissions`),[e]),o=x(()=>v(`/v1/tenants/${e}`),[e]),a=Gn[n]||null;n==="agents"&&r&&(a=en),n==="calls"&&r&&(a=pn);let u=s.data?s.data.allowed:[],c=`/admin/t/${e}`;return l`<${y} state=${s}>${i=>l`<${wt.Provider} value=${i}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${o.data?o.data.name:""}
        ${i.role?l`<span class="badge">${i.role}</span>`:l`<span class="badge">platform admin</span>`}</p>
      <ul>${Jn.filter(([,,p])=>u.includes(p)).map(([p,d])=>l`<li><${D} href=${p?`${c}/${p}`:c}
          aria-current=${n===p?"page":void 0}>${d}</${D}></li>`)}</ul>
    </nav>
    <main id="main" class="content">
      ${a?l`<${a} tenantId=${e} tenant=${o.data} item=${r} me=${t}
        reloadTenant=${o.reload} />`:l`<p class="state">No such page.</p>`}
    </main>
  </${wt.Provider}>`}</${y}>`}function Yn(){let t=Me(),[e,n]=b(null),[r,s]=b(null);O(()=>{Oe(()=>M("/admin/signin?expired=1",{replace:!0}))},[]);let o=location.pathname.replace(/\/+$/,""),a=!!yt();if(O(()=>{!a||o==="/admin/signin"||o==="/admin/callback"||e===null&&v("/v1/me").then(n,s)},[a,o,e]),o==="/admin/callback")return l`<${Ve} />`;if(o==="/admin/signin"||!a)return o!=="/admin/signin"&&M("/admin/signin",{replace:!0}),l`<${Fe} onSignedIn=${d=>n(d)} />`;let u=()=>{G(),n(null),M("/admin/signin")},c=l`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${D} href="/admin" class="brand">Switchboard</${D}>
    <span class="who">${e?e.subject:""}</span>
    <button type="button" class="ghost" onClick=${u}>Sign out</button>
  </header>`;if(r)return l`${c}<main class="content"><p class="error" role="alert">${r.message}</p></main>`;let i=o.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/);if(!e&&!i)return l`${c}<p class="state" role="status">Loading…</p>`;let p=i?l`<div class="layout"><${Qn} me=${e} tenantId=${decodeURIComponent(i[1])}
        section=${i[2]||""} item=${i[3]?decodeURIComponent(i[3]):null} /></div>`:l`<main id="main" class="content"><${Ge} me=${e} /></main>`;return l`${c}${p}<span hidden>${t}</span>`}var _n=document.getElementById("app");_n.textContent="";de(l`<${Yn} />`,_n);
