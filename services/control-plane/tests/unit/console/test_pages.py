"""The console's static pages: the Content-Security-Policy and the asset table."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from switchboard_common.errors import install_error_handlers
from switchboard_control_plane.console.pages import console_pages, content_security_policy


def test_the_policy_allows_only_self_and_no_inline_code() -> None:
    policy = content_security_policy(None)
    assert "script-src 'self';" in policy and "style-src 'self';" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "connect-src 'self';" in policy and "frame-ancestors 'none'" in policy


def test_the_issuer_origin_joins_connect_src_only() -> None:
    policy = content_security_policy("https://login.example.com/realms/acme")
    assert "connect-src 'self' https://login.example.com;" in policy
    assert policy.count("login.example.com") == 1


def _app(static: Path) -> httpx.AsyncClient:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(console_pages(None, static))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


@pytest.mark.parametrize("path", ["/admin", "/admin/t/ten_1/calls/call-1", "/admin/signin"])
async def test_every_admin_path_is_the_page(tmp_path: Path, path: str) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>")
    (tmp_path / "app.js").write_text("console.log(1)")
    async with _app(tmp_path) as client:
        response = await client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


async def test_assets_by_name_and_unknown_ones_404(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html>")
    (tmp_path / "app.js").write_text("console.log(1)")
    async with _app(tmp_path) as client:
        script = await client.get("/admin/assets/app.js")
        missing = await client.get("/admin/assets/nope.js")
        traversal = await client.get("/admin/assets/..%2F..%2Fpages.py")
    assert script.status_code == 200 and script.text == "console.log(1)"
    assert script.headers["content-type"].startswith("text/javascript")
    assert missing.status_code == 404
    # Only files read at start are served: anything else under /admin is the page itself.
    assert traversal.text == "<!doctype html>"


async def test_an_unbuilt_console_is_a_clear_404(tmp_path: Path) -> None:
    async with _app(tmp_path) as client:
        response = await client.get("/admin")
    assert response.status_code == 404


def test_the_committed_bundle_is_there() -> None:
    static = Path(__file__).resolve().parents[3] / "src/switchboard_control_plane/console/static"
    assert {"index.html", "app.js", "app.css"} <= {p.name for p in static.iterdir()}
    index = (static / "index.html").read_text()
    assert "<script>" not in index and "style=" not in index  # nothing inline (CSP)
