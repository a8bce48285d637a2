"""The shared app frame: health, readiness checks, metrics, request ids, error shape."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from pydantic import BaseModel

from switchboard_common.errors import OverloadedError, ServiceError
from switchboard_common.health import DegradedError, ReadinessFlag
from switchboard_common.service import create_service_app
from switchboard_common.settings import BaseServiceSettings


class Body(BaseModel):
    count: int


async def _ok() -> None:
    return None


async def _down() -> None:
    raise ConnectionError("redis unreachable")


def _app(ready: bool) -> FastAPI:
    checks = {"redis": _ok if ready else _down, "model": _ok}
    app = create_service_app(BaseServiceSettings(), title="t", description="d", readiness=checks)

    @app.post("/things")
    async def things(body: Body) -> dict[str, int]:
        if body.count < 0:
            raise ServiceError("count must not be negative", code="negative_count")
        return {"count": body.count}

    @app.get("/busy")
    async def busy() -> None:
        raise OverloadedError(retry_after_s=3)

    @app.get("/crash")
    async def crash() -> None:
        raise RuntimeError("boom")

    return app


async def _client(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def test_health_is_alive_and_readiness_reports_each_check() -> None:
    async with await _client(_app(ready=False)) as client:
        assert (await client.get("/healthz")).status_code == 200
        ready = await client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"] == {"redis": "redis unreachable", "model": "ok"}
    async with await _client(_app(ready=True)) as client:
        assert (await client.get("/readyz")).status_code == 200


async def test_a_readiness_flag_fails_with_its_reason_until_set() -> None:
    loaded = ReadinessFlag("model not loaded")
    app = create_service_app(
        BaseServiceSettings(), title="t", description="d", readiness={"model": loaded.check}
    )
    async with await _client(app) as client:
        before = await client.get("/readyz")
        assert before.status_code == 503
        assert before.json()["checks"] == {"model": "model not loaded"}
        loaded.ready = True
        assert (await client.get("/readyz")).status_code == 200


async def _degraded() -> None:
    raise DegradedError("contract data missing")


async def test_a_degraded_check_is_reported_without_failing_readiness() -> None:
    app = create_service_app(
        BaseServiceSettings(),
        title="t",
        description="d",
        readiness={"contract": _degraded, "model": _ok},
    )
    async with await _client(app) as client:
        ready = await client.get("/readyz")
        assert ready.status_code == 200
        assert ready.json() == {
            "status": "degraded",
            "checks": {"contract": "degraded: contract data missing", "model": "ok"},
        }
    failing = {"contract": _degraded, "redis": _down}
    app = create_service_app(BaseServiceSettings(), title="t", description="d", readiness=failing)
    async with await _client(app) as client:
        ready = await client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["status"] == "not_ready"


async def test_errors_use_the_one_shape_with_stable_codes() -> None:
    async with await _client(_app(ready=True)) as client:
        missing = await client.get("/nope")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
        invalid = await client.post("/things", json={"count": "many"})
        assert invalid.status_code == 422
        assert invalid.json()["error"]["details"][0]["field"] == "body.count"
        refused = await client.post("/things", json={"count": -1})
        assert refused.json()["error"]["code"] == "negative_count"
        crashed = await client.get("/crash")
        assert crashed.status_code == 500
        assert crashed.json() == {
            "error": {
                "code": "internal_error",
                "message": "An internal error occurred.",
                "details": None,
            }
        }


async def test_overloaded_answers_503_with_retry_after() -> None:
    async with await _client(_app(ready=True)) as client:
        busy = await client.get("/busy")
        assert busy.status_code == 503
        assert busy.headers["retry-after"] == "3"
        assert busy.json() == {
            "error": {
                "code": "overloaded",
                "message": "The service is busy; retry shortly.",
                "details": {"retry_after_s": 3},
            }
        }


async def test_request_id_is_echoed_and_metrics_count_requests() -> None:
    async with await _client(_app(ready=True)) as client:
        response = await client.get("/healthz", headers={"X-Request-ID": "abc-123"})
        assert response.headers["x-request-id"] == "abc-123"
        assert len((await client.get("/healthz")).headers["x-request-id"]) == 32
        metrics = (await client.get("/metrics")).text
        assert 'http_requests_total{method="GET",route="/healthz",status="200"} 2.0' in metrics
