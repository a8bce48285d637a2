// One agent: a form for every field of its config (from the API's schema; 422 errors at the
// field), saved as a new version; versions with a side-by-side diff of any two; publish; rollback.
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { api, get, postForBlob } from "../api.js";
import { defaults, Properties, schemaOf } from "../schemaform.js";
import { ErrorNote, html, Loaded, PageHead, fmtTime, useCan, useLoad } from "../ui.js";
import { TalkButton } from "./talk.js";

function flatten(value, prefix = "", out = {}) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    if (Object.keys(value).length === 0 && prefix) out[prefix] = "{}";
  } else if (Array.isArray(value) && value.some((v) => v && typeof v === "object")) {
    value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
    if (value.length === 0) out[prefix] = "[]";
  } else {
    out[prefix] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}

function Diff({ left, right }) {
  const a = flatten(left.config);
  const b = flatten(right.config);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const changed = keys.filter((k) => a[k] !== b[k]);
  return html`<div class="table-wrap"><table class="diff">
    <caption>Version ${left.version} and version ${right.version}: ${changed.length} field(s) differ</caption>
    <thead><tr><th scope="col">Field</th><th scope="col">Version ${left.version}</th>
      <th scope="col">Version ${right.version}</th></tr></thead>
    <tbody>${keys.map((k) => html`<tr class=${a[k] !== b[k] ? "changed" : ""}>
      <th scope="row" class="mono">${k}</th><td class="pre">${a[k] ?? "—"}</td><td class="pre">${b[k] ?? "—"}</td>
    </tr>`)}</tbody></table></div>`;
}

function Versions({ base, agent, versions, onChanged }) {
  const can = useCan();
  const [pair, setPair] = useState(() => [versions[1]?.version || versions[0]?.version, versions[0]?.version]);
  const [error, setError] = useState(null);
  const byNumber = (n) => versions.find((v) => v.version === Number(n));
  const act = async (verb, version) => {
    try {
      await api("POST", `${base}/${verb}`, { version });
      setError(null);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const picker = (index, label) => html`<label>${label}
    <select value=${pair[index]} onChange=${(e) => setPair(index ? [pair[0], e.currentTarget.value] : [e.currentTarget.value, pair[1]])}>
      ${versions.map((v) => html`<option value=${v.version} selected=${v.version === Number(pair[index])}>Version ${v.version}</option>`)}
    </select></label>`;
  return html`<section aria-label="Versions"><h2>Versions</h2>
    <${ErrorNote} error=${error} />
    <div class="table-wrap"><table>
      <thead><tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th>
        <th scope="col">Created</th><th scope="col">State</th></tr></thead>
      <tbody>${versions.map((v) => html`<tr>
        <td>${v.version}</td><td>${v.note}</td><td>${v.created_by}</td><td>${fmtTime(v.created_at)}</td>
        <td>${v.live ? html`<span class="status active">live</span>` : can("agents.publish")
          ? agent.live_version !== null && v.version < agent.live_version
            ? html`<button type="button" class="secondary small" onClick=${() => act("rollback", v.version)}>Roll back to ${v.version}</button>`
            : html`<button type="button" class="small" onClick=${() => act("publish", v.version)}>Publish ${v.version}</button>`
          : ""}</td></tr>`)}</tbody></table></div>
    ${versions.length > 1 ? html`<h3>Compare</h3><div class="inline-form">${picker(0, "Left")}${picker(1, "Right")}</div>
      ${byNumber(pair[0]) && byNumber(pair[1]) ? html`<${Diff} left=${byNumber(pair[0])} right=${byNumber(pair[1])} />` : null}` : null}
  </section>`;
}

// "Preview voice": the TTS settings as they stand in the form, spoken by the TTS service.
function VoicePreview({ value }) {
  const can = useCan();
  const tenantBase = useContext(TenantBase);
  const [src, setSrc] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => src && URL.revokeObjectURL(src), [src]);
  if (!can("agents.write")) return null;
  const preview = async () => {
    setBusy(true);
    setError(null);
    try {
      setSrc(await postForBlob(`${tenantBase}/voices/preview`, { tts: value }));
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  return html`<div class="voice-preview">
    <button type="button" class="secondary small" disabled=${busy} onClick=${preview}>
      ${busy ? "Synthesizing…" : "Preview voice"}</button>
    ${src ? html`<audio controls autoplay src=${src} aria-label="Voice preview"></audio>` : null}
    <${ErrorNote} error=${error} />
  </div>`;
}

const TenantBase = createContext("");
const EXTRAS = { tts: VoicePreview };

function Editor({ base, latest, onSaved }) {
  const can = useCan();
  const [schema, setSchema] = useState(null);
  const [value, setValue] = useState(null);
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(null);
  useEffect(() => {
    schemaOf("AgentVersionCreate").then((s) => {
      setSchema(s);
      setValue(latest ? { ...latest.config, note: "" } : defaults(s.root, s.all));
    }, setError);
  }, [latest && latest.version]);
  if (!schema || !value) return html`<${ErrorNote} error=${error} />`;
  const editable = can("agents.write");
  const save = async (event) => {
    event.preventDefault();
    try {
      const created = await api("POST", `${base}/versions`, value);
      setErrors({});
      setError(null);
      setSaved(created);
      onSaved();
    } catch (err) {
      setErrors(err.fieldErrors ? err.fieldErrors() : {});
      setError(err);
    }
  };
  return html`<form class="agent-form" onSubmit=${save} aria-label="Agent configuration">
    <h2>Configuration</h2>
    <fieldset disabled=${!editable} class="plain">
      <${Properties} schema=${schema.root} all=${schema.all} path="" value=${value}
        onChange=${setValue} errors=${errors} extras=${EXTRAS} />
    </fieldset>
    ${error ? html`<p class="error" role="alert">${Object.keys(errors).length
      ? `The version was not saved: ${Object.keys(errors).length} field(s) need attention.` : error.message}</p>` : null}
    ${saved ? html`<p role="status">Saved as version ${saved.version}.${saved.warnings.map((w) => ` ${w.message}`)}</p>` : null}
    ${editable ? html`<div class="sticky-actions"><button type="submit">Save as new version</button></div>` : null}
  </form>`;
}

export function AgentPage({ tenantId, item }) {
  const base = `/v1/tenants/${tenantId}/agents/${item}`;
  const state = useLoad(async () => {
    const [agent, versions] = await Promise.all([get(base), get(`${base}/versions`)]);
    return { agent, versions: versions.items };
  }, [base]);
  return html`<${Loaded} state=${state}>${({ agent, versions }) => html`
    <${PageHead} title=${agent.name}>
      <span class="badge">${agent.live_version ? `live: version ${agent.live_version}` : "not live"}</span>
      <${TalkButton} base=${base} agent=${agent} />
    </${PageHead}>
    <div class="agent-grid">
      <${TenantBase.Provider} value=${`/v1/tenants/${tenantId}`}>
        <${Editor} base=${base} latest=${versions[0]} onSaved=${state.reload} />
      </${TenantBase.Provider}>
      ${versions.length ? html`<${Versions} key=${versions.length} base=${base} agent=${agent}
        versions=${versions} onChanged=${state.reload} />` : html`<p class="state empty">No versions yet: save the configuration to create version 1.</p>`}
    </div>`}</${Loaded}>`;
}
