"""The per-call report: turns with texts and voice-to-voice latencies, marks, clears, outcome."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class TurnRecord:
    """One caller input and the agent's reply to it (turn 0: the greeting, no caller input).

    Times are ms since the stream started. ``caller_started_ms`` is when the caller began the
    step (its first frame, which may be a weak onset), ``caller_voiced_ms`` when its first voiced
    frame was sent, ``caller_stopped_ms`` when its last voiced frame was sent;
    ``agent_first_audio_ms`` when the first voiced agent frame after it arrived.
    """

    index: int
    kind: str
    step: int | None = None
    caller_text: str = ""
    caller_started_ms: float | None = None
    caller_voiced_ms: float | None = None
    caller_stopped_ms: float | None = None
    agent_first_audio_ms: float | None = None
    agent_last_audio_end_ms: float | None = None
    agent_text: str | None = None
    transcribed_bytes: int = 0

    @property
    def latency_ms(self) -> float | None:
        """Voice-to-voice: caller's last voiced frame sent -> first voiced agent frame received."""
        if self.caller_stopped_ms is None or self.agent_first_audio_ms is None:
            return None
        return self.agent_first_audio_ms - self.caller_stopped_ms

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("transcribed_bytes")
        data["latency_ms"] = self.latency_ms
        return data


@dataclass(slots=True)
class MarkRecord:
    name: str
    received_ms: float
    echoed_ms: float | None = None
    cleared: bool = False


@dataclass(frozen=True, slots=True)
class ClearRecord:
    at_ms: float
    dropped_ms: float
    marks_returned: int


@dataclass(frozen=True, slots=True)
class Check:
    """One expectation; ``passed`` None means it could not be verified (said in ``detail``)."""

    name: str
    passed: bool | None
    detail: str = ""
    turn: int | None = None


@dataclass(slots=True)
class CallReport:
    """Everything the simulator observed on one call."""

    scenario: str
    call_sid: str
    account_sid: str
    stream_sid: str
    twiml: str
    twiml_said: list[str] = field(default_factory=list)
    started_at: str = ""
    duration_ms: float = 0.0
    ended_by: str = "unknown"
    end_reason: str = "unknown"
    close_code: int | None = None
    carrier_actions: list[dict[str, Any]] = field(default_factory=list)
    turns: list[TurnRecord] = field(default_factory=list)
    marks: list[MarkRecord] = field(default_factory=list)
    clears: list[ClearRecord] = field(default_factory=list)
    dtmf_sent: list[str] = field(default_factory=list)
    protocol_errors: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    recording_path: str | None = None

    @property
    def passed(self) -> bool:
        """No expectation failed (unverified ones do not fail the call)."""
        return all(check.passed is not False for check in self.checks)

    @property
    def latencies_ms(self) -> list[float]:
        return [t.latency_ms for t in self.turns if t.latency_ms is not None]

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["turns"] = [turn.to_dict() for turn in self.turns]
        data["marks"] = [asdict(mark) for mark in self.marks]
        data["clears"] = [asdict(clear) for clear in self.clears]
        data["checks"] = [asdict(check) for check in self.checks]
        data["passed"] = self.passed
        data["latencies_ms"] = self.latencies_ms
        return data

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")
