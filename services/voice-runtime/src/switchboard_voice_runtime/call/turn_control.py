"""Turns steered by the client (a realtime session's app; carriers never use it): manual
commits instead of end-of-turn detection, answers on demand, a cancel, instructions added to the
prompt, and the brain's history rewritten. Carrier-neutral: the edge maps its protocol onto these
calls, which are synchronous and never block (work goes to the call's tasks)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Literal

from switchboard_voice_runtime.call.answering import Answering
from switchboard_voice_runtime.call.caller_turns import CallerTurns
from switchboard_voice_runtime.call.hearing import Hearing
from switchboard_voice_runtime.call.openings import Openings
from switchboard_voice_runtime.call.ports import CallObserver, Clock
from switchboard_voice_runtime.call.records import AgentTurn
from switchboard_voice_runtime.call.tasks import CallTasks
from switchboard_voice_runtime.call.turn_log import TurnLog
from switchboard_voice_runtime.call.voice import Voice
from switchboard_voice_runtime.providers.llm import ChatMessage

HistoryRole = Literal["user", "assistant", "system"]


class TurnControl:
    """What a client that runs the turns itself may ask of the call.

    Manual turns (``set_manual``): the caller's audio is only collected; ``commit`` ends the
    turn, its words are transcribed, recorded in the conversation and told to the observer
    (``caller_transcribed``), and nothing answers until ``respond`` (as OpenAI's protocol has
    it, a commit never asks for an answer; with server detection it takes the turn in progress
    the same way)."""

    def __init__(
        self,
        *,
        hearing: Hearing,
        caller: CallerTurns,
        answering: Answering,
        voice: Voice,
        openings: Openings,
        log: TurnLog,
        clock: Clock,
        tasks: CallTasks,
        observer: CallObserver | None,
    ) -> None:
        self._hearing = hearing
        self._caller = caller
        self._answering = answering
        self._voice = voice
        self._openings = openings
        self._turn_log = log
        self._clock = clock
        self._tasks = tasks
        self._observer = observer
        self._committing = asyncio.Lock()
        self._committed: list[str] = []

    @property
    def manual(self) -> bool:
        return self._hearing.manual

    def set_manual(self, manual: bool) -> None:
        """True: the client commits the caller's turns; False: the server detects them."""
        self._hearing.set_manual(manual)

    def set_auto_answer(self, auto: bool) -> None:
        """Server detection: whether a finished turn is answered (OpenAI's ``create_response``);
        False: its words are recorded as a commit's are, and ``respond`` answers."""
        self._caller.hold = None if auto else self._record

    def commit(self) -> bool:
        """Ends the caller's turn now (manual turns: the audio since the last commit; server
        detection: the turn in progress); its words are recorded, not answered. False when
        there was nothing to commit."""
        self._openings.activity()
        audio = self._hearing.take_committed()
        if audio:  # spawned before any later respond(), so its words come first
            self._tasks.spawn(self._committed_turn(audio))
        return bool(audio)

    def clear(self) -> None:
        """Drops the caller audio not yet committed."""
        self._hearing.clear()

    def instruct(self, instructions: str) -> None:
        """The client's instructions, added to the agent's prompt from the next answer on
        (the edge checks that the agent allows them); "" removes them."""
        self._answering.instructions = instructions

    def respond(self, instructions: str | None = None) -> None:
        """Answers now from the conversation so far (after the words of pending commits);
        ``instructions`` for this answer only."""
        self._openings.activity()
        self._tasks.spawn(self._respond(instructions))

    def cancel(self) -> bool:
        """Stops the agent's answer in progress: no more audio, and the history keeps what
        was sent of it (the turn ends as interrupted). False when the agent was not talking."""
        if not self._voice.busy:
            return False
        self._tasks.spawn(self._voice.barge_in())
        return True

    def rewrite_history(self, history: Sequence[tuple[HistoryRole, str]]) -> None:
        """The brain's history as the client's items now say (created, deleted, truncated)."""
        messages = [ChatMessage(role, text) for role, text in history if text]
        self._turn_log.conversation.replace_history(messages)

    async def _committed_turn(self, audio: bytes) -> None:
        """A manual commit's audio: transcribed in order, recorded, told to the observer."""
        async with self._committing:
            heard = await self._caller.transcribe(audio)
            if heard.error is not None:
                self._turn_log.note(f"{heard.error.provider} failed")
            self._record(heard.text)

    def _record(self, text: str) -> None:
        """The caller's words, in the conversation and told to the observer; unanswered."""
        log = self._turn_log
        if text:
            log.conversation.caller_said(text, log.since_start_ms(self._clock.now()))
            self._committed.append(text)
        if self._observer is not None:
            self._observer.caller_transcribed(text)

    async def _respond(self, instructions: str | None) -> None:
        async with self._committing:
            said, self._committed = " ".join(self._committed), []
        await self._answering.respond(said, instructions=instructions)

    async def close(self) -> None:
        """Once the call is over: committed words no answer followed are published as turns
        with an empty answer (they are in the conversation already)."""
        log = self._turn_log
        for text in self._committed:
            utterance = self._voice.new_utterance()
            unanswered = AgentTurn(utterance, index=log.next_index(), caller_text=text)
            await log.publish(unanswered, "", interrupted=False)
        self._committed.clear()
