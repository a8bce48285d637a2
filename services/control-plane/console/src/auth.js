// Credentials live in sessionStorage only (never localStorage): an API key, or an OIDC access
// token obtained with the authorization code flow + PKCE. Signing out clears sessionStorage.
const TOKEN = "sb.token";
const PKCE = "sb.pkce";

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function setToken(value) {
  sessionStorage.setItem(TOKEN, value);
}

export function signOut() {
  sessionStorage.clear();
}

function b64url(bytes) {
  let text = "";
  for (const byte of new Uint8Array(bytes)) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText() {
  return b64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discovery(issuer) {
  const url = issuer.replace(/\/$/, "") + "/.well-known/openid-configuration";
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The identity provider answered ${response.status}.`);
  return response.json();
}

export function redirectUri() {
  return `${location.origin}/admin/callback`;
}

// Sends the browser to the provider's sign-in page.
export async function startOidc(config) {
  const meta = await discovery(config.oidc_issuer);
  const verifier = randomText();
  const state = randomText();
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: config.oidc_client_id,
    redirect_uri: redirectUri(),
    scope: config.oidc_scopes,
    state,
    code_challenge: b64url(digest),
    code_challenge_method: "S256",
  });
  location.assign(`${meta.authorization_endpoint}?${query}`);
}

// On /admin/callback: checks the state, trades the code (with the verifier) for a token.
export async function finishOidc(config, search) {
  const params = new URLSearchParams(search);
  const saved = JSON.parse(sessionStorage.getItem(PKCE) || "null");
  sessionStorage.removeItem(PKCE);
  if (params.get("error")) throw new Error(`Sign-in failed: ${params.get("error")}`);
  if (!saved || params.get("state") !== saved.state) throw new Error("Sign-in state mismatch.");
  const meta = await discovery(config.oidc_issuer);
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code: params.get("code") || "",
    redirect_uri: redirectUri(),
    client_id: config.oidc_client_id,
    code_verifier: saved.verifier,
  });
  const response = await fetch(meta.token_endpoint, { method: "POST", body });
  if (!response.ok) throw new Error(`The token exchange failed (${response.status}).`);
  const tokens = await response.json();
  setToken(tokens.access_token);
}
