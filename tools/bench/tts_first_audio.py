"""TTS first audio against sentence length: Piper's whole-sentence synthesis vs the chunked decoder.

Run: `uv run python tools/bench/tts_first_audio.py [--runs N]`. Starts the TTS service (phrase
cache off) once per configuration and times, over HTTP with mu-law output, the first audio byte
of a text whose first sentence has 5 words and of one whose first sentence has 25, plus the
real-time factor of the long text. The goal (issue 16): first audio for the 25-word sentence
within 1.3x that of the 5-word one. Configurations: before (`TTS_PIPER_CHUNKED_DECODER=false`)
and after (the default), each with the first sentence cut at `TTS_FIRST_CHUNK_MAX_CHARS` (40, the
default) and uncut (whole sentences, as Piper's prosody wants them). Writes
`.bench/tts_first_audio.json` and prints a markdown table. The four services run side by side and
are measured in turn, run after run, so a shared machine's changing load hits all alike.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from speech import percentiles_ms, tts_first_audio
from speech_services import service

ROOT = Path(__file__).resolve().parents[2]
SHORT = "Sure, I can help you. Is there anything else?"
LONG = (
    "Thanks for calling the clinic, I can book, move or cancel an appointment for you, or "
    "answer any questions you have about our opening hours. Is there anything else?"
)
GOAL_RATIO = 1.3
CONFIGS = (
    ("before: whole-sentence decoder, first sentence cut at 40 chars", "false", "40"),
    ("before: whole-sentence decoder, whole sentences", "false", "4096"),
    ("after: chunked decoder, first sentence cut at 40 chars", "true", "40"),
    ("after: chunked decoder, whole sentences", "true", "4096"),
)


@dataclass
class Samples:
    short: list[float] = field(default_factory=list)
    long: list[float] = field(default_factory=list)
    totals: list[float] = field(default_factory=list)
    audio_bytes: int = 0

    async def run_once(self, client: httpx.AsyncClient) -> None:
        self.short.append((await tts_first_audio(client, SHORT))[0])
        first_s, total_s, self.audio_bytes = await tts_first_audio(client, LONG)
        self.long.append(first_s)
        self.totals.append(total_s)

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "short": percentiles_ms(self.short),
            "long": percentiles_ms(self.long),
        }
        result["ratio"] = round(result["long"]["p50_ms"] / result["short"]["p50_ms"], 2)
        audio_s = self.audio_bytes / 8000
        result["rtf_long"] = round(float(np.median(self.totals)) / audio_s, 3)
        return result


async def main(runs: int) -> dict[str, Any]:
    """All configurations run side by side and are measured in turn, run after run, so a change
    in machine load (other work on a shared machine) hits every configuration alike."""
    report: dict[str, Any] = {
        "machine": f"{platform.node()} ({os.cpu_count()} CPUs, Python {platform.python_version()})",
        "load_before": [round(x, 2) for x in os.getloadavg()],
        "goal_ratio": GOAL_RATIO,
        "runs": runs,
    }
    async with AsyncExitStack() as stack:
        clients: list[httpx.AsyncClient] = []
        for _, chunked, cut_chars in CONFIGS:
            env = {
                "TTS_CACHE_MEMORY_BYTES": "0",
                "TTS_REDIS_URL": "",
                "TTS_PIPER_CHUNKED_DECODER": chunked,
                "TTS_FIRST_CHUNK_MAX_CHARS": cut_chars,
            }
            url = await stack.enter_async_context(service("tts", env))
            client = httpx.AsyncClient(base_url=url, timeout=120)
            clients.append(await stack.enter_async_context(client))
        samples = [Samples() for _ in CONFIGS]
        for client in clients:
            for text in (SHORT, LONG):
                await tts_first_audio(client, text)
        for _ in range(runs):
            for client, sample in zip(clients, samples, strict=True):
                await sample.run_once(client)
    report["configs"] = {
        name: sample.summary() for (name, _, _), sample in zip(CONFIGS, samples, strict=True)
    }
    report["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def table(report: dict[str, Any]) -> str:
    lines = [
        f"TTS first audio on {report['machine']}, load average {report['load_before'][0]} "
        f"before, {report['load_after'][0]} after",
        "",
        "| configuration | 5-word first sentence (p50 / p95) | 25-word (p50 / p95) | ratio "
        f"(goal <= {GOAL_RATIO}) | real-time factor, long text |",
        "|---|---|---|---|---|",
    ]
    for name, row in report["configs"].items():
        verdict = "met" if row["ratio"] <= GOAL_RATIO else "missed"
        lines.append(
            f"| {name} | {_pp(row['short'])} | {_pp(row['long'])} | {row['ratio']} ({verdict}) "
            f"| {row['rtf_long']} |"
        )
    return "\n".join(lines)


def _pp(p: dict[str, float]) -> str:
    return f"{p['p50_ms']:.0f} / {p['p95_ms']:.0f} ms"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="requests per sentence and config")
    args = parser.parse_args()
    result = asyncio.run(main(args.runs))
    out = ROOT / ".bench" / "tts_first_audio.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(table(result))
    print(f"\nJSON: {out.relative_to(ROOT)}")
