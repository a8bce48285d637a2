// API keys: the new key is shown once (never stored by the page); list and revoke.
import { useState } from "preact/hooks";
import { api, get } from "../api.js";
import { ErrorNote, html, Loaded, PageHead, Select, TextInput, fmtTime, useCan, useLoad } from "../ui.js";
import { ROLES } from "./members.js";

export function ApiKeys({ tenantId }) {
  const can = useCan();
  const base = `/v1/tenants/${tenantId}/api-keys`;
  const state = useLoad(() => get(base), [tenantId]);
  const [form, setForm] = useState({ name: "", role: "viewer", expires_at: "" });
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const [created, setCreated] = useState(null);
  const fail = (err) => {
    setErrors(err.fieldErrors ? err.fieldErrors() : {});
    setError(err);
  };
  const create = async (event) => {
    event.preventDefault();
    const body = { name: form.name, role: form.role };
    if (form.expires_at) body.expires_at = new Date(form.expires_at).toISOString();
    try {
      setCreated(await api("POST", base, body));
      setForm({ name: "", role: "viewer", expires_at: "" });
      setErrors({});
      setError(null);
      state.reload();
    } catch (err) {
      fail(err);
    }
  };
  const revoke = async (key) => {
    if (!confirm(`Revoke ${key.name}? Anything using it stops working.`)) return;
    try {
      await api("DELETE", `${base}/${key.id}`);
      state.reload();
    } catch (err) {
      fail(err);
    }
  };
  const writer = can("api_keys.write");
  return html`<${PageHead} title="API keys" />
    ${writer ? html`<form class="inline-form" onSubmit=${create} aria-label="Create an API key">
      <${TextInput} label="Name" path="name" value=${form.name} error=${errors.name}
        onInput=${(v) => setForm({ ...form, name: v })} />
      <${Select} label="Role" path="role" value=${form.role} options=${ROLES} error=${errors.role}
        onChange=${(v) => setForm({ ...form, role: v })} />
      <${TextInput} label="Expires (optional)" path="expires_at" type="datetime-local" value=${form.expires_at}
        error=${errors.expires_at} onInput=${(v) => setForm({ ...form, expires_at: v })} />
      <button type="submit">Create key</button>
    </form>` : null}
    ${created ? html`<div class="once" role="status"><p>The new key <strong>${created.name}</strong>, shown
      only this once; copy it now:</p><output class="mono key" data-testid="new-key">${created.key}</output>
      <button type="button" class="secondary small" onClick=${() => setCreated(null)}>I have stored it</button></div>` : null}
    ${error && !Object.keys(errors).length ? html`<${ErrorNote} error=${error} />` : null}
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No API keys yet." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <caption class="sr-only">API keys</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Role</th>
          <th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th>
          <th scope="col">State</th></tr></thead>
        <tbody>${data.items.map((k) => html`<tr>
          <td>${k.name}</td><td class="mono">${k.prefix}…</td><td>${k.role}</td>
          <td>${fmtTime(k.created_at)}</td><td>${fmtTime(k.last_used_at)}</td><td>${fmtTime(k.expires_at)}</td>
          <td>${k.revoked_at ? html`<span class="status suspended">revoked</span>` : writer
            ? html`<button type="button" class="danger small" onClick=${() => revoke(k)}>Revoke</button>` : "active"}</td>
        </tr>`)}</tbody></table></div>`}
    </${Loaded}>`;
}
