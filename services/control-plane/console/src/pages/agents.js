// Agents: the list (live and latest version) and, for editors, a new agent.
import { useState } from "preact/hooks";
import { api, get } from "../api.js";
import { ErrorNote, html, Link, Loaded, navigate, PageHead, TextInput, fmtTime, useCan, useLoad } from "../ui.js";

export function Agents({ tenantId }) {
  const can = useCan();
  const base = `/v1/tenants/${tenantId}/agents`;
  const state = useLoad(() => get(base), [tenantId]);
  const [name, setName] = useState("");
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const create = async (event) => {
    event.preventDefault();
    try {
      const agent = await api("POST", base, { name });
      navigate(`/admin/t/${tenantId}/agents/${agent.id}`);
    } catch (err) {
      setErrors(err.fieldErrors ? err.fieldErrors() : {});
      setError(err);
    }
  };
  return html`<${PageHead} title="Agents" />
    ${can("agents.write") ? html`<form class="inline-form" onSubmit=${create} aria-label="Create an agent">
      <${TextInput} label="New agent name" path="name" value=${name} onInput=${setName} error=${errors.name} />
      <button type="submit">Create agent</button>
      ${error && !errors.name ? html`<${ErrorNote} error=${error} />` : null}
    </form>` : null}
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No agents yet." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <caption class="sr-only">Agents</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Live version</th>
          <th scope="col">Latest version</th><th scope="col">Updated</th></tr></thead>
        <tbody>${data.items.map((a) => html`<tr>
          <td><${Link} href=${`/admin/t/${tenantId}/agents/${a.id}`}>${a.name}</${Link}></td>
          <td>${a.live_version ?? "not live"}</td><td>${a.latest_version || "—"}</td>
          <td>${fmtTime(a.updated_at)}</td></tr>`)}</tbody></table></div>`}
    </${Loaded}>`;
}
