"""What every carrier's media route does once its socket is accepted: run the call on it with
the neutral call runner, and send text frames as a ``MediaConnection`` must (ConnectionError
once the peer is gone)."""

from __future__ import annotations

import asyncio
import logging

from fastapi import WebSocket
from starlette.websockets import WebSocketState

from switchboard_voice_runtime.call_runner import CallRunner, StartRejectedError

logger = logging.getLogger(__name__)

START_TIMEOUT_S = 10.0


async def send_text(websocket: WebSocket, text: str) -> None:
    """Sends one frame; ConnectionError once the socket is closed."""
    if websocket.application_state != WebSocketState.CONNECTED:
        raise ConnectionError("the media socket is closed")
    try:
        await websocket.send_text(text)
    except Exception as exc:  # starlette raises several types once the peer is gone
        raise ConnectionError("the media socket is closed") from exc


async def run_call(websocket: WebSocket, call: CallRunner) -> None:
    """Admits the call on its start event (within ``START_TIMEOUT_S``) and runs it; a refusal
    that is ours gets the caller the apology; the socket is closed at the end."""
    try:
        async with asyncio.timeout(START_TIMEOUT_S):
            started = await call.wait_for_start()
        if started:
            await call.run()
    except StartRejectedError as exc:
        logger.warning("media.start_rejected", extra={"fields": {"reason": str(exc)}})
        if exc.apologize:
            await call.apologize()
    except TimeoutError:
        logger.warning("media.no_start_frame")
    finally:
        if websocket.application_state == WebSocketState.CONNECTED:
            try:
                await websocket.close()
            except Exception:  # the peer may already be gone; nothing is left to free
                logger.debug("media.close_failed")
