// Plans (platform admins): included minutes, hard cap, notice threshold and rate limits; create,
// edit, delete (refused while tenants are on a plan). A form generated from the API's schema, so
// its 422 field errors show at their fields.
import { useEffect, useState } from "preact/hooks";
import { api, get } from "../api.js";
import { ErrorNote, html, Loaded, PageHead, fmtNum, useLoad } from "../ui.js";
import { Properties, defaults, schemaOf } from "../schemaform.js";

function PlanEditor({ plan, onDone }) {
  const [schema, setSchema] = useState(null);
  const [value, setValue] = useState(null);
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  useEffect(() => {
    schemaOf("PlanCreate").then((s) => {
      setSchema(s);
      if (plan) {
        const { id, created_at, updated_at, ...fields } = plan;
        setValue(fields);
      } else setValue(defaults(s.root, s.all));
    }, setError);
  }, [plan]);
  const save = async (event) => {
    event.preventDefault();
    try {
      if (plan) await api("PATCH", `/v1/plans/${plan.id}`, value);
      else await api("POST", "/v1/plans", value);
      setErrors({});
      setError(null);
      onDone();
    } catch (err) {
      setErrors(err.fieldErrors ? err.fieldErrors() : {});
      setError(err);
    }
  };
  if (!schema || !value) return html`<${ErrorNote} error=${error} />`;
  return html`<form class="plan-editor" onSubmit=${save} aria-label=${plan ? `Edit plan ${plan.name}` : "New plan"}>
    <${Properties} schema=${schema.root} all=${schema.all} path="" value=${value} onChange=${setValue} errors=${errors} />
    <button type="submit">${plan ? "Save plan" : "Create plan"}</button>
    <${ErrorNote} error=${error} />
  </form>`;
}

export function Plans() {
  const state = useLoad(() => get("/v1/plans"), []);
  const [editing, setEditing] = useState(null); // null, "new" or a plan
  const [error, setError] = useState(null);
  const done = () => {
    setEditing(null);
    state.reload();
  };
  const remove = async (plan) => {
    if (!confirm(`Delete the plan ${plan.name}?`)) return;
    try {
      await api("DELETE", `/v1/plans/${plan.id}`);
      setError(null);
      state.reload();
    } catch (err) {
      setError(err);
    }
  };
  return html`<${PageHead} title="Plans">
      <button type="button" onClick=${() => setEditing(editing === "new" ? null : "new")}
        aria-expanded=${editing === "new"}>New plan</button>
    </${PageHead}>
    ${editing === "new" ? html`<${PlanEditor} plan=${null} onDone=${done} />` : null}
    <${ErrorNote} error=${error} />
    <${Loaded} state=${state} empty=${Object.assign((d) => d.items.length === 0, { text: "No plans yet." })}>
      ${(data) => html`<div class="table-wrap"><table>
        <caption class="sr-only">Plans</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Included minutes</th><th scope="col">Hard cap</th>
          <th scope="col">Notice at</th><th scope="col">Concurrent calls</th><th scope="col">Calls a minute</th>
          <th scope="col">Actions</th></tr></thead>
        <tbody>${data.items.map((p) => html`<tr>
          <td>${p.name}</td><td>${fmtNum(p.included_minutes)}</td>
          <td>${p.hard_cap_minutes === null ? "none" : fmtNum(p.hard_cap_minutes)}</td>
          <td>${p.threshold_percent} %</td><td>${fmtNum(p.max_concurrent_calls)}</td><td>${fmtNum(p.calls_per_minute)}</td>
          <td class="row-actions">
            <button type="button" class="secondary small" aria-expanded=${editing === p}
              onClick=${() => setEditing(editing === p ? null : p)}>Edit</button>
            <button type="button" class="danger small" onClick=${() => remove(p)}>Delete</button>
            ${editing === p ? html`<${PlanEditor} plan=${p} onDone=${done} />` : null}
          </td></tr>`)}</tbody></table></div>`}
    </${Loaded}>`;
}
