"""The caller's audio heard: 20 ms frames voiced or not, turn events on audio time, and the
utterance audio each event carries into the dialogue's inbox."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from switchboard_common.contract.tenant_config import TurnTakingConfig
from switchboard_voice_runtime.call.ports import CallObserver
from switchboard_voice_runtime.call.silero_vad import SileroGate
from switchboard_voice_runtime.call.turns import (
    FRAME_S,
    MediaClock,
    SpeechPaused,
    SpeechStarted,
    SpeechSustained,
    TurnDetector,
    TurnEnded,
    TurnEvent,
    UtteranceAudio,
    shifted,
)
from switchboard_voice_runtime.call.vad import CallerAudio

MAX_COMMIT_S = 30.0
"""The most caller audio one manual commit carries (the oldest goes first)."""


@dataclass(frozen=True, slots=True)
class CallerDropped:
    """The turn in progress left server detection: the client committed or dropped it."""


Inbound = tuple[TurnEvent | CallerDropped, bytes] | str
"""A turn event with the utterance audio it carries (pauses and ends), or a DTMF digit."""


class Hearing:
    """Feeds the turn detector and queues its events (with their audio) for the dialogue.

    ``model`` says an end-of-turn model decides at the first short pause (``end_now``);
    otherwise silence alone ends a turn. ``gate``: Silero's verdict gates WebRTC's (the owner
    gives it back to its pool). ``observer`` hears when the caller starts and stops (a realtime
    client's speech_started / speech_stopped). Synchronous and cheap; one per call.
    """

    def __init__(
        self,
        config: TurnTakingConfig,
        *,
        sample_rate_hz: int,
        model: bool = False,
        gate: SileroGate | None = None,
        observer: CallObserver | None = None,
    ) -> None:
        self.inbox: asyncio.Queue[Inbound] = asyncio.Queue()
        self.gate = gate
        self._observer = observer
        self._audio = CallerAudio(sample_rate_hz=sample_rate_hz, gate=gate)
        self._media_clock = MediaClock()
        self._detector = TurnDetector(config, model=model)
        self._utterance = UtteranceAudio()
        self._offset_s = 0.0
        self._manual: list[bytes] | None = None
        self._max_manual_frames = int(MAX_COMMIT_S / FRAME_S)

    @property
    def manual(self) -> bool:
        """The client ends the caller's turns (``commit``); no speech detection."""
        return self._manual is not None

    def set_manual(self, manual: bool) -> None:
        """Switches between server turn detection and client commits; a turn in progress (or
        uncommitted audio) is dropped either way."""
        if manual == self.manual:
            return
        self.clear()
        self._manual = [] if manual else None

    def take_committed(self) -> bytes:
        """The client committed: manual turns give the audio since the last commit or clear;
        server detection gives the turn in progress, taken whole (no ``TurnEnded``: a commit
        is never answered by itself). b"" when there is nothing to commit."""
        if self._manual is not None:
            audio, self._manual = b"".join(self._manual), []
            return audio
        if not self._detector.in_speech:
            return b""
        audio = self._utterance.finish()
        self._drop_turn()
        return audio

    def clear(self) -> None:
        """Drops the caller audio not yet committed (and the turn in progress, if any)."""
        if self._manual is not None:
            self._manual = []
            return
        if self._detector.in_speech:
            self._utterance.finish()
            self._drop_turn()

    def _drop_turn(self) -> None:
        self._detector.reset()
        self.inbox.put_nowait((CallerDropped(), b""))

    @property
    def in_speech(self) -> bool:
        return self._detector.in_speech

    def push(self, payload: bytes, now_s: float) -> None:
        if self._manual is not None:
            self._manual.extend(frame for frame, _voiced in self._audio.feed(payload))
            del self._manual[: -self._max_manual_frames]
            return
        for frame, voiced in self._audio.feed(payload):
            self._utterance.add(frame)
            audio_s = self._media_clock.advance(now_s)
            self._offset_s = now_s - audio_s
            event = self._detector.on_frame(voiced, audio_s)
            if event is None:
                continue
            event = shifted(event, self._offset_s)
            audio = b""
            if isinstance(event, SpeechStarted):
                self._utterance.start()
                if self._observer is not None:
                    self._observer.caller_started()
            elif isinstance(event, SpeechPaused | SpeechSustained):
                audio = self._utterance.snapshot()
            elif isinstance(event, TurnEnded):
                audio = self._utterance.finish()
                self._caller_stopped()
            self.inbox.put_nowait((event, audio))

    def end_now(self, pause: int, now_s: float) -> bool:
        """Ends the turn now (the model said complete) if the caller is still silent in pause
        number ``pause``; queues the TurnEnded like any other. False when they spoke again."""
        ended = self._detector.end_now(pause, now_s - self._offset_s)
        if ended is None:
            return False
        self._caller_stopped()
        self.inbox.put_nowait((shifted(ended, self._offset_s), self._utterance.finish()))
        return True

    def press_digit(self, digit: str) -> None:
        self.inbox.put_nowait(digit)

    def so_far(self) -> bytes:
        """The audio of the turn being spoken, up to now (it goes on collecting)."""
        return self._utterance.snapshot() if self._utterance.collecting else b""

    def unfinished(self) -> bytes:
        """The audio of a turn still being spoken (for the closing transcript)."""
        return self._utterance.finish() if self._utterance.collecting else b""

    def _caller_stopped(self) -> None:
        if self._observer is not None:
            self._observer.caller_stopped()
