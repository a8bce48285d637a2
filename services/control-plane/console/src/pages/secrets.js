// Secrets, write-only: the value goes in and never comes back (name, kind, when, by whom).
import { useState } from "preact/hooks";
import { api, get } from "../api.js";
import { ErrorNote, html, Loaded, PageHead, Select, TextInput, fmtTime, useCan, useLoad } from "../ui.js";

const KINDS = [["llm_api_key", "LLM API key"], ["carrier_credential", "Carrier credential"],
  ["tool_credential", "Tool credential"], ["webhook_secret", "Webhook secret"]];
const EMPTY = { name: "", kind: "llm_api_key", value: "", allowed_host: "" };

export function Secrets({ tenantId }) {
  const can = useCan();
  const base = `/v1/tenants/${tenantId}/secrets`;
  const state = useLoad(() => get(base), [tenantId]);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const [done, setDone] = useState(null);
  const fail = (err) => {
    setErrors(err.fieldErrors ? err.fieldErrors() : {});
    setError(err);
  };
  const save = async (event) => {
    event.preventDefault();
    const body = { value: form.value, kind: form.kind };
    if (form.kind === "llm_api_key" && form.allowed_host) body.allowed_host = form.allowed_host;
    try {
      await api("PUT", `${base}/${encodeURIComponent(form.name)}`, body);
      setDone(form.name);
      setForm(EMPTY); // the value leaves the page as soon as it is stored
      setErrors({});
      setError(null);
      state.reload();
    } catch (err) {
      fail(err);
    }
  };
  const remove = async (name) => {
    if (!confirm(`Delete the secret ${name}?`)) return;
    try {
      await api("DELETE", `${base}/${encodeURIComponent(name)}`);
      state.reload();
    } catch (err) {
      fail(err);
    }
  };
  const writer = can("secrets.write");
  return html`<${PageHead} title="Secrets" />
    ${writer ? html`<form class="inline-form" onSubmit=${save} aria-label="Set a secret" autocomplete="off">
      <${TextInput} label="Name" path="name" value=${form.name} error=${errors.name}
        onInput=${(v) => setForm({ ...form, name: v })} />
      <${Select} label="Kind" path="kind" value=${form.kind} options=${KINDS} error=${errors.kind}
        onChange=${(v) => setForm({ ...form, kind: v })} />
      <${TextInput} label="Value" path="value" type="password" value=${form.value} error=${errors.value}
        autocomplete="new-password" onInput=${(v) => setForm({ ...form, value: v })} />
      ${form.kind === "llm_api_key" ? html`<${TextInput} label="Allowed host (optional)" path="allowed_host"
        value=${form.allowed_host} error=${errors.allowed_host} onInput=${(v) => setForm({ ...form, allowed_host: v })} />` : null}
      <button type="submit">Save secret</button>
    </form>` : null}
    ${done ? html`<p role="status">Stored ${done}. Its value cannot be read back.</p>` : null}
    ${error && !Object.keys(errors).length ? html`<${ErrorNote} error=${error} />` : null}
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No secrets yet." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <caption class="sr-only">Secrets</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Allowed host</th>
          <th scope="col">Set</th><th scope="col">By</th>${writer ? html`<th scope="col">Actions</th>` : null}</tr></thead>
        <tbody>${data.items.map((s) => html`<tr>
          <td class="mono">${s.name}</td><td>${s.kind}</td><td>${s.allowed_host || "—"}</td>
          <td>${fmtTime(s.updated_at)}</td><td>${s.updated_by || "—"}</td>
          ${writer ? html`<td><button type="button" class="danger small" onClick=${() => remove(s.name)}>Delete</button></td>` : null}
        </tr>`)}</tbody></table></div>`}
    </${Loaded}>`;
}
