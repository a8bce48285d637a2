"""Committed audit entries to ``switchboard.audit`` (Kafka), after the commit and best effort."""

from __future__ import annotations

import logging
from typing import Final

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from switchboard_common.kafka_sink import TopicPublisher
from switchboard_control_plane.audit.models import AuditEntry
from switchboard_control_plane.audit.schemas import AuditEntryOut
from switchboard_control_plane.db.scope import ScopedSession

logger = logging.getLogger("switchboard.control_plane.audit")

_PENDING: Final = "audit_pending"
_COMMITTED: Final = "audit_committed"


def remember(session: AsyncSession, entry: AuditEntry) -> None:
    """Notes an entry of the session's open transaction; it is published only once committed."""
    session.info.setdefault(_PENDING, []).append(entry)


def _committed(session: Session) -> None:
    pending = session.info.pop(_PENDING, [])
    if pending:
        session.info.setdefault(_COMMITTED, []).extend(pending)


def _rolled_back(session: Session, _previous_transaction: object) -> None:
    session.info.pop(_PENDING, None)


def install_audit_hooks() -> None:
    """Moves noted entries to the committed list on commit and forgets them on rollback."""
    if not event.contains(ScopedSession, "after_commit", _committed):
        event.listen(ScopedSession, "after_commit", _committed)
        event.listen(ScopedSession, "after_soft_rollback", _rolled_back)


class AuditStream:
    """Publishes a session's committed audit entries, keyed by their chain (tenant id, or the
    platform chain). Never raises: Kafka trouble is logged and counted by the producer."""

    def __init__(self, publisher: TopicPublisher | None) -> None:
        self._publisher = publisher

    async def publish_committed(self, session: AsyncSession) -> None:
        entries: list[AuditEntry] = session.info.pop(_COMMITTED, [])
        if self._publisher is None:
            return
        for entry in entries:
            try:
                payload = AuditEntryOut.model_validate(entry, from_attributes=True)
                await self._publisher.publish("audit", entry.chain, payload.model_dump_json())
            except Exception as exc:  # the change is committed; Kafka must not fail the request
                logger.warning(
                    "audit.kafka_publish_failed",
                    extra={"fields": {"action": entry.action, "error": type(exc).__name__}},
                )
