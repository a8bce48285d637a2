"""The Twilio media websocket: verify the upgrade and call token, then run the call."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketState

from switchboard_common.audio.formats import TELEPHONY_MULAW
from switchboard_common.audio.framing import FrameSplitter
from switchboard_voice_runtime.api.media_call import MediaCall, StartRejectedError
from switchboard_voice_runtime.api.media_sink import TwilioMediaSink
from switchboard_voice_runtime.call.phrases import APOLOGY_TROUBLE, builtin_audio
from switchboard_voice_runtime.runtime import Runtime
from switchboard_voice_runtime.telephony import twilio

logger = logging.getLogger(__name__)

START_TIMEOUT_S = 10.0
APOLOGY_MARK = "refused-apology"
APOLOGY_GRACE_S = 2.0
"""How long past the apology's own length the carrier may take to echo its mark."""
_POLICY_VIOLATION = 1008

router = APIRouter(prefix="/telephony/twilio", tags=["telephony"])


@router.websocket("/media")
async def media_socket(websocket: WebSocket) -> None:
    runtime: Runtime = websocket.app.state.runtime
    signature = websocket.headers.get(twilio.SIGNATURE_HEADER)
    url = runtime.settings.media_stream_url
    if not any(
        twilio.verify_signature(token, url, [], signature)
        for token in runtime.known_twilio_tokens()
    ):
        runtime.metrics.webhook_outcomes.labels("twilio", "bad_upgrade_signature").inc()
        await websocket.close(code=_POLICY_VIOLATION)  # before accept: an HTTP 403
        return
    await websocket.accept()
    call = MediaCall(runtime, websocket, signature or "")
    try:
        async with asyncio.timeout(START_TIMEOUT_S):
            started = await call.wait_for_start()
        if started:
            await call.run()
    except StartRejectedError as exc:
        logger.warning("media.start_rejected", extra={"fields": {"reason": str(exc)}})
        if exc.apologize:
            await _apologize(call, websocket)
    except TimeoutError:
        logger.warning("media.no_start_frame")
    finally:
        if websocket.application_state == WebSocketState.CONNECTED:
            try:
                await websocket.close()
            except Exception:  # the peer may already be gone; nothing is left to free
                logger.debug("media.close_failed")


async def _apologize(call: MediaCall, websocket: WebSocket) -> None:
    """Plays the built-in apology to a caller whose call cannot start through no fault of
    theirs, and waits until the carrier has played it (its mark echoed) before the socket
    closes; Twilio then ends the call (nothing follows ``<Connect>``)."""
    audio = builtin_audio(APOLOGY_TROUBLE)
    if audio is None or call.stream_sid is None:
        return
    sink = TwilioMediaSink(websocket, call.stream_sid)
    splitter = FrameSplitter(TELEPHONY_MULAW)
    frames = splitter.push(audio)
    last = splitter.flush(pad_byte=0xFF)  # mu-law silence
    duration_s = TELEPHONY_MULAW.ms_for_bytes(len(audio)) / 1000
    try:
        for frame in [*frames, *([last] if last is not None else [])]:
            await sink.send_audio(frame)
        await sink.send_mark(APOLOGY_MARK)
        async with asyncio.timeout(duration_s + APOLOGY_GRACE_S):
            await call.wait_for_mark(APOLOGY_MARK)
    except (ConnectionError, TimeoutError):
        logger.info("media.apology_cut_short")
