"""Serves the built console (``static/``, built from ``services/control-plane/console``) at
``/admin``: assets by name, every other ``/admin/...`` path the single page (deep links), with a
strict Content-Security-Policy (self only, no inline script or style)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, Response

from switchboard_control_plane.errors import NotFoundError

STATIC_DIR = Path(__file__).parent / "static"
MEDIA_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


def content_security_policy(issuer: str | None) -> str:
    """Self only; the OIDC issuer's origin joins ``connect-src`` (discovery, token exchange)."""
    connect = "'self'"
    if issuer:
        parts = urlsplit(issuer)
        connect += f" {parts.scheme}://{parts.netloc}"
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "media-src 'self' blob:",
            f"connect-src {connect}",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


@dataclass(frozen=True, slots=True)
class _Asset:
    body: bytes
    media_type: str


def _load(static_dir: Path) -> dict[str, _Asset]:
    return {
        path.name: _Asset(
            path.read_bytes(), MEDIA_TYPES.get(path.suffix, "application/octet-stream")
        )
        for path in sorted(static_dir.iterdir())
        if path.is_file() and path.suffix in MEDIA_TYPES
    }


def console_pages(issuer: str | None, static_dir: Path = STATIC_DIR) -> APIRouter:
    """``GET /admin``, ``/admin/assets/{name}`` and ``/admin/{path}`` (the page itself)."""
    assets = _load(static_dir)
    headers = {
        "Content-Security-Policy": content_security_policy(issuer),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    router = APIRouter(include_in_schema=False)

    def page() -> Response:
        index = assets.get("index.html")
        if index is None:
            raise NotFoundError("console", code="console_not_built")
        return Response(
            index.body,
            media_type=index.media_type,
            headers={**headers, "Cache-Control": "no-cache"},
        )

    @router.get("/admin")
    async def admin_root() -> Response:
        return page()

    @router.get("/admin/assets/{name}")
    async def admin_asset(name: str) -> Response:
        asset = assets.get(name)
        if asset is None or name == "index.html":
            raise NotFoundError("asset")
        return Response(
            asset.body,
            media_type=asset.media_type,
            headers={**headers, "Cache-Control": "no-cache"},
        )

    @router.get("/admin/{path:path}")
    async def admin_deep_link(path: str) -> Response:
        return page()

    return router
