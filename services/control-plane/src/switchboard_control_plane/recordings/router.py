"""``GET /v1/tenants/{tenant_id}/calls/{call_id}/recording``: the stereo WAV, seekable."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.responses import StreamingResponse

from switchboard_common.recordings import RecordingStore, RecordingStoreError
from switchboard_control_plane.http.deps import TenantAccess, tenant_access
from switchboard_control_plane.http.docs import tenant_errors
from switchboard_control_plane.recordings.byte_ranges import requested_range
from switchboard_control_plane.recordings.service import stored_recording

router = APIRouter(prefix="/v1/tenants/{tenant_id}", tags=["calls"])
Reader = Annotated[TenantAccess, Depends(tenant_access("calls.read"))]
logger = logging.getLogger("switchboard.control_plane.recordings")

_WAV: dict[str, Any] = {"audio/wav": {"schema": {"type": "string", "format": "binary"}}}
_RESPONSES: dict[int | str, dict[str, Any]] = {
    **tenant_errors(416),
    200: {"description": "The whole WAV (stereo: caller left, agent right)", "content": _WAV},
    206: {"description": "The bytes the Range header asked for", "content": _WAV},
}


@router.head("/calls/{call_id}/recording", include_in_schema=False)
@router.get(
    "/calls/{call_id}/recording",
    operation_id="get_call_recording",
    response_class=Response,
    responses=_RESPONSES,
)
async def get_call_recording(
    call_id: str,
    request: Request,
    access: Reader,
    range_header: Annotated[
        str | None,
        Header(alias="Range", description="`bytes=a-b`, `bytes=a-` or `bytes=-n`: answered 206"),
    ] = None,
) -> Response:
    """The call's recording as a stereo 8 kHz WAV (caller left, agent right), streamed.

    HEAD answers the same headers without the body. A `Range` request (one byte range) is
    answered 206 with `Content-Range`, so a player can seek; a range past the end 416. No
    recording: 404 `recording_not_found`, whose `details.reason` says why (`not_recorded`,
    `deleted` by retention, `not_stored`).
    """
    store = access.resources.recordings
    key, size_bytes = await stored_recording(access.session, store, access.tenant.id, call_id)
    await access.session.close()  # the database connection is not held while the audio streams
    assert store is not None
    wanted = requested_range(range_header, size_bytes)
    headers = {
        "Accept-Ranges": "bytes",
        "Cache-Control": "private, no-store",
        "Content-Disposition": f'inline; filename="{call_id}.wav"',
        "Content-Length": str(wanted.length if wanted else size_bytes),
    }
    if wanted is not None:
        headers["Content-Range"] = wanted.content_range
    status = 206 if wanted is not None else 200
    if request.method == "HEAD":
        return Response(status_code=status, headers=headers, media_type="audio/wav")
    start, end = (wanted.start, wanted.end) if wanted else (0, size_bytes)
    return StreamingResponse(
        _streamed(store, key, start, end),
        status_code=status,
        headers=headers,
        media_type="audio/wav",
    )


async def _streamed(store: RecordingStore, key: str, start: int, end: int) -> AsyncIterator[bytes]:
    """The store's bytes; a failure mid-stream can only cut the response short (and is logged)."""
    try:
        async for chunk in store.stream(key, start, end):
            yield chunk
    except RecordingStoreError as error:
        logger.warning("recording.stream_failed", extra={"fields": {"error": str(error)}})
        raise
