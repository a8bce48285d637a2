"""Dependencies failing mid-call: the caller hears an apology, not silence; Redis may vanish."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine

import pytest
from redis.asyncio import Redis

from switchboard_callsim import SimEvent
from switchboard_callsim.events import CallerActed
from switchboard_common.contract import CallEnded, CallStarted, CallTurn
from switchboard_common.redis_testing import RedisServer
from switchboard_voice_runtime.call.phrases import APOLOGY_REPEAT
from switchboard_voice_runtime.testing.tenants import read_events

from .checks import BUDGET_MS, LATENCY_MARGIN, assert_call, failed
from .stack import E2EStack, SwitchableProxy
from .tenants import Tenants, call_events

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]

SECOND_QUESTION_TURN = 2
"""Turn 0 is the greeting, turn 1 the first question."""


def when_caller_asks_again(
    action: Callable[[], Coroutine[object, object, None]], tasks: set[asyncio.Task[None]]
) -> Callable[[SimEvent], None]:
    """An event hook that starts ``action`` as the caller starts the second question."""

    def on_event(event: SimEvent) -> None:
        if isinstance(event, CallerActed) and event.turn == SECOND_QUESTION_TURN:
            tasks.add(asyncio.create_task(action()))

    return on_event


async def test_stt_going_down_mid_call_gets_the_caller_an_apology(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005556008")
    proxy = SwitchableProxy(int(stack.stt.url.rsplit(":", 1)[1]))
    await proxy.start()
    cuts: set[asyncio.Task[None]] = set()
    try:
        async with stack.extra_runtime(stt_url=proxy.url) as runtime:
            report = await stack.call(
                "stt_down",
                runtime_url=runtime.url,
                on_event=when_caller_asks_again(proxy.cut, cuts),
            )
    finally:
        await proxy.cut()
    assert cuts, "the STT was never cut"
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)
    assert len(events.turns) == 1 and "Monday" in events.turns[0].agent_text
    transcript = [(e.role, e.text) for e in events.ended.transcript]
    assert ("system", "stt failed") in transcript and ("agent", APOLOGY_REPEAT) in transcript
    assert events.ended.reason == "caller_hangup"


async def _events_of(redis: Redis, call_id: str) -> tuple[list[CallTurn], CallEnded | None]:
    turns, ended = [], None
    for event in await read_events(redis):
        if event.call_id == call_id and isinstance(event, CallTurn):
            turns.append(event)
        elif event.call_id == call_id and isinstance(event, CallEnded):
            ended = event
    return turns, ended


async def test_redis_going_down_mid_call_neither_stops_the_call_nor_loses_its_events(
    stack: E2EStack,
) -> None:
    server = RedisServer()
    await server.start()
    redis = Redis.from_url(server.url)
    call_ids: list[str] = []

    async def kill_redis() -> None:
        for event in await read_events(redis):
            if isinstance(event, CallStarted):
                call_ids.append(event.call_id)
        await server.kill()

    kills: set[asyncio.Task[None]] = set()
    try:
        await Tenants(redis).publish("+15005556001")
        async with stack.extra_runtime(redis_url=server.url) as runtime:
            report = await stack.call(
                "happy", runtime_url=runtime.url, on_event=when_caller_asks_again(kill_redis, kills)
            )
            assert kills and call_ids, "Redis was not killed during the call"
            await server.start()  # empty: what was written before the kill is gone
            turns, ended = await _wait_for_end(server.url, call_ids[0])
    finally:
        await redis.aclose()
        await server.kill()
    assert ended is not None, f"call.ended never arrived after Redis came back; turns {turns}"
    assert ended.reason == "caller_hangup" and ended.turns == 2
    assert [t.turn_index for t in turns] == [1], "the turn answered while Redis was down"
    wrong = [c for c in report.checks if c.passed is False and c.name != "latency_budget"]
    assert not wrong, failed(report)
    assert all(ms <= BUDGET_MS * LATENCY_MARGIN for ms in report.latencies_ms), failed(report)


async def _wait_for_end(url: str, call_id: str) -> tuple[list[CallTurn], CallEnded | None]:
    """The call's events in the restarted Redis, once its ``call.ended`` arrived (or 20 s)."""
    turns: list[CallTurn] = []
    async with Redis.from_url(url) as redis:
        for _ in range(200):
            turns, ended = await _events_of(redis, call_id)
            if ended is not None:
                return turns, ended
            await asyncio.sleep(0.1)
    return turns, None
