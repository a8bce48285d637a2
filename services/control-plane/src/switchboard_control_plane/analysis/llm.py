"""The analysis through the agent's LLM (litellm, loaded off the loop), under the runtime's
guards: the tenant's key goes only where its kind and host allow, a tenant ``api_base`` must be
an OpenAI-compatible route and is reached through the pinned outbound guard, and the platform's
own provider keys are never sent to a tenant's server."""

from __future__ import annotations

import json
from contextlib import AsyncExitStack
from typing import Any

from jsonschema import Draft202012Validator

from switchboard_common.litellm_loader import load_litellm
from switchboard_common.outbound import AddressRefusedError
from switchboard_common.tenant_llm import NO_KEY, call_refusal, caused_by, openai_client, redact
from switchboard_control_plane.agents.schemas import LlmSettings
from switchboard_control_plane.analysis.schemas import AnalysisConfig, CallAnalysis, SuccessVerdict
from switchboard_control_plane.db.base import utcnow

ERROR_CHARS = 300
SUCCESS_PROMPT = (
    "You judge whether a phone call met its goal. Answer with one JSON object, "
    '{{"passed": true or false, "reason": "<one short sentence>"}}, and nothing else.\n'
    "The goal: {rubric}"
)
EXTRACTION_PROMPT = (
    "{prompt}\nAnswer with one JSON object that is valid against this JSON Schema, and "
    "nothing else:\n{schema}"
)


class AnalysisError(Exception):
    """The analysis could not be made this time; ``str()`` is recorded on the call."""


def transcript_text(transcript: list[dict[str, Any]]) -> str:
    lines = [f"{e.get('role', '?').capitalize()}: {e.get('text', '')}" for e in transcript]
    return "\n".join(lines) or "(nothing was said)"


def refusal(llm: LlmSettings, kind: str | None, host: str | None, key: str | None) -> str | None:
    """Why this agent's LLM may not be called with this key (None: it may): the runtime's rule."""
    return call_refusal(
        llm.model,
        llm.api_base,
        key_named=llm.api_key_secret_name is not None,
        key=key,
        key_kind=kind,
        key_host=host,
    )


class LlmAnalyst:
    """Runs the configured parts (summary, extraction, success) as separate completions."""

    def __init__(
        self, llm: LlmSettings, api_key: str | None, *, timeout_s: float, allow_private: bool
    ) -> None:
        assert llm.model is not None
        self._llm = llm
        self._model = llm.model
        self._api_key = api_key
        self._timeout_s = timeout_s
        self._allow_private = allow_private

    async def analyse(
        self, config: AnalysisConfig, transcript: list[dict[str, Any]]
    ) -> CallAnalysis:
        text = transcript_text(transcript)
        try:
            litellm = await load_litellm()
        except ImportError:
            raise AnalysisError(
                "llm_unavailable: litellm is not installed (the control plane's analysis extra)"
            ) from None
        async with AsyncExitStack() as stack:
            client = self._tenant_client(stack) if self._llm.api_base is not None else None
            ask = _Asker(litellm, self._request_base(client), self._api_key)
            summary = None
            if config.summary.enabled:
                summary = await ask.text(config.summary.prompt, text)
            extracted = None
            if config.extraction is not None:
                schema = config.extraction.json_schema
                prompt = EXTRACTION_PROMPT.format(
                    prompt=config.extraction.prompt, schema=json.dumps(schema)
                )
                extracted = await ask.json(prompt, text)
                errors = sorted(Draft202012Validator(schema).iter_errors(extracted), key=str)
                if errors:
                    where = "/".join(str(p) for p in errors[0].absolute_path) or "(root)"
                    raise AnalysisError(
                        f"extraction_invalid: at {where}: {errors[0].message}"[:ERROR_CHARS]
                    )
            success = None
            if config.success is not None:
                verdict = await ask.json(SUCCESS_PROMPT.format(rubric=config.success.rubric), text)
                try:
                    success = SuccessVerdict.model_validate(verdict)
                except ValueError:
                    raise AnalysisError("evaluation_invalid: not {passed, reason}") from None
        return CallAnalysis(
            source="llm",
            model=self._model,
            summary=summary,
            extracted=extracted,
            success=success,
            analyzed_at=utcnow(),
        )

    def _request_base(self, client: Any) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self._model,
            "temperature": 0.0,
            "max_tokens": max(self._llm.max_tokens, 512),
            "timeout": self._timeout_s,
            "num_retries": 0,
        }
        if self._llm.api_base is not None:
            request["api_base"] = self._llm.api_base
            request["client"] = client
            request["api_key"] = self._api_key or NO_KEY
        elif self._api_key is not None:
            request["api_key"] = self._api_key
        return request

    def _tenant_client(self, stack: AsyncExitStack) -> Any:
        assert self._llm.api_base is not None
        return openai_client(
            stack,
            self._llm.api_base,
            self._api_key,
            timeout_s=self._timeout_s,
            allow_private=self._allow_private,
        )


class _Asker:
    def __init__(self, litellm: Any, base: dict[str, Any], api_key: str | None) -> None:
        self._litellm = litellm
        self._base = base
        self._api_key = api_key

    async def text(self, system: str, transcript: str, **extra: Any) -> str:
        messages = [
            {"role": "system", "content": system},
            {"role": "user", "content": f"The call:\n{transcript}"},
        ]
        try:
            response = await self._litellm.acompletion(messages=messages, **self._base, **extra)
        except Exception as exc:  # vendor exceptions vary by provider
            if caused_by(exc, AddressRefusedError):
                raise AnalysisError("llm_refused: api_base address not allowed") from exc
            cause = redact(f"{type(exc).__name__}: {exc}", self._api_key)
            raise AnalysisError(f"llm_failed: {cause}") from exc
        content = response.choices[0].message.content
        return str(content or "").strip()

    async def json(self, system: str, transcript: str) -> dict[str, Any]:
        raw = await self.text(system, transcript, response_format={"type": "json_object"})
        raw = raw.removeprefix("```json").removeprefix("```").removesuffix("```").strip()
        try:
            value = json.loads(raw)
        except ValueError:
            raise AnalysisError("llm_answer_not_json") from None
        if not isinstance(value, dict):
            raise AnalysisError("llm_answer_not_an_object")
        return value
