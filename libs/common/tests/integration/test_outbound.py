"""PinnedTransport against a real server on loopback: checked, pinned, refused before sending."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from switchboard_common import outbound
from switchboard_common.app_testing import serving
from switchboard_common.outbound import AddressRefusedError, PinnedTransport

pytestmark = pytest.mark.integration


class Recorder:
    def __init__(self) -> None:
        self.hosts: list[str | None] = []

    async def hello(self, request: Request) -> Response:
        self.hosts.append(request.headers.get("host"))
        return Response("hi")

    async def moved(self, request: Request) -> Response:
        self.hosts.append(request.headers.get("host"))
        return RedirectResponse("http://10.255.255.1/latest/meta-data", status_code=302)

    def app(self) -> FastAPI:
        app = FastAPI()
        app.add_api_route("/hello", self.hello, methods=["GET"])
        app.add_api_route("/moved", self.moved, methods=["GET"])
        return app


@pytest.fixture
async def server() -> AsyncIterator[tuple[Recorder, int]]:
    recorder = Recorder()
    async with serving(recorder.app(), lifespan="off") as url:
        yield recorder, int(url.rsplit(":", 1)[1])


async def test_a_loopback_host_is_refused_before_any_byte_is_sent(
    server: tuple[Recorder, int],
) -> None:
    recorder, port = server
    async with httpx.AsyncClient(transport=PinnedTransport()) as client:
        for url in (f"http://127.0.0.1:{port}/hello", f"http://localhost:{port}/hello"):
            with pytest.raises(AddressRefusedError):
                await client.get(url)
        with pytest.raises(AddressRefusedError):
            await client.get(f"http://[::ffff:127.0.0.1]:{port}/hello")
    assert recorder.hosts == []


async def test_a_named_host_is_resolved_once_and_called_at_the_checked_address(
    server: tuple[Recorder, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder, port = server
    lookups: list[str] = []
    real_resolve = outbound.resolve

    async def counting_resolve(host: str, port: int) -> list[str]:
        lookups.append(host)
        return await real_resolve(host, port)

    monkeypatch.setattr(outbound, "resolve", counting_resolve)
    async with httpx.AsyncClient(transport=PinnedTransport(allow_private=True)) as client:
        first = await client.get(f"http://localhost:{port}/hello")
        second = await client.get(f"http://localhost:{port}/hello")
    assert (first.text, second.text) == ("hi", "hi")
    assert recorder.hosts == [f"localhost:{port}"] * 2
    assert lookups == ["localhost"]


async def test_a_redirect_to_a_private_address_is_checked_like_the_first_request(
    server: tuple[Recorder, int],
) -> None:
    recorder, port = server
    checked: list[str] = []

    class Guard(PinnedTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            checked.append(request.url.host)
            if request.url.host == "localhost":
                self._allow_private = True  # only the first hop is the operator's own server
                try:
                    return await super().handle_async_request(request)
                finally:
                    self._allow_private = False
            return await super().handle_async_request(request)

    async with httpx.AsyncClient(transport=Guard(), follow_redirects=True) as client:
        with pytest.raises(AddressRefusedError):
            await client.get(f"http://localhost:{port}/moved")
    assert checked == ["localhost", "10.255.255.1"]
    assert recorder.hosts == [f"localhost:{port}"]
