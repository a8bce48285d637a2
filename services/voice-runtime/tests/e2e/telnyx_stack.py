"""Telnyx on the end-to-end stack: the fake Telnyx REST API, a runtime configured with the
platform's Telnyx account (per codec), and calls placed by the simulator speaking Telnyx."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from pydantic import SecretStr

from switchboard_callsim import CallReport, FakeTelnyxRest, TelnyxSigner, load_scenario
from switchboard_callsim.scenario import Scenario
from switchboard_callsim.telnyx_runner import run_telnyx_call
from switchboard_common.app_testing import ServedApp
from switchboard_voice_runtime.telephony.telnyx_media import Codec
from switchboard_voice_runtime.telnyx_settings import TelnyxSettings

from .stack import STT_TOKEN, TTS_TOKEN, E2EStack, serve
from .tenants import SCENARIOS

API_KEY = "e2e-telnyx-api-key"


@dataclass
class TelnyxRuntime:
    stack: E2EStack
    runtime: ServedApp
    rest: FakeTelnyxRest
    signer: TelnyxSigner

    async def call(
        self, scenario: Scenario | str, *, to_number: str | None = None, **kwargs: Any
    ) -> CallReport:
        """Places a Telnyx call (``mode`` texml by default) to this runtime."""
        if isinstance(scenario, str):
            scenario = load_scenario(SCENARIOS / f"{scenario}.yaml")
        if to_number is not None:
            scenario = scenario.model_copy(update={"to_number": to_number})
        stack = self.stack
        return await run_telnyx_call(
            scenario,
            runtime_url=self.runtime.url,
            signer=kwargs.pop("signer", self.signer),
            carrier=self.rest,
            tts_url=stack.tts.url,
            stt_url=stack.stt.url,
            tts_token=TTS_TOKEN,
            stt_token=STT_TOKEN,
            out_dir=stack.out_dir,
            live_transcripts=False,
            **kwargs,
        )


@asynccontextmanager
async def telnyx_runtime(
    stack: E2EStack, codec: Codec = "PCMU", **overrides: object
) -> AsyncIterator[TelnyxRuntime]:
    """A runtime whose platform Telnyx account signs with a fresh key and commands the fake
    (``overrides``: other runtime settings, e.g. a proxied ``stt_url``)."""
    signer, rest = TelnyxSigner.generate(), FakeTelnyxRest(API_KEY)
    rest_served = await serve(rest.app())
    try:
        settings = TelnyxSettings(
            public_key=signer.public_key,
            api_key=SecretStr(API_KEY),
            api_base=rest_served.url,
            codec=codec,
        )
        async with stack.extra_runtime(telnyx=settings, **overrides) as runtime:
            yield TelnyxRuntime(stack, runtime, rest, signer)
    finally:
        await rest_served.stop()
