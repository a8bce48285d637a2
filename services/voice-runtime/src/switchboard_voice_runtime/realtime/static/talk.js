// The talk page: a browser session with one agent over the OpenAI Realtime (GA) protocol.
// Credential: a client secret (ek_...) from the URL fragment (#client_secret=...; the fragment
// never reaches a server) or from a small same-origin endpoint (#secret_endpoint=/path, POSTed
// with the user's cookies, answering {value}). It travels in the WebSocket subprotocol
// "openai-insecure-api-key.<secret>", the way OpenAI's browser clients send it; no API key is
// ever in the page. Microphone -> AudioWorklet -> 24 kHz PCM16 -> input_audio_buffer.append;
// response.output_audio.delta -> playback worklet as it streams; both transcripts live;
// barge-in: on speech_started playback stops and conversation.item.truncate says how much of the
// agent's item was heard (audio_end_ms).
// window.talkState exposes what happened, for tests and for debugging.

const RATE_HZ = 24000;
const state = {
  connected: false,
  sessionId: null,
  audioDeltas: 0,
  audioMsReceived: 0,
  truncations: [],
  errors: [],
  events: [],
};
window.talkState = state;

const $ = (id) => document.getElementById(id);
const ui = { start: $("start"), stop: $("stop"), status: $("status"), list: $("transcript"), meter: $("meter") };
let socket = null;
let context = null;
let player = null;
let micStream = null;

function setStatus(text, isError = false) {
  ui.status.textContent = text;
  ui.status.classList.toggle("error", isError);
}

// Read once, then taken out of the address bar so the secret is not left in view or history.
const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ""));
if (window.location.hash) {
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
}

function fragmentParams() {
  return fragment;
}

async function clientSecret() {
  const params = fragmentParams();
  const fromFragment = params.get("client_secret");
  if (fromFragment) return fromFragment;
  const endpoint = params.get("secret_endpoint") || document.documentElement.dataset.secretEndpoint;
  if (!endpoint) throw new Error("No client secret: open this page with #client_secret=ek_...");
  const url = new URL(endpoint, window.location.href);
  if (url.origin !== window.location.origin) throw new Error("The secret endpoint must be same-origin.");
  const response = await fetch(url, { method: "POST", credentials: "same-origin" });
  if (!response.ok) throw new Error(`The secret endpoint answered ${response.status}.`);
  const body = await response.json();
  return body.value;
}

function realtimeUrl() {
  const custom = fragmentParams().get("realtime_url");
  const url = new URL(custom || "/v1/realtime", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

function base64FromBuffer(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function bufferFromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function send(event) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(event));
}

function bubble(itemId, role) {
  let item = ui.list.querySelector(`li[data-item-id="${CSS.escape(itemId)}"]`);
  if (!item) {
    item = document.createElement("li");
    item.dataset.itemId = itemId;
    item.dataset.role = role;
    item.dataset.final = "false";
    ui.list.appendChild(item);
  }
  return item;
}

function onServerEvent(event) {
  state.events.push(event.type);
  switch (event.type) {
    case "session.created":
      state.sessionId = event.session.id;
      send({
        type: "session.update",
        session: {
          type: "realtime",
          audio: {
            input: {
              format: { type: "audio/pcm", rate: RATE_HZ },
              turn_detection: { type: "server_vad" },
              transcription: { model: "whisper-1" },
            },
            output: { format: { type: "audio/pcm", rate: RATE_HZ } },
          },
        },
      });
      setStatus("Connected: say something.");
      break;
    case "input_audio_buffer.speech_started":
      bubble(event.item_id, "user").textContent = "…";
      player.port.postMessage({ type: "clear" });
      break;
    case "conversation.item.input_audio_transcription.completed": {
      const item = bubble(event.item_id, "user");
      item.textContent = event.transcript;
      item.dataset.final = "true";
      break;
    }
    case "response.output_audio.delta": {
      const pcm = bufferFromBase64(event.delta);
      state.audioDeltas += 1;
      state.audioMsReceived += pcm.byteLength / 2 / (RATE_HZ / 1000);
      player.port.postMessage({ type: "audio", itemId: event.item_id, pcm }, [pcm]);
      break;
    }
    case "response.output_audio_transcript.delta":
      bubble(event.item_id, "assistant").textContent += event.delta;
      break;
    case "response.output_audio_transcript.done": {
      const item = bubble(event.item_id, "assistant");
      item.textContent = event.transcript;
      item.dataset.final = "true";
      break;
    }
    case "conversation.item.truncated":
      bubble(event.item_id, "assistant").dataset.interrupted = "true";
      break;
    case "error":
      state.errors.push(event.error);
      setStatus(`Error: ${event.error.message}`, true);
      break;
    default:
      break;
  }
}

function onPlayerMessage(message) {
  if (message.type === "cleared" && message.itemId) {
    const audioEndMs = Math.floor(message.playedFrames / (RATE_HZ / 1000));
    state.truncations.push({ itemId: message.itemId, audioEndMs });
    send({ type: "conversation.item.truncate", item_id: message.itemId, content_index: 0, audio_end_ms: audioEndMs });
  } else if (message.type === "started") {
    setStatus("Agent speaking…");
  } else if (message.type === "drained" && state.connected) {
    setStatus("Listening…");
  }
}

async function start() {
  ui.start.disabled = true;
  try {
    setStatus("Getting a session…");
    const secret = await clientSecret();
    micStream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
    context = new AudioContext({ sampleRate: RATE_HZ });
    await context.audioWorklet.addModule(new URL("pcm-worklet.js", import.meta.url));
    player = new AudioWorkletNode(context, "pcm-player", { numberOfInputs: 0, outputChannelCount: [1] });
    player.port.onmessage = (event) => onPlayerMessage(event.data);
    player.connect(context.destination);
    const capture = new AudioWorkletNode(context, "pcm-capture", { numberOfOutputs: 0 });
    context.createMediaStreamSource(micStream).connect(capture);
    capture.port.onmessage = (event) => {
      ui.meter.style.width = `${Math.min(100, event.data.level * 400)}%`;
      send({ type: "input_audio_buffer.append", audio: base64FromBuffer(event.data.pcm) });
    };
    socket = new WebSocket(realtimeUrl(), ["realtime", `openai-insecure-api-key.${secret}`]);
    socket.onopen = () => { state.connected = true; ui.stop.disabled = false; };
    socket.onmessage = (message) => onServerEvent(JSON.parse(message.data));
    socket.onclose = (close) => {
      state.connected = false;
      setStatus(close.code === 1000 ? "Call ended." : `Disconnected (${close.code}).`, close.code !== 1000);
      stop();
    };
    await context.resume();
  } catch (problem) {
    setStatus(String(problem.message || problem), true);
    state.errors.push({ message: String(problem) });
    stop();
  }
}

function stop() {
  if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000);
  if (micStream) micStream.getTracks().forEach((track) => track.stop());
  if (context && context.state !== "closed") context.close();
  socket = null;
  micStream = null;
  context = null;
  ui.start.disabled = false;
  ui.stop.disabled = true;
}

ui.start.addEventListener("click", start);
ui.stop.addEventListener("click", stop);
if (fragmentParams().get("autostart") === "1") start();
