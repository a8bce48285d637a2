// Shared pieces: the html tag, navigation, loading states, fields, locale formatting.
import { h, createContext } from "preact";
import { useCallback, useContext, useEffect, useState } from "preact/hooks";
import htm from "htm";

export const html = htm.bind(h);

// --- navigation (History API; every /admin/... path serves the page) ---
const listeners = new Set();
export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  listeners.forEach((fn) => fn());
}
window.addEventListener("popstate", () => listeners.forEach((fn) => fn()));

export function useLocation() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const fn = () => setTick((t) => t + 1);
    listeners.add(fn);
    return () => listeners.delete(fn);
  }, []);
  return location.pathname + location.search;
}

export function Link({ href, children, ...rest }) {
  const click = (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(href);
  };
  return html`<a href=${href} onClick=${click} ...${rest}>${children}</a>`;
}

// --- what the signed-in principal may do in the current tenant ---
export const Perms = createContext({ allowed: [], role: null, platform_admin: false });
export function useCan() {
  const perms = useContext(Perms);
  return (action) => perms.allowed.includes(action);
}

// --- loading ---
export function useLoad(load, deps) {
  const [state, setState] = useState({ loading: true, data: null, error: null });
  const run = useCallback(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => live && setState({ loading: false, data, error: null }),
      (error) => live && setState({ loading: false, data: null, error }),
    );
    return () => {
      live = false;
    };
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

export function Loaded({ state, empty, children }) {
  if (state.error) return html`<${ErrorNote} error=${state.error} />`;
  if (state.loading && state.data === null) return html`<p class="state" role="status">Loading…</p>`;
  if (empty && empty(state.data)) return html`<p class="state empty">${empty.text || "Nothing here yet."}</p>`;
  return children(state.data);
}

export function ErrorNote({ error }) {
  if (!error) return null;
  const code = error.code ? html` <code>${error.code}</code>` : null;
  const details = Array.isArray(error.details)
    ? error.details.map((d) => `${d.field ? `${String(d.field).replace(/^body\./, "")}: ` : ""}${d.message}`)
    : [];
  return html`<div class="error" role="alert">${error.message}${code}
    ${details.length ? html`<ul>${details.map((d) => html`<li>${d}</li>`)}</ul>` : null}</div>`;
}

// --- form fields: labelled, with the API's field error right under the control ---
export function fieldId(path) {
  return `f-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function Field({ label, path, error, hint, children }) {
  const id = fieldId(path);
  return html`<div class=${`field${error ? " invalid" : ""}`}>
    <label for=${id}>${label}</label>
    ${children(id, error ? `${id}-error` : hint ? `${id}-hint` : undefined)}
    ${hint && !error ? html`<small id=${`${id}-hint`}>${hint}</small>` : null}
    ${error ? html`<small class="field-error" id=${`${id}-error`} data-field=${path}>${error}</small>` : null}
  </div>`;
}

export function TextInput({ label, path, value, onInput, error, type = "text", hint, ...rest }) {
  return html`<${Field} label=${label} path=${path} error=${error} hint=${hint}>
    ${(id, described) => html`<input id=${id} name=${path} type=${type} value=${value ?? ""}
      aria-invalid=${error ? "true" : undefined} aria-describedby=${described}
      onInput=${(e) => onInput(e.currentTarget.value)} ...${rest} />`}
  </${Field}>`;
}

export function Select({ label, path, value, options, onChange, error }) {
  return html`<${Field} label=${label} path=${path} error=${error}>
    ${(id, described) => html`<select id=${id} name=${path} value=${value ?? ""}
      aria-describedby=${described} onChange=${(e) => onChange(e.currentTarget.value)}>
      ${options.map(([v, text]) => html`<option value=${v} selected=${v === (value ?? "")}>${text}</option>`)}
    </select>`}
  </${Field}>`;
}

// --- locale formatting (the browser's locale and time zone) ---
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dayOnly = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const number = new Intl.NumberFormat();
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export const fmtTime = (iso) => (iso ? dateTime.format(new Date(iso)) : "—");
export const fmtDay = (isoDay) => dayOnly.format(new Date(`${isoDay}T12:00:00`));
export const fmtNum = (n) => (n === null || n === undefined ? "—" : number.format(n));
export const fmtDec = (n) => (n === null || n === undefined ? "—" : decimal.format(n));
export const fmtMs = (ms) => (ms === null || ms === undefined ? "—" : `${decimal.format(ms)} ms`);
export const fmtDuration = (s) => {
  if (s === null || s === undefined) return "—";
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};

export function PageHead({ title, children }) {
  useEffect(() => {
    document.title = `${title} · Switchboard`;
  }, [title]);
  return html`<header class="page-head"><h1 tabindex="-1" id="page-title">${title}</h1>
    <div class="actions">${children}</div></header>`;
}

// Newer/Older over cursor pages: ``cursors`` is the stack of cursors that led here.
export function Pager({ cursors, setCursors, next }) {
  return html`<nav class="pager" aria-label="Pages">
    <button type="button" class="secondary" disabled=${cursors.length === 1}
      onClick=${() => setCursors(cursors.slice(0, -1))}>Newer</button>
    <button type="button" class="secondary" disabled=${!next}
      onClick=${() => setCursors([...cursors, next])}>Older</button>
  </nav>`;
}
