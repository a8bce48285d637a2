// Tenants: platform admins list, create, suspend/activate, delete and set limits; members see
// the tenants they belong to (one: straight to its home).
import { useEffect, useState } from "preact/hooks";
import { api, get } from "../api.js";
import { ErrorNote, html, Link, Loaded, navigate, PageHead, TextInput, fmtTime, useLoad } from "../ui.js";
import { Properties, schemaOf } from "../schemaform.js";

function CreateTenant({ onCreated }) {
  const [name, setName] = useState("");
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    try {
      const created = await api("POST", "/v1/tenants", { name });
      setName("");
      setErrors({});
      setError(null);
      onCreated(created);
    } catch (err) {
      setErrors(err.fieldErrors ? err.fieldErrors() : {});
      setError(err);
    }
  };
  return html`<form class="inline-form" onSubmit=${submit} aria-label="Create a tenant">
    <${TextInput} label="New tenant name" path="name" value=${name} onInput=${setName} error=${errors.name} />
    <button type="submit">Create tenant</button>
    ${error && !errors.name ? html`<${ErrorNote} error=${error} />` : null}
  </form>`;
}

function Limits({ tenant, onSaved }) {
  const [schema, setSchema] = useState(null);
  const [value, setValue] = useState(tenant.limits);
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  useEffect(() => {
    schemaOf("TenantLimits").then(setSchema, setError);
  }, []);
  const save = async (event) => {
    event.preventDefault();
    try {
      await api("PATCH", `/v1/tenants/${tenant.id}`, { limits: value });
      setErrors({});
      setError(null);
      onSaved();
    } catch (err) {
      setErrors(err.fieldErrors ? err.fieldErrors() : {});
      setError(err);
    }
  };
  if (!schema) return html`<${ErrorNote} error=${error} />`;
  return html`<form class="limits" onSubmit=${save} aria-label=${`Limits of ${tenant.name}`}>
    <${Properties} schema=${schema.root} all=${schema.all} path="limits" value=${value}
      onChange=${setValue} errors=${errors} />
    <button type="submit" class="small">Save limits</button>
    <${ErrorNote} error=${error} />
  </form>`;
}

export function Tenants({ me }) {
  const state = useLoad(() => get("/v1/tenants"), []);
  const [error, setError] = useState(null);
  const [open, setOpen] = useState(null);
  const admin = me.platform_admin;
  useEffect(() => {
    const items = state.data ? state.data.items : [];
    if (!admin && items.length === 1) navigate(`/admin/t/${items[0].id}`, { replace: true });
  }, [state.data]);
  const act = async (tenant, action) => {
    if (action === "delete" && !confirm(`Delete ${tenant.name}? Its numbers stop answering.`)) return;
    try {
      if (action === "delete") await api("DELETE", `/v1/tenants/${tenant.id}`);
      else await api("POST", `/v1/tenants/${tenant.id}/${action}`);
      setError(null);
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return html`<${PageHead} title="Tenants" />
    ${admin ? html`<${CreateTenant} onCreated=${(t) => navigate(`/admin/t/${t.id}`)} />` : null}
    <${ErrorNote} error=${error} />
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No tenants yet." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <caption class="sr-only">Tenants</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Concurrent calls</th>
          <th scope="col">Created</th>${admin ? html`<th scope="col">Actions</th>` : null}</tr></thead>
        <tbody>${data.items.map((t) => html`<tr>
          <td><${Link} href=${`/admin/t/${t.id}`}>${t.name}</${Link}></td>
          <td><span class=${`status ${t.status}`}>${t.status}</span></td>
          <td>${t.limits.max_concurrent_calls}</td>
          <td>${fmtTime(t.created_at)}</td>
          ${admin ? html`<td class="row-actions">
            ${t.status === "active"
              ? html`<button type="button" class="secondary small" onClick=${() => act(t, "suspend")}>Suspend</button>`
              : html`<button type="button" class="secondary small" onClick=${() => act(t, "activate")}>Activate</button>`}
            <button type="button" class="secondary small" aria-expanded=${open === t.id}
              onClick=${() => setOpen(open === t.id ? null : t.id)}>Limits</button>
            <button type="button" class="danger small" onClick=${() => act(t, "delete")}>Delete</button>
            ${open === t.id ? html`<${Limits} tenant=${t} onSaved=${state.reload} />` : null}
          </td>` : null}
        </tr>`)}</tbody></table></div>`}
    </${Loaded}>`;
}
