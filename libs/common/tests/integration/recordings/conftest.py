"""Both recording backends: a temp directory and a real SeaweedFS S3 server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from switchboard_common.recordings import RecordingStore, open_recording_store
from switchboard_common.recordings.directory import DirectoryRecordingStore
from switchboard_common.recordings.s3_testing import SeaweedS3


@pytest.fixture(scope="session")
def seaweed_s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedS3]:
    with SeaweedS3(tmp_path_factory.mktemp("seaweed")) as server:
        yield server


@pytest.fixture(params=["dir", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> RecordingStore:
    """One bucket for the session: each test writes under its own tenant id."""
    if request.param == "dir":
        return DirectoryRecordingStore(tmp_path / "recordings")
    server: SeaweedS3 = request.getfixturevalue("seaweed_s3")
    opened = open_recording_store(server.settings())
    assert opened is not None
    return opened
