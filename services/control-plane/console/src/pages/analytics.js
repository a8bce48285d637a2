// Analytics: per day calls, minutes, answered/missed and voice-to-voice p50/p95, as plain SVG
// charts with the numbers in a table beside them.
import { useState } from "preact/hooks";
import { get, query } from "../api.js";
import { html, Loaded, PageHead, Select, fmtDay, fmtDec, fmtMs, fmtNum, useLoad } from "../ui.js";

const W = 640;
const H = 180;
const PAD = 36;

// A bar or line chart of ``days`` (objects with ``day``, or whatever ``label`` names) per series.
export function Chart({ title, days, series, kind = "bar", format = fmtNum, label = (d) => fmtDay(d.day) }) {
  const values = days.flatMap((d) => series.map((s) => d[s.key] ?? 0));
  const max = Math.max(1, ...values);
  const step = (W - PAD * 2) / Math.max(1, days.length);
  const y = (v) => H - 20 - ((v ?? 0) / max) * (H - 40);
  const summary = days.map((d) => `${label(d)}: ${series.map((s) => `${s.label} ${format(d[s.key])}`).join(", ")}`).join("; ");
  return html`<figure class="chart"><figcaption>${title}</figcaption>
    <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${`${title}. ${summary}`}>
      <line x1=${PAD} x2=${W - PAD} y1=${H - 20} y2=${H - 20} class="axis" />
      <text x="2" y="14" class="label">${format(max)}</text>
      ${days.map((d, i) => html`<text x=${PAD + i * step + step / 2} y=${H - 4} class="label" text-anchor="middle">
        ${i % Math.ceil(days.length / 7) === 0 ? label(d) : ""}</text>`)}
      ${kind === "bar"
        ? days.map((d, i) => {
            let base = 0;
            return series.map((s, j) => {
              const v = d[s.key] ?? 0;
              const top = y(base + v);
              const rect = html`<rect x=${PAD + i * step + step * 0.15} width=${step * 0.7}
                y=${top} height=${Math.max(0, y(base) - top)} class=${`bar s${j}`}>
                <title>${label(d)} ${s.label}: ${format(v)}</title></rect>`;
              base += v;
              return rect;
            });
          })
        : series.map((s, j) => {
            const points = days.map((d, i) => [i, d[s.key]]).filter(([, v]) => v !== null);
            const at = ([i, v]) => [PAD + i * step + step / 2, y(v)];
            return html`<g class=${`line s${j}`}>
              <polyline fill="none" points=${points.map((p) => at(p).join(",")).join(" ")} />
              ${points.map((p) => html`<circle cx=${at(p)[0]} cy=${at(p)[1]} r="4">
                <title>${label(days[p[0]])} ${s.label}: ${format(p[1])}</title></circle>`)}
            </g>`;
          })}
    </svg>
    <p class="legend">${series.map((s, j) => html`<span><span class=${`swatch s${j}`}></span>${s.label}</span>`)}</p>
  </figure>`;
}

function fillDays(items, since, until) {
  const byDay = Object.fromEntries(items.map((d) => [d.day, d]));
  const out = [];
  for (let d = new Date(since); d < until; d.setUTCDate(d.getUTCDate() + 1)) {
    const key = d.toISOString().slice(0, 10);
    out.push(byDay[key] || { day: key, calls: 0, minutes: 0, answered: 0, missed: 0, latency_p50_ms: null, latency_p95_ms: null });
  }
  return out;
}

export function Analytics({ tenantId }) {
  const [range, setRange] = useState("14");
  const state = useLoad(async () => {
    const until = new Date();
    until.setUTCHours(24, 0, 0, 0);
    const since = new Date(until);
    since.setUTCDate(since.getUTCDate() - Number(range));
    const data = await get(`/v1/tenants/${tenantId}/analytics${query({ since: since.toISOString(), until: until.toISOString() })}`);
    return fillDays(data.days, since, until);
  }, [tenantId, range]);
  return html`<${PageHead} title="Analytics">
      <${Select} label="Range" path="range" value=${range} onChange=${setRange}
        options=${[["7", "Last 7 days"], ["14", "Last 14 days"], ["30", "Last 30 days"], ["90", "Last 90 days"]]} />
    </${PageHead}>
    <p class="note">Days are UTC days.</p>
    <${Loaded} state=${state}>${(days) => html`<div class="charts">
      <${Chart} title="Calls per day" days=${days} series=${[{ key: "calls", label: "Calls" }]} />
      <${Chart} title="Minutes per day" days=${days} series=${[{ key: "minutes", label: "Minutes" }]} format=${fmtDec} />
      <${Chart} title="Answered and missed" days=${days}
        series=${[{ key: "answered", label: "Answered" }, { key: "missed", label: "Missed" }]} />
      <${Chart} title="Voice-to-voice latency" days=${days} kind="line" format=${fmtMs}
        series=${[{ key: "latency_p50_ms", label: "p50" }, { key: "latency_p95_ms", label: "p95" }]} />
    </div>
    <details><summary>The numbers</summary><div class="table-wrap"><table>
      <thead><tr><th scope="col">Day</th><th scope="col">Calls</th><th scope="col">Minutes</th><th scope="col">Answered</th>
        <th scope="col">Missed</th><th scope="col">p50</th><th scope="col">p95</th></tr></thead>
      <tbody>${days.map((d) => html`<tr><td>${fmtDay(d.day)}</td><td>${fmtNum(d.calls)}</td><td>${fmtDec(d.minutes)}</td>
        <td>${fmtNum(d.answered)}</td><td>${fmtNum(d.missed)}</td><td>${fmtMs(d.latency_p50_ms)}</td>
        <td>${fmtMs(d.latency_p95_ms)}</td></tr>`)}</tbody></table></div></details>`}
    </${Loaded}>`;
}
