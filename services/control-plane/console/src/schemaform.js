// A form for every field of a body, generated from the API's own OpenAPI schema (so a field the
// API gains appears here too). Field paths match the API's 422 `details[].field`, so each error
// shows at its field.
import { get } from "./api.js";
import { html, Field, fieldId } from "./ui.js";

let openapi = null;
export async function schemaOf(name) {
  openapi = openapi || (await get("/openapi.json"));
  return { root: openapi.components.schemas[name], all: openapi.components.schemas };
}

const resolve = (schema, all) =>
  schema && schema.$ref ? all[schema.$ref.split("/").pop()] : schema;

function optionalOf(schema, all) {
  const options = schema.anyOf || schema.oneOf;
  if (!options) return null;
  const real = options.filter((s) => s.type !== "null");
  if (real.length === 1 && real.length < options.length) return resolve(real[0], all);
  return null;
}

const WORDS = { Llm: "LLM", Stt: "Speech-to-text (STT)", Tts: "Voice (TTS)", Api: "API", Dtmf: "DTMF",
  Http: "HTTP", Ms: "(ms)", S: "(s)", Url: "URL", Of: "of", In: "in", At: "at" };
const title = (key, schema) =>
  ((schema && schema.title) || key.replace(/_/g, " "))
    .split(" ")
    .map((w, i) => (i === 0 ? WORDS[w] || w : WORDS[w] || w.toLowerCase()))
    .join(" ")
    .replace(/^./, (c) => c.toUpperCase());

function set(value, key, next) {
  const copy = Array.isArray(value) ? [...value] : { ...(value || {}) };
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy;
}

function defaultFor(schema, all) {
  const s = resolve(schema, all);
  const given = schema.default !== undefined ? schema.default : s.default;
  if (s.type === "object" && s.properties) {
    const out = {};
    for (const [k, p] of Object.entries(s.properties)) {
      const d = optionalOf(p, all) ? null : defaultFor(p, all);
      if (d !== undefined) out[k] = d;
    }
    return { ...out, ...structuredClone(given || {}) };
  }
  if (given !== undefined) return structuredClone(given);
  if (s.type === "object") return {};
  if (s.type === "array") return [];
  if (s.type === "boolean") return false;
  if (s.type === "integer" || s.type === "number") return s.minimum ?? 0;
  if (s.enum) return s.enum[0];
  return "";
}

function Scalar({ schema, path, label, value, onChange, errors, nullable }) {
  const error = errors[path];
  const id = fieldId(path);
  if (schema.type === "boolean") {
    return html`<div class=${`field check${error ? " invalid" : ""}`}>
      <input type="checkbox" id=${id} name=${path} checked=${Boolean(value)}
        onChange=${(e) => onChange(e.currentTarget.checked)} />
      <label for=${id}>${label}</label>
      ${error ? html`<small class="field-error" data-field=${path}>${error}</small>` : null}
    </div>`;
  }
  const hint = schema.description;
  if (schema.enum) {
    return html`<${Field} label=${label} path=${path} error=${error} hint=${hint}>${(fid, described) =>
      html`<select id=${fid} name=${path} aria-describedby=${described}
        onChange=${(e) => onChange(e.currentTarget.value || (nullable ? null : undefined))}>
        ${nullable ? html`<option value="">(none)</option>` : null}
        ${schema.enum.map((v) => html`<option value=${v} selected=${v === value}>${v}</option>`)}
      </select>`}</${Field}>`;
  }
  const numeric = schema.type === "integer" || schema.type === "number";
  const long = schema.type === "string" && (schema.maxLength || 0) > 500;
  const input = (e) => {
    const raw = e.currentTarget.value;
    if (raw === "") return onChange(nullable ? null : numeric ? undefined : "");
    if (numeric) return onChange(Number.isNaN(Number(raw)) ? raw : Number(raw));
    return onChange(raw);
  };
  return html`<${Field} label=${label} path=${path} error=${error} hint=${hint}>${(fid, described) =>
    long
      ? html`<textarea id=${fid} name=${path} rows="4" aria-describedby=${described}
          aria-invalid=${error ? "true" : undefined} onInput=${input}>${value ?? ""}</textarea>`
      : html`<input id=${fid} name=${path} aria-describedby=${described}
          aria-invalid=${error ? "true" : undefined}
          type=${numeric ? "number" : schema.format === "time" ? "time" : "text"}
          step=${schema.type === "number" ? "any" : undefined} value=${value ?? ""} onInput=${input} />`}
  </${Field}>`;
}

function Lines({ path, label, value, onChange, errors, hint }) {
  const error = errors[path] || Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
  return html`<${Field} label=${label} path=${path} error=${error} hint=${hint || "One per line"}>
    ${(id, described) => html`<textarea id=${id} name=${path} rows="3" aria-describedby=${described}
      onInput=${(e) => onChange(e.currentTarget.value.split("\n").filter((l) => l.trim()))}
    >${(value || []).join("\n")}</textarea>`}</${Field}>`;
}

function Choices({ path, label, options, value, onChange, errors }) {
  const chosen = new Set(value || []);
  const toggle = (option) => {
    const next = new Set(chosen);
    if (next.has(option)) next.delete(option);
    else next.add(option);
    onChange(options.filter((o) => next.has(o)));
  };
  return html`<fieldset class="choices"><legend>${label}</legend>
    ${options.map((o) => html`<label class="choice"><input type="checkbox" name=${`${path}.${o}`}
      checked=${chosen.has(o)} onChange=${() => toggle(o)} />${o}</label>`)}
    ${errors[path] ? html`<small class="field-error" data-field=${path}>${errors[path]}</small>` : null}
  </fieldset>`;
}

function Json({ path, label, value, onChange, errors }) {
  return html`<${Field} label=${label} path=${path} error=${errors[path]} hint="JSON">
    ${(id, described) => html`<textarea id=${id} name=${path} rows="4" class="mono"
      aria-describedby=${described} onChange=${(e) => {
        try {
          onChange(JSON.parse(e.currentTarget.value || "{}"));
        } catch {
          onChange(e.currentTarget.value);
        }
      }}>${JSON.stringify(value ?? {}, null, 2)}</textarea>`}</${Field}>`;
}

export function SchemaField({ schema, all, path, label, value, onChange, errors, extras }) {
  const inner = optionalOf(schema, all);
  if (inner) {
    if (inner.type === "object") {
      const on = value !== null && value !== undefined;
      const id = fieldId(`${path}-enabled`);
      return html`<div class="optional-group">
        <div class="field check"><input type="checkbox" id=${id} checked=${on}
          onChange=${(e) => onChange(e.currentTarget.checked ? defaultFor(inner, all) : null)} />
          <label for=${id}>${label}</label></div>
        ${on ? html`<${SchemaField} schema=${inner} all=${all} path=${path} label=${label}
          value=${value} onChange=${onChange} errors=${errors} extras=${extras} />` : null}
      </div>`;
    }
    return html`<${Scalar} schema=${{ ...inner, description: schema.description }} path=${path}
      label=${label} value=${value} onChange=${onChange} errors=${errors} nullable=${true} />`;
  }
  const s = resolve(schema, all);
  if (s.type === "object" && s.properties) {
    const Extra = extras && extras[path];
    return html`<fieldset class="group"><legend>${label}</legend>
      ${errors[path] ? html`<small class="field-error" data-field=${path}>${errors[path]}</small>` : null}
      <${Properties} schema=${s} all=${all} path=${path} value=${value} onChange=${onChange}
        errors=${errors} extras=${extras} />
      ${Extra ? html`<${Extra} value=${value} />` : null}
    </fieldset>`;
  }
  if (s.type === "object") {
    return html`<${Json} path=${path} label=${label} value=${value} onChange=${onChange} errors=${errors} />`;
  }
  if (s.type === "array") {
    const item = resolve(s.items, all);
    if (item.type === "string" && item.enum) {
      return html`<${Choices} path=${path} label=${label} options=${item.enum} value=${value}
        onChange=${onChange} errors=${errors} />`;
    }
    if (item.type !== "object") {
      return html`<${Lines} path=${path} label=${label} value=${value} onChange=${onChange}
        errors=${errors} hint=${s.description} />`;
    }
    const list = value || [];
    const itemLabel = (item.title || "Item").replace(/([a-z])([A-Z])/g, "$1 $2");
    return html`<fieldset class="group list"><legend>${label}</legend>
      ${errors[path] ? html`<small class="field-error" data-field=${path}>${errors[path]}</small>` : null}
      ${list.length === 0 ? html`<p class="empty">None.</p>` : null}
      ${list.map((entry, i) => html`<div class="list-item">
        <${Properties} schema=${item} all=${all} path=${`${path}.${i}`} value=${entry}
          onChange=${(next) => onChange(set(list, i, next))} errors=${errors} />
        <button type="button" class="ghost small" onClick=${() => onChange(list.filter((_, j) => j !== i))}
          aria-label=${`Remove ${itemLabel} ${i + 1} of ${label}`}>Remove</button>
      </div>`)}
      <button type="button" class="secondary small"
        onClick=${() => onChange([...list, defaultFor(item, all)])}>Add ${itemLabel.toLowerCase()}</button>
    </fieldset>`;
  }
  return html`<${Scalar} schema=${s} path=${path} label=${label} value=${value}
    onChange=${onChange} errors=${errors} />`;
}

export function Properties({ schema, all, path, value, onChange, errors, extras }) {
  return Object.entries(schema.properties || {}).map(([key, prop]) => {
    const sub = path ? `${path}.${key}` : key;
    return html`<${SchemaField} key=${sub} schema=${prop} all=${all} path=${sub}
      label=${title(key, prop)} value=${(value || {})[key]}
      onChange=${(next) => onChange(set(value, key, next))} errors=${errors} extras=${extras} />`;
  });
}

// The body with every default filled in (what a new version starts from).
export function defaults(schema, all) {
  return defaultFor(schema, all);
}
