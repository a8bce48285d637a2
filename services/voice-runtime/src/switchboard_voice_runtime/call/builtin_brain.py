"""The deterministic brain for agents without an LLM: intents, quick replies and knowledge."""

from __future__ import annotations

from collections.abc import Sequence

from switchboard_common.contract.tenant_config import AgentConfig, TransferTarget
from switchboard_voice_runtime.call.brain import (
    DTMF,
    EndCall,
    Reply,
    TransferCall,
    contains_phrase,
    say,
    words,
)
from switchboard_voice_runtime.call.phrases import GOODBYE, TRANSFERRING
from switchboard_voice_runtime.providers.llm import ChatMessage

_GOODBYES = ("bye", "goodbye", "good bye", "that's all", "that is all", "hang up", "end the call")
_TRANSFER_PHRASES = ("transfer", "speak to", "speak with", "talk to", "talk with", "connect me")
_PEOPLE = ("person", "human", "someone", "somebody", "operator", "representative", "agent")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "have",
        "how",
        "i",
        "i'm",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "please",
        "the",
        "their",
        "there",
        "this",
        "to",
        "us",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "you're",
        "tell",
        "know",
        "about",
        "want",
        "like",
        "get",
    ]
)


def _stem(word: str) -> str:
    """A crude English stem, enough to match "opening" with "open", "cleanings" with "cleaning"
    and "prices" with "price"."""
    if word.endswith(("sses", "xes", "zes", "ches", "shes")) and len(word) > 4:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _keywords(text: str) -> set[str]:
    return {_stem(word) for word in words(text) if word not in _STOPWORDS}


class BuiltinBrain:
    """Answers from the agent's own configuration; needs no network and never fails."""

    def __init__(self, agent: AgentConfig) -> None:
        self._agent = agent
        self._sections = [
            (_keywords(section.title), _keywords(section.content), section)
            for section in agent.knowledge
        ]

    def reply(self, caller_text: str, history: Sequence[ChatMessage]) -> Reply:
        digit = DTMF.match(caller_text.strip())
        if digit is not None:
            return Reply("builtin", say(self._digit_answer(digit.group(1))))
        caller_words = words(caller_text)
        target = self._transfer_target(caller_words)
        if target is not None:
            return Reply("builtin", say(TRANSFERRING, TransferCall(target.number)))
        if self._wants_transfer(caller_words):
            return Reply("builtin", say("I'm sorry, I can't transfer calls right now."))
        if any(contains_phrase(caller_words, phrase) for phrase in _GOODBYES):
            return Reply("builtin", say(GOODBYE, EndCall()))
        return Reply("builtin", say(self._knowledge_answer(caller_text)))

    def _digit_answer(self, digit: str) -> str:
        options = [section.content for section in self._agent.knowledge] or [
            quick.answer for quick in self._agent.quick_replies
        ]
        if digit.isdigit() and 1 <= int(digit) <= len(options):
            return options[int(digit) - 1]
        return self._fallback()

    def _wants_transfer(self, caller_words: list[str]) -> bool:
        return any(contains_phrase(caller_words, phrase) for phrase in _TRANSFER_PHRASES)

    def _transfer_target(self, caller_words: list[str]) -> TransferTarget | None:
        targets = self._agent.tools.transfer_targets
        if not targets or not self._wants_transfer(caller_words):
            return None
        spoken = set(caller_words)
        for target in targets:
            if set(words(target.name)) & spoken - _STOPWORDS:
                return target
        if spoken & set(_PEOPLE):
            return targets[0]
        return None

    def _knowledge_answer(self, caller_text: str) -> str:
        asked = _keywords(caller_text)
        scored = sorted(
            (
                (3 * len(asked & title_words) + len(asked & content_words), index)
                for index, (title_words, content_words, _) in enumerate(self._sections)
            ),
            reverse=True,
        )
        if not scored or scored[0][0] == 0:
            return self._fallback()
        best_score, best_index = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0
        # One shared word is enough when no other section shares as many (a misheard word
        # beside it should not cost the caller the answer).
        if best_score >= 2 or best_score > runner_up:
            return self._sections[best_index][2].content
        return self._fallback()

    def _fallback(self) -> str:
        titles = [section.title for section in self._agent.knowledge]
        if not titles:
            return "I'm sorry, I can't help with that. Is there anything else?"
        listed = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
        return f"I can help with {listed.lower()}. What would you like to know?"
