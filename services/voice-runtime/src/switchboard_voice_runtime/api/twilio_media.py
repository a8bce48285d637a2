"""The Twilio media websocket: verify the upgrade and call token, then run the call."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketState

from switchboard_voice_runtime.api.media_call import MediaCall, StartRejectedError
from switchboard_voice_runtime.runtime import Runtime
from switchboard_voice_runtime.telephony import twilio

logger = logging.getLogger(__name__)

START_TIMEOUT_S = 10.0
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
    except TimeoutError:
        logger.warning("media.no_start_frame")
    finally:
        if websocket.application_state == WebSocketState.CONNECTED:
            try:
                await websocket.close()
            except Exception:  # the peer may already be gone; nothing is left to free
                logger.debug("media.close_failed")
