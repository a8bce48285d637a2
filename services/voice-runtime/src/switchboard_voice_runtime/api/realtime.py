"""``WS /v1/realtime`` (the OpenAI Realtime GA protocol) and the talk page beside it.

The credential is checked by hand before the socket is accepted: a refusal answers the upgrade
with its HTTP status and a JSON error (``realtime/credentials.py``); an admitted session runs
in ``realtime_runner.py``.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, WebSocket
from fastapi.responses import JSONResponse

from switchboard_common.realtime_token import RealtimeVerifier
from switchboard_voice_runtime.realtime.credentials import (
    RealtimeAdmission,
    RealtimeGate,
    RealtimeRefusal,
    accepted_subprotocol,
    offered_subprotocols,
    presented_credential,
)
from switchboard_voice_runtime.realtime.page import talk_page_router
from switchboard_voice_runtime.realtime_runner import RealtimeRunner
from switchboard_voice_runtime.runtime import Runtime

logger = logging.getLogger(__name__)

router = APIRouter(tags=["realtime"])
router.include_router(talk_page_router())


async def _refuse(websocket: WebSocket, refusal: RealtimeRefusal) -> None:
    logger.info("realtime.refused", extra={"fields": {"code": refusal.code}})
    body = {"error": {"code": refusal.code, "message": refusal.message}}
    await websocket.send_denial_response(JSONResponse(body, status_code=refusal.status_code))


async def _admission(runtime: Runtime, websocket: WebSocket) -> RealtimeAdmission | RealtimeRefusal:
    headers = dict(websocket.headers)
    offered = offered_subprotocols(headers)
    credential = presented_credential(headers, offered)
    keys = runtime.settings.realtime.keys_for(runtime.settings.environment)
    if keys is None:
        return RealtimeRefusal("realtime_not_configured", "Realtime sessions are not configured.")
    gate = RealtimeGate(RealtimeVerifier.from_spec(keys), runtime.config)
    tenant_id = websocket.headers.get("x-tenant-id") or websocket.query_params.get("tenant_id")
    return await gate.admit(
        credential, tenant_id=tenant_id, model=websocket.query_params.get("model")
    )


@router.websocket("/v1/realtime")
async def realtime_socket(websocket: WebSocket) -> None:
    runtime: Runtime = websocket.app.state.runtime
    admission = await _admission(runtime, websocket)
    if isinstance(admission, RealtimeRefusal):
        await _refuse(websocket, admission)
        return
    runner = RealtimeRunner(runtime, websocket, admission)
    refusal = await runner.admit()
    if refusal is not None:
        await _refuse(websocket, refusal)
        return
    await websocket.accept(
        subprotocol=accepted_subprotocol(offered_subprotocols(dict(websocket.headers)))
    )
    await runner.run()
