// The console's shell: sign-in gate, tenant navigation (only what the role may use), routes.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { get, whenUnauthorized } from "./api.js";
import { signOut, token } from "./auth.js";
import { html, Link, navigate, Perms, useLoad, useLocation, Loaded } from "./ui.js";
import { SignIn, Callback } from "./pages/signin.js";
import { Tenants } from "./pages/tenants.js";
import { Home } from "./pages/home.js";
import { Numbers } from "./pages/numbers.js";
import { Agents } from "./pages/agents.js";
import { AgentPage } from "./pages/agent.js";
import { Secrets } from "./pages/secrets.js";
import { Members } from "./pages/members.js";
import { ApiKeys } from "./pages/keys.js";
import { Audit } from "./pages/audit.js";
import { Calls } from "./pages/calls.js";
import { CallPage } from "./pages/call.js";
import { Analytics } from "./pages/analytics.js";
import { Webhooks } from "./pages/webhooks.js";
import { Usage } from "./pages/usage.js";
import { Plans } from "./pages/plans.js";

const SECTIONS = [
  ["", "Home", "runtime.read"],
  ["numbers", "Numbers", "calls.read"],
  ["agents", "Agents", "calls.read"],
  ["calls", "Calls", "calls.read"],
  ["analytics", "Analytics", "analytics.read"],
  ["usage", "Usage", "usage.read"],
  ["secrets", "Secrets", "secrets.read"],
  ["members", "Members", "members.read"],
  ["api-keys", "API keys", "api_keys.read"],
  ["webhooks", "Webhooks", "webhooks.read"],
  ["audit", "Audit log", "audit.read"],
];

const PAGES = {
  "": Home,
  numbers: Numbers,
  agents: Agents,
  secrets: Secrets,
  members: Members,
  "api-keys": ApiKeys,
  audit: Audit,
  calls: Calls,
  analytics: Analytics,
  webhooks: Webhooks,
  usage: Usage,
};

function TenantArea({ me, tenantId, section, item }) {
  const perms = useLoad(() => get(`/v1/tenants/${tenantId}/permissions`), [tenantId]);
  const tenant = useLoad(() => get(`/v1/tenants/${tenantId}`), [tenantId]);
  let Page = PAGES[section] || null;
  if (section === "agents" && item) Page = AgentPage;
  if (section === "calls" && item) Page = CallPage;
  const allowed = perms.data ? perms.data.allowed : [];
  const base = `/admin/t/${tenantId}`;
  return html`<${Loaded} state=${perms}>${(p) => html`<${Perms.Provider} value=${p}>
    <nav class="tenant-nav" aria-label="Tenant">
      <p class="tenant-name">${tenant.data ? tenant.data.name : ""}
        ${p.role ? html`<span class="badge">${p.role}</span>` : html`<span class="badge">platform admin</span>`}</p>
      <ul>${SECTIONS.filter(([, , action]) => allowed.includes(action)).map(
        ([path, label]) => html`<li><${Link} href=${path ? `${base}/${path}` : base}
          aria-current=${section === path ? "page" : undefined}>${label}</${Link}></li>`,
      )}</ul>
    </nav>
    <main id="main" class="content">
      ${Page ? html`<${Page} tenantId=${tenantId} tenant=${tenant.data} item=${item} me=${me}
        reloadTenant=${tenant.reload} />` : html`<p class="state">No such page.</p>`}
    </main>
  </${Perms.Provider}>`}</${Loaded}>`;
}

function Shell() {
  const path = useLocation();
  const [me, setMe] = useState(null);
  const [meError, setMeError] = useState(null);
  useEffect(() => {
    whenUnauthorized(() => navigate("/admin/signin?expired=1", { replace: true }));
  }, []);
  const route = location.pathname.replace(/\/+$/, "");
  const signedIn = Boolean(token());
  useEffect(() => {
    if (!signedIn || route === "/admin/signin" || route === "/admin/callback") return;
    if (me === null) get("/v1/me").then(setMe, setMeError);
  }, [signedIn, route, me]);

  if (route === "/admin/callback") return html`<${Callback} />`;
  if (route === "/admin/signin" || !signedIn) {
    if (route !== "/admin/signin") navigate("/admin/signin", { replace: true });
    return html`<${SignIn} onSignedIn=${(who) => setMe(who)} />`;
  }
  const out = () => {
    signOut();
    setMe(null);
    navigate("/admin/signin");
  };
  const header = html`<header class="top">
    <a class="skip" href="#main">Skip to content</a>
    <${Link} href="/admin" class="brand">Switchboard</${Link}>
    ${me && me.platform_admin ? html`<nav class="top-nav" aria-label="Platform">
      <${Link} href="/admin" aria-current=${route === "/admin" ? "page" : undefined}>Tenants</${Link}>
      <${Link} href="/admin/plans" aria-current=${route === "/admin/plans" ? "page" : undefined}>Plans</${Link}>
    </nav>` : null}
    <span class="who">${me ? me.subject : ""}</span>
    <button type="button" class="ghost" onClick=${out}>Sign out</button>
  </header>`;
  if (meError) return html`${header}<main class="content"><p class="error" role="alert">${meError.message}</p></main>`;
  const match = route.match(/^\/admin\/t\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?/);
  // A tenant's pages need only its permissions: they load alongside /v1/me, not after it.
  if (!me && !match) return html`${header}<p class="state" role="status">Loading…</p>`;
  const body = match
    ? html`<div class="layout"><${TenantArea} me=${me} tenantId=${decodeURIComponent(match[1])}
        section=${match[2] || ""} item=${match[3] ? decodeURIComponent(match[3]) : null} /></div>`
    : route === "/admin/plans" && me.platform_admin
      ? html`<main id="main" class="content"><${Plans} /></main>`
      : html`<main id="main" class="content"><${Tenants} me=${me} /></main>`;
  return html`${header}${body}<span hidden>${path}</span>`;
}

const root = document.getElementById("app");
root.textContent = "";
render(html`<${Shell} />`, root);
