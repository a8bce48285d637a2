"""The figures a benchmark reports: percentiles, frame pacing, turn stages, runtime overhead."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from prometheus_client.parser import text_string_to_metric_families

from switchboard_common.contract import CallTurn

FRAME_MS = 20.0
LATE_TOLERANCE_MS = 1.0
"""A frame is late (an underrun) when it arrives over 1 ms after the audio before it ran out."""

STAGES = (
    "end_of_turn",
    "transcript_final",
    "llm_first_token",
    "tts_first_audio",
    "first_frame_out",
)


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return round(ordered[rank - 1], 2)


def summary(values: Sequence[float]) -> dict[str, float | int | None]:
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": round(max(values), 2) if values else None,
    }


@dataclass
class Pacing:
    """Agent frames as the carrier hears them, segment by segment (the audio between marks).

    Jitter-buffer model of the simulator: a segment starts playing when its first frame
    arrives and each frame plays right after the previous one. A frame's lateness is how long
    after that moment it arrived (0 when it was waiting in the buffer); a late frame (over
    ``LATE_TOLERANCE_MS``) is an underrun, after which playback restarts from its arrival.
    """

    frames: int = 0
    late_frames: int = 0
    lateness_ms: list[float] | None = None
    interarrival_jitter_ms: list[float] | None = None

    def add_segment(self, arrivals_ms: Sequence[float]) -> None:
        if self.lateness_ms is None or self.interarrival_jitter_ms is None:
            self.lateness_ms, self.interarrival_jitter_ms = [], []
        if not arrivals_ms:
            return
        self.frames += len(arrivals_ms)
        play_end_ms = arrivals_ms[0] + FRAME_MS
        for previous, arrival in pairwise(arrivals_ms):
            self.interarrival_jitter_ms.append(abs(arrival - previous - FRAME_MS))
            late_ms = max(0.0, arrival - play_end_ms)
            self.lateness_ms.append(late_ms)
            if late_ms > LATE_TOLERANCE_MS:
                self.late_frames += 1
                play_end_ms = arrival
            play_end_ms += FRAME_MS

    def to_dict(self) -> dict[str, object]:
        return {
            "frames": self.frames,
            "late_frames": self.late_frames,
            "late_frame_ratio": round(self.late_frames / self.frames, 5) if self.frames else None,
            "lateness_ms": summary(self.lateness_ms or []),
            "interarrival_jitter_ms": summary(self.interarrival_jitter_ms or []),
        }


def stage_deltas_ms(turn: CallTurn) -> dict[str, float]:
    """Each stage's time after the caller stopped (runtime clock), for the stages that ran."""
    stages = turn.stages
    if stages.caller_stopped_ms is None:
        return {}
    deltas = {}
    for stage in STAGES:
        at_ms = getattr(stages, f"{stage}_ms")
        if at_ms is not None:
            deltas[stage] = at_ms - stages.caller_stopped_ms
    return deltas


@dataclass(frozen=True, slots=True)
class TurnBreakdown:
    """Where one turn's voice-to-voice time went (ms), from the runtime's stages.

    ``endpointing``: caller stopped -> end of turn (the configured silence plus VAD lag);
    ``stt_exposed``: transcription time not hidden behind that silence; ``llm``: the LLM's
    first token (0 for the built-in brain and quick replies); ``tts``: brain's first text ->
    first TTS audio. ``overhead`` is the rest of the simulator's voice-to-voice:
    ``processing`` (the runtime's own work: brain, sentence split, playout start) plus
    ``detection`` (simulator's minus runtime's voice-to-voice: the VAD hangover that makes the
    runtime see the caller stop late, and the socket transit both ways)."""

    endpointing: float
    stt_exposed: float
    llm: float
    tts: float
    processing: float
    detection: float

    @property
    def overhead(self) -> float:
        return self.processing + self.detection


def breakdown(turn: CallTurn, v2v_sim_ms: float) -> TurnBreakdown | None:
    s = turn.stages
    runtime_v2v_ms = s.voice_to_voice_ms
    if runtime_v2v_ms is None or None in (
        s.end_of_turn_ms,
        s.llm_first_token_ms,
        s.tts_first_audio_ms,
    ):
        return None
    stopped, eot = s.caller_stopped_ms or 0.0, s.end_of_turn_ms or 0.0
    ready = max(eot, s.transcript_final_ms or eot)
    first_token, first_audio = s.llm_first_token_ms or 0.0, s.tts_first_audio_ms or 0.0
    llm = first_token - ready if turn.brain == "llm" else 0.0
    parts = (eot - stopped, ready - eot, llm, first_audio - first_token)
    return TurnBreakdown(
        *parts, processing=runtime_v2v_ms - sum(parts), detection=v2v_sim_ms - runtime_v2v_ms
    )


def histogram_counts(metrics_text: str, name: str) -> dict[float, float]:
    """Cumulative bucket counts (le -> count) of a Prometheus histogram, summed over labels."""
    counts: dict[float, float] = {}
    for family in text_string_to_metric_families(metrics_text):
        if family.name != name:
            continue
        for sample in family.samples:
            if sample.name == f"{name}_bucket":
                le = float(sample.labels["le"])
                counts[le] = counts.get(le, 0.0) + sample.value
    return counts


def histogram_quantiles(
    before: dict[float, float], after: dict[float, float], quantiles: Iterable[float]
) -> dict[str, float | None]:
    """Upper bucket bounds (ms) holding each quantile of the observations made in between."""
    delta = sorted((le, after.get(le, 0.0) - before.get(le, 0.0)) for le in after)
    total = delta[-1][1] if delta else 0.0
    result: dict[str, float | None] = {"n": total}
    for q in quantiles:
        bound = next((le for le, count in delta if total and count >= q / 100 * total), None)
        result[f"p{q:g}_le"] = None if bound is None else round(bound * 1000, 2)
    return result
