"""The simulator against a fake runtime over real sockets."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from switchboard_callsim.events import AgentReplied, CallerActed, SimEvent
from switchboard_callsim.report import CallReport
from switchboard_callsim.runner import run_call
from switchboard_callsim.scenario import parse_scenario
from switchboard_callsim.webhook import WebhookError
from switchboard_common.audio import read_wav, write_wav

from .conftest import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    BUSY_NUMBER,
    PUBLIC_BASE_URL,
    TRANSFER_NUMBER,
    FakeStack,
)

FAST = {"after_agent_silence_ms": 200}


async def place(stack: FakeStack, data: dict[str, Any], out_dir: Path | None = None,
                events: list[SimEvent] | None = None, **kwargs: Any) -> CallReport:  # fmt: skip
    return await run_call(
        parse_scenario(data, base_dir=out_dir),
        runtime_url=stack.url,
        public_base_url=PUBLIC_BASE_URL,
        auth_token=AUTH_TOKEN,
        tts_url=stack.url,
        stt_url=stack.url,
        out_dir=out_dir,
        on_event=events.append if events is not None else None,
        account_sid=ACCOUNT_SID,
        **kwargs,
    )


def caller_wav(path: Path) -> Path:
    t = np.arange(16000 * 3 // 10) / 16000.0
    write_wav(path, (6000 * np.sin(2 * np.pi * 220 * t)).astype(np.int16), 16000)
    return path


async def test_scripted_call_records_turns_latencies_marks_and_files(
    fake_stack: FakeStack, tmp_path: Path
) -> None:
    caller_wav(tmp_path / "hello.wav")
    scenario = {
        "name": "conversation",
        "defaults": {"after_agent_silence_ms": 300},
        "expect": {
            "greeting": {"contains": ["thanks"]},
            "ended_by": "caller",
            "end_reason": "caller_hangup",
        },
        "steps": [
            {"say": "Hello there", "expect": {"contains": ["calling"], "max_latency_ms": 5000}},
            {"wav": "hello.wav", "expect": {"contains_any": ["thanks"]}},
            {"dtmf": "5"},
            {"hangup": True},
        ],
    }
    events: list[SimEvent] = []
    report = await place(fake_stack, scenario, tmp_path, events)

    assert report.passed, report.checks
    assert [turn.kind for turn in report.turns] == ["greeting", "say", "wav", "dtmf"]
    for turn in report.turns[1:]:
        assert turn.latency_ms is not None
        assert 0.0 < turn.latency_ms < 5000.0
        assert turn.agent_text == "Thanks for calling!"
    for spoken in report.turns[1:3]:
        # the fake answers speech only after 10 silent frames (200 ms) have reached it
        assert spoken.latency_ms is not None and spoken.latency_ms >= 180.0
    greeting_mark = report.marks[0]
    assert greeting_mark.name == "greeting"
    assert greeting_mark.echoed_ms is not None
    greeting_audio_ms = report.turns[0].agent_first_audio_ms
    assert greeting_audio_ms is not None
    # 600 ms of audio played out from its first frame (the mark itself may arrive later on a
    # loaded machine, so the time from the mark's arrival can be shorter)
    assert greeting_mark.echoed_ms - greeting_audio_ms >= 580.0
    assert [m.name for m in report.marks] == ["greeting", "t1", "t2", "t3"]
    assert all(m.echoed_ms is not None and not m.cleared for m in report.marks)
    assert report.dtmf_sent == ["5"]
    assert any(isinstance(e, CallerActed) and e.text == "Hello there" for e in events)
    assert sum(isinstance(e, AgentReplied) for e in events) == 4
    assert fake_stack.runtime.stt_queries[0] == {"encoding": "mulaw", "sample_rate_hz": "8000"}

    saved = json.loads((tmp_path / f"conversation-{report.call_sid}.json").read_text())
    assert saved["passed"] is True
    assert len(saved["latencies_ms"]) == 3
    samples, rate_hz, channels = read_wav(tmp_path / f"conversation-{report.call_sid}.wav")
    assert (rate_hz, channels) == (8000, 2)
    stereo = samples.reshape(-1, 2)
    assert np.abs(stereo[:, 0]).max() > 3000  # the caller spoke
    assert np.abs(stereo[:4800, 1]).max() > 3000  # the greeting played in the first 600 ms


async def test_runtime_sees_twilio_messages_in_order(fake_stack: FakeStack) -> None:
    report = await place(
        fake_stack, {"name": "wire", "defaults": FAST, "steps": [{"dtmf": "12"}, {"hangup": True}]}
    )
    received = fake_stack.runtime.received
    assert received[0] == {"event": "connected", "protocol": "Call", "version": "1.0.0"}
    start = received[1]
    assert start["sequenceNumber"] == "1"
    assert start["start"]["customParameters"] == {"call_token": f"token-{report.call_sid}"}
    assert start["start"]["mediaFormat"] == {
        "encoding": "audio/x-mulaw",
        "sampleRate": 8000,
        "channels": 1,
    }
    assert start["start"]["tracks"] == ["inbound"]
    assert start["streamSid"] == report.stream_sid
    assert start["streamSid"].startswith("MZ")
    sequence = [int(m["sequenceNumber"]) for m in received[1:]]
    assert sequence == list(range(1, len(sequence) + 1))
    media = [m["media"] for m in received if m["event"] == "media"]
    assert [int(m["chunk"]) for m in media] == list(range(1, len(media) + 1))
    assert all(int(m["timestamp"]) == (int(m["chunk"]) - 1) * 20 for m in media)
    assert {len(base64.b64decode(m["payload"])) for m in media} == {160}
    digits = [m["dtmf"]["digit"] for m in received if m["event"] == "dtmf"]
    assert digits == ["1", "2"]
    assert received[-1]["event"] == "stop"
    assert received[-1]["stop"] == {"accountSid": ACCOUNT_SID, "callSid": report.call_sid}
    webhook = fake_stack.runtime.webhooks[0]
    assert (webhook["CallStatus"], webhook["Direction"], webhook["AccountSid"]) == (
        "ringing", "inbound", ACCOUNT_SID,
    )  # fmt: skip


async def test_talking_over_the_agent_gets_its_audio_cleared(fake_stack: FakeStack) -> None:
    fake_stack.runtime.greeting_ms = 3000
    scenario = {"name": "barge", "steps": [{"say": "Hello", "at_ms": 500}, {"hangup": True}]}
    report = await place(fake_stack, scenario)
    assert len(report.clears) >= 1
    clear = report.clears[0]
    assert clear.dropped_ms > 1000.0
    assert clear.marks_returned == 1
    greeting = report.marks[0]
    assert greeting.cleared
    assert greeting.echoed_ms is not None and greeting.echoed_ms < 3000.0
    echoes = [m for m in fake_stack.runtime.received if m["event"] == "mark"]
    assert echoes[0]["mark"] == {"name": "greeting"}
    assert report.turns[1].latency_ms is not None


async def test_transfer_through_the_fake_carrier_ends_the_stream(fake_stack: FakeStack) -> None:
    scenario = {
        "name": "transfer",
        "defaults": FAST,
        "steps": [{"dtmf": "0"}],
        "expect": {
            "ended_by": "runtime",
            "end_reason": "transferred",
            "transfer_to": TRANSFER_NUMBER,
        },
    }
    report = await place(fake_stack, scenario, carrier=fake_stack.carrier)
    assert report.passed, report.checks
    assert report.carrier_actions[0]["target"] == TRANSFER_NUMBER
    assert fake_stack.runtime.received[-1]["event"] == "stop"


async def test_runtime_closing_the_socket_ends_the_call(fake_stack: FakeStack) -> None:
    scenario = {
        "name": "closed",
        "defaults": FAST,
        "steps": [{"dtmf": "9"}],
        "expect": {"ended_by": "runtime"},
    }
    report = await place(fake_stack, scenario)
    assert (report.ended_by, report.end_reason) == ("runtime", "runtime_closed")
    assert report.passed


async def test_runtime_closing_at_once_is_a_reported_outcome(fake_stack: FakeStack) -> None:
    fake_stack.runtime.close_at_once = True
    scenario = {"name": "gone", "steps": [{"say": "Hello"}, {"dtmf": "1"}]}
    report = await place(fake_stack, scenario)
    assert (report.ended_by, report.end_reason) == ("runtime", "runtime_closed")
    assert report.turns[0].agent_first_audio_ms is None


async def test_rejected_call_reports_the_twiml_outcome(
    fake_stack: FakeStack, tmp_path: Path
) -> None:
    scenario = {
        "name": "busy",
        "to_number": BUSY_NUMBER,
        "steps": [{"hangup": True}],
        "expect": {"twiml": "reject"},
    }
    report = await place(fake_stack, scenario, tmp_path)
    assert (report.twiml, report.end_reason) == ("reject", "busy")
    assert report.passed
    assert fake_stack.runtime.received == []
    assert report.recording_path is None


async def test_wrong_auth_token_is_refused_by_the_runtime(fake_stack: FakeStack) -> None:
    with pytest.raises(WebhookError, match="403"):
        await run_call(
            parse_scenario({"name": "x", "steps": [{"hangup": True}]}),
            runtime_url=fake_stack.url, public_base_url=PUBLIC_BASE_URL, auth_token="wrong",
        )  # fmt: skip
