"""Appends audit entries to their chain and verifies chains end to end."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.access.principal import Actor
from switchboard_control_plane.audit.chain import GENESIS_HASH, changes, entry_hash
from switchboard_control_plane.audit.models import PLATFORM_CHAIN, AuditEntry, AuditHead
from switchboard_control_plane.audit.stream import remember
from switchboard_control_plane.db.base import BIGINT_MAX, utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.errors import InvalidConfigError


def hashed_fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "chain": entry.chain,
        "seq": entry.seq,
        "tenant_id": entry.tenant_id,
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "ip": entry.ip,
        "request_id": entry.request_id,
        "at": entry.at.isoformat(),
        "diff": entry.diff,
    }


async def record(
    session: AsyncSession,
    actor: Actor,
    action: str,
    target: str,
    *,
    tenant_id: str | None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Appends one entry in the caller's transaction (the chain head row serializes writers);
    once it commits, ``AuditStream.publish_committed`` sends it on to Kafka."""
    chain = tenant_id or PLATFORM_CHAIN
    await session.execute(
        insert(AuditHead)
        .values(chain=chain, seq=0, hash=GENESIS_HASH)
        .on_conflict_do_nothing(index_elements=["chain"])
    )
    head = (
        await session.execute(select(AuditHead).where(AuditHead.chain == chain).with_for_update())
    ).scalar_one()
    entry = AuditEntry(
        chain=chain,
        seq=head.seq + 1,
        tenant_id=tenant_id,
        actor=actor.subject,
        action=action,
        target=target,
        ip=actor.ip,
        request_id=actor.request_id,
        at=utcnow(),
        diff=changes(before, after),
        prev_hash=head.hash,
    )
    entry.hash = entry_hash(head.hash, hashed_fields(entry))
    head.seq, head.hash = entry.seq, entry.hash
    session.add(entry)
    remember(session, entry)
    return entry


@dataclass(frozen=True, slots=True)
class ChainProblem:
    chain: str
    seq: int
    problem: str


def verify_entries(
    chain: str, entries: Sequence[AuditEntry], head: AuditHead | None
) -> list[ChainProblem]:
    """Problems in one chain: a changed entry, a gap (deleted entry) or a missing tail."""
    problems: list[ChainProblem] = []
    prev_hash, expected_seq = GENESIS_HASH, 1
    for entry in entries:
        if entry.seq != expected_seq:
            problems.append(ChainProblem(chain, expected_seq, "missing"))
        if entry.prev_hash != prev_hash:
            problems.append(ChainProblem(chain, entry.seq, "broken_link"))
        if entry_hash(entry.prev_hash, hashed_fields(entry)) != entry.hash:
            problems.append(ChainProblem(chain, entry.seq, "changed"))
        prev_hash, expected_seq = entry.hash, entry.seq + 1
    if head is not None and (head.seq != expected_seq - 1 or head.hash != prev_hash):
        problems.append(ChainProblem(chain, head.seq, "tail_missing"))
    return problems


async def verify_all(session: AsyncSession) -> tuple[int, list[ChainProblem]]:
    """Verifies every chain; returns the number of entries checked and the problems found."""
    heads = {h.chain: h for h in (await session.execute(select(AuditHead))).scalars()}
    query = select(AuditEntry).order_by(AuditEntry.chain, AuditEntry.seq)
    rows = (await session.execute(query.execution_options(**ALL_TENANTS))).scalars().all()
    by_chain: dict[str, list[AuditEntry]] = {chain: [] for chain in heads}
    for entry in rows:
        by_chain.setdefault(entry.chain, []).append(entry)
    problems: list[ChainProblem] = []
    for chain, entries in by_chain.items():
        problems.extend(verify_entries(chain, entries, heads.get(chain)))
    return len(rows), problems


def cursor_of(entry_id: int) -> str:
    return str(entry_id)


def parse_cursor(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    if not cursor.isdigit() or int(cursor) > BIGINT_MAX:
        raise InvalidConfigError("cursor", "not a cursor from this API")
    return int(cursor)
