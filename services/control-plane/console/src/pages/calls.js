// Calls: filtered by time, number, agent and outcome; newest first, cursor pages.
import { useState } from "preact/hooks";
import { get, query } from "../api.js";
import { html, Link, Loaded, Pager, PageHead, Select, TextInput, fmtDuration, fmtTime, useLoad } from "../ui.js";

const OUTCOMES = [["", "Any outcome"], ["answered", "Answered"], ["missed", "Missed"],
  ["transferred", "Transferred"], ["failed", "Failed"], ["in_progress", "In progress"]];
const iso = (v) => (v ? new Date(v).toISOString() : "");

export function Calls({ tenantId }) {
  const base = `/v1/tenants/${tenantId}`;
  const agents = useLoad(() => get(`${base}/agents`), [tenantId]);
  const [draft, setDraft] = useState({ since: "", until: "", number: "", agent_id: "", outcome: "" });
  const [filters, setFilters] = useState(draft);
  const [cursors, setCursors] = useState([null]);
  const cursor = cursors[cursors.length - 1];
  const state = useLoad(() => get(`${base}/calls${query({
    ...filters, since: iso(filters.since), until: iso(filters.until), cursor, limit: 25,
  })}`), [tenantId, filters, cursor]);
  const apply = (event) => {
    event.preventDefault();
    setFilters(draft);
    setCursors([null]);
  };
  const agentList = agents.data ? agents.data.items : [];
  const agentName = (id) => (agentList.find((a) => a.id === id) || {}).name || id || "—";
  return html`<${PageHead} title="Calls" />
    <form class="inline-form filters" onSubmit=${apply} aria-label="Filter calls">
      <${TextInput} label="From" path="since" type="datetime-local" value=${draft.since}
        onInput=${(v) => setDraft({ ...draft, since: v })} />
      <${TextInput} label="Until" path="until" type="datetime-local" value=${draft.until}
        onInput=${(v) => setDraft({ ...draft, until: v })} />
      <${TextInput} label="Number called" path="number" value=${draft.number} placeholder="+14155550100"
        onInput=${(v) => setDraft({ ...draft, number: v })} />
      <${Select} label="Agent" path="agent_id" value=${draft.agent_id}
        options=${[["", "Any agent"], ...agentList.map((a) => [a.id, a.name])]}
        onChange=${(v) => setDraft({ ...draft, agent_id: v })} />
      <${Select} label="Outcome" path="outcome" value=${draft.outcome} options=${OUTCOMES}
        onChange=${(v) => setDraft({ ...draft, outcome: v })} />
      <button type="submit">Filter</button>
    </form>
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No calls match." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <caption class="sr-only">Calls</caption>
        <thead><tr><th scope="col">Started</th><th scope="col">From</th><th scope="col">To</th>
          <th scope="col">Agent</th><th scope="col">Duration</th><th scope="col">Outcome</th>
          <th scope="col">Turns</th></tr></thead>
        <tbody>${data.items.map((c) => html`<tr>
          <td><${Link} href=${`/admin/t/${tenantId}/calls/${encodeURIComponent(c.id)}`}>${fmtTime(c.started_at)}</${Link}></td>
          <td class="mono">${c.from_number || "—"}</td><td class="mono">${c.to_number || "—"}</td>
          <td>${agentName(c.agent_id)}</td><td>${fmtDuration(c.duration_s)}</td>
          <td><span class=${`status ${c.outcome}`}>${c.outcome}</span></td><td>${c.turns}</td>
        </tr>`)}</tbody></table></div>
        <${Pager} cursors=${cursors} setCursors=${setCursors} next=${data.next_cursor} />`}
    </${Loaded}>`;
}
