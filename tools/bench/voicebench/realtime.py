"""Part A3: voice-to-voice on the realtime path (WS /v1/realtime with the official openai SDK),
on the client's clock, beside the phone path's figures."""

from __future__ import annotations

import asyncio
import base64
import time
from typing import Any

import httpx
from openai import AsyncOpenAI
from openai.resources.realtime.realtime import AsyncRealtimeConnection

from switchboard_common.realtime_token import DEVELOPMENT_SIGNING_KEY, RealtimeSigner
from voicebench.figures import summary
from voicebench.stack import Service
from voicebench.tenant import AGENT_ID, CALLER_LINES, TENANT_ID

RATE_HZ = 24_000
CHUNK_MS = 40
TRAILING_SILENCE_MS = 1_500


async def _speech(tts_url: str, text: str) -> bytes:
    body = {"model": "piper", "input": text, "voice": "piper:en_US-joe-medium",
            "response_format": "pcm", "sample_rate_hz": RATE_HZ}  # fmt: skip
    async with httpx.AsyncClient(timeout=60) as http:
        response = await http.post(f"{tts_url}/v1/audio/speech", json=body)
    response.raise_for_status()
    return response.content


async def _until_done(conn: AsyncRealtimeConnection, first_audio: list[float]) -> None:
    """Reads to the next response.done, noting when its first audio delta came."""
    async for event in conn:
        if event.type == "response.output_audio.delta" and not first_audio:
            first_audio.append(time.monotonic())
        elif event.type == "response.done":
            return


async def _speak(conn: AsyncRealtimeConnection, audio: bytes) -> float:
    """Streams ``audio`` like a microphone (one 40 ms chunk per 40 ms), then silence; returns
    when the voice ended on the client's clock."""
    chunk = RATE_HZ * 2 * CHUNK_MS // 1000
    silence = bytes(RATE_HZ * 2 * TRAILING_SILENCE_MS // 1000)
    start = time.monotonic()
    voice_end = start + len(audio) / (RATE_HZ * 2)
    stream = audio + silence
    for index, offset in enumerate(range(0, len(stream), chunk)):
        await conn.input_audio_buffer.append(
            audio=base64.b64encode(stream[offset : offset + chunk]).decode()
        )
        await asyncio.sleep(max(0.0, start + (index + 1) * CHUNK_MS / 1000 - time.monotonic()))
    return voice_end


async def _session(runtime: Service, lines: list[bytes]) -> list[float]:
    secret, _ = RealtimeSigner.from_spec(DEVELOPMENT_SIGNING_KEY).mint(
        TENANT_ID, AGENT_ID, 1, ttl_s=300
    )
    client = AsyncOpenAI(base_url=f"{runtime.url}/v1", api_key=secret)
    latencies: list[float] = []
    async with client.realtime.connect(model="switchboard") as conn:
        await _until_done(conn, [])  # the greeting
        for audio in lines:
            first_audio: list[float] = []
            reader = asyncio.create_task(_until_done(conn, first_audio))
            voice_end = await _speak(conn, audio)
            async with asyncio.timeout(30):
                await reader
            if first_audio:
                latencies.append(round((first_audio[0] - voice_end) * 1000, 1))
    return latencies


async def run_realtime(runtime: Service, *, sessions: int, tts_url: str) -> dict[str, Any]:
    """``sessions`` sessions one after another, each asking every caller line once."""
    lines = [await _speech(tts_url, text) for text in CALLER_LINES]
    latencies: list[float] = []
    for _ in range(sessions):
        latencies += await _session(runtime, lines)
    figures = summary(latencies)
    print(
        f"  realtime sessions={sessions} v2v p50/p95={figures['p50']}/{figures['p95']} ms "
        f"(n={figures['n']})",
        flush=True,
    )
    return {
        "method": "openai SDK over WS /v1/realtime, 24 kHz PCM; client's clock, end of the "
        "caller's voice -> first response.output_audio.delta",
        "sessions": sessions,
        "v2v_ms": figures,
    }
