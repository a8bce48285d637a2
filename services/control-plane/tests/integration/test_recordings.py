"""``GET /v1/tenants/{tenant_id}/calls/{call_id}/recording``: streamed, seekable, isolated."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from switchboard_common.audio import read_wav
from switchboard_common.recordings import recording_key
from switchboard_common.recordings.s3_testing import SeaweedS3
from switchboard_common.redis_testing import free_port
from tests.integration.builders import api_key, ok, tenant
from tests.integration.conftest import Harness
from tests.integration.recording_builders import (
    WAV,
    add_call,
    harness_with,
    recording_url,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def seaweed_s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedS3]:
    with SeaweedS3(tmp_path_factory.mktemp("seaweed")) as server:
        yield server


@pytest.fixture
async def recorded(migrated_database: str, redis: Redis, tmp_path: Path) -> AsyncIterator[Harness]:
    async for h in harness_with(migrated_database, redis, recordings={"dir": tmp_path}):
        yield h


async def test_the_whole_recording_streams_as_a_stereo_wav(recorded: Harness) -> None:
    tenant_id = await tenant(recorded.client)
    await add_call(recorded, tenant_id, "call-1")

    response = await recorded.client.get(recording_url(tenant_id, "call-1"))

    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/wav"
    assert response.headers["accept-ranges"] == "bytes"
    assert response.headers["content-length"] == str(len(WAV))
    assert response.content == WAV
    samples, rate_hz, channels = read_wav(response.content)
    assert (rate_hz, channels, len(samples)) == (8000, 2, 8000)
    assert samples[0] == -8000 and samples[1] == 8000  # caller left, agent right


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-3", 0, 4),
        ("bytes=44-1043", 44, 1044),
        ("bytes=7000-", 7000, len(WAV)),
        ("bytes=-100", len(WAV) - 100, len(WAV)),
        ("bytes=100-99999999", 100, len(WAV)),
    ],
)
async def test_a_range_request_gets_206_with_those_bytes(
    recorded: Harness, header: str, start: int, end: int
) -> None:
    tenant_id = await tenant(recorded.client)
    await add_call(recorded, tenant_id, "call-1")

    response = await recorded.client.get(
        recording_url(tenant_id, "call-1"), headers={"Range": header}
    )

    assert response.status_code == 206
    assert response.content == WAV[start:end]
    assert response.headers["content-range"] == f"bytes {start}-{end - 1}/{len(WAV)}"
    assert response.headers["content-length"] == str(end - start)


@pytest.mark.parametrize("header", ["bytes=99999999-", "bytes=20-10", "bytes=-0", "bytes=x-1"])
async def test_a_range_outside_the_recording_gets_416(recorded: Harness, header: str) -> None:
    tenant_id = await tenant(recorded.client)
    await add_call(recorded, tenant_id, "call-1")

    response = await recorded.client.get(
        recording_url(tenant_id, "call-1"), headers={"Range": header}
    )

    assert response.status_code == 416
    assert response.json()["error"]["code"] == "range_not_satisfiable"
    assert response.headers["content-range"] == f"bytes */{len(WAV)}"


async def test_a_range_in_another_unit_or_several_ranges_get_the_whole_recording(
    recorded: Harness,
) -> None:
    tenant_id = await tenant(recorded.client)
    await add_call(recorded, tenant_id, "call-1")
    for header in ("items=0-3", "bytes=0-3,10-20"):
        response = await recorded.client.get(
            recording_url(tenant_id, "call-1"), headers={"Range": header}
        )
        assert response.status_code == 200
        assert response.content == WAV


async def test_head_answers_the_headers_without_the_audio(recorded: Harness) -> None:
    tenant_id = await tenant(recorded.client)
    await add_call(recorded, tenant_id, "call-1")

    response = await recorded.client.head(recording_url(tenant_id, "call-1"))

    assert response.status_code == 200
    assert response.headers["content-length"] == str(len(WAV))
    assert response.headers["accept-ranges"] == "bytes"
    assert response.content == b""


async def test_a_call_without_a_recording_gets_404_recording_not_found(recorded: Harness) -> None:
    tenant_id = await tenant(recorded.client)
    await add_call(recorded, tenant_id, "call-off", wav=None, recorded=False)
    await add_call(recorded, tenant_id, "call-lost", wav=None)

    off = await recorded.client.get(recording_url(tenant_id, "call-off"))
    lost = await recorded.client.get(recording_url(tenant_id, "call-lost"))
    unknown = await recorded.client.get(recording_url(tenant_id, "call-unknown"))

    assert (off.status_code, off.json()["error"]["code"]) == (404, "recording_not_found")
    assert off.json()["error"]["details"]["reason"] == "not_recorded"
    assert (lost.status_code, lost.json()["error"]["code"]) == (404, "recording_not_found")
    assert lost.json()["error"]["details"]["reason"] == "not_stored"
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "call_not_found")


async def test_a_viewer_hears_the_recording_and_no_credential_does_not(recorded: Harness) -> None:
    tenant_id = await tenant(recorded.client)
    await add_call(recorded, tenant_id, "call-1")
    viewer = recorded.as_(await api_key(recorded.client, tenant_id, "viewer"))

    heard = await recorded.client.get(recording_url(tenant_id, "call-1"), headers=viewer)
    anonymous = await recorded.client.get(
        recording_url(tenant_id, "call-1"), headers={"Authorization": ""}
    )

    assert heard.status_code == 200 and heard.content == WAV
    assert anonymous.status_code == 401


async def test_another_tenant_cannot_reach_the_recording(recorded: Harness) -> None:
    alpha = await tenant(recorded.client, "Alpha")
    beta = await tenant(recorded.client, "Beta")
    await add_call(recorded, alpha, "call-alpha")
    beta_owner = recorded.as_(await api_key(recorded.client, beta, "owner"))

    through_alpha = await recorded.client.get(
        recording_url(alpha, "call-alpha"), headers=beta_owner
    )
    through_beta = await recorded.client.get(recording_url(beta, "call-alpha"), headers=beta_owner)

    assert through_alpha.status_code == 404
    assert through_alpha.json()["error"]["code"] == "tenant_not_found"
    assert through_beta.status_code == 404
    assert through_beta.json()["error"]["code"] == "call_not_found"
    assert WAV[:4] not in through_alpha.content + through_beta.content


async def test_recordings_stream_from_an_s3_compatible_store(
    migrated_database: str, redis: Redis, seaweed_s3: SeaweedS3
) -> None:
    settings = seaweed_s3.settings().model_dump(mode="python")
    async for harness in harness_with(migrated_database, redis, recordings=settings):
        tenant_id = await tenant(harness.client)
        await add_call(harness, tenant_id, "call-s3")
        url = recording_url(tenant_id, "call-s3")

        whole = await harness.client.get(url)
        part = await harness.client.get(url, headers={"Range": "bytes=4000-4999"})

        assert whole.status_code == 200 and whole.content == WAV
        assert part.status_code == 206 and part.content == WAV[4000:5000]
        detail = await ok(harness.client.get(f"/v1/tenants/{tenant_id}/calls/call-s3"))
        assert detail["recording_ref"] == recording_key(tenant_id, "call-s3")


async def test_an_unreachable_store_gets_503_and_says_nothing_of_it(
    migrated_database: str, redis: Redis
) -> None:
    closed_port = free_port()
    unreachable = {
        "backend": "s3",
        "bucket": "recordings",
        "endpoint": f"http://127.0.0.1:{closed_port}",
        "access_key_id": "AKID",
        "secret_access_key": "store-secret-value",
        "timeout_s": 1.0,
    }
    async for harness in harness_with(migrated_database, redis, recordings=unreachable):
        tenant_id = await tenant(harness.client)
        await add_call(harness, tenant_id, "call-1", wav=None)

        response = await harness.client.get(recording_url(tenant_id, "call-1"))

        assert response.status_code == 503
        assert response.json()["error"]["code"] == "recording_storage_unavailable"
        assert response.headers["retry-after"] == "5"
        assert str(closed_port) not in response.text
        assert "store-secret-value" not in response.text
