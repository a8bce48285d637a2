"""Live events of a simulated call, for printing as the call happens (``on_event``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CallAnswered:
    call_sid: str
    twiml: str
    at_ms: float = 0.0


@dataclass(frozen=True, slots=True)
class CallerActed:
    """The caller started a step: speaking ``text`` (or a WAV), pressing digits, hanging up."""

    turn: int
    kind: str
    text: str
    at_ms: float


@dataclass(frozen=True, slots=True)
class AgentStartedSpeaking:
    """First voiced agent frame of a turn; ``latency_ms`` is voice-to-voice (None: greeting)."""

    turn: int
    at_ms: float
    latency_ms: float | None


@dataclass(frozen=True, slots=True)
class AgentReplied:
    """The agent's reply for a turn, as the STT service heard it."""

    turn: int
    text: str
    latency_ms: float | None


@dataclass(frozen=True, slots=True)
class AudioCleared:
    at_ms: float
    dropped_ms: float


@dataclass(frozen=True, slots=True)
class CallFinished:
    ended_by: str
    end_reason: str
    at_ms: float
    passed: bool


SimEvent = (
    CallAnswered | CallerActed | AgentStartedSpeaking | AgentReplied | AudioCleared | CallFinished
)
OnEvent = Callable[[SimEvent], None]


def describe(event: SimEvent) -> str:
    """One human line per event (what the demo prints)."""
    if isinstance(event, CallAnswered):
        return f"call {event.call_sid} answered with TwiML <{event.twiml}>"
    if isinstance(event, CallerActed) and event.kind == "hangup":
        return f"[{event.at_ms / 1000:7.2f}s] caller hangs up"
    if isinstance(event, CallerActed):
        return f"[{event.at_ms / 1000:7.2f}s] caller ({event.kind}): {event.text}"
    if isinstance(event, AgentStartedSpeaking):
        latency = "" if event.latency_ms is None else f" after {event.latency_ms:.0f} ms"
        return f"[{event.at_ms / 1000:7.2f}s] agent starts speaking (turn {event.turn}){latency}"
    if isinstance(event, AgentReplied):
        latency = "greeting" if event.latency_ms is None else f"{event.latency_ms:.0f} ms"
        return f"agent (turn {event.turn}, {latency}): {event.text}"
    if isinstance(event, AudioCleared):
        return (
            f"[{event.at_ms / 1000:7.2f}s] agent audio cleared ({event.dropped_ms:.0f} ms dropped)"
        )
    verdict = "PASSED" if event.passed else "FAILED"
    ended = f"call ended by {event.ended_by} ({event.end_reason})"
    return f"[{event.at_ms / 1000:7.2f}s] {ended}: {verdict}"
