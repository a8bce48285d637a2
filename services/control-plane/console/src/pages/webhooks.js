// Webhooks: endpoints (admins add, enable/disable, rotate the secret, remove; the secret is shown
// once) and each endpoint's delivery log (everyone who reads: status, attempts; redeliver).
import { useState } from "preact/hooks";
import { api, get, query } from "../api.js";
import { ErrorNote, html, Loaded, PageHead, TextInput, fmtTime, useCan, useLoad } from "../ui.js";

const EVENTS = ["call.started", "call.ended", "call.analyzed", "usage.threshold_reached",
  "usage.cap_reached", "webhook.endpoint_disabled"];

function Deliveries({ base, endpoint }) {
  const can = useCan();
  const [status, setStatus] = useState("");
  const state = useLoad(() => get(`${base}/${endpoint.id}/deliveries${query({ status, limit: 25 })}`), [endpoint.id, status]);
  const [error, setError] = useState(null);
  const redeliver = async (delivery) => {
    try {
      await api("POST", `${base}/${endpoint.id}/deliveries/${delivery.id}/redeliver`);
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return html`<section aria-label=${`Deliveries to ${endpoint.url}`}><h3>Deliveries</h3>
    <label>Status <select value=${status} onChange=${(e) => setStatus(e.currentTarget.value)}>
      ${[["", "Any"], ["pending", "Pending"], ["delivered", "Delivered"], ["failed", "Failed"]].map(
        ([v, t]) => html`<option value=${v} selected=${v === status}>${t}</option>`)}</select></label>
    <${ErrorNote} error=${error} />
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No deliveries yet." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <thead><tr><th scope="col">Created</th><th scope="col">Event</th><th scope="col">Status</th>
          <th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Next try</th>
          ${can("webhooks.write") ? html`<th scope="col">Actions</th>` : null}</tr></thead>
        <tbody>${data.items.map((d) => html`<tr>
          <td>${fmtTime(d.created_at)}</td><td>${d.event_type}</td><td><span class=${`status ${d.status}`}>${d.status}</span></td>
          <td>${d.attempts}</td><td>${d.last_status_code ?? d.last_error ?? "—"}</td><td>${fmtTime(d.next_attempt_at)}</td>
          ${can("webhooks.write") ? html`<td><button type="button" class="secondary small"
            onClick=${() => redeliver(d)}>Redeliver</button></td>` : null}</tr>`)}</tbody></table></div>`}
    </${Loaded}>
  </section>`;
}

export function Webhooks({ tenantId }) {
  const can = useCan();
  const base = `/v1/tenants/${tenantId}/webhooks`;
  const state = useLoad(() => get(base), [tenantId]);
  const [form, setForm] = useState({ url: "", description: "", event_types: ["call.ended"] });
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const [secret, setSecret] = useState(null);
  const [open, setOpen] = useState(null);
  const run = async (work) => {
    try {
      await work();
      setErrors({});
      setError(null);
      state.reload();
    } catch (err) {
      setErrors(err.fieldErrors ? err.fieldErrors() : {});
      setError(err);
    }
  };
  const create = (event) => {
    event.preventDefault();
    run(async () => {
      const body = { url: form.url, event_types: form.event_types, description: form.description || null };
      const created = await api("POST", base, body);
      setSecret({ url: created.url, secret: created.secret });
      setForm({ url: "", description: "", event_types: ["call.ended"] });
    });
  };
  const toggle = (type) => {
    const chosen = form.event_types.includes(type)
      ? form.event_types.filter((t) => t !== type) : [...form.event_types, type];
    setForm({ ...form, event_types: EVENTS.filter((t) => chosen.includes(t)) });
  };
  const writer = can("webhooks.write");
  return html`<${PageHead} title="Webhooks" />
    ${writer ? html`<form class="inline-form" onSubmit=${create} aria-label="Add a webhook endpoint">
      <${TextInput} label="Endpoint URL" path="url" value=${form.url} error=${errors.url}
        placeholder="https://example.com/hooks" onInput=${(v) => setForm({ ...form, url: v })} />
      <${TextInput} label="Description" path="description" value=${form.description}
        error=${errors.description} onInput=${(v) => setForm({ ...form, description: v })} />
      <fieldset class="choices"><legend>Events</legend>${EVENTS.map((t) => html`<label class="choice">
        <input type="checkbox" checked=${form.event_types.includes(t)} onChange=${() => toggle(t)} />${t}</label>`)}
        ${errors.event_types ? html`<small class="field-error" data-field="event_types">${errors.event_types}</small>` : null}
      </fieldset>
      <button type="submit">Add endpoint</button>
    </form>` : null}
    ${secret ? html`<div class="once" role="status"><p>The signing secret of ${secret.url}, shown only
      this once:</p><output class="mono key" data-testid="new-secret">${secret.secret}</output>
      <button type="button" class="secondary small" onClick=${() => setSecret(null)}>I have stored it</button></div>` : null}
    ${error && !Object.keys(errors).length ? html`<${ErrorNote} error=${error} />` : null}
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No webhook endpoints yet." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <caption class="sr-only">Webhook endpoints</caption>
        <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">State</th>
          <th scope="col">Actions</th></tr></thead>
        <tbody>${data.items.map((w) => html`<tr>
          <td class="mono">${w.url}${w.description ? html`<br /><small>${w.description}</small>` : null}</td>
          <td>${w.event_types.join(", ")}</td>
          <td><span class=${`status ${w.enabled ? "active" : "suspended"}`}>${w.enabled ? "enabled" : "disabled"}</span>
            ${w.disabled_reason ? html`<br /><small>${w.disabled_reason}</small>` : null}</td>
          <td class="row-actions">
            <button type="button" class="secondary small" aria-expanded=${open === w.id}
              onClick=${() => setOpen(open === w.id ? null : w.id)}>Deliveries</button>
            ${writer ? html`
              <button type="button" class="secondary small" onClick=${() => run(() => api("PATCH", `${base}/${w.id}`, { enabled: !w.enabled }))}>
                ${w.enabled ? "Disable" : "Enable"}</button>
              <button type="button" class="secondary small" onClick=${() => run(async () => {
                const rotated = await api("POST", `${base}/${w.id}/rotate-secret`, {});
                setSecret({ url: w.url, secret: rotated.secret });
              })}>Rotate secret</button>
              <button type="button" class="danger small" onClick=${() => confirm(`Remove ${w.url}?`)
                && run(() => api("DELETE", `${base}/${w.id}`))}>Remove</button>` : null}
            ${open === w.id ? html`<${Deliveries} base=${base} endpoint=${w} />` : null}
          </td></tr>`)}</tbody></table></div>`}
    </${Loaded}>`;
}
