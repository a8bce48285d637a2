"""The ``analysis`` section of an agent version, and the analysis stored on a call."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from pydantic import BaseModel, ConfigDict, Field, field_validator

DEFAULT_SUMMARY_PROMPT = (
    "Summarise this phone call in two or three sentences: who called, what they wanted, "
    "and how it ended."
)
MAX_SCHEMA_CHARS = 20_000


class SummaryConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    prompt: str = Field(default=DEFAULT_SUMMARY_PROMPT, min_length=1, max_length=5_000)


class ExtractionConfig(BaseModel):
    """Structured data to pull out of the call, as a JSON Schema (draft 2020-12) the tenant
    writes; the LLM's answer is validated against it."""

    model_config = ConfigDict(extra="forbid")

    json_schema: dict[str, Any] = Field(
        description="A JSON Schema of an object, e.g. "
        '{"type": "object", "properties": {"email": {"type": "string"}}}'
    )
    prompt: str = Field(
        default="Extract these fields from the call. Use null for anything not said.",
        max_length=5_000,
    )

    @field_validator("json_schema")
    @classmethod
    def _a_valid_object_schema(cls, schema: dict[str, Any]) -> dict[str, Any]:
        if len(str(schema)) > MAX_SCHEMA_CHARS:
            raise ValueError(f"the schema is longer than {MAX_SCHEMA_CHARS} characters")
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as exc:
            raise ValueError(f"not a valid JSON Schema: {exc.message}") from None
        if schema.get("type") != "object":
            raise ValueError('the schema must describe an object ("type": "object")')
        return schema


class SuccessConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rubric: str = Field(
        min_length=1,
        max_length=5_000,
        description="What makes the call a success; the LLM answers pass/fail and a reason",
    )


class AnalysisConfig(BaseModel):
    """What runs after each call of this agent (with no LLM: the built-in analysis)."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    summary: SummaryConfig = SummaryConfig()
    extraction: ExtractionConfig | None = None
    success: SuccessConfig | None = None


class SuccessVerdict(BaseModel):
    passed: bool
    reason: str


class CallAnalysis(BaseModel):
    """Stored on the call (``GET .../calls/{call_id}`` ``analysis``) and sent as the
    ``analysis`` of ``call.analyzed``. ``source`` says which kind ran: ``llm`` (the agent's
    model) or ``builtin`` (rules: questions, how it ended, phone numbers, dates, names)."""

    source: Literal["llm", "builtin"]
    model: str | None = None
    summary: str | None = None
    extracted: dict[str, Any] | None = None
    success: SuccessVerdict | None = None
    caller_questions: list[str] | None = None
    ended_how: str | None = None
    analyzed_at: datetime
