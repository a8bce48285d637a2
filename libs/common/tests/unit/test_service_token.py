"""The service token: required on every route but health and metrics, over real sockets."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI, Request, WebSocket
from pydantic import SecretStr, ValidationError
from pydantic_settings import SettingsConfigDict
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from switchboard_common.app_testing import serving
from switchboard_common.service import create_service_app
from switchboard_common.service_token import (
    ServiceTokenMiddleware,
    ServiceTokenSettings,
    bearer_headers,
    token_matches,
)

TOKEN = SecretStr("speech-token-0123456789abcdef")


def token_app(token: SecretStr | None) -> tuple[FastAPI, list[int]]:
    """An app with one upload route and one websocket; ``reads`` counts bodies it read."""
    app = create_service_app(ServiceTokenSettings(), title="t", description="d")
    reads: list[int] = []

    @app.post("/v1/upload")
    async def upload(request: Request) -> dict[str, int]:
        reads.append(len(await request.body()))
        return {"bytes": reads[-1]}

    @app.websocket("/v1/stream")
    async def stream(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text("hello")
        await websocket.close()

    app.add_middleware(ServiceTokenMiddleware, token=token)
    return app, reads


@pytest.fixture
async def served() -> AsyncIterator[tuple[str, list[int]]]:
    app, reads = token_app(TOKEN)
    async with serving(app, lifespan="off") as url:
        yield url, reads


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token-0123456789abcdef"},
        {"Authorization": f"Basic {TOKEN.get_secret_value()}"},
        {"Authorization": "Bearer"},
        {"Authorization": f"Bearer {TOKEN.get_secret_value()}x"},
    ],
)
async def test_a_request_without_the_token_is_refused_before_its_body_is_read(
    served: tuple[str, list[int]], headers: dict[str, str]
) -> None:
    url, reads = served
    async with httpx.AsyncClient(base_url=url) as client:
        response = await client.post("/v1/upload", content=b"x" * 100_000, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"
    assert reads == []


async def test_a_request_with_the_token_is_served(served: tuple[str, list[int]]) -> None:
    url, reads = served
    async with httpx.AsyncClient(base_url=url, headers=bearer_headers(TOKEN)) as client:
        response = await client.post("/v1/upload", content=b"abc")
    assert response.status_code == 200
    assert reads == [3]


async def test_health_readiness_and_metrics_stay_open(served: tuple[str, list[int]]) -> None:
    url, _ = served
    async with httpx.AsyncClient(base_url=url) as client:
        for path in ("/healthz", "/readyz", "/metrics"):
            assert (await client.get(path)).status_code == 200, path
        assert (await client.get("/openapi.json")).status_code == 401


async def test_a_websocket_without_the_token_is_refused_at_the_upgrade(
    served: tuple[str, list[int]],
) -> None:
    ws_url = served[0].replace("http://", "ws://") + "/v1/stream"
    with pytest.raises(InvalidStatus) as refused:
        async with connect(ws_url):
            pass
    assert refused.value.response.status_code == 403
    async with connect(ws_url, additional_headers=bearer_headers(TOKEN)) as websocket:
        assert await websocket.recv() == "hello"


async def test_without_a_token_configured_the_service_is_open() -> None:
    app, reads = token_app(None)
    async with serving(app, lifespan="off") as url, httpx.AsyncClient(base_url=url) as client:
        assert (await client.post("/v1/upload", content=b"ab")).status_code == 200
    assert reads == [2]


def test_production_refuses_to_start_without_a_long_enough_token() -> None:
    with pytest.raises(ValidationError, match="service_token"):
        ServiceTokenSettings(environment="production")
    with pytest.raises(ValidationError, match="service_token"):
        ServiceTokenSettings(environment="production", service_token=SecretStr("short"))
    for development_value in ("dev-stt-service-token-change-me", "dev-tts-service-token-change-me"):
        with pytest.raises(ValidationError, match="service_token"):
            ServiceTokenSettings(
                environment="production", service_token=SecretStr(development_value)
            )
    assert ServiceTokenSettings(environment="production", service_token=TOKEN).service_token
    assert ServiceTokenSettings(environment="development").service_token is None


def test_the_token_is_read_from_the_service_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    class SpeechSettings(ServiceTokenSettings):
        model_config = SettingsConfigDict(env_prefix="SPEECHTEST_")

    monkeypatch.setenv("SPEECHTEST_SERVICE_TOKEN", TOKEN.get_secret_value())
    settings = SpeechSettings()
    assert settings.service_token == TOKEN


def test_token_matching_takes_only_the_exact_bearer_token() -> None:
    assert token_matches(f"Bearer {TOKEN.get_secret_value()}", TOKEN)
    assert token_matches(f"bearer {TOKEN.get_secret_value()}", TOKEN)
    assert not token_matches(None, TOKEN)
    assert not token_matches(TOKEN.get_secret_value(), TOKEN)
    assert not token_matches(f"Bearer {TOKEN.get_secret_value()[:-1]}", TOKEN)
    assert bearer_headers(None) == {}
    assert bearer_headers(SecretStr("")) == {}
