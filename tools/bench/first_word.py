"""First-word benchmark: does STT keep a caller's first word after a silent lead-in?

Run: `uv run python tools/bench/first_word.py [--quick] [--model tiny.en]`. Caller phrases
(`CALLER_OPENINGS`) are spoken by the bundled Piper voice at four speeds and three noise settings,
carried over the telephone path (8 kHz mu-law, as the runtime sends them), and preceded by
200 ms or 300 ms of silence or 250 ms of line noise (what the runtime's VAD pre-roll adds). Each
clip is transcribed in process with every decoding setting below: greedy and beam search
(beam 2, 3, 5), the fitted short window and Whisper's full 30 s one, with and without trimming
the lead-in, with the onset intact or clipped. It prints, per setting, how many first words were
kept, the WER, and the transcription time (p50, p95 on this machine), and writes
`.bench/first_word.json`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from piper import SynthesisConfig

from switchboard_common.audio import mulaw_decode, mulaw_encode, resample
from switchboard_stt.audio_input import pcm16_to_samples
from switchboard_stt.lead_in import trim_lead_in
from switchboard_stt.quality import CALLER_OPENINGS, first_word_kept, word_error_rate
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import (
    Samples,
    TranscriptionOptions,
    WhisperSpeechToText,
)
from switchboard_tts.engines.piper import bundled_voice_files, load_voice

ROOT = Path(__file__).resolve().parents[2]
PHONE_RATE_HZ = 8_000
VOICINGS = ((0.85, 0.667), (1.0, 0.333), (1.2, 0.667), (1.0, 0.0), (1.25, 0.0))
"""(speed, Piper noise_scale) pairs: slow, plain and fast speech with more or less variation;
noise 0 (also noise_w 0) is Piper without sampling noise, the same audio on every run."""
LEAD_INS = (("silence", 200), ("silence", 300), ("line_noise", 250))
ONSETS = ("intact", "clipped")
"""intact: the speech from its first sample; clipped: from its first frame above -40 dBFS, as
the call simulator's old energy trim sent it (and as a weak real onset reaches the VAD)."""
TRAIL_MS = 300
SETTINGS = tuple(
    (window, trim, beam)
    for window, beams in (("fitted", (1, 2, 3, 5)), ("full", (1, 3)))
    for trim in (False, True)
    for beam in beams
)
"""(window, trim lead-in, beam size) of every setting measured."""


@dataclass(frozen=True, slots=True)
class Clip:
    text: str
    speed: float
    noise_scale: float
    lead_in: str
    lead_in_ms: int
    onset: str
    samples: Samples


def telephone_clip(
    pcm: np.ndarray[Any, Any], rate_hz: int, lead_in: str, lead_in_ms: int, onset: str
) -> Samples:
    """Piper audio over the phone: 8 kHz mu-law, its own leading silence replaced by the lead-in."""
    at_8k = mulaw_decode(mulaw_encode(resample(pcm.astype(np.int16), rate_hz, PHONE_RATE_HZ)))
    voiced = np.flatnonzero(np.abs(at_8k.astype(np.int32)) > 64)
    speech = at_8k[voiced[0] :] if voiced.size else at_8k
    if onset == "clipped":
        frames = speech[: speech.size - speech.size % 160].reshape(-1, 160).astype(np.float64)
        loud = np.flatnonzero(np.sqrt(np.mean(frames * frames, axis=1)) > 300)
        speech = speech[int(loud[0]) * 160 :] if loud.size else speech
    rng = np.random.default_rng(len(speech))
    lead = np.zeros(PHONE_RATE_HZ * lead_in_ms // 1000, dtype=np.int16)
    if lead_in == "line_noise":
        lead = (rng.normal(0, 40, lead.size)).astype(np.int16)  # about -58 dBFS
    tail = np.zeros(PHONE_RATE_HZ * TRAIL_MS // 1000, dtype=np.int16)
    return pcm16_to_samples(np.concatenate([lead, speech, tail]).astype(np.int16), PHONE_RATE_HZ)


def make_clips(phrases: tuple[str, ...], onsets: tuple[str, ...] = ONSETS) -> list[Clip]:
    voice, _ = load_voice(bundled_voice_files(), use_cuda=False)
    clips: list[Clip] = []
    for text, (speed, noise) in itertools.product(phrases, VOICINGS):
        config = SynthesisConfig(
            length_scale=(voice.config.length_scale or 1.0) / speed,
            noise_scale=noise,
            noise_w_scale=None if noise else 0.0,
        )
        chunks = list(voice.synthesize(text, syn_config=config))
        pcm = np.concatenate([c.audio_int16_array for c in chunks])
        for (lead_in, lead_ms), onset in itertools.product(LEAD_INS, onsets):
            samples = telephone_clip(pcm, chunks[0].sample_rate, lead_in, lead_ms, onset)
            clips.append(Clip(text, speed, noise, lead_in, lead_ms, onset, samples))
    return clips


def measure(
    stt: WhisperSpeechToText, clips: list[Clip], beam: int, window: str, trim: bool
) -> dict[str, Any]:
    settings = Settings(model=stt.name, device="cpu", beam_size=beam, trim_lead_in=False)
    model = stt.with_settings(settings)
    options = TranscriptionOptions(language="en", fitted_window=window == "fitted")
    kept = 0
    pairs: list[tuple[str, str]] = []
    times_s: list[float] = []
    dropped: list[str] = []
    for clip in clips:
        started = time.perf_counter()
        audio = trim_lead_in(clip.samples) if trim else clip.samples
        text = model.transcribe(audio, options).text
        times_s.append(time.perf_counter() - started)
        pairs.append((clip.text, text))
        if first_word_kept(clip.text, text):
            kept += 1
        else:
            dropped.append(
                f"{clip.text!r} x{clip.speed} {clip.lead_in}{clip.lead_in_ms} {clip.onset}"
                f" -> {text!r}"
            )
    ms = np.asarray(times_s) * 1000
    by_onset = {
        onset: sum(
            1
            for clip, (_, heard) in zip(clips, pairs, strict=True)
            if clip.onset == onset and first_word_kept(clip.text, heard)
        )
        for onset in sorted({clip.onset for clip in clips})
    }
    return {
        "kept_by_onset": by_onset,
        "beam_size": beam,
        "window": window,
        "trim_lead_in": trim,
        "first_words_kept": kept,
        "clips": len(clips),
        "wer": round(word_error_rate(pairs), 4),
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "dropped": dropped,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--quick", action="store_true", help="6 phrases, greedy and beam 3 only")
    parser.add_argument("--onsets", default=",".join(ONSETS), help="intact, clipped or both")
    parser.add_argument("--settings", default="", help="window:trim|keep:beam,... (default: all)")
    args = parser.parse_args()
    phrases = CALLER_OPENINGS[:6] if args.quick else CALLER_OPENINGS
    settings = [s for s in SETTINGS if not args.quick or s[2] in (1, 3)]
    if args.settings:
        wanted = {tuple(item.split(":")) for item in args.settings.split(",")}
        settings = [s for s in settings if (s[0], "trim" if s[1] else "keep", str(s[2])) in wanted]
    clips = make_clips(phrases, tuple(args.onsets.split(",")))
    stt = WhisperSpeechToText.load(Settings(model=args.model, device="cpu"))
    stt.transcribe(clips[0].samples, TranscriptionOptions(language="en"))  # warm-up
    print(f"{len(clips)} clips, model {args.model}, {os.cpu_count()} CPUs ({platform.machine()})")
    print("| window | trim | beam | first words kept | by onset | WER | p50 ms | p95 ms | added |")
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    rows: list[dict[str, Any]] = []
    for window, trim, beam in settings:
        r = measure(stt, clips, beam, window, trim)
        rows.append(r)
        added_ms = r["p50_ms"] - rows[0]["p50_ms"]
        print(
            f"| {window} | {'yes' if trim else 'no'} | {beam} "
            f"| {r['first_words_kept']}/{r['clips']} | {r['kept_by_onset']} "
            f"| {r['wer']:.3f} | {r['p50_ms']} "
            f"| {r['p95_ms']} | {added_ms:+.1f} |",
            flush=True,
        )
    out = ROOT / ".bench" / "first_word.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"model": args.model, "rows": rows}, indent=2))
    print(f"written: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
