"""The whole call path for the console's call test: the control plane (as the console sees it),
STT and TTS with their real models, the voice runtime and the fake carrier REST API, all in this
event loop on loopback ports and sharing one Redis database, as in production."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

from switchboard_callsim import CallReport, FakeTwilioRest, Scenario, run_call
from switchboard_common.app_testing import ServedApp, start_serving, wait_ready
from switchboard_stt.app import create_app as create_stt_app
from switchboard_stt.settings import Settings as SttSettings
from switchboard_tts.app import create_app as create_tts_app
from switchboard_tts.settings import Settings as TtsSettings
from switchboard_voice_runtime.app import create_app as create_runtime_app
from switchboard_voice_runtime.settings import Settings as RuntimeSettings
from switchboard_voice_runtime.settings import TwilioSettings

ACCOUNT_SID = "AC" + "7" * 32
AUTH_TOKEN = "console-test-twilio-auth-token"
PUBLIC_BASE_URL = "https://voice.console.test"
STT_TOKEN = "console-stt-service-token-0123456789"
TTS_TOKEN = "console-tts-service-token-0123456789"
READY_TIMEOUT_S = 240.0


@dataclass
class CallStack:
    stt: ServedApp
    tts: ServedApp
    carrier: FakeTwilioRest
    runtime: ServedApp
    out_dir: Path

    async def call(self, scenario: Scenario) -> CallReport:
        return await run_call(
            scenario,
            runtime_url=self.runtime.url,
            public_base_url=PUBLIC_BASE_URL,
            auth_token=AUTH_TOKEN,
            account_sid=ACCOUNT_SID,
            tts_url=self.tts.url,
            stt_url=None,  # replies are not transcribed: the console shows the runtime's own
            tts_token=TTS_TOKEN,
            out_dir=self.out_dir,
            carrier=self.carrier,
            live_transcripts=False,
        )


@asynccontextmanager
async def running_call_stack(
    work_dir: Path, redis_url: str, recordings_dir: Path
) -> AsyncIterator[CallStack]:
    """STT, TTS (ready), the fake carrier and a runtime on ``redis_url`` (the control plane's)."""
    started: list[ServedApp] = []
    try:
        stt_settings = SttSettings(log_json=False, service_token=SecretStr(STT_TOKEN))
        tts_settings = TtsSettings(log_json=False, service_token=SecretStr(TTS_TOKEN))
        stt = await start_serving(create_stt_app(stt_settings))
        started.append(stt)
        tts = await start_serving(create_tts_app(tts_settings))
        started.append(tts)
        await asyncio.gather(
            wait_ready(stt, "/readyz", timeout_s=READY_TIMEOUT_S),
            wait_ready(tts, "/readyz", timeout_s=READY_TIMEOUT_S),
        )
        carrier = FakeTwilioRest(ACCOUNT_SID, AUTH_TOKEN)
        carrier_served = await start_serving(carrier.app())
        started.append(carrier_served)
        settings = RuntimeSettings.model_validate(
            {
                "public_base_url": PUBLIC_BASE_URL,
                "redis_url": redis_url,
                "stt_url": stt.url,
                "tts_url": tts.url,
                "stt_token": STT_TOKEN,
                "tts_token": TTS_TOKEN,
                "twilio": TwilioSettings(
                    account_sid=ACCOUNT_SID,
                    auth_token=SecretStr(AUTH_TOKEN),
                    api_base=carrier_served.url,
                ),
                "recordings": {"backend": "dir", "dir": recordings_dir},
                "drain_timeout_s": 2.0,
                "lease_ttl_s": 10.0,
                "log_json": False,
                "filler_after_s": 0.0,
            }
        )
        runtime = await start_serving(create_runtime_app(settings), ws_max_size=1 << 20)
        started.append(runtime)
        await wait_ready(runtime, "/readyz", timeout_s=READY_TIMEOUT_S)
        yield CallStack(stt, tts, carrier, runtime, work_dir / "calls")
    finally:
        for served in reversed(started):
            await served.stop()
