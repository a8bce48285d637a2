"""The talk page's routes: ``GET /v1/realtime/talk`` and its two scripts, from ``static/``.

Served with a strict Content-Security-Policy: scripts only from the runtime itself (no inline
script), connections (the realtime WebSocket, the secret endpoint) only back to it, no
framing, no referrer (the URL fragment holds the client secret until the page clears it).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

STATIC_DIR = Path(__file__).with_name("static")
TALK_PATH = "/v1/realtime/talk"
_FILES = {
    "talk": ("talk.html", "text/html; charset=utf-8"),
    "talk.js": ("talk.js", "text/javascript; charset=utf-8"),
    "pcm-worklet.js": ("pcm-worklet.js", "text/javascript; charset=utf-8"),
}
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; "
    "img-src data:; media-src 'self' blob:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
    "Permissions-Policy": "microphone=(self)",
}


def talk_page_router() -> APIRouter:
    """``/v1/realtime/talk`` (the page) and ``/v1/realtime/{talk.js,pcm-worklet.js}``; the
    page's relative script URLs resolve under ``/v1/realtime/``."""
    router = APIRouter(tags=["realtime"])
    contents = {name: (STATIC_DIR / file).read_bytes() for name, (file, _) in _FILES.items()}

    @router.get("/v1/realtime/{name}", include_in_schema=False)
    async def talk_file(name: str) -> Response:
        if name not in _FILES:
            raise HTTPException(status_code=404)
        media_type = _FILES[name][1]
        return Response(contents[name], media_type=media_type, headers=SECURITY_HEADERS)

    return router
