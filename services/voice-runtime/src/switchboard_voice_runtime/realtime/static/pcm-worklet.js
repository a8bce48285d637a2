// AudioWorklet processors of the talk page (run on the audio thread, no imports).
// "pcm-capture": microphone Float32 -> PCM16 little-endian chunks of CHUNK_FRAMES frames at the
//   context's rate (the page makes the context 24 kHz), posted as transferable ArrayBuffers,
//   with the chunk's RMS level for the meter.
// "pcm-player": plays queued PCM16 chunks as they stream, counts the frames played of each item
//   and, on {type: "clear"}, drops what is queued and answers {type: "cleared", itemId, playedFrames}
//   (what the listener heard of the item that was playing: the truncate's audio_end_ms).

const CHUNK_FRAMES = 960; // 40 ms at 24 kHz

class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.buffer = new Int16Array(CHUNK_FRAMES);
    this.filled = 0;
    this.sumSquares = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    for (let i = 0; i < channel.length; i++) {
      const sample = Math.max(-1, Math.min(1, channel[i]));
      this.buffer[this.filled++] = sample < 0 ? sample * 0x8000 : sample * 0x7fff;
      this.sumSquares += sample * sample;
      if (this.filled === CHUNK_FRAMES) {
        const level = Math.sqrt(this.sumSquares / CHUNK_FRAMES);
        this.port.postMessage({ type: "chunk", pcm: this.buffer.buffer, level }, [this.buffer.buffer]);
        this.buffer = new Int16Array(CHUNK_FRAMES);
        this.filled = 0;
        this.sumSquares = 0;
      }
    }
    return true;
  }
}

class PcmPlayer extends AudioWorkletProcessor {
  constructor() {
    super();
    this.queue = []; // {itemId, samples: Int16Array, offset}
    this.played = new Map(); // itemId -> frames played
    this.playing = false;
    this.port.onmessage = (event) => this.onMessage(event.data);
  }

  onMessage(message) {
    if (message.type === "audio") {
      this.queue.push({ itemId: message.itemId, samples: new Int16Array(message.pcm), offset: 0 });
    } else if (message.type === "clear") {
      const current = this.queue[0];
      const itemId = current ? current.itemId : null;
      this.queue = [];
      this.port.postMessage({
        type: "cleared",
        itemId,
        playedFrames: itemId ? this.played.get(itemId) || 0 : 0,
      });
    }
  }

  process(_inputs, outputs) {
    const out = outputs[0][0];
    let written = 0;
    while (written < out.length && this.queue.length > 0) {
      const head = this.queue[0];
      const n = Math.min(out.length - written, head.samples.length - head.offset);
      for (let i = 0; i < n; i++) out[written + i] = head.samples[head.offset + i] / 0x8000;
      head.offset += n;
      written += n;
      this.played.set(head.itemId, (this.played.get(head.itemId) || 0) + n);
      if (head.offset >= head.samples.length) this.queue.shift();
    }
    out.fill(0, written);
    const playing = this.queue.length > 0;
    if (playing !== this.playing) {
      this.playing = playing;
      this.port.postMessage({ type: playing ? "started" : "drained" });
    }
    return true;
  }
}

registerProcessor("pcm-capture", PcmCapture);
registerProcessor("pcm-player", PcmPlayer);
