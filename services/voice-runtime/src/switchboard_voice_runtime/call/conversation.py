"""The conversation so far: the LLM history and the call transcript."""

from __future__ import annotations

from collections.abc import Sequence

from switchboard_common.contract import TranscriptEntry
from switchboard_voice_runtime.providers.llm import ChatMessage


class Conversation:
    """History for the brain (what the caller said and what they heard) and the transcript."""

    def __init__(self, *, max_history_messages: int = 24) -> None:
        self._history: list[ChatMessage] = []
        self._transcript: list[TranscriptEntry] = []
        self._max_history_messages = max_history_messages

    @property
    def history(self) -> tuple[ChatMessage, ...]:
        return tuple(self._history[-self._max_history_messages :])

    @property
    def transcript(self) -> tuple[TranscriptEntry, ...]:
        return tuple(self._transcript)

    def caller_said(self, text: str, at_ms: float) -> None:
        self._history.append(ChatMessage("user", text))
        self._transcript.append(TranscriptEntry(role="caller", text=text, at_ms=max(0.0, at_ms)))

    def agent_said(self, text: str, at_ms: float, *, interrupted: bool = False) -> None:
        """Records what the caller heard; nothing when they heard nothing."""
        if not text:
            return
        self._history.append(ChatMessage("assistant", text))
        self._transcript.append(
            TranscriptEntry(role="agent", text=text, at_ms=max(0.0, at_ms), interrupted=interrupted)
        )

    def withdraw_caller(self, text: str) -> None:
        """Takes back the caller's last words ``text`` while nothing of the agent's came after
        them (the caller went on before hearing the answer): the next ``caller_said`` carries
        them with what followed, as one request."""
        if self._history and self._history[-1] == ChatMessage("user", text):
            self._history.pop()
        for index in range(len(self._transcript) - 1, -1, -1):
            entry = self._transcript[index]
            if entry.role == "agent":
                return
            if entry.role == "caller" and entry.text == text:
                del self._transcript[index]
                return

    def replace_history(self, messages: Sequence[ChatMessage]) -> None:
        """The brain's history as a client rewrote it (items created, deleted, truncated); the
        transcript keeps what happened."""
        self._history = list(messages)

    def note(self, text: str, at_ms: float) -> None:
        """A system entry in the transcript (DTMF, transfer, failures); not sent to the brain."""
        self._transcript.append(TranscriptEntry(role="system", text=text, at_ms=max(0.0, at_ms)))
