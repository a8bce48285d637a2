"""Writing the results: .bench/voice.json (everything) and .bench/voice.md (the tables)."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def _cell(value: object) -> str:
    return "-" if value is None else str(value)


def _v2v_table(part: dict[str, Any], key: str = "levels") -> list[str]:
    lines = [
        "| calls | turns | v2v p50 | p95 | p99 | eot | transcript | brain | tts audio "
        "| frame out | overhead p50 | cpu s/call-min | lateness p50/p99 | late frames | answered |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for level in part[key]:
        v2v, stages, pacing = level["v2v_ms"], level["stages_p50_ms"], level["pacing"]
        late = pacing["lateness_ms"]
        lines.append(
            f"| {level['calls']} | {v2v['n']} | {_cell(v2v['p50'])} | {_cell(v2v['p95'])} "
            f"| {_cell(v2v['p99'])} | {_cell(stages.get('end_of_turn'))} "
            f"| {_cell(stages.get('transcript_final'))} | {_cell(stages.get('llm_first_token'))} "
            f"| {_cell(stages.get('tts_first_audio'))} | {_cell(stages.get('first_frame_out'))} "
            f"| {_cell(level['overhead_ms']['p50'])} "
            f"| {_cell(level['runtime']['cpu_s_per_call_minute'])} "
            f"| {_cell(late['p50'])}/{_cell(late['p99'])} "
            f"| {pacing['late_frames']}/{pacing['frames']} "
            f"| {level['runtime_turns']}/{v2v['n']}{'' if level['valid'] else ' (!)'} |"
        )
    return lines


def _barge_in_lines(part: dict[str, Any]) -> list[str]:
    total, beyond = part["clear_after_ms"], part["beyond_rule_ms"]
    return [
        f"Barge-in ({total['n']} calls, {part['missed']} missed): clear "
        f"p50/p95/max {_cell(total['p50'])}/{_cell(total['p95'])}/{_cell(total['max'])} ms after "
        f"the caller started talking over the agent (goal {part['goal_ms']:g} ms); of that, the "
        f"agent's rule waits {part['barge_in_min_speech_ms']} ms of speech and the runtime adds "
        f"p50/p95 {_cell(beyond['p50'])}/{_cell(beyond['p95'])} ms.",
    ]


def _capacity_table(part: dict[str, Any]) -> list[str]:
    lines = [
        "| calls | connected | turns | caller lateness p50/p99 | late frames | runtime p99 <= "
        "| v2v p50/p95 | runtime cores | cpu s/call-min | calls/core est. | caller cores "
        "| other cores | pass |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for level in part["levels"]:
        late, runtime = level["pacing"]["lateness_ms"], level["runtime"]
        lines.append(
            f"| {level['calls']} | {level['connected']} | {level['turns']} "
            f"| {_cell(late['p50'])}/{_cell(late['p99'])} "
            f"| {level['pacing']['late_frames']}/{level['pacing']['frames']} "
            f"| {_cell(runtime['playout_lateness_ms'].get('p99_le'))} "
            f"| {_cell(level['v2v_ms']['p50'])}/{_cell(level['v2v_ms']['p95'])} "
            f"| {runtime['cpu_cores']} | {_cell(runtime['cpu_s_per_call_minute'])} "
            f"| {_cell(runtime['calls_per_core_estimate'])} | {level['caller']['cpu_cores']} "
            f"| {level['machine']['other_cores']} | {'yes' if level['passed'] else 'no'} |"
        )
    return lines


def markdown(report: dict[str, Any]) -> str:
    lines = [f"# Voice benchmark ({report['measured_at']}, {report['host']})", ""]
    if "voice_to_voice" in report:
        lines += ["## A) Voice-to-voice, real STT/TTS (ms; stages: p50 after the caller stopped)"]
        lines += ["Twilio:", "", *_v2v_table(report["voice_to_voice"]), ""]
        if report["voice_to_voice"].get("telnyx_levels"):
            ratios = report["voice_to_voice"]["telnyx_vs_twilio_p50"]
            lines += [f"Telnyx (TeXML, PCMU; p50 over Twilio's per level: {ratios}):", ""]
            lines += [*_v2v_table(report["voice_to_voice"], "telnyx_levels"), ""]
        barge_in = report["voice_to_voice"].get("barge_in")
        if barge_in:
            lines += [*_barge_in_lines(barge_in), ""]
        realtime = report["voice_to_voice"].get("realtime")
        if realtime:
            v2v = realtime["v2v_ms"]
            lines += [
                f"Realtime (WS /v1/realtime, {realtime['sessions']} sessions, {v2v['n']} turns, "
                f"client's clock): v2v p50/p95 {_cell(v2v['p50'])}/{_cell(v2v['p95'])} ms.",
                "",
            ]
    if "capacity" in report:
        capacity = report["capacity"]
        lines += [
            "## B) Runtime capacity, fake speech "
            f"(max calls with lateness p99 < {capacity['jitter_limit_ms']:g} ms: "
            f"{capacity['max_calls_within_limit']})",
            "",
            *_capacity_table(capacity),
            "",
        ]
    lines.append("Definitions and caveats: docs/benchmarks.md")
    return "\n".join(lines) + "\n"


def write_report(report: dict[str, Any], out_dir: Path) -> None:
    report["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    report["host"] = f"{platform.node()} {platform.machine()}, {_cpus()} CPUs"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "voice.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    text = markdown(report)
    (out_dir / "voice.md").write_text(text, encoding="utf-8")
    print(text, flush=True)


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))
