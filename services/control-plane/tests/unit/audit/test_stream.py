"""Audit entries go to Kafka only once committed, and Kafka trouble never reaches the request."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.kafka_sink import KafkaBufferFullError, TopicKey
from switchboard_control_plane.audit.models import AuditEntry
from switchboard_control_plane.audit.stream import AuditStream, install_audit_hooks, remember
from switchboard_control_plane.db.scope import ScopedSession


class Recorder:
    def __init__(self, *, full: bool = False) -> None:
        self.sent: list[tuple[TopicKey, str, str]] = []
        self.full = full

    async def publish(self, topic_key: TopicKey, tenant_id: str, payload_json: str) -> None:
        if self.full:
            raise KafkaBufferFullError("switchboard.audit: 1 messages await delivery")
        self.sent.append((topic_key, tenant_id, payload_json))


def _entry(seq: int, tenant_id: str | None = "ten_1") -> AuditEntry:
    return AuditEntry(
        id=seq,
        chain=tenant_id or "platform",
        seq=seq,
        tenant_id=tenant_id,
        actor="key:k1",
        action="tenant.updated",
        target="ten_1",
        ip=None,
        request_id=None,
        at=datetime(2026, 3, 2, tzinfo=UTC),
        diff={"name": {"before": "a", "after": "b"}},
        hash=f"h{seq}",
        prev_hash=f"h{seq - 1}",
    )


@pytest.fixture
def session() -> AsyncSession:
    install_audit_hooks()
    return AsyncSession(sync_session_class=ScopedSession)


async def test_only_committed_entries_are_published_keyed_by_chain(session: AsyncSession) -> None:
    recorder = Recorder()
    stream = AuditStream(recorder)
    await session.begin()
    remember(session, _entry(1))
    await session.rollback()
    await session.begin()
    remember(session, _entry(2))
    remember(session, _entry(3, tenant_id=None))
    await stream.publish_committed(session)
    assert recorder.sent == []  # not committed yet
    await session.commit()
    await stream.publish_committed(session)
    assert [(topic, key) for topic, key, _ in recorder.sent] == [
        ("audit", "ten_1"),
        ("audit", "platform"),
    ]
    assert '"hash":"h2"' in recorder.sent[0][2]
    await stream.publish_committed(session)
    assert len(recorder.sent) == 2


async def test_a_full_kafka_buffer_is_logged_not_raised(
    session: AsyncSession, caplog: pytest.LogCaptureFixture
) -> None:
    await session.begin()
    remember(session, _entry(1))
    await session.commit()
    await AuditStream(Recorder(full=True)).publish_committed(session)
    assert "audit.kafka_publish_failed" in caplog.text


async def test_without_kafka_committed_entries_are_dropped(session: AsyncSession) -> None:
    await session.begin()
    remember(session, _entry(1))
    await session.commit()
    await AuditStream(None).publish_committed(session)
    later = Recorder()
    await AuditStream(later).publish_committed(session)
    assert later.sent == []
