"""The request-body cap: refused by declared size or while buffering, passed through below it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI
from pydantic import BaseModel

from switchboard_common.app_testing import running_client
from switchboard_common.body_limit import BodyLimitMiddleware

JSON = {"content-type": "application/json"}


class Echo(BaseModel):
    text: str


def _app() -> FastAPI:
    app = FastAPI()
    app.add_middleware(BodyLimitMiddleware, max_bytes=1024)
    seen: list[int] = []
    app.state.seen = seen

    @app.post("/echo")
    async def echo(body: Echo) -> dict[str, int]:
        seen.append(len(body.text))
        return {"length": len(body.text)}

    @app.get("/ping")
    async def ping() -> dict[str, str]:
        return {"ok": "yes"}

    return app


async def _chunks(total: int) -> AsyncIterator[bytes]:
    yield b'{"text": "'
    for _ in range(total // 100):
        yield b"x" * 100
    yield b'"}'


async def test_bodies_within_the_cap_reach_the_route_whole() -> None:
    app = _app()
    async with running_client(app) as client:
        response = await client.post("/echo", json={"text": "x" * 900})
        chunked = await client.post("/echo", content=_chunks(800), headers=JSON)
        assert (await client.get("/ping")).status_code == 200
    assert response.json() == {"length": 900} and chunked.json() == {"length": 800}
    assert app.state.seen == [900, 800]


async def test_a_declared_or_streamed_body_over_the_cap_gets_413_and_never_reaches_the_route() -> (
    None
):
    app = _app()
    async with running_client(app) as client:
        declared = await client.post("/echo", json={"text": "x" * 5000})
        streamed = await client.post("/echo", content=_chunks(5000), headers=JSON)
    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.json()["error"] == {
            "code": "payload_too_large",
            "message": "The request body exceeds 1024 bytes.",
            "details": {"max_bytes": 1024},
        }
    assert "content-length" not in httpx.Request("POST", "/", content=_chunks(1)).headers
    assert app.state.seen == []
