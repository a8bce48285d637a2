"""Prometheus counters of metered usage, by tenant (incremented once per metered call)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter

from switchboard_common.contract.usage import UsageRecord

_COUNTED = (
    ("billable_seconds", "Billable seconds (answer to end)"),
    ("billable_minutes", "Billable minutes (started minutes)"),
    ("stt_audio_seconds", "Caller audio seconds sent to speech-to-text"),
    ("tts_characters", "Characters synthesized"),
    ("llm_prompt_tokens", "LLM prompt tokens"),
    ("llm_completion_tokens", "LLM completion tokens"),
    ("tool_calls", "Tool calls made by agents"),
)


class UsageMetrics:
    """``switchboard_usage_calls_total`` and one ``switchboard_usage_<field>_total`` per usage
    field of ``UsageRecord``, labelled ``tenant_id``."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self._calls = Counter(
            "switchboard_usage_calls", "Metered calls", ["tenant_id"], registry=registry
        )
        self._fields = {
            name: Counter(f"switchboard_usage_{name}", help_, ["tenant_id"], registry=registry)
            for name, help_ in _COUNTED
        }

    def count(self, record: UsageRecord, *, new_call: bool = True) -> None:
        if new_call:
            self._calls.labels(record.tenant_id).inc()
        for name, counter in self._fields.items():
            counter.labels(record.tenant_id).inc(float(getattr(record, name)))
