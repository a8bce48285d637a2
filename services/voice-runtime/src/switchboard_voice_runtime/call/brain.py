"""The agent's brain: what it answers to a caller turn, as streamed text plus call actions."""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from switchboard_common.contract.events import ToolCallReport
from switchboard_common.contract.tenant_config import AgentConfig, QuickReply
from switchboard_voice_runtime.providers.llm import ChatMessage

BrainKind = Literal["quick_reply", "llm", "builtin"]
_WORD = re.compile(r"[a-z0-9']+")
DTMF = re.compile(r"^\[DTMF ([0-9*#])\]$")


@dataclass(frozen=True, slots=True)
class EndCall:
    """Hang up once everything said so far has been played."""


@dataclass(frozen=True, slots=True)
class TransferCall:
    """Transfer to ``number`` (still to be checked against the allow-list)."""

    number: str


BrainAction = EndCall | TransferCall


@dataclass(frozen=True, slots=True)
class BrainOutput:
    text: str = ""
    action: BrainAction | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """``tool_calls`` fills while ``outputs`` is iterated: the HTTP tool calls the answer made."""

    kind: BrainKind
    outputs: AsyncGenerator[BrainOutput, None]
    tool_calls: list[ToolCallReport] = field(default_factory=list)


class Brain(Protocol):
    def reply(self, caller_text: str, history: Sequence[ChatMessage]) -> Reply:
        """The answer to ``caller_text``; ``history`` ends with that caller message. Iterating
        the outputs may raise ProviderError; closing it cancels the work."""


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def contains_phrase(text_words: Sequence[str], phrase: str) -> bool:
    """Whether the phrase's words occur contiguously in ``text_words``."""
    target = words(phrase)
    if not target:
        return False
    size = len(target)
    return any(list(text_words[i : i + size]) == target for i in range(len(text_words) - size + 1))


def match_quick_reply(agent: AgentConfig, caller_text: str) -> QuickReply | None:
    caller_words = words(caller_text)
    for quick in agent.quick_replies:
        if any(contains_phrase(caller_words, phrase) for phrase in quick.phrases):
            return quick
    return None


async def say(text: str, action: BrainAction | None = None) -> AsyncGenerator[BrainOutput, None]:
    """A fixed answer as an output stream."""
    yield BrainOutput(text=text, action=action)


class QuickReplyFirst:
    """Answers quick-reply phrases itself and hands everything else to ``fallback``."""

    def __init__(self, agent: AgentConfig, fallback: Brain) -> None:
        self._agent = agent
        self._fallback = fallback

    def reply(self, caller_text: str, history: Sequence[ChatMessage]) -> Reply:
        quick = match_quick_reply(self._agent, caller_text)
        if quick is not None:
            return Reply("quick_reply", say(quick.answer))
        return self._fallback.reply(caller_text, history)
