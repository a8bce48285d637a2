"""`WS /v1/stream`: audio frames in, partial and final transcripts out.

Protocol: the client sends
`{"type":"start","sample_rate_hz":16000,"encoding":"pcm16","language":"en"}` (optional
`"model"` and vocabulary `"prompt"`, as on the batch route) and waits for
`{"type":"ready"}`; then binary audio frames; `{"type":"finalize"}` ends an
utterance (answered by `{"type":"final",...}`, and a new utterance begins); `{"type":"close"}`
ends the session. `{"type":"partial",...}` arrives every `partial_interval_ms` of new audio when
a worker is free (`"partial_interval_ms"` in the start message overrides the interval; 0 turns
partials off). Bad messages close the socket: 1003 (unsupported format), 1007 (malformed
payload), 1008 (protocol violation).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, Field, ValidationError

from switchboard_common.audio import AudioFormat
from switchboard_common.errors import OverloadedError, ServiceError
from switchboard_stt.audio_input import check_sample_rate, parse_encoding
from switchboard_stt.errors import InvalidAudioError
from switchboard_stt.settings import Settings
from switchboard_stt.stream_session import AudioSpan, StreamSession
from switchboard_stt.transcriber import Transcript, TranscriptionOptions
from switchboard_stt.transcription import TranscriptionService

logger = logging.getLogger("switchboard.stt.stream")
router = APIRouter(tags=["transcription"])

CLOSE_NORMAL = 1000
CLOSE_UNSUPPORTED = 1003
CLOSE_INVALID_PAYLOAD = 1007
CLOSE_POLICY = 1008
CLOSE_INTERNAL_ERROR = 1011
CLOSE_TRY_AGAIN = 1013
_MAX_REASON_BYTES = 120


class StartMessage(BaseModel):
    type: str
    sample_rate_hz: int = 16_000
    encoding: str = "pcm16"
    language: str | None = None
    partial_interval_ms: int | None = Field(default=None, ge=0)
    """Overrides the server's interval; 0 turns partials off (finals only)."""
    model: str | None = None
    prompt: str | None = Field(default=None, max_length=2_000)


class ProtocolViolationError(Exception):
    def __init__(self, close_code: int, reason: str) -> None:
        super().__init__(reason)
        self.close_code = close_code
        self.reason = reason


@router.websocket("/v1/stream")
async def stream(websocket: WebSocket) -> None:
    service: TranscriptionService | None = getattr(websocket.app.state, "transcription", None)
    settings: Settings = websocket.app.state.settings
    await websocket.accept()
    if service is None:
        await websocket.close(CLOSE_TRY_AGAIN, "The model is still loading.")
        return
    connection = StreamConnection(websocket, service, settings)
    service.metrics.streams.inc()
    try:
        await connection.run()
    except ProtocolViolationError as exc:
        await _close(websocket, exc.close_code, exc.reason)
    except WebSocketDisconnect:
        pass
    except Exception:
        logger.exception("stream.failed")
        await _close(websocket, CLOSE_INTERNAL_ERROR, "Internal error.")
    finally:
        service.metrics.streams.dec()


class StreamConnection:
    """One client session; partials run as tasks, finals inline (the client waits for them)."""

    def __init__(
        self, websocket: WebSocket, service: TranscriptionService, settings: Settings
    ) -> None:
        self._ws = websocket
        self._service = service
        self._settings = settings
        self._send_lock = asyncio.Lock()
        self._partial: tuple[AudioSpan, asyncio.Task[Transcript | None]] | None = None
        self._options = TranscriptionOptions()

    async def run(self) -> None:
        session = await self._handshake()
        try:
            while (message := await self._receive()) is not None:
                if isinstance(message, bytes):
                    await self._on_audio(session, message)
                elif message == "finalize":
                    await self._finalize(session)
                else:
                    await self._ws.close(CLOSE_NORMAL)
                    return
        finally:
            if self._partial is not None:
                self._partial[1].cancel()

    async def _handshake(self) -> StreamSession:
        raw = await self._ws.receive()
        if raw["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(raw.get("code", CLOSE_NORMAL))
        if raw.get("text") is None:
            raise ProtocolViolationError(CLOSE_POLICY, "Send a start message before audio.")
        start = _parse_json(raw["text"])
        if start.get("type") != "start":
            raise ProtocolViolationError(CLOSE_POLICY, "The first message must be of type start.")
        try:
            message = StartMessage.model_validate(start)
            encoding = parse_encoding(message.encoding)
            fmt = AudioFormat(encoding, check_sample_rate(message.sample_rate_hz))
            model = self._service.model_name(message.model)
            language = self._service.language(message.language, model)
        except ValidationError as exc:
            raise ProtocolViolationError(
                CLOSE_INVALID_PAYLOAD, "The start message is malformed."
            ) from exc
        except ServiceError as exc:
            raise ProtocolViolationError(CLOSE_UNSUPPORTED, exc.message) from exc
        self._options = TranscriptionOptions(
            language=language, prompt=message.prompt or None, model=model
        )
        await self._send(
            {"type": "ready", "sample_rate_hz": fmt.sample_rate_hz, "encoding": fmt.encoding.value}
        )
        interval_ms = message.partial_interval_ms
        return StreamSession(
            fmt,
            partial_interval_ms=self._settings.partial_interval_ms
            if interval_ms is None
            else interval_ms,
            max_utterance_ms=self._settings.max_utterance_ms,
        )

    async def _receive(self) -> bytes | str | None:
        """A binary frame, a control message type (`finalize`, `close`), or None at disconnect."""
        raw = await self._ws.receive()
        if raw["type"] == "websocket.disconnect":
            return None
        if raw.get("bytes") is not None:
            data: bytes = raw["bytes"]
            return data
        kind = _parse_json(raw.get("text") or "").get("type")
        if kind in ("finalize", "close"):
            return str(kind)
        raise ProtocolViolationError(CLOSE_POLICY, f"Unexpected message type {kind!r}.")

    async def _on_audio(self, session: StreamSession, frame: bytes) -> None:
        try:
            session.push(frame)
        except InvalidAudioError as exc:
            raise ProtocolViolationError(CLOSE_INVALID_PAYLOAD, exc.message) from exc
        if session.must_finalize():
            await self._finalize(session)
        elif session.partial_due() and (self._partial is None or self._partial[1].done()):
            span = session.snapshot()
            self._partial = (span, asyncio.create_task(self._run_partial(session, span)))

    async def _run_partial(self, session: StreamSession, span: AudioSpan) -> Transcript | None:
        started = time.perf_counter()
        try:
            transcript = await self._service.transcribe_if_idle(
                span.samples, self._options, kind="stream_partial"
            )
        except Exception:
            logger.exception("stream.partial_failed")
            return None
        if transcript is not None:
            await self._send(
                _result("partial", transcript, span, started),
                only_if=lambda: session.utterance == span.utterance,
            )
        return transcript

    async def _finalize(self, session: StreamSession) -> None:
        started = time.perf_counter()
        span = session.finish_utterance()
        if span.sample_count == 0:
            await self._send(_empty_final(span))
            return
        transcript = await self._reuse_partial(span)
        if transcript is None:
            try:
                transcript = await self._service.transcribe(
                    span.samples, self._options, kind="stream_final"
                )
            except OverloadedError as exc:
                await self._send(_error(exc))
                return
        await self._send(_result("final", transcript, span, started))

    async def _reuse_partial(self, span: AudioSpan) -> Transcript | None:
        """The in-flight partial's transcript when it covered this very utterance audio."""
        if self._partial is None:
            return None
        partial_span, task = self._partial
        self._partial = None
        if partial_span.utterance != span.utterance or partial_span.end_ms != span.end_ms:
            task.cancel()
            return None
        with contextlib.suppress(Exception):
            return await task
        return None

    async def _send(
        self, payload: dict[str, Any], only_if: Callable[[], bool] | None = None
    ) -> None:
        async with self._send_lock:
            if only_if is not None and not only_if():
                return
            with contextlib.suppress(WebSocketDisconnect, RuntimeError):
                await self._ws.send_json(payload)


async def _close(websocket: WebSocket, code: int, reason: str) -> None:
    """Closes with a reason cut to fit a close frame (123 bytes at most)."""
    short = reason.encode()[:_MAX_REASON_BYTES].decode(errors="ignore")
    with contextlib.suppress(RuntimeError, WebSocketDisconnect):
        await websocket.close(code, short)


def _parse_json(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise ProtocolViolationError(
            CLOSE_INVALID_PAYLOAD, "Control messages must be JSON."
        ) from exc
    if not isinstance(value, dict):
        raise ProtocolViolationError(
            CLOSE_INVALID_PAYLOAD, "Control messages must be JSON objects."
        )
    return value


def _result(kind: str, transcript: Transcript, span: AudioSpan, started: float) -> dict[str, Any]:
    return {
        "type": kind,
        "text": transcript.text,
        "language": transcript.language,
        "audio_start_ms": span.start_ms,
        "audio_end_ms": span.end_ms,
        "processing_ms": round((time.perf_counter() - started) * 1000),
    }


def _empty_final(span: AudioSpan) -> dict[str, Any]:
    return {
        "type": "final",
        "text": "",
        "language": None,
        "audio_start_ms": span.start_ms,
        "audio_end_ms": span.end_ms,
        "processing_ms": 0,
    }


def _error(exc: ServiceError) -> dict[str, Any]:
    return {"type": "error", "code": exc.code, "message": exc.message}
