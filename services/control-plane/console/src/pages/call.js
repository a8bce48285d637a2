// One call: the transcript aligned with the stereo recording (caller left, agent right; a click
// on a line seeks), the per-turn latency waterfall, end reason, transfer, tool calls.
import { useEffect, useRef, useState } from "preact/hooks";
import { blobUrl, get } from "../api.js";
import { ErrorNote, html, Link, Loaded, PageHead, fmtDuration, fmtMs, fmtTime, useLoad } from "../ui.js";

const STAGES = [
  ["end_of_turn_ms", "End of turn"],
  ["transcript_final_ms", "Transcript final"],
  ["llm_first_token_ms", "LLM first token"],
  ["tts_first_audio_ms", "TTS first audio"],
  ["first_frame_out_ms", "First frame out"],
];

function Waterfall({ turns }) {
  const rows = turns.filter((t) => t.stages && t.stages.caller_stopped_ms !== null && t.stages.caller_stopped_ms !== undefined);
  if (!rows.length) return html`<p class="empty">No turn timings recorded.</p>`;
  const spans = rows.map((t) => STAGES.map(([k]) => t.stages[k]).filter((v) => v !== null && v !== undefined)
    .map((v) => v - t.stages.caller_stopped_ms));
  const max = Math.max(1, ...spans.flat());
  const width = 600;
  const x = (ms) => 150 + (Math.max(0, ms) / max) * (width - 160);
  const rowH = 20;
  return rows.map((t) => {
    const start = t.stages.caller_stopped_ms;
    let prev = 0;
    const bars = STAGES.map(([key, label], i) => {
      const at = t.stages[key];
      if (at === null || at === undefined) return null;
      const from = prev;
      prev = at - start;
      return { label, from, to: at - start, i };
    }).filter(Boolean);
    const height = bars.length * rowH + 24;
    return html`<figure class="waterfall">
      <figcaption>Turn ${t.turn_index + 1}: voice-to-voice ${fmtMs(t.voice_to_voice_ms)}${" "}
        (${t.interrupted ? "interrupted, " : ""}${t.brain})</figcaption>
      <svg viewBox=${`0 0 ${width} ${height}`} role="img"
        aria-label=${`Turn ${t.turn_index + 1} stages after the caller stopped: ${bars.map((b) => `${b.label} ${Math.round(b.to)} ms`).join(", ")}`}>
        ${bars.map((b) => html`<g>
          <text x="0" y=${b.i * rowH + 14} class="label">${b.label}</text>
          <rect x=${x(b.from)} y=${b.i * rowH + 2} width=${Math.max(2, x(b.to) - x(b.from))} height=${rowH - 4}
            class=${`bar s${b.i}`}><title>${b.label}: ${Math.round(b.from)}–${Math.round(b.to)} ms</title></rect>
          <text x=${Math.min(width - 40, x(b.to) + 4)} y=${b.i * rowH + 14} class="value">${Math.round(b.to)}</text>
        </g>`)}
        <line x1="150" x2="150" y1="0" y2=${height - 20} class="axis" />
        <text x="150" y=${height - 6} class="label">caller stopped (0 ms)</text>
        <text x=${width - 70} y=${height - 6} class="label">${Math.round(max)} ms</text>
      </svg></figure>`;
  });
}

// Which channels reach the speakers: both, or one of them on both sides (Web Audio).
function useChannels(audioRef, src) {
  const graph = useRef(null);
  const [channels, setChannels] = useState("both");
  const choose = (choice) => {
    const audio = audioRef.current;
    if (!audio) return;
    if (!graph.current) {
      const context = new AudioContext();
      const source = context.createMediaElementSource(audio);
      const splitter = context.createChannelSplitter(2);
      const merger = context.createChannelMerger(2);
      source.connect(splitter);
      merger.connect(context.destination);
      graph.current = { context, splitter, merger };
    }
    const { context, splitter, merger } = graph.current;
    splitter.disconnect();
    const pick = { both: [0, 1], caller: [0, 0], agent: [1, 1] }[choice];
    splitter.connect(merger, pick[0], 0);
    splitter.connect(merger, pick[1], 1);
    context.resume();
    setChannels(choice);
  };
  useEffect(() => () => {
    if (graph.current) graph.current.context.close();
    graph.current = null;
  }, [src]);
  return [channels, choose];
}

function Recording({ path, audioRef, onTime }) {
  const [src, setSrc] = useState(undefined);
  const [error, setError] = useState(null);
  const [channels, choose] = useChannels(audioRef, src);
  useEffect(() => {
    let url = null;
    blobUrl(path).then((u) => {
      url = u;
      setSrc(u);
    }, setError);
    return () => url && URL.revokeObjectURL(url);
  }, [path]);
  if (error) return html`<${ErrorNote} error=${error} />`;
  if (src === undefined) return html`<p class="state" role="status">Loading the recording…</p>`;
  if (src === null) return html`<p class="empty">No recording for this call.</p>`;
  return html`<div class="player">
    <audio ref=${audioRef} controls preload="metadata" src=${src} onTimeUpdate=${(e) => onTime(e.currentTarget.currentTime)}
      aria-label="Call recording (stereo: caller left, agent right)"></audio>
    <p class="legend"><span class="dot caller"></span>Caller: left channel <span class="dot agent"></span>Agent: right channel</p>
    <fieldset class="choices channels"><legend>Listen to</legend>
      ${[["both", "Both"], ["caller", "Caller only"], ["agent", "Agent only"]].map(([v, t]) => html`<label class="choice">
        <input type="radio" name="channels" value=${v} checked=${channels === v} onChange=${() => choose(v)} />${t}</label>`)}
    </fieldset>
  </div>`;
}

// The HTTP tool calls the runtime reported per turn (name, worked or not, HTTP status, time).
function ToolCalls({ turns }) {
  const rows = turns.flatMap((t) => (t.tool_calls || []).map((c) => ({ turn: t.turn_index, ...c })));
  if (!rows.length) return html`<p class="empty" data-testid="tool-calls">No tool calls.</p>`;
  return html`<div class="table-wrap"><table data-testid="tool-calls">
    <caption>HTTP tool calls</caption>
    <thead><tr><th scope="col">Turn</th><th scope="col">Tool</th><th scope="col">Result</th>
      <th scope="col">HTTP status</th><th scope="col">Duration</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr class=${r.ok ? "" : "failed"}>
      <td>${r.turn + 1}</td><td class="mono">${r.name}</td><td>${r.ok ? "ok" : "failed"}</td>
      <td>${r.status_code ?? "—"}</td><td>${fmtMs(r.duration_ms)}</td></tr>`)}</tbody>
  </table></div>`;
}

function toolSummary(turns) {
  const calls = turns.flatMap((t) => t.tool_calls || []);
  const failed = calls.filter((c) => !c.ok).length;
  if (!calls.length) return "none";
  return failed ? `${calls.length} (${failed} failed)` : String(calls.length);
}

// The post-call analysis, once the control plane has run it (LLM or built-in rules).
function Analysis({ call }) {
  const a = call.analysis;
  if (!a) {
    return html`<p class="empty" data-testid="analysis-status">Analysis: ${call.analysis_status || "not run"}.</p>`;
  }
  const success = a.success ? (typeof a.success === "object" ? JSON.stringify(a.success) : String(a.success)) : null;
  return html`<dl class="stats facts analysis" data-testid="analysis-status">
    <div><dt>Analysis</dt><dd>${a.source}${a.model ? ` (${a.model})` : ""}</dd></div>
    ${a.summary ? html`<div class="wide"><dt>Summary</dt><dd>${a.summary}</dd></div>` : null}
    ${a.ended_how ? html`<div><dt>How it ended</dt><dd>${a.ended_how}</dd></div>` : null}
    ${success ? html`<div><dt>Success</dt><dd class="pre">${success}</dd></div>` : null}
    ${(a.caller_questions || []).length ? html`<div class="wide"><dt>Caller asked</dt><dd><ul>${a.caller_questions.map((q) => html`<li>${q}</li>`)}</ul></dd></div>` : null}
    ${a.extracted ? html`<div class="wide"><dt>Extracted</dt><dd class="pre">${JSON.stringify(a.extracted, null, 2)}</dd></div>` : null}
  </dl>`;
}

export function CallPage({ tenantId, item }) {
  const base = `/v1/tenants/${tenantId}/calls/${encodeURIComponent(item)}`;
  const state = useLoad(() => get(base), [base]);
  const audio = useRef(null);
  const [now, setNow] = useState(0);
  const seek = (ms) => {
    if (!audio.current) return;
    audio.current.currentTime = ms / 1000;
    audio.current.play().catch(() => {});
  };
  return html`<${Loaded} state=${state}>${(call) => html`
    <${PageHead} title=${`Call ${fmtTime(call.started_at)}`}>
      <${Link} href=${`/admin/t/${tenantId}/calls`}>All calls</${Link}>
    </${PageHead}>
    <dl class="stats facts">
      <div><dt>From</dt><dd class="mono">${call.from_number || "—"}</dd></div>
      <div><dt>To</dt><dd class="mono">${call.to_number || "—"}</dd></div>
      <div><dt>Duration</dt><dd>${fmtDuration(call.duration_s)}</dd></div>
      <div><dt>Outcome</dt><dd>${call.outcome}</dd></div>
      <div><dt>End reason</dt><dd data-testid="end-reason">${call.end_reason || "—"}</dd></div>
      <div><dt>Transferred to</dt><dd class="mono">${call.transferred_to || "—"}</dd></div>
      <div><dt>Agent version</dt><dd>${call.agent_version ?? "—"}</dd></div>
      <div><dt>Tool calls</dt><dd data-testid="tool-summary">${toolSummary(call.turn_details)}</dd></div>
    </dl>
    <${Analysis} call=${call} />
    <div class="call-grid">
      <section aria-label="Recording and transcript"><h2>Recording and transcript</h2>
        <${Recording} path=${`${base}/recording`} audioRef=${audio} onTime=${setNow} />
        ${call.transcript.length ? html`<ol class="transcript">${call.transcript.map((line, i) => {
          const next = call.transcript[i + 1];
          const active = now * 1000 >= line.at_ms && (!next || now * 1000 < next.at_ms);
          return html`<li class=${`${line.role}${active ? " active" : ""}`}>
            <button type="button" onClick=${() => seek(line.at_ms)}
              aria-label=${`Play from ${fmtDuration(line.at_ms / 1000)}: ${line.role} said ${line.text}`}>
              <span class="at">${fmtDuration(line.at_ms / 1000)}</span>
              <span class="role">${line.role}</span>
              <span class="text">${line.text}${line.interrupted ? " (interrupted)" : ""}</span>
            </button></li>`;
        })}</ol>` : html`<p class="empty">No transcript.</p>`}
      </section>
      <section aria-label="Latency waterfall"><h2>Latency per turn</h2>
        <${Waterfall} turns=${call.turn_details} />
        <h2>Tool calls</h2>
        <${ToolCalls} turns=${call.turn_details} />
      </section>
    </div>`}</${Loaded}>`;
}
