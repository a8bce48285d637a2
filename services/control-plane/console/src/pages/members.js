// Members and roles: OIDC subjects and their role in the tenant.
import { useState } from "preact/hooks";
import { api, get } from "../api.js";
import { ErrorNote, html, Loaded, PageHead, Select, TextInput, fmtTime, useCan, useLoad } from "../ui.js";

export const ROLES = [["viewer", "Viewer"], ["editor", "Editor"], ["admin", "Admin"], ["owner", "Owner"]];

export function Members({ tenantId }) {
  const can = useCan();
  const base = `/v1/tenants/${tenantId}/members`;
  const state = useLoad(() => get(base), [tenantId]);
  const [form, setForm] = useState({ subject: "", role: "viewer" });
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
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
  const setRole = (subject, role) =>
    run(() => api("PUT", `${base}/${encodeURIComponent(subject)}`, { role }));
  const add = (event) => {
    event.preventDefault();
    run(async () => {
      await setRole(form.subject, form.role);
      setForm({ subject: "", role: "viewer" });
    });
  };
  const writer = can("members.write");
  return html`<${PageHead} title="Members" />
    ${writer ? html`<form class="inline-form" onSubmit=${add} aria-label="Add a member">
      <${TextInput} label="Subject (OIDC sub)" path="subject" value=${form.subject} error=${errors.subject}
        onInput=${(v) => setForm({ ...form, subject: v })} />
      <${Select} label="Role" path="role" value=${form.role} options=${ROLES} error=${errors.role}
        onChange=${(v) => setForm({ ...form, role: v })} />
      <button type="submit">Add member</button>
    </form>` : null}
    <${ErrorNote} error=${error} />
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No members yet." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <caption class="sr-only">Members</caption>
        <thead><tr><th scope="col">Subject</th><th scope="col">Role</th><th scope="col">Added by</th>
          <th scope="col">Added</th>${writer ? html`<th scope="col">Actions</th>` : null}</tr></thead>
        <tbody>${data.items.map((m) => html`<tr>
          <td class="mono">${m.subject}</td>
          <td>${writer ? html`<label class="sr-only" for=${`role-${m.subject}`}>Role of ${m.subject}</label>
            <select id=${`role-${m.subject}`} onChange=${(e) => setRole(m.subject, e.currentTarget.value)}>
            ${ROLES.map(([v, t]) => html`<option value=${v} selected=${v === m.role}>${t}</option>`)}</select>` : m.role}</td>
          <td>${m.created_by}</td><td>${fmtTime(m.created_at)}</td>
          ${writer ? html`<td><button type="button" class="danger small"
            onClick=${() => confirm(`Remove ${m.subject}?`) && run(() => api("DELETE", `${base}/${encodeURIComponent(m.subject)}`))}>Remove</button></td>` : null}
        </tr>`)}</tbody></table></div>`}
    </${Loaded}>`;
}
