"""Property-based pass over the OpenAPI schema (schemathesis, in-process ASGI): no 5xx.

Generated inputs alone stop at "tenant not found", so the pass first builds a small world
through the API (a tenant with an agent, versions, a number, a secret, a member and keys) and
feeds its real ids into the generated requests. Every operation runs in positive and negative
generation modes at every auth level (platform admin, tenant owner, viewer, anonymous or a bad
credential); then a stateful run follows the links schemathesis infers between operations.
Destructive operations (DELETE) run last so the world lives through the rest.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import requests
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.python.asgi import get_client

from switchboard_common.test_endpoints import database_name, database_url
from switchboard_control_plane.app import create_app
from tests.integration.conftest import ADMIN, REDIS_URL, ensure_database, make_settings

pytestmark = pytest.mark.integration
FUZZ_DB = database_name("switchboard_cp_fuzz")
EXAMPLES_PER_OPERATION = 10
STATEFUL_RUNS = 15
STATEFUL_STEPS = 8
UNLIMITED = 1_000_000


def _ok(response: requests.Response) -> dict[str, Any]:
    assert response.status_code < 300, response.text
    body: dict[str, Any] = response.json() if response.content else {}
    return body


def _build_world(app: FastAPI) -> tuple[dict[str, Any], dict[str, dict[str, str]]]:
    """Real ids for path parameters, and the headers of each auth level."""
    client = get_client(app)  # type: ignore[arg-type]
    client.headers.update(ADMIN)
    base = client.base_url
    tenant = _ok(client.post(f"{base}/v1/tenants", json={"name": "Fuzz Dental"}))["id"]
    prefix = f"{base}/v1/tenants/{tenant}"
    agent = _ok(client.post(f"{prefix}/agents", json={"name": "desk"}))["id"]
    for greeting in ("Hello", "Hi there"):
        _ok(client.post(f"{prefix}/agents/{agent}/versions", json={"greeting": greeting}))
    _ok(client.post(f"{prefix}/agents/{agent}/publish", json={"version": 2}))
    number = _ok(client.post(f"{prefix}/numbers", json={"e164": "+15005550100", "agent_id": agent}))
    secret = {"value": "s3cret", "kind": "tool_credential"}
    _ok(client.put(f"{prefix}/secrets/fuzz-secret", json=secret))
    _ok(client.put(f"{prefix}/members/fuzz-member", json={"role": "viewer"}))
    keys = {
        role: _ok(client.post(f"{prefix}/api-keys", json={"name": role, "role": role}))
        for role in ("owner", "viewer", "editor")
    }
    ids: dict[str, Any] = {
        "tenant_id": tenant,
        "agent_id": agent,
        "number_id": number["id"],
        "key_id": keys["editor"]["id"],
        "name": "fuzz-secret",
        "subject": "fuzz-member",
        "version": 1,
        "call_id": "call_fuzz",
    }
    auth = {
        "platform_admin": ADMIN,
        "owner": {"Authorization": f"Bearer {keys['owner']['key']}"},
        "viewer": {"Authorization": f"Bearer {keys['viewer']['key']}"},
        "anonymous": {},
    }
    return ids, auth


def _destructive_last(operation: Any) -> tuple[bool, str]:
    return (operation.method.upper() == "DELETE", operation.label)


def _has_inputs(operation: Any) -> bool:
    parts = ("path_parameters", "query", "headers", "cookies", "body")
    return any(len(getattr(operation, part)) for part in parts)


def test_no_operation_answers_5xx_at_any_auth_level() -> None:
    asyncio.run(ensure_database(FUZZ_DB, fresh=True))
    app = create_app(
        make_settings(
            database_url("switchboard_cp_fuzz"),
            redis_url=REDIS_URL,
            run_workers=False,
            migrate_on_start=True,
            tts_url="",  # no TTS: whatever listens on its default port must not matter
            rate_limit={"requests_per_minute": UNLIMITED, "failed_logins_per_minute": UNLIMITED},
        )
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    # Any code point, lone surrogates and NUL included: what a client can send as JSON escapes.
    schema.config.generation.update(codec=None, allow_x00=True)
    ids, auth = _build_world(app)
    # Half the cases as the platform admin, who reaches every route's database work.
    weighted_levels = ["platform_admin"] * 3 + sorted(auth)
    failures: list[str] = []

    def record(case: Any, response: Any, level: str) -> None:
        if response.status_code >= 500:
            failures.append(
                f"{level} {case.method} {case.formatted_path} {case.query} "
                f"{str(case.body)[:200]}: {response.text[:300]}"
            )

    operations: list[Any] = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 40
    for operation in sorted(operations, key=_destructive_last):
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            if mode is GenerationMode.NEGATIVE and not _has_inputs(operation):
                continue  # nothing to make invalid (GET /v1/console/config)

            @given(
                case=operation.as_strategy(generation_mode=mode),
                level=st.sampled_from(weighted_levels),
                real_ids=st.booleans(),
            )
            @settings(
                max_examples=EXAMPLES_PER_OPERATION,
                deadline=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
                database=None,
            )
            def check(case: Any, level: str, real_ids: bool) -> None:
                if real_ids and case.path_parameters:
                    case.path_parameters = {
                        name: ids.get(name, value) for name, value in case.path_parameters.items()
                    }
                record(case, case.call(headers=auth[level]), level)

            check()

    machine = schema.as_state_machine()
    levels = sorted(auth)

    class Stateful(machine):  # type: ignore[misc, valid-type]
        step_count = 0

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            Stateful.step_count += 1
            return {"headers": auth[levels[Stateful.step_count % len(levels)]]}

        def validate_response(self, response: Any, case: Any, **_: Any) -> None:
            record(case, response, "stateful")

    # One sequence per run: replaying a sequence against a database it already changed draws
    # differently, which one long Hypothesis run would report as a flaky strategy.
    for _ in range(STATEFUL_RUNS):
        Stateful.run(
            settings=settings(
                max_examples=1,
                stateful_step_count=STATEFUL_STEPS,
                deadline=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
                database=None,
            )
        )
    assert Stateful.step_count > STATEFUL_RUNS
    assert failures == []
