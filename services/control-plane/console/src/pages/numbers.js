// Numbers: E.164, carrier, the agent each routes to; add, move (to another agent), remove.
import { useState } from "preact/hooks";
import { api, get } from "../api.js";
import { ErrorNote, html, Loaded, PageHead, Select, TextInput, useCan, useLoad } from "../ui.js";

export function Numbers({ tenantId }) {
  const can = useCan();
  const base = `/v1/tenants/${tenantId}`;
  const state = useLoad(async () => {
    const [numbers, agents] = await Promise.all([get(`${base}/numbers`), get(`${base}/agents`)]);
    return { numbers: numbers.items, agents: agents.items };
  }, [tenantId]);
  const [form, setForm] = useState({ e164: "", carrier: "twilio", agent_id: "", label: "" });
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const fail = (err) => {
    setErrors(err.fieldErrors ? err.fieldErrors() : {});
    setError(err);
  };
  const add = async (event) => {
    event.preventDefault();
    try {
      await api("POST", `${base}/numbers`, { ...form, agent_id: form.agent_id || null });
      setForm({ e164: "", carrier: "twilio", agent_id: "", label: "" });
      setErrors({});
      setError(null);
      state.reload();
    } catch (err) {
      fail(err);
    }
  };
  const move = async (number, agentId) => {
    try {
      await api("PATCH", `${base}/numbers/${number.id}`, { agent_id: agentId || null });
      setError(null);
      state.reload();
    } catch (err) {
      fail(err);
    }
  };
  const remove = async (number) => {
    if (!confirm(`Remove ${number.e164}? It stops taking calls.`)) return;
    try {
      await api("DELETE", `${base}/numbers/${number.id}`);
      state.reload();
    } catch (err) {
      fail(err);
    }
  };
  const writer = can("numbers.write");
  return html`<${PageHead} title="Numbers" />
    <${Loaded} state=${state}>${({ numbers, agents }) => {
      const agentOptions = [["", "(no agent: not answering)"], ...agents.map((a) => [a.id, a.name])];
      const name = (id) => (agents.find((a) => a.id === id) || {}).name || "—";
      return html`
      ${writer ? html`<form class="inline-form" onSubmit=${add} aria-label="Add a number">
        <${TextInput} label="Number (E.164)" path="e164" value=${form.e164} placeholder="+14155550100"
          onInput=${(v) => setForm({ ...form, e164: v })} error=${errors.e164} />
        <${Select} label="Carrier" path="carrier" value=${form.carrier} error=${errors.carrier}
          options=${[["twilio", "Twilio"], ["telnyx", "Telnyx"]]} onChange=${(v) => setForm({ ...form, carrier: v })} />
        <${Select} label="Agent" path="agent_id" value=${form.agent_id} options=${agentOptions}
          error=${errors.agent_id} onChange=${(v) => setForm({ ...form, agent_id: v })} />
        <${TextInput} label="Label" path="label" value=${form.label} error=${errors.label}
          onInput=${(v) => setForm({ ...form, label: v })} />
        <button type="submit">Add number</button>
      </form>` : null}
      <${ErrorNote} error=${error} />
      ${numbers.length === 0 ? html`<p class="state empty">No numbers yet.</p>` : html`<div class="table-wrap"><table>
        <caption class="sr-only">Numbers</caption>
        <thead><tr><th scope="col">Number</th><th scope="col">Carrier</th><th scope="col">Label</th>
          <th scope="col">Agent</th>${writer ? html`<th scope="col">Actions</th>` : null}</tr></thead>
        <tbody>${numbers.map((n) => html`<tr>
          <td class="mono">${n.e164}</td><td>${n.carrier}</td><td>${n.label}</td>
          <td>${writer ? html`<label class="sr-only" for=${`move-${n.id}`}>Agent of ${n.e164}</label>
            <select id=${`move-${n.id}`} onChange=${(e) => move(n, e.currentTarget.value)}>
              ${agentOptions.map(([v, t]) => html`<option value=${v} selected=${v === (n.agent_id || "")}>${t}</option>`)}
            </select>` : name(n.agent_id)}</td>
          ${writer ? html`<td><button type="button" class="danger small" onClick=${() => remove(n)}>Remove</button></td>` : null}
        </tr>`)}</tbody></table></div>`}`;
    }}</${Loaded}>`;
}
