// A tenant's home: today's and this week's calls (the viewer's time zone), the runtime's
// published revision, drift, and a re-publish button.
import { useState } from "preact/hooks";
import { api, get, query } from "../api.js";
import { ErrorNote, html, Loaded, PageHead, TextInput, fmtDec, fmtMs, fmtNum, useCan, useLoad } from "../ui.js";

function startOfToday() {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d;
}

function startOfWeek() {
  const d = startOfToday();
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7)); // Monday
  return d;
}

function Totals({ label, data }) {
  return html`<section class="card" aria-label=${label}><h2>${label}</h2>
    <dl class="stats">
      <div><dt>Calls</dt><dd>${fmtNum(data.calls)}</dd></div>
      <div><dt>Minutes</dt><dd>${fmtDec(data.minutes)}</dd></div>
      <div><dt>Answered</dt><dd>${fmtNum(data.answered)}</dd></div>
      <div><dt>Missed</dt><dd>${fmtNum(data.missed)}</dd></div>
      <div><dt>Voice-to-voice p50</dt><dd>${fmtMs(data.latency_p50_ms)}</dd></div>
      <div><dt>Voice-to-voice p95</dt><dd>${fmtMs(data.latency_p95_ms)}</dd></div>
    </dl></section>`;
}

// Name and recording retention (admins and owners; limits are the platform admins').
function TenantSettings({ tenant, onSaved }) {
  const [name, setName] = useState(tenant.name);
  const [days, setDays] = useState(tenant.recording_retention_days ?? "");
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(false);
  const save = async (event) => {
    event.preventDefault();
    const body = { name, recording_retention_days: days === "" ? null : Number(days) };
    try {
      await api("PATCH", `/v1/tenants/${tenant.id}`, body);
      setErrors({});
      setError(null);
      setSaved(true);
      onSaved();
    } catch (err) {
      setErrors(err.fieldErrors ? err.fieldErrors() : {});
      setError(err);
      setSaved(false);
    }
  };
  return html`<section class="card" aria-label="Tenant settings"><h2>Settings</h2>
    <form class="inline-form plain-form" onSubmit=${save}>
      <${TextInput} label="Name" path="name" value=${name} onInput=${setName} error=${errors.name} />
      <${TextInput} label="Keep recordings (days; empty: forever)" path="recording_retention_days"
        type="number" min="1" value=${days} onInput=${setDays} error=${errors.recording_retention_days} />
      <button type="submit">Save settings</button>
    </form>
    ${saved ? html`<p role="status">Saved.</p>` : null}
    ${error && !Object.keys(errors).length ? html`<${ErrorNote} error=${error} />` : null}
  </section>`;
}

export function Home({ tenantId, tenant, reloadTenant }) {
  const can = useCan();
  const base = `/v1/tenants/${tenantId}`;
  const totals = useLoad(async () => {
    if (!can("analytics.read")) return null;
    const [today, week] = await Promise.all([
      get(`${base}/analytics/summary${query({ since: startOfToday().toISOString() })}`),
      get(`${base}/analytics/summary${query({ since: startOfWeek().toISOString() })}`),
    ]);
    return { today, week };
  }, [tenantId]);
  const runtime = useLoad(() => get(`${base}/runtime`), [tenantId]);
  const [error, setError] = useState(null);
  const [queued, setQueued] = useState(null);
  const republish = async () => {
    try {
      const result = await api("POST", `${base}/runtime/publish`);
      setQueued(result.revision);
      setError(null);
      runtime.reload();
    } catch (err) {
      setError(err);
    }
  };
  return html`<${PageHead} title=${tenant ? tenant.name : "Tenant"} />
    <${Loaded} state=${totals}>${(t) => t && html`<div class="cards">
      <${Totals} label="Today" data=${t.today} /><${Totals} label="This week" data=${t.week} /></div>`}
    </${Loaded}>
    <section class="card" aria-label="Runtime"><h2>Runtime</h2>
      <${Loaded} state=${runtime}>${(r) => html`<dl class="stats">
          <div><dt>Revision</dt><dd>${fmtNum(r.revision)}</dd></div>
          <div><dt>Published revision</dt><dd>${fmtNum(r.published_revision)}</dd></div>
          <div><dt>Pending</dt><dd>${fmtNum(r.pending)}</dd></div>
          <div><dt>Drift</dt><dd class=${r.in_sync ? "ok" : "warn"}>${r.in_sync ? "In sync" : "Drifted"}</dd></div>
        </dl>
        ${r.drift.length ? html`<ul class="drift">${r.drift.map((d) => html`<li>${d}</li>`)}</ul>` : null}
        ${r.problems.length ? html`<h3>Problems</h3><ul class="problems">${r.problems.map(
          (p) => html`<li><code>${p.type}</code> ${p.message}</li>`)}</ul>` : null}`}
      </${Loaded}>
      ${can("runtime.publish") ? html`<button type="button" onClick=${republish}>Re-publish</button>` : null}
      ${queued !== null ? html`<p role="status">Queued revision ${fmtNum(queued)}.</p>` : null}
      <${ErrorNote} error=${error} />
    </section>
    ${tenant && can("tenants.update") ? html`<${TenantSettings} key=${tenant.id} tenant=${tenant}
      onSaved=${reloadTenant} />` : null}`;
}
