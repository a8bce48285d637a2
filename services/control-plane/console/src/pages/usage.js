// Usage: the tenant's metered calls, billable minutes, speech and LLM use per UTC day or month
// (totals, charts, the numbers), and its plan with the effective limits (platform admins assign
// the plan and this tenant's overrides).
import { useEffect, useState } from "preact/hooks";
import { api, get, query } from "../api.js";
import { ErrorNote, html, Loaded, PageHead, Select, fmtDay, fmtDec, fmtNum, useCan, useLoad } from "../ui.js";
import { Chart } from "./analytics.js";
import { Properties, schemaOf } from "../schemaform.js";

const monthOnly = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", timeZone: "UTC" });
const fmtMonth = (isoDay) => monthOnly.format(new Date(`${isoDay}T12:00:00Z`));
const EMPTY = { calls: 0, billable_minutes: 0, billable_seconds: 0, stt_audio_seconds: 0, tts_characters: 0,
  llm_prompt_tokens: 0, llm_completion_tokens: 0, tool_calls: 0 };
const TOTALS = [
  ["calls", "Calls", fmtNum],
  ["billable_minutes", "Billable minutes", fmtNum],
  ["stt_audio_seconds", "Speech-to-text seconds", fmtDec],
  ["tts_characters", "TTS characters", fmtNum],
  ["llm_prompt_tokens", "LLM prompt tokens", fmtNum],
  ["llm_completion_tokens", "LLM completion tokens", fmtNum],
  ["tool_calls", "Tool calls", fmtNum],
];

// Every bucket from ``from`` to now (the API leaves out empty ones), keyed by its UTC date.
function buckets(periods, from, granularity) {
  const byStart = Object.fromEntries(periods.map((p) => [p.start.slice(0, 10), p]));
  const out = [];
  const now = new Date();
  for (let d = new Date(from); d <= now; granularity === "day" ? d.setUTCDate(d.getUTCDate() + 1) : d.setUTCMonth(d.getUTCMonth() + 1)) {
    const day = d.toISOString().slice(0, 10);
    out.push({ ...EMPTY, ...(byStart[day] || {}), day });
  }
  return out;
}

export function Usage({ tenantId }) {
  const [granularity, setGranularity] = useState("day");
  const [months, setMonths] = useState("1");
  const state = useLoad(async () => {
    const from = new Date();
    from.setUTCHours(0, 0, 0, 0);
    from.setUTCDate(1);
    from.setUTCMonth(from.getUTCMonth() - (Number(months) - 1));
    const report = await get(`/v1/tenants/${tenantId}/usage${query({ from: from.toISOString(), granularity })}`);
    return { totals: report.totals, rows: buckets(report.periods, from, granularity) };
  }, [tenantId, granularity, months]);
  const label = granularity === "day" ? (d) => fmtDay(d.day) : (d) => fmtMonth(d.day);
  return html`<${PageHead} title="Usage">
      <${Select} label="Period" path="months" value=${months} onChange=${setMonths}
        options=${[["1", "This month"], ["3", "Last 3 months"], ["12", "Last 12 months"]]} />
      <${Select} label="Per" path="granularity" value=${granularity} onChange=${setGranularity}
        options=${[["day", "Day"], ["month", "Month"]]} />
    </${PageHead}>
    <p class="note">Calls by when they started, in UTC ${granularity === "day" ? "days" : "months"}; minutes are started minutes.</p>
    <${Loaded} state=${state}>${({ totals, rows }) => html`
      <dl class="stats" aria-label="Totals" data-testid="usage-totals">
        ${TOTALS.map(([key, text, fmt]) => html`<div><dt>${text}</dt><dd data-key=${key}>${fmt(totals[key])}</dd></div>`)}
      </dl>
      <div class="charts">
        <${Chart} title=${`Billable minutes per ${granularity}`} days=${rows} label=${label}
          series=${[{ key: "billable_minutes", label: "Minutes" }]} />
        <${Chart} title=${`Calls per ${granularity}`} days=${rows} label=${label}
          series=${[{ key: "calls", label: "Calls" }]} />
      </div>
      <details><summary>The numbers</summary><div class="table-wrap"><table>
        <thead><tr><th scope="col">${granularity === "day" ? "Day" : "Month"}</th>
          ${TOTALS.map(([, text]) => html`<th scope="col">${text}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr><td>${label(r)}</td>
          ${TOTALS.map(([key, , fmt]) => html`<td>${fmt(r[key])}</td>`)}</tr>`)}</tbody>
      </table></div></details>`}
    </${Loaded}>
    <${TenantPlan} tenantId=${tenantId} />`;
}

const LIMITS = [
  ["included_minutes", "Included minutes a month"],
  ["hard_cap_minutes", "Hard cap (minutes a month)"],
  ["threshold_percent", "Notice at (% of included)"],
  ["max_concurrent_calls", "Concurrent calls"],
  ["calls_per_minute", "Calls per minute"],
];

function PlanForm({ tenantId, current, onSaved }) {
  const plans = useLoad(() => get("/v1/plans"), []);
  const [schema, setSchema] = useState(null);
  const [planId, setPlanId] = useState(current.plan_id || "");
  const [overrides, setOverrides] = useState(current.overrides || {});
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  useEffect(() => {
    schemaOf("PlanOverrides").then(setSchema, setError);
  }, []);
  const save = async (event) => {
    event.preventDefault();
    const clean = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== null && v !== undefined && v !== ""));
    try {
      await api("PUT", `/v1/tenants/${tenantId}/plan`, planId ? { plan_id: planId, overrides: clean } : { plan_id: null });
      setErrors({});
      setError(null);
      onSaved();
    } catch (err) {
      setErrors(err.fieldErrors ? err.fieldErrors() : {});
      setError(err);
    }
  };
  return html`<${Loaded} state=${plans}>${(data) => html`<form class="plan-form" onSubmit=${save} aria-label="Assign a plan">
    <${Select} label="Plan" path="plan_id" value=${planId} onChange=${setPlanId} error=${errors.plan_id}
      options=${[["", "No plan (the tenant's own limits)"], ...data.items.map((p) => [p.id, p.name])]} />
    ${planId && schema ? html`<fieldset><legend>This tenant's overrides (empty: as the plan)</legend>
      <${Properties} schema=${schema.root} all=${schema.all} path="overrides" value=${overrides}
        onChange=${setOverrides} errors=${errors} /></fieldset>` : null}
    <button type="submit">Save plan</button>
    <${ErrorNote} error=${error} />
  </form>`}</${Loaded}>`;
}

function TenantPlan({ tenantId }) {
  const can = useCan();
  const state = useLoad(() => get(`/v1/tenants/${tenantId}/plan`), [tenantId]);
  return html`<section aria-labelledby="plan-title"><h2 id="plan-title">Plan</h2>
    <${Loaded} state=${state}>${(plan) => html`
      ${plan.effective
        ? html`<dl class="stats facts" data-testid="plan-limits">
            ${LIMITS.map(([key, text]) => html`<div><dt>${text}</dt><dd>${plan.effective[key] ?? "none"}</dd></div>`)}
          </dl>`
        : html`<p class="empty" data-testid="plan-limits">No plan: the tenant's own limits apply.</p>`}
      ${can("tenants.plan.write") ? html`<${PlanForm} tenantId=${tenantId} current=${plan} onSaved=${state.reload} />` : null}`}
    </${Loaded}></section>`;
}
