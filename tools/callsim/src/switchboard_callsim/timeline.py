"""The call as the caller's phone sees it: frames sent, agent audio heard, turns and latencies.

Pure bookkeeping on times passed in (ms since the stream started), so latency measurement and
turn attribution are tested on synthetic audio without sockets or clocks. The media stream
feeds it; the scenario driver reads it.
"""

from __future__ import annotations

from switchboard_callsim.energy import DEFAULT_VOICED_RMS, SILENCE_BYTE, is_voiced
from switchboard_callsim.playout import BYTES_PER_MS, AgentPlayout, PendingMark
from switchboard_callsim.report import TurnRecord

FRAME_BYTES = 160
FRAME_MS = 20
SILENCE_FRAME = bytes([SILENCE_BYTE]) * FRAME_BYTES


class CallTimeline:
    """Turn 0 is the greeting; each caller input opens the next turn once it has been sent.

    Agent audio belongs to the turn open when it arrives, so audio arriving while the caller
    still speaks answers the previous turn (the agent talking over the caller).
    """

    def __init__(self, voiced_rms: float = DEFAULT_VOICED_RMS) -> None:
        self.voiced_rms = voiced_rms
        self.playout = AgentPlayout()
        self.caller_audio = bytearray()
        self.turns: list[TurnRecord] = [TurnRecord(index=0, kind="greeting")]
        self.reply_turn = 0
        self.agent_voiced_end_ms = 0.0
        self._utterance = bytearray()
        self._speaking_turn: TurnRecord | None = None
        self._utterance_voiced_end_ms: float | None = None

    @property
    def speaking(self) -> bool:
        return self._speaking_turn is not None

    def queue_utterance(self, audio: bytes, turn: TurnRecord) -> None:
        """The caller starts saying ``audio``; ``turn`` opens after its last frame is sent."""
        self._utterance.extend(audio)
        self._speaking_turn = turn
        self._utterance_voiced_end_ms = None

    def open_turn(self, turn: TurnRecord) -> None:
        """Agent audio arriving from now on answers ``turn``."""
        self.turns.append(turn)
        self.reply_turn = turn.index

    def next_caller_frame(self, now_ms: float) -> bytes:
        """The frame to send at ``now_ms``: the utterance's next 20 ms, else line silence."""
        frame = bytes(self._utterance[:FRAME_BYTES]).ljust(FRAME_BYTES, bytes([SILENCE_BYTE]))
        del self._utterance[:FRAME_BYTES]
        self.caller_audio.extend(frame)
        turn = self._speaking_turn
        if is_voiced(frame, self.voiced_rms):
            self._utterance_voiced_end_ms = now_ms
            if turn is not None and turn.caller_voiced_ms is None:
                turn.caller_voiced_ms = now_ms
        if turn is not None and not self._utterance:
            turn.caller_stopped_ms = self._utterance_voiced_end_ms or now_ms
            self._speaking_turn = None
            self.open_turn(turn)
        return frame

    def agent_audio(self, audio: bytes, now_ms: float) -> TurnRecord | None:
        """Plays agent audio that arrived at ``now_ms``; returns the turn whose reply it starts
        (its first voiced frame), else None."""
        segment = self.playout.push(audio, now_ms, tag=self.reply_turn)
        voiced = [
            offset
            for offset in range(0, len(audio), FRAME_BYTES)
            if is_voiced(audio[offset : offset + FRAME_BYTES], self.voiced_rms)
        ]
        if not voiced:
            return None
        end_ms = segment.start_ms + min(len(audio), voiced[-1] + FRAME_BYTES) / BYTES_PER_MS
        self.agent_voiced_end_ms = max(self.agent_voiced_end_ms, end_ms)
        turn = self.turns[self.reply_turn]
        turn.agent_last_audio_end_ms = end_ms
        if turn.agent_first_audio_ms is not None:
            return None
        turn.agent_first_audio_ms = now_ms
        return turn

    def clear(self, now_ms: float) -> tuple[float, list[PendingMark]]:
        """Drops unplayed agent audio; returns (ms dropped, marks to echo now)."""
        dropped_ms = self.playout.queued_ms(now_ms)
        marks = self.playout.clear(now_ms)
        self.agent_voiced_end_ms = min(self.agent_voiced_end_ms, now_ms)
        return dropped_ms, marks
