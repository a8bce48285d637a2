"""Neutral admission: decisions per carrier and carrier call id, whatever the carrier."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from redis.asyncio import Redis

from switchboard_common.app_testing import running_client
from switchboard_common.audio import TELEPHONY_MULAW
from switchboard_common.contract import TenantRuntimeConfig
from switchboard_common.contract.tenant_config import Carrier
from switchboard_voice_runtime import admission
from switchboard_voice_runtime.admission import Admitted, AlreadyEnded, Refused
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.runtime import Runtime
from switchboard_voice_runtime.settings import Settings

pytestmark = pytest.mark.integration

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]

NUMBER = "+15550001000"
TWILIO_NUMBER = "+15550002000"


@pytest.fixture
async def runtime(
    redis: Redis,
    make_settings: Callable[..., Settings],
) -> AsyncIterator[Runtime]:
    app = create_app(make_settings())
    async with running_client(app):
        yield app.state.runtime


async def _admit(
    runtime: Runtime, carrier_call_id: str, *, carrier: Carrier = "telnyx", number: str = NUMBER
) -> object:
    lookup = await runtime.lookup(number)
    return await admission.admit(
        runtime, carrier, carrier_call_id, lookup, audio_format=TELEPHONY_MULAW
    )


async def test_a_replayed_carrier_call_gets_the_same_call_and_takes_no_second_lease(
    runtime: Runtime, publish: Publish, redis: Redis
) -> None:
    await publish(carrier="telnyx")
    first, again = await _admit(runtime, "c-1"), await _admit(runtime, "c-1")
    assert isinstance(first, Admitted) and isinstance(again, Admitted)
    assert (again.call_id, again.issued_at_s, again.replayed) == (
        first.call_id,
        first.issued_at_s,
        True,
    )
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 1


async def test_the_ledger_is_per_carrier(runtime: Runtime, publish: Publish) -> None:
    await publish(carrier="telnyx")
    await publish(numbers=(TWILIO_NUMBER,), carrier="twilio")
    telnyx = await _admit(runtime, "same-id")
    twilio = await _admit(runtime, "same-id", carrier="twilio", number=TWILIO_NUMBER)
    assert isinstance(telnyx, Admitted) and isinstance(twilio, Admitted)
    assert telnyx.call_id != twilio.call_id and not twilio.replayed


async def test_refusals_are_typed_and_an_ended_call_is_hung_up(
    runtime: Runtime, publish: Publish, redis: Redis
) -> None:
    await publish(max_concurrent_calls=1, reject_when_busy=True, carrier="telnyx")
    unknown = await admission.admit(
        runtime, "telnyx", "c-0", await runtime.lookup("+15550009999"), audio_format=TELEPHONY_MULAW
    )
    assert unknown == Refused("unknown_number", admission.UNKNOWN_NUMBER_MESSAGE)
    assert isinstance(await _admit(runtime, "c-1"), Admitted)
    busy = await _admit(runtime, "c-2")
    assert busy == Refused("busy", admission.BUSY_MESSAGE, reject=True)
    assert await _admit(runtime, "c-2") == Refused(
        "busy", admission.BUSY_MESSAGE, reject=True, replayed=True
    )
    assert await admission.end_carrier_call(runtime, "telnyx", "c-1", live_here=False)
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 0
    assert not await admission.end_carrier_call(runtime, "telnyx", "c-1", live_here=False)
    assert isinstance(await _admit(runtime, "c-1"), AlreadyEnded)


@pytest.mark.parametrize(
    ("carrier", "number_carrier"), [("twilio", "telnyx"), ("telnyx", "twilio")]
)
async def test_a_number_of_the_other_carrier_is_refused_as_unknown(
    runtime: Runtime, publish: Publish, redis: Redis, carrier: Carrier, number_carrier: Carrier
) -> None:
    await publish(carrier=number_carrier, reject_when_busy=True)
    refused = await _admit(runtime, "c-1", carrier=carrier)
    assert refused == Refused("unknown_number", admission.UNKNOWN_NUMBER_MESSAGE)
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 0
    assert isinstance(await _admit(runtime, "c-2", carrier=number_carrier), Admitted)
