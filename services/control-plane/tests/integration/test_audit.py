"""The audit log is a per-tenant hash chain: verify passes, then catches a change or a delete."""

from __future__ import annotations

import asyncpg  # type: ignore[import-untyped]
import pytest

from switchboard_control_plane.maintenance import verify_audit
from tests.integration.builders import live_agent, ok, tenant
from tests.integration.conftest import Harness

pytestmark = pytest.mark.integration


async def _tamper(database_url: str, statement: str) -> None:
    """Bypasses the append-only trigger as a superuser would (replica role skips triggers)."""
    connection = await asyncpg.connect(database_url.replace("+asyncpg", ""))
    try:
        await connection.execute("SET session_replication_role = replica")
        await connection.execute(statement)
    finally:
        await connection.close()


async def test_entries_record_actor_target_request_and_diff(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    await ok(
        client.patch(
            f"/v1/tenants/{tenant_id}",
            json={"name": "Renamed"},
            headers={"X-Request-ID": "req-audit-1"},
        )
    )
    entry = (await ok(client.get(f"/v1/tenants/{tenant_id}/audit")))["items"][0]
    assert entry["action"] == "tenant.updated"
    assert entry["actor"] == "bootstrap-admin" and entry["target"] == tenant_id
    assert entry["request_id"] == "req-audit-1"
    assert entry["diff"] == {"before": {"name": "Acme"}, "after": {"name": "Renamed"}}


async def test_audit_pages_with_a_cursor(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    for index in range(5):
        await ok(client.patch(f"/v1/tenants/{tenant_id}", json={"name": f"name {index}"}))
    seen: list[int] = []
    cursor: str | None = None
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        page = await ok(client.get(f"/v1/tenants/{tenant_id}/audit", params=params))
        seen.extend(entry["seq"] for entry in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [6, 5, 4, 3, 2, 1]


async def test_the_table_refuses_updates(harness: Harness) -> None:
    await tenant(harness.client)
    connection = await asyncpg.connect(harness.settings.database_url.replace("+asyncpg", ""))
    try:
        with pytest.raises(asyncpg.RaiseError, match="append-only"):
            await connection.execute("UPDATE audit_entries SET actor = 'mallory'")
    finally:
        await connection.close()


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        ("UPDATE audit_entries SET actor = 'mallory' WHERE seq = 2", "changed"),
        ("DELETE FROM audit_entries WHERE seq = 2", "missing"),
        (
            "DELETE FROM audit_entries WHERE seq = (SELECT max(seq) FROM audit_entries)",
            "tail_missing",
        ),
    ],
)
async def test_verify_detects_a_changed_or_deleted_entry(
    harness: Harness, statement: str, problem: str
) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    await live_agent(client, tenant_id)
    sessions = harness.app.state.resources.sessions
    checked, problems = await verify_audit(sessions)
    assert checked >= 4 and problems == []
    await _tamper(harness.settings.database_url, statement)
    _, problems = await verify_audit(sessions)
    assert problem in {p.problem for p in problems}
