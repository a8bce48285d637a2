"""A recorded call ends up in the configured store: here a real S3-compatible server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from switchboard_common.audio import read_wav
from switchboard_common.recordings import open_recording_store
from switchboard_common.recordings.s3_testing import SeaweedS3
from switchboard_voice_runtime.call.session import CallOutcome
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

pytestmark = pytest.mark.integration
FIXTURES = Path(__file__).parents[1] / "unit" / "call" / "fixtures"
HOURS = (FIXTURES / "caller_hours.ulaw").read_bytes()


@pytest.fixture(scope="module")
def seaweed_s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedS3]:
    with SeaweedS3(tmp_path_factory.mktemp("seaweed")) as server:
        yield server


def test_a_recorded_call_is_stored_in_s3_under_its_tenant(seaweed_s3: SeaweedS3) -> None:
    store = open_recording_store(seaweed_s3.settings())
    assert store is not None
    caller = ScriptedCaller(until_s=3).say(0.5, HOURS, "what are your opening hours")
    holder: list[CallHarness] = []

    async def main() -> tuple[CallOutcome, bytes]:
        holder.append(build_call(sample_agent(recording=True), caller, recordings=store))
        asyncio.get_running_loop().call_later(3, holder[0].session.hang_up)
        outcome = await holder[0].run()
        assert outcome.recording_ref is not None
        return outcome, b"".join([chunk async for chunk in store.stream(outcome.recording_ref)])

    outcome, wav = run_virtual(main())

    assert outcome.recording_ref == "tenants/tenant-1/calls/call-1.wav"
    assert holder[0].events.ended().recording_ref == outcome.recording_ref
    samples, rate_hz, channels = read_wav(wav)
    assert (rate_hz, channels) == (8000, 2)
    assert 2.9 * 8000 <= samples.size // 2 <= 3.2 * 8000


def test_a_store_that_refuses_the_recording_leaves_the_call_ended_without_one(
    seaweed_s3: SeaweedS3,
) -> None:
    right = seaweed_s3.settings()
    refused = type(right).model_validate({**right.model_dump(), "secret_access_key": "wrong"})
    store = open_recording_store(refused)
    assert store is not None
    holder: list[CallHarness] = []

    async def main() -> CallOutcome:
        holder.append(
            build_call(sample_agent(recording=True), ScriptedCaller(until_s=1), recordings=store)
        )
        asyncio.get_running_loop().call_later(1, holder[0].session.hang_up)
        return await holder[0].run()

    outcome = run_virtual(main())

    assert outcome.reason == "caller_hangup"
    assert outcome.recording_ref is None
    assert holder[0].events.ended().recording_ref is None
