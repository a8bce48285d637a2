"""Speech benchmark: STT and TTS speed and quality, measured over real sockets on this machine.

Run: `uv run python tools/bench/speech.py [--device auto|cpu|cuda] [--quick]`. It starts the STT
and TTS services as subprocesses on ephemeral ports, writes `.bench/speech.json` and prints a
markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from speech_services import cuda_library_path, service
from websockets.asyncio.client import connect

from switchboard_common.audio import read_wav
from switchboard_stt.quality import PHONE_AGENT_SENTENCES, word_error_rate

ROOT = Path(__file__).resolve().parents[2]
CLIP = ROOT / "services/stt/tests/fixtures/move_appointment_16k.wav"
SHORT_SENTENCE = "Sure, one moment please."
LONG_SENTENCE = (
    "Thanks for calling the clinic, this is the virtual assistant, and I can book, move or "
    "cancel an appointment, answer questions about our opening hours, or put you through to "
    "someone at the front desk."
)
FRAME_MS = 20


def percentiles_ms(values_s: list[float]) -> dict[str, float]:
    data = np.asarray(values_s) * 1000
    return {
        "p50_ms": round(float(np.percentile(data, 50)), 1),
        "p95_ms": round(float(np.percentile(data, 95)), 1),
        "n": len(values_s),
    }


async def tts_first_audio(client: httpx.AsyncClient, text: str) -> tuple[float, float, int]:
    """(time to first byte, total time, audio bytes) for one mu-law request."""
    started = time.perf_counter()
    first = 0.0
    size = 0
    body = {"input": text, "response_format": "mulaw"}
    async with client.stream("POST", "/v1/audio/speech", json=body) as response:
        response.raise_for_status()
        async for chunk in response.aiter_raw():
            if not size:
                first = time.perf_counter() - started
            size += len(chunk)
    return first, time.perf_counter() - started, size


async def concurrent(
    clients: int, seconds: float, job: Callable[[], Awaitable[float]]
) -> dict[str, float]:
    """Runs `job` (returning audio seconds handled) in `clients` loops for about `seconds`."""
    deadline = time.perf_counter() + seconds
    done: list[float] = []

    async def loop() -> None:
        while time.perf_counter() < deadline:
            done.append(await job())

    started = time.perf_counter()
    await asyncio.gather(*(loop() for _ in range(clients)))
    wall_s = time.perf_counter() - started
    return {
        "clients": clients,
        "requests_per_s": round(len(done) / wall_s, 2),
        "audio_s_per_s": round(sum(done) / wall_s, 2),
    }


async def bench_tts(url: str, runs: int, load_s: float) -> tuple[dict[str, Any], list[bytes]]:
    results: dict[str, Any] = {}
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        voices = (await client.get("/v1/voices")).json()
        results["voice"] = voices["default_voice"]
        await tts_first_audio(client, "Warm up.")
        for name, text in (("short", SHORT_SENTENCE), ("long", LONG_SENTENCE)):
            runs_data = [await tts_first_audio(client, text) for _ in range(runs)]
            results[f"ttfa_{name}"] = percentiles_ms([r[0] for r in runs_data])
            audio_s = runs_data[0][2] / 8000
            results[f"rtf_{name}"] = round(float(np.median([r[1] for r in runs_data])) / audio_s, 3)
        telephone = [
            (
                await client.post("/v1/audio/speech", json={"input": s, "response_format": "mulaw"})
            ).content
            for s in PHONE_AGENT_SENTENCES
        ]

        async def one() -> float:
            return (await tts_first_audio(client, LONG_SENTENCE))[2] / 8000

        results["throughput"] = await concurrent(4, load_s, one)
    return results, telephone


async def transcribe(client: httpx.AsyncClient, mulaw: bytes) -> dict[str, Any]:
    response = await client.post(
        "/v1/audio/transcriptions",
        params={"encoding": "mulaw", "sample_rate_hz": 8000, "language": "en"},
        content=mulaw,
        headers={"content-type": "application/octet-stream"},
    )
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


async def ws_final_latency(url: str, pcm: np.ndarray[Any, Any], partial_interval_ms: int) -> float:
    """Streams the clip in real time (20 ms frames), then times finalize -> final."""
    frame = 16_000 * FRAME_MS // 1000
    start = {"type": "start", "sample_rate_hz": 16000, "encoding": "pcm16"}
    async with connect(url.replace("http", "ws") + "/v1/stream", max_size=1 << 20) as ws:
        await ws.send(json.dumps({**start, "partial_interval_ms": partial_interval_ms}))
        assert json.loads(await ws.recv())["type"] == "ready"
        next_send = time.perf_counter()
        for i in range(0, pcm.size, frame):
            await ws.send(pcm[i : i + frame].tobytes())
            next_send += FRAME_MS / 1000
            await asyncio.sleep(max(0.0, next_send - time.perf_counter()))
        started = time.perf_counter()
        await ws.send(json.dumps({"type": "finalize"}))
        while json.loads(await ws.recv())["type"] != "final":
            pass
        latency = time.perf_counter() - started
        await ws.send(json.dumps({"type": "close"}))
    return latency


async def raw_latency(client: httpx.AsyncClient, pcm: np.ndarray[Any, Any]) -> float:
    """Client time for one raw 16 kHz PCM16 request (the runtime's speculative path)."""
    started = time.perf_counter()
    response = await client.post(
        "/v1/audio/transcriptions",
        params={"encoding": "pcm16", "sample_rate_hz": 16000},
        content=pcm.tobytes(),
        headers={"content-type": "application/octet-stream"},
    )
    response.raise_for_status()
    return time.perf_counter() - started


async def bench_stt(
    url: str, telephone: list[bytes], runs: int, load_s: float, full: bool
) -> dict[str, Any]:
    results: dict[str, Any] = {}
    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        await transcribe(client, telephone[0])
        heard = [await transcribe(client, clip) for clip in telephone]
        results["wer"] = round(
            word_error_rate(zip(PHONE_AGENT_SENTENCES, (h["text"] for h in heard), strict=True)), 4
        )
        audio_ms = sum(h["duration_ms"] for h in heard)
        results["rtf"] = round(sum(h["processing_ms"] for h in heard) / audio_ms, 3)
        results["batch_latency"] = percentiles_ms([h["processing_ms"] / 1000 for h in heard])
        if not full:
            return results
        pcm, _, _ = read_wav(CLIP)
        results["raw_pcm16_3s"] = percentiles_ms(
            [await raw_latency(client, pcm) for _ in range(runs)]
        )
        for key, interval_ms in (("ws_final_3s_partials_1s", 1000), ("ws_final_3s_no_partials", 0)):
            latencies = [await ws_final_latency(url, pcm, interval_ms) for _ in range(runs)]
            results[key] = percentiles_ms(latencies)
        cycle = iter(range(10**9))

        async def one() -> float:
            body = await transcribe(client, telephone[next(cycle) % len(telephone)])
            return float(body["duration_ms"]) / 1000

        results["throughput"] = await concurrent(4, load_s, one)
    return results


STT_ROWS = (
    ("raw_pcm16_3s", "raw 16 kHz PCM16 POST, 3 s clip (p50 / p95)", "pp"),
    ("ws_final_3s_partials_1s", "finalize -> final, 3 s utterance, partials every 1 s", "pp"),
    ("ws_final_3s_no_partials", "finalize -> final, 3 s utterance, no partials", "pp"),
    ("throughput", "throughput, 4 clients (req/s, audio s/s)", "tp"),
)


def table(report: dict[str, Any]) -> str:
    tts, stt = report["tts"], report["stt"]
    rows = [
        ("TTS time to first audio, short sentence (p50 / p95)", _pp(tts["ttfa_short"])),
        ("TTS time to first audio, long sentence (p50 / p95)", _pp(tts["ttfa_long"])),
        ("TTS real-time factor (long sentence)", str(tts["rtf_long"])),
        ("TTS throughput, 4 clients (req/s, audio s/s)", _tp(tts["throughput"])),
    ]
    for model, data in stt.items():
        count = len(PHONE_AGENT_SENTENCES)
        rows.append((f"STT {model}: WER, {count} telephone sentences", f"{data['wer']:.1%}"))
        rows.append((f"STT {model}: real-time factor (8 kHz mu-law clips)", str(data["rtf"])))
        for key, label, kind in STT_ROWS:
            if key in data:
                value = _pp(data[key]) if kind == "pp" else _tp(data[key])
                rows.append((f"STT {model}: {label}", value))
    lines = [
        f"Speech benchmark on {report['machine']} (device {report['device']})",
        "",
        "| measure | value |",
        "|---|---|",
    ]
    lines += [f"| {name} | {value} |" for name, value in rows]
    return "\n".join(lines)


def _pp(p: dict[str, float]) -> str:
    return f"{p['p50_ms']:.0f} ms / {p['p95_ms']:.0f} ms (n={p['n']})"


def _tp(t: dict[str, float]) -> str:
    return f"{t['requests_per_s']} / {t['audio_s_per_s']}"


async def main(device: str, quick: bool) -> dict[str, Any]:
    runs, load_s = (5, 8.0) if quick else (20, 20.0)
    cache_dir = str(ROOT / ".cache" / "stt")
    report: dict[str, Any] = {
        "machine": f"{platform.node()} ({os.cpu_count()} CPUs, Python {platform.python_version()})",
        "device": device,
        "quick": quick,
        "stt": {},
    }
    async with service("tts", {"TTS_CACHE_MEMORY_BYTES": "0", "TTS_REDIS_URL": ""}) as url:
        report["tts"], telephone = await bench_tts(url, runs, load_s)
    for model in ("tiny.en", "base"):
        env = {"STT_MODEL": model, "STT_DEVICE": device, "STT_CACHE_DIR": cache_dir}
        if device == "cuda":
            env["LD_LIBRARY_PATH"] = cuda_library_path()
        async with service("stt", env) as url:
            report["stt"][model] = await bench_stt(
                url, telephone, runs, load_s, full=model == "tiny.en" or not quick
            )
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    parser.add_argument("--quick", action="store_true", help="fewer runs, shorter load phases")
    args = parser.parse_args()
    result = asyncio.run(main(args.device, args.quick))
    out = ROOT / ".bench" / "speech.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(table(result))
    print(f"\nJSON: {out.relative_to(ROOT)}")
