// The audit log: filters (actor, action or "prefix.", target, time), cursor pages, before/after.
import { useState } from "preact/hooks";
import { get, query } from "../api.js";
import { html, Loaded, PageHead, Pager, TextInput, fmtTime, useLoad } from "../ui.js";

const show = (v) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

function Change({ diff }) {
  const before = diff.before || {};
  const after = diff.after || {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  if (!keys.length) return html`<p class="empty">No field changes recorded.</p>`;
  return html`<table class="diff"><thead><tr><th scope="col">Field</th><th scope="col">Before</th>
    <th scope="col">After</th></tr></thead><tbody>${keys.map((k) => html`<tr class="changed">
    <th scope="row" class="mono">${k}</th><td class="pre">${show(before[k])}</td><td class="pre">${show(after[k])}</td>
    </tr>`)}</tbody></table>`;
}

const local = (v) => (v ? new Date(v).toISOString() : "");

export function Audit({ tenantId }) {
  const [draft, setDraft] = useState({ actor: "", action: "", target: "", since: "", until: "" });
  const [filters, setFilters] = useState(draft);
  const [cursors, setCursors] = useState([null]);
  const [open, setOpen] = useState(null);
  const cursor = cursors[cursors.length - 1];
  const state = useLoad(() => get(`/v1/tenants/${tenantId}/audit${query({
    ...filters, since: local(filters.since), until: local(filters.until), cursor, limit: 25,
  })}`), [tenantId, filters, cursor]);
  const apply = (event) => {
    event.preventDefault();
    setFilters(draft);
    setCursors([null]);
  };
  const field = (name, label, type = "text") => html`<${TextInput} label=${label} path=${`filter-${name}`}
    type=${type} value=${draft[name]} onInput=${(v) => setDraft({ ...draft, [name]: v })} />`;
  return html`<${PageHead} title="Audit log" />
    <form class="inline-form filters" onSubmit=${apply} aria-label="Filter the audit log">
      ${field("actor", "Actor")}${field("action", "Action (or prefix ending in .)")}${field("target", "Target")}
      ${field("since", "From", "datetime-local")}${field("until", "Until", "datetime-local")}
      <button type="submit">Filter</button>
    </form>
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No audit entries match." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <caption class="sr-only">Audit entries</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Actor</th><th scope="col">Action</th>
          <th scope="col">Target</th><th scope="col">Change</th></tr></thead>
        <tbody>${data.items.map((e) => html`<tr>
          <td>${fmtTime(e.at)}</td><td class="mono">${e.actor}</td><td>${e.action}</td><td class="mono">${e.target}</td>
          <td><button type="button" class="ghost small" aria-expanded=${open === e.id}
            onClick=${() => setOpen(open === e.id ? null : e.id)}>${open === e.id ? "Hide" : "Show"}</button>
            ${open === e.id ? html`<${Change} diff=${e.diff} />` : null}</td>
        </tr>`)}</tbody></table></div>
        <${Pager} cursors=${cursors} setCursors=${setCursors} next=${data.next_cursor} />`}
    </${Loaded}>`;
}
