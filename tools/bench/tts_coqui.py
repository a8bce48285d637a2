"""The Coqui engine's time to first audio and real-time factor, float32 and float16, per model.

Run on a node with the model folders (and a GPU for float16):
    uv run python tools/bench/tts_coqui.py --model-dir /models/my-vits --model-dir /models/xtts_v2
`--tiny` builds the test-sized VITS and XTTS models instead (random weights: it checks the script,
its figures mean nothing). The engine runs in process, as the TTS service's workers call it: for
each model's first voice and each precision the device allows, a short and a long sentence are
synthesized `--runs` times after one warm-up; first audio is the first chunk the engine yields,
real-time factor is synthesis time over audio time. Prints a markdown table with the device's name
and writes `.bench/tts_coqui.json`.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch

from switchboard_tts.engines.coqui import CoquiEngine
from switchboard_tts.settings import Settings
from switchboard_tts.testing.coqui_models import build_tiny_vits, build_tiny_xtts

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = {
    "short": "Sure, I can help you.",
    "long": "Thanks for calling the clinic, I can book, move or cancel an appointment for you.",
}


def measure(engine: CoquiEngine, voice: str, text: str, runs: int) -> dict[str, float]:
    """Median first-chunk latency (ms) and real-time factor of `runs` syntheses of `text`."""
    first_ms: list[float] = []
    factors: list[float] = []
    rate_hz = next(v.sample_rate_hz for v in engine.voices() if v.name == voice)
    for _ in range(runs):
        started = time.perf_counter()
        samples = 0
        for index, chunk in enumerate(engine.synthesize(text, voice, speed=1.0)):
            if index == 0:
                first_ms.append((time.perf_counter() - started) * 1000)
            samples += chunk.pcm.size
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        factors.append((time.perf_counter() - started) / max(samples / rate_hz, 1e-9))
    return {
        "first_audio_ms_p50": float(np.median(first_ms)),
        "real_time_factor_p50": float(np.median(factors)),
    }


def run(model_dirs: list[Path], device: str, runs: int) -> list[dict[str, Any]]:
    dtypes = (
        ["float32", "float16"] if device != "cpu" and torch.cuda.is_available() else ["float32"]
    )
    rows: list[dict[str, Any]] = []
    for dtype in dtypes:
        settings = Settings(
            engines=["coqui"],
            coqui_model_dirs=model_dirs,
            coqui_device=device,
            coqui_dtype=dtype,
        )
        loading = time.perf_counter()
        engine = CoquiEngine.from_settings(settings)
        load_s = time.perf_counter() - loading
        try:
            voices: dict[str, str] = {}  # each model's first voice
            for info in engine.voices():
                voices.setdefault(info.name.partition("/")[0], info.name)
            for voice in voices.values():
                list(engine.synthesize("Hello.", voice, speed=1.0))  # warm-up
                for size, text in SENTENCES.items():
                    figures = measure(engine, voice, text, runs)
                    row = {"voice": voice, "dtype": dtype, "sentence": size, "load_s": load_s}
                    rows.append(row | {"device": engine.placement.device} | figures)
        finally:
            engine.close()
    return rows


def device_name() -> str:
    if torch.cuda.is_available():
        return torch.cuda.get_device_name(0)
    return f"CPU ({platform.processor() or platform.machine()}, {torch.get_num_threads()} threads)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, action="append", default=[])
    parser.add_argument("--tiny", action="store_true", help="build test-sized models (no figures)")
    parser.add_argument("--device", choices=["auto", "cuda", "cpu"], default="auto")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        model_dirs: list[Path] = args.model_dir
        if args.tiny:
            model_dirs = [build_tiny_vits(Path(scratch, "tiny-vits"))]
            model_dirs.append(build_tiny_xtts(Path(scratch, "tiny-xtts")))
        if not model_dirs:
            parser.error("name a --model-dir, or --tiny")
        rows = run(model_dirs, args.device, args.runs)
    name = device_name()
    print(f"Coqui engine on {name}, torch {torch.__version__}, {args.runs} runs each (p50)")
    print("| voice | device | dtype | sentence | first audio ms | real-time factor |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['voice']} | {row['device']} | {row['dtype']} | {row['sentence']} "
            f"| {row['first_audio_ms_p50']:.0f} | {row['real_time_factor_p50']:.3f} |"
        )
    out = ROOT / ".bench" / "tts_coqui.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"device": name, "tiny": args.tiny, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
