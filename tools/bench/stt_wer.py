"""Word error rate of STT on telephone audio of business calls, with and without vocabulary.

Run: `uv run python tools/bench/stt_wer.py [--models tiny.en,base] [--quick]`. The 44 caller
utterances of `stt_wer_set.py` (names, times, numbers, services of four businesses) are spoken by
the bundled Piper voice and, when `espeak-ng` is installed (Debian package), by two espeak-ng
voices; carried over the telephone path (8 kHz G.711 mu-law), with the runtime's 200 ms VAD
pre-roll before the speech and its 500 ms end-of-turn silence after it, and transcribed in
process exactly as the STT service does for the runtime (fitted window, service defaults), once
bare and once with the business's vocabulary as the prompt. It prints WER (jiwer, on normalized
words) per model, voice and biasing, the transcription time (p50, p95; the transcript's latency
after the end of turn, less HTTP) and its CPU time (the process's, which other jobs on a shared
machine do not inflate as they do wall time), and writes `.bench/stt_wer.json`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jiwer
import numpy as np
from stt_wer_set import BUSINESSES

from switchboard_common.audio import mulaw_decode, mulaw_encode, read_wav, resample
from switchboard_common.contract.vocabulary import prompt_from_terms
from switchboard_stt.audio_input import pcm16_to_samples
from switchboard_stt.quality import normalize_words
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import Samples, TranscriptionOptions, WhisperSpeechToText
from switchboard_tts.engines.piper import bundled_voice_files, load_voice

ROOT = Path(__file__).resolve().parents[2]
PHONE_RATE_HZ = 8_000
LEAD_IN_MS = 200
"""The runtime's VAD pre-roll (10 frames of 20 ms) before the first voiced frame."""
TRAIL_MS = 500
"""The default end-of-turn silence, which the runtime's turn audio ends with."""
ESPEAK_VOICES = ("en-us", "en-us+f3")
_NUMBERS = {
    word: str(value)
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "ninety": "90"}
_SPLIT_DIGITS = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")
_DIGIT_GROUPS = re.compile(r"(?<=\d) (?=\d)")


@dataclass(frozen=True, slots=True)
class Clip:
    text: str
    voice: str
    business: str
    prompt: str
    samples: Samples


def normalize(text: str) -> str:
    """Words as compared: normalize_words, then `dr` as `doctor`, number words as digits, and
    digit groups joined (`9:45`, `9 45` and `945`; `555-0142` and `5550142` are one number)."""
    words = normalize_words(_SPLIT_DIGITS.sub(" ", text.lower()))
    joined = " ".join(_NUMBERS.get(w, "doctor" if w == "dr" else w) for w in words)
    return _DIGIT_GROUPS.sub("", joined)


def telephone(pcm: np.ndarray[Any, Any], rate_hz: int) -> Samples:
    """Speech over the phone as the runtime hands it to STT: 8 kHz mu-law, its own silence
    replaced by the pre-roll and the end-of-turn silence, then 16 kHz."""
    at_8k = mulaw_decode(mulaw_encode(resample(pcm.astype(np.int16), rate_hz, PHONE_RATE_HZ)))
    voiced = np.flatnonzero(np.abs(at_8k.astype(np.int32)) > 64)
    speech = at_8k[voiced[0] : voiced[-1] + 1] if voiced.size else at_8k
    lead = np.zeros(PHONE_RATE_HZ * LEAD_IN_MS // 1000, dtype=np.int16)
    tail = np.zeros(PHONE_RATE_HZ * TRAIL_MS // 1000, dtype=np.int16)
    return pcm16_to_samples(np.concatenate([lead, speech, tail]).astype(np.int16), PHONE_RATE_HZ)


def espeak(text: str, voice: str) -> tuple[np.ndarray[Any, Any], int]:
    with tempfile.NamedTemporaryFile(suffix=".wav") as out:
        subprocess.run(  # noqa: S603 - fixed program, our own text
            ["espeak-ng", "-v", voice, "-s", "165", "-w", out.name, text],  # noqa: S607
            check=True,
            capture_output=True,
        )
        pcm, rate_hz, _ = read_wav(Path(out.name))
    return pcm, rate_hz


def make_clips(quick: bool) -> tuple[list[Clip], list[str]]:
    piper, _ = load_voice(bundled_voice_files(), use_cuda=False)
    voices = ["piper:en_US-joe-medium"]
    if shutil.which("espeak-ng"):
        voices += [f"espeak-ng:{v}" for v in (ESPEAK_VOICES[:1] if quick else ESPEAK_VOICES)]
    clips: list[Clip] = []
    for business, voice in itertools.product(BUSINESSES, voices):
        prompt = prompt_from_terms(business.vocabulary)
        for text in business.utterances[: 5 if quick else None]:
            if voice.startswith("piper:"):
                chunks = list(piper.synthesize(text))
                pcm = np.concatenate([c.audio_int16_array for c in chunks])
                rate_hz = chunks[0].sample_rate
            else:
                pcm, rate_hz = espeak(text, voice.split(":", 1)[1])
            clips.append(Clip(text, voice, business.name, prompt, telephone(pcm, rate_hz)))
    return clips, voices


def measure(stt: WhisperSpeechToText, clips: list[Clip], biased: bool) -> dict[str, Any]:
    refs: list[str] = []
    hyps: list[str] = []
    times_ms: list[float] = []
    cpu_ms: list[float] = []
    misses: list[str] = []
    for clip in clips:
        options = TranscriptionOptions(
            language="en", fitted_window=True, prompt=clip.prompt if biased else None
        )
        started, cpu_started = time.perf_counter(), time.process_time()
        heard = stt.transcribe(clip.samples, options).text
        times_ms.append((time.perf_counter() - started) * 1000)
        cpu_ms.append((time.process_time() - cpu_started) * 1000)
        refs.append(normalize(clip.text))
        hyps.append(normalize(heard) or "<empty>")
        if refs[-1] != hyps[-1]:
            misses.append(f"[{clip.voice}] {clip.text!r} -> {heard!r}")
    by_voice = {
        voice: round(
            jiwer.wer(
                [r for r, c in zip(refs, clips, strict=True) if c.voice == voice],
                [h for h, c in zip(hyps, clips, strict=True) if c.voice == voice],
            ),
            4,
        )
        for voice in dict.fromkeys(c.voice for c in clips)
    }
    return {
        "model": stt.name,
        "biasing": "vocabulary" if biased else "none",
        "wer": round(jiwer.wer(refs, hyps), 4),
        "wer_by_voice": by_voice,
        "p50_ms": round(float(np.percentile(times_ms, 50)), 1),
        "p95_ms": round(float(np.percentile(times_ms, 95)), 1),
        "mean_ms": round(float(np.mean(times_ms)), 1),
        "cpu_p50_ms": round(float(np.percentile(cpu_ms, 50)), 1),
        "cpu_mean_ms": round(float(np.mean(cpu_ms)), 1),
        "misses": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="tiny.en,base")
    parser.add_argument("--device", default="cpu", choices=("auto", "cpu", "cuda"))
    parser.add_argument("--prompt-max-tokens", type=int, default=Settings().prompt_max_tokens)
    parser.add_argument("--quick", action="store_true", help="5 utterances a business, 2 voices")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    clips, voices = make_clips(args.quick)
    print(
        f"{len(clips)} clips ({len(clips) // len(voices)} utterances x {len(voices)} voices: "
        f"{', '.join(voices)}), {os.cpu_count()} CPUs ({platform.machine()}), "
        f"load {os.getloadavg()[0]:.1f}, prompt cap {args.prompt_max_tokens} tokens"
    )
    print(
        "| model | biasing | WER | WER by voice | p50 ms | p95 ms | added p50 ms "
        "| CPU p50 ms | added CPU mean ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    rows: list[dict[str, Any]] = []
    for spec in args.models.split(","):
        settings = Settings(
            model=spec, device=args.device, prompt_max_tokens=args.prompt_max_tokens
        )
        stt = WhisperSpeechToText.load(settings)
        stt.transcribe(clips[0].samples, TranscriptionOptions(language="en"))  # warm-up
        for biased in (False, True):
            row = measure(stt, clips, biased)
            rows.append(row)
            added = row["p50_ms"] - rows[-2]["p50_ms"] if biased else 0.0
            added_cpu = row["cpu_mean_ms"] - rows[-2]["cpu_mean_ms"] if biased else 0.0
            voices_wer = ", ".join(
                f"{v.split(':')[-1]} {w:.3f}" for v, w in row["wer_by_voice"].items()
            )
            print(
                f"| {spec} | {row['biasing']} | {row['wer']:.3f} | {voices_wer} "
                f"| {row['p50_ms']} | {row['p95_ms']} | {added:+.1f} "
                f"| {row['cpu_p50_ms']} | {added_cpu:+.1f} |",
                flush=True,
            )
            if args.show_misses:
                print("\n".join(f"    {m}" for m in row["misses"]))
    out = ROOT / ".bench" / "stt_wer.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"voices": voices, "clips": len(clips), "rows": rows}, indent=2))
    print(f"written: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
