"""Property-based pass over the OpenAPI schema (schemathesis, in-process ASGI): no 5xx."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from switchboard_common.test_endpoints import database_name, database_url
from switchboard_control_plane.app import create_app
from tests.integration.conftest import ADMIN, REDIS_URL, ensure_database, make_settings

pytestmark = pytest.mark.integration
FUZZ_DB = database_name("switchboard_cp_fuzz")
EXAMPLES_PER_OPERATION = 4


def test_no_operation_answers_5xx() -> None:
    """Every operation, fed generated and example inputs as a platform admin, stays below 500."""
    asyncio.run(ensure_database(FUZZ_DB, fresh=True))
    url = database_url("switchboard_cp_fuzz")
    app = create_app(
        make_settings(url, redis_url=REDIS_URL, run_workers=False, migrate_on_start=True)
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures: list[str] = []
    operations: list[Any] = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 40
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def check(case: Any) -> None:
            response = case.call(headers=ADMIN)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.text[:300]}")

        check()
    assert failures == []
