"""Scenario files: a scripted call (what the caller does and when) and what to expect of it."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

EndedBy = Literal["runtime", "caller", "any"]
EndReason = Literal["agent_hangup", "transferred", "runtime_closed", "caller_hangup", "any"]


class ScenarioError(ValueError):
    """A scenario file is missing, not YAML, or does not describe a valid call."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ReplyExpectation(_Model):
    """What the agent's reply to one caller step must satisfy (words match whole words,
    case- and punctuation-insensitive, in the STT transcript)."""

    contains: tuple[str, ...] = ()
    contains_any: tuple[str, ...] = ()
    not_contains: tuple[str, ...] = ()
    max_latency_ms: float | None = Field(default=None, gt=0)
    reply: bool = Field(default=True, description="False: the agent must stay silent")


class Step(_Model):
    """One caller action. Exactly one of say/wav/dtmf/hangup/wait_ms; at most one trigger.

    Triggers: ``after_agent_silence_ms`` (the agent has replied and been silent this long; the
    default) or ``at_ms`` (a fixed time since the stream started, talking over the agent if it
    is still speaking).
    """

    say: str | None = Field(default=None, min_length=1)
    wav: Path | None = None
    dtmf: str | None = Field(default=None, pattern=r"^[0-9*#]+$")
    hangup: bool = False
    wait_ms: int | None = Field(default=None, gt=0)
    at_ms: int | None = Field(default=None, ge=0)
    after_agent_silence_ms: int | None = Field(default=None, ge=0)
    expect: ReplyExpectation | None = None

    @model_validator(mode="after")
    def _one_action_one_trigger(self) -> Step:
        actions = [
            name
            for name, value in (
                ("say", self.say),
                ("wav", self.wav),
                ("dtmf", self.dtmf),
                ("wait_ms", self.wait_ms),
            )
            if value is not None
        ] + (["hangup"] if self.hangup else [])
        if len(actions) != 1:
            found = ", ".join(actions) or "none"
            raise ValueError(
                f"a step needs exactly one of say, wav, dtmf, hangup, wait_ms (found: {found})"
            )
        if self.at_ms is not None and self.after_agent_silence_ms is not None:
            raise ValueError("a step takes at_ms or after_agent_silence_ms, not both")
        return self

    @property
    def kind(self) -> str:
        if self.say is not None:
            return "say"
        if self.wav is not None:
            return "wav"
        if self.dtmf is not None:
            return "dtmf"
        return "wait" if self.wait_ms is not None else "hangup"

    @property
    def speaks(self) -> bool:
        return self.say is not None or self.wav is not None


class CallExpectation(_Model):
    """How the call must end. ``carrier_action`` is checked against a carrier observer (the fake
    carrier REST API the runtime calls); without one it is reported as unverified."""

    twiml: Literal["stream", "say", "hangup", "reject"] = "stream"
    ended_by: EndedBy = "any"
    end_reason: EndReason = "any"
    transfer_to: str | None = None
    greeting: ReplyExpectation | None = None


class Defaults(_Model):
    after_agent_silence_ms: int = Field(default=700, ge=0)
    reply_timeout_ms: int = Field(default=15_000, gt=0)
    max_latency_ms: float | None = Field(default=None, gt=0)


class Scenario(_Model):
    """A whole scripted call."""

    name: str = Field(min_length=1)
    description: str = ""
    from_number: str = Field(default="+15005550006", pattern=r"^\+[1-9]\d{6,14}$")
    to_number: str = Field(default="+15005550001", pattern=r"^\+[1-9]\d{6,14}$")
    max_duration_s: float = Field(default=120.0, gt=0, le=3_600)
    end_wait_ms: int = Field(default=10_000, ge=0, description="wait for the runtime to end")
    defaults: Defaults = Defaults()
    steps: tuple[Step, ...] = Field(min_length=1)
    expect: CallExpectation = CallExpectation()
    base_dir: Path = Field(default=Path("."), exclude=True)

    def wav_path(self, step: Step) -> Path:
        assert step.wav is not None
        return step.wav if step.wav.is_absolute() else self.base_dir / step.wav


def _format_errors(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        lines.append(f"  {where}: {error['msg']}")
    return "\n".join(lines)


def parse_scenario(
    data: object, *, source: str = "<scenario>", base_dir: Path | None = None
) -> Scenario:
    """Validates already-loaded YAML data; errors name the source and each field path."""
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: expected a mapping at the top level")
    if base_dir is not None:
        data = {**data, "base_dir": base_dir}
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(f"{source}: invalid scenario\n{_format_errors(exc)}") from exc


def load_scenario(path: Path | str) -> Scenario:
    """Reads and validates a scenario YAML file; WAV paths are relative to the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path}: not valid YAML: {exc}") from exc
    return parse_scenario(data, source=str(path), base_dir=path.parent)
