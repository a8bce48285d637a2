// "Talk to this agent": mints a short-lived realtime client secret for the agent's published
// version (editor and up) and opens the voice runtime's talk page with it in the URL fragment
// (which never reaches a server; the page takes it out of the address bar at once).
import { useState } from "preact/hooks";
import { api, get } from "../api.js";
import { ErrorNote, html, fmtTime, useCan } from "../ui.js";

export function talkUrl(runtimeUrl, secret) {
  const params = new URLSearchParams({ client_secret: secret });
  return `${runtimeUrl.replace(/\/+$/, "")}/v1/realtime/talk#${params}`;
}

export function TalkButton({ base, agent }) {
  const can = useCan();
  const [minted, setMinted] = useState(null);
  const [error, setError] = useState(null);
  if (!can("realtime.client_secrets.create")) return null;
  const talk = async () => {
    try {
      const [config, secret] = await Promise.all([
        get("/v1/console/config"),
        api("POST", `${base}/realtime/client_secrets`, {}),
      ]);
      window.open(talkUrl(config.voice_runtime_public_url, secret.value), "_blank", "noopener,noreferrer");
      setMinted({ version: secret.agent_version, expires: secret.expires_at });
      setError(null);
    } catch (err) {
      setError(err);
    }
  };
  const live = Boolean(agent.live_version);
  return html`<div class="talk">
    <button type="button" class="secondary" onClick=${talk} disabled=${!live}
      aria-describedby=${live ? undefined : "talk-hint"}>Talk to this agent</button>
    ${live ? null : html`<small id="talk-hint">Publish a version to talk to it.</small>`}
    ${minted ? html`<small role="status">Talk page opened in a new tab: version ${minted.version}, the
      secret works until ${fmtTime(minted.expires)}.</small>` : null}
    <${ErrorNote} error=${error} />
  </div>`;
}
