"""`POST /v1/audio/speech` (OpenAI-compatible, streamed) and `GET /v1/voices`."""

from __future__ import annotations

import time

from fastapi import APIRouter
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from switchboard_tts.api.deps import SynthesizerDep
from switchboard_tts.audio_output import parse_format
from switchboard_tts.synthesis import StreamOutcome

router = APIRouter(tags=["speech"])


class SpeechRequest(BaseModel):
    """OpenAI's speech body plus `sample_rate_hz`; `model` is accepted and ignored."""

    model: str = "tts-1"
    input: str
    voice: str | None = Field(default=None, description="`engine:voice`; the default when unset.")
    response_format: str = Field(default="wav", description="pcm | wav | mulaw")
    speed: float = 1.0
    sample_rate_hz: int | None = Field(
        default=None, description="Output rate for pcm and wav (default: the voice's own rate)."
    )


class VoiceOut(BaseModel):
    id: str
    engine: str
    name: str
    language: str
    sample_rate_hz: int
    description: str


class EngineOut(BaseModel):
    name: str
    voices: list[VoiceOut]


class VoicesOut(BaseModel):
    default_voice: str
    engines: list[EngineOut]


@router.post(
    "/v1/audio/speech",
    response_class=StreamingResponse,
    responses={200: {"content": {"audio/wav": {}, "audio/pcm": {}, "audio/basic": {}}}},
)
async def create_speech(body: SpeechRequest, synthesizer: SynthesizerDep) -> Response:
    """Streams audio sentence by sentence: raw little-endian PCM16, WAV (streaming header,
    sizes 0xFFFFFFFF; exact sizes on a cache hit), or headerless 8 kHz G.711 mu-law."""
    started = time.perf_counter()
    fmt = parse_format(body.response_format)
    job = synthesizer.prepare(body.input, body.voice, fmt, body.sample_rate_hz, body.speed)
    headers = {"X-Sample-Rate": str(job.sample_rate_hz), "X-Voice": job.voice.id}
    cached = await synthesizer.cached_body(job)
    if cached is not None:
        synthesizer.record_cache_hit(started)
        return Response(cached, media_type=fmt.media_type, headers={**headers, "X-Cache": "hit"})
    synthesizer.admit()
    outcome = StreamOutcome()
    return StreamingResponse(
        synthesizer.stream(job, started, outcome),
        media_type=fmt.media_type,
        headers={**headers, "X-Cache": "miss"},
        background=BackgroundTask(synthesizer.remember, job, outcome),
    )


@router.get("/v1/voices")
async def list_voices(synthesizer: SynthesizerDep) -> VoicesOut:
    engines = [
        EngineOut(
            name=engine.name,
            voices=[
                VoiceOut(
                    id=v.id,
                    engine=v.engine,
                    name=v.name,
                    language=v.language,
                    sample_rate_hz=v.sample_rate_hz,
                    description=v.description,
                )
                for v in engine.voices()
            ],
        )
        for engine in synthesizer.registry.engines
    ]
    return VoicesOut(default_voice=synthesizer.default_voice, engines=engines)
