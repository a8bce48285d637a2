// Sign-in: an API key (kept in sessionStorage) or, where configured, OIDC (code + PKCE).
import { useEffect, useState } from "preact/hooks";
import { get } from "../api.js";
import { finishOidc, setToken, signOut, startOidc } from "../auth.js";
import { html, navigate, TextInput, useLoad } from "../ui.js";

export function SignIn({ onSignedIn }) {
  const config = useLoad(() => get("/v1/console/config"), []);
  const [key, setKey] = useState("");
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const expired = new URLSearchParams(location.search).has("expired");
  useEffect(() => {
    document.title = "Sign in · Switchboard";
  }, []);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setToken(key.trim());
    try {
      const me = await get("/v1/me");
      onSignedIn(me);
      navigate("/admin", { replace: true });
    } catch (err) {
      signOut();
      setError(err.status === 401 ? "That key is not valid (or was revoked)." : err.message);
      setBusy(false);
    }
  };
  const oidc = config.data && config.data.oidc_issuer;
  return html`<main id="main" class="signin">
    <h1>Sign in to Switchboard</h1>
    ${expired && !error ? html`<p class="note" role="status">Your session ended; sign in again.</p>` : null}
    <form onSubmit=${submit} aria-label="Sign in with an API key">
      <${TextInput} label="API key" path="api_key" type="password" value=${key} onInput=${setKey}
        error=${error} autocomplete="off" required
        hint="Kept in this tab only (sessionStorage) until you sign out or close it." />
      <button type="submit" disabled=${busy || !key.trim()}>Sign in</button>
    </form>
    ${oidc ? html`<p class="or">or</p>
      <button type="button" class="secondary" onClick=${() => startOidc(config.data).catch(setError)}>
        Sign in with your identity provider</button>` : null}
  </main>`;
}

export function Callback() {
  const [error, setError] = useState(null);
  useEffect(() => {
    get("/v1/console/config")
      .then((config) => finishOidc(config, location.search))
      .then(() => navigate("/admin", { replace: true }), (err) => setError(err.message));
  }, []);
  return html`<main id="main" class="signin">
    ${error ? html`<p class="error" role="alert">${error}</p>
      <a href="/admin/signin">Back to sign-in</a>` : html`<p class="state" role="status">Signing in…</p>`}
  </main>`;
}
