"""`POST /v1/audio/transcriptions`: OpenAI-compatible multipart uploads, or raw audio bodies.

A raw body (`application/octet-stream`, `audio/pcm`, `audio/basic`) skips file decoding: the
query names its `encoding` (pcm16|mulaw) and `sample_rate_hz`. The voice runtime uses this path.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.datastructures import UploadFile
from starlette.types import Message

from switchboard_common.audio import AudioEncoding
from switchboard_common.body_limit import read_capped_body
from switchboard_common.errors import InvalidParameterError
from switchboard_stt.api.deps import ServiceDep, SettingsDep
from switchboard_stt.audio_input import decode_file, decode_raw, parse_encoding
from switchboard_stt.errors import SttError
from switchboard_stt.transcriber import Samples, Transcript, TranscriptionOptions
from switchboard_stt.transcription import TranscriptionService

router = APIRouter(tags=["transcription"])

RESPONSE_FORMATS = ("json", "text", "verbose_json")
MAX_PROMPT_CHARS = 2_000
"""Longer prompts are refused; the model reads at most `STT_PROMPT_MAX_TOKENS` of one."""
RAW_CONTENT_TYPES = {
    "application/octet-stream": (AudioEncoding.PCM16, 16_000),
    "audio/pcm": (AudioEncoding.PCM16, 16_000),
    "audio/l16": (AudioEncoding.PCM16, 16_000),
    "audio/basic": (AudioEncoding.MULAW, 8_000),
}

_OPENAPI_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "model": {"type": "string", "default": "whisper-1"},
                        "language": {"type": "string"},
                        "response_format": {"type": "string", "enum": list(RESPONSE_FORMATS)},
                        "temperature": {"type": "number"},
                        "prompt": {"type": "string"},
                    },
                }
            },
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    },
    "parameters": [
        {"name": n, "in": "query", "required": False, "schema": {"type": t}}
        for n, t in (
            ("encoding", "string"),
            ("sample_rate_hz", "integer"),
            ("language", "string"),
            ("response_format", "string"),
            ("temperature", "number"),
            ("window", "string"),
            ("model", "string"),
            ("prompt", "string"),
        )
    ],
}


@router.post("/v1/audio/transcriptions", openapi_extra=_OPENAPI_BODY)
async def create_transcription(
    request: Request, service: ServiceDep, settings: SettingsDep
) -> Response:
    """Transcribes one clip; `processing_ms` is the server's time after the body arrived."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "multipart/form-data" and content_type not in RAW_CONTENT_TYPES:
        raise SttError(
            "Send multipart/form-data with a file, or a raw audio body.",
            code="unsupported_media_type",
            status_code=415,
        )
    service.ensure_capacity()
    body = await read_capped_body(
        request,
        settings.max_upload_bytes,
        message=f"The upload exceeds {settings.max_upload_bytes} bytes.",
    )
    started = time.perf_counter()
    if content_type == "multipart/form-data":
        params, audio = await _from_multipart(request, body, settings.max_audio_s)
    else:
        params = request.query_params
        audio = _from_raw(body, content_type, params, settings.max_audio_s)
    response_format, options = _options(params, service)
    transcript = await service.transcribe(audio, options, kind="batch")
    return _respond(transcript, response_format, round((time.perf_counter() - started) * 1000))


async def _from_multipart(
    request: Request, body: bytes, max_audio_s: float
) -> tuple[Mapping[str, Any], Samples]:
    async def replay() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, receive=replay).form(max_files=1, max_fields=16)
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidParameterError("The form needs a `file` field holding the audio.")
        data = await upload.read()
        params = {k: v for k, v in form.items() if isinstance(v, str)}
    finally:
        await form.close()
    return params, await asyncio.to_thread(decode_file, data, max_audio_s=max_audio_s)


def _from_raw(
    body: bytes, content_type: str, params: Mapping[str, Any], max_audio_s: float
) -> Samples:
    default_encoding, default_rate_hz = RAW_CONTENT_TYPES[content_type]
    encoding = parse_encoding(str(params.get("encoding", default_encoding.value)))
    rate = str(params.get("sample_rate_hz", default_rate_hz))
    if not rate.isdigit():
        raise InvalidParameterError("sample_rate_hz must be a whole number of Hz.")
    return decode_raw(body, encoding, int(rate), max_audio_s=max_audio_s)


def _options(
    params: Mapping[str, Any], service: TranscriptionService
) -> tuple[str, TranscriptionOptions]:
    response_format = str(params.get("response_format") or "json")
    if response_format not in RESPONSE_FORMATS:
        raise InvalidParameterError(
            f"response_format {response_format!r} is not supported.",
            code="unsupported_response_format",
            details={"supported": list(RESPONSE_FORMATS)},
        )
    model = service.model_name(str(params.get("model") or "") or None)
    temperature = params.get("temperature")
    try:
        temp_value = float(temperature) if temperature not in (None, "") else None
    except ValueError:
        raise InvalidParameterError("temperature must be a number.") from None
    if temp_value is not None and not 0.0 <= temp_value <= 1.0:
        raise InvalidParameterError("temperature must be between 0 and 1.")
    language = service.language(str(params.get("language") or "") or None, model)
    prompt = str(params.get("prompt") or "")
    if len(prompt) > MAX_PROMPT_CHARS:
        raise InvalidParameterError(f"prompt must be at most {MAX_PROMPT_CHARS} characters.")
    window = str(params.get("window") or "full")
    if window not in ("full", "fitted"):
        raise InvalidParameterError("window must be 'full' or 'fitted'.")
    return response_format, TranscriptionOptions(
        language=language,
        temperature=temp_value,
        timestamps=response_format == "verbose_json",
        fitted_window=window == "fitted",
        prompt=prompt or None,
        model=model,
    )


def _respond(transcript: Transcript, response_format: str, processing_ms: int) -> Response:
    if response_format == "text":
        return PlainTextResponse(transcript.text)
    body: dict[str, Any] = {
        "text": transcript.text,
        "language": transcript.language,
        "duration_ms": transcript.duration_ms,
        "processing_ms": processing_ms,
    }
    if response_format == "verbose_json":
        body["task"] = "transcribe"
        body["duration"] = transcript.duration_ms / 1000
        body["segments"] = [
            {
                "id": index,
                "start": seg.start_ms / 1000,
                "end": seg.end_ms / 1000,
                "start_ms": seg.start_ms,
                "end_ms": seg.end_ms,
                "text": seg.text,
            }
            for index, seg in enumerate(transcript.segments)
        ]
    return JSONResponse(body)
