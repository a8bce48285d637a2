"""The demo call: publish a demo tenant through the control plane, call it, print what happened.

Run through ``make demo`` (which starts the stack). Talks to the services of the stack that
tools/dev/stack_env.sh describes (``SWITCHBOARD_STACK``; the default ports without it); every URL
and credential can be overridden with the same environment variables the services read.
With ``SWITCHBOARD_DEMO_LLM_MODEL`` (a litellm model string) and ``SWITCHBOARD_DEMO_LLM_API_KEY``
set, the agent thinks with that LLM; otherwise it uses the built-in brain.
``SWITCHBOARD_DEMO_CARRIER=telnyx`` places the call over Telnyx instead of Twilio (the number
moves to Telnyx; ``SWITCHBOARD_DEMO_TELNYX_MODE``: ``call_control`` (default) or ``texml``),
signed with the development signing key the stack's runtime trusts.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import uvicorn

from switchboard_callsim import FakeTelnyxRest, TelnyxSigner, run_call, run_telnyx_call
from switchboard_callsim.carrier import FakeTwilioRest
from switchboard_callsim.events import SimEvent, describe
from switchboard_callsim.report import CallReport
from switchboard_common.development import DEVELOPMENT_TELNYX_SIGNING_KEY

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "tools/callsim/scenarios"
OUT_DIR = Path(os.environ.get("SWITCHBOARD_DEMO_OUT_DIR") or ROOT / ".run/demo")
TENANT_NAME = "Bright Smile Dental (demo)"
AGENT_NAME = "Front desk"
LLM_SECRET = "demo-llm-key"  # noqa: S105  (the secret's name, not its value)
STAGES = (
    ("end of turn", "caller_stopped_ms", "end_of_turn_ms"),
    ("transcript", "caller_stopped_ms", "transcript_final_ms"),
    ("brain", "ready_ms", "llm_first_token_ms"),
    ("tts first audio", "llm_first_token_ms", "tts_first_audio_ms"),
    ("first frame out", "tts_first_audio_ms", "first_frame_out_ms"),
)


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


@dataclass(frozen=True)
class DemoConfig:
    control_plane_url: str = _env("SWITCHBOARD_DEMO_CONTROL_PLANE_URL", "http://127.0.0.1:8080")
    runtime_url: str = _env("SWITCHBOARD_DEMO_RUNTIME_URL", "http://127.0.0.1:8081")
    stt_url: str = _env("SWITCHBOARD_DEMO_STT_URL", "http://127.0.0.1:8082")
    tts_url: str = _env("SWITCHBOARD_DEMO_TTS_URL", "http://127.0.0.1:8083")
    admin_key: str = _env("CONTROL_PLANE_BOOTSTRAP_ADMIN_KEY", "sb_dev_bootstrap_admin_key")
    public_base_url: str = _env("VOICE_RUNTIME_PUBLIC_BASE_URL", "https://localhost:8081")
    account_sid: str = _env("VOICE_RUNTIME_TWILIO__ACCOUNT_SID", "AC" + "0" * 32)
    auth_token: str = _env("VOICE_RUNTIME_TWILIO__AUTH_TOKEN", "dev-twilio-auth-token")
    carrier_port: int = int(_env("SWITCHBOARD_DEMO_CARRIER_PORT", "8099"))
    carrier: str = _env("SWITCHBOARD_DEMO_CARRIER", "twilio")
    telnyx_mode: str = _env("SWITCHBOARD_DEMO_TELNYX_MODE", "call_control")
    telnyx_signing_key: str = _env("CALLSIM_TELNYX_SIGNING_KEY", DEVELOPMENT_TELNYX_SIGNING_KEY)
    telnyx_api_key: str = _env("VOICE_RUNTIME_TELNYX__API_KEY", "dev-telnyx-api-key")
    llm_model: str = os.environ.get("SWITCHBOARD_DEMO_LLM_MODEL", "")
    llm_api_key: str = os.environ.get("SWITCHBOARD_DEMO_LLM_API_KEY", "")
    llm_api_base: str = os.environ.get("SWITCHBOARD_DEMO_LLM_API_BASE", "")


class DemoError(Exception):
    """The demo could not go on; the message says why."""


class ControlPlane:
    """The few control-plane calls the demo makes, with the bootstrap admin key."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def call(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self.http.request(method, path, **kwargs)
        if response.status_code >= 400:
            raise DemoError(f"{method} {path} -> {response.status_code}: {response.text}")
        return response.json() if response.content else None

    async def ensure_tenant(self) -> str:
        tenants = (await self.call("GET", "/v1/tenants"))["items"]
        for tenant in tenants:
            if tenant["name"] == TENANT_NAME:
                if tenant["status"] != "active":
                    await self.call("POST", f"/v1/tenants/{tenant['id']}/activate")
                return str(tenant["id"])
        body = {"name": TENANT_NAME, "limits": {"max_concurrent_calls": 5}}
        return str((await self.call("POST", "/v1/tenants", json=body))["id"])

    async def ensure_agent(self, tenant_id: str) -> str:
        agents = (await self.call("GET", f"/v1/tenants/{tenant_id}/agents"))["items"]
        for agent in agents:
            if agent["name"] == AGENT_NAME:
                return str(agent["id"])
        body = {"name": AGENT_NAME, "description": "Demo receptionist"}
        return str((await self.call("POST", f"/v1/tenants/{tenant_id}/agents", json=body))["id"])

    async def ensure_number(self, tenant_id: str, agent_id: str, e164: str, carrier: str) -> None:
        numbers = (await self.call("GET", f"/v1/tenants/{tenant_id}/numbers"))["items"]
        for number in numbers:
            if number["e164"] == e164:
                if (number["agent_id"], number["carrier"]) != (agent_id, carrier):
                    path = f"/v1/tenants/{tenant_id}/numbers/{number['id']}"
                    await self.call("PATCH", path, json={"agent_id": agent_id, "carrier": carrier})
                return
        body = {"e164": e164, "carrier": carrier, "agent_id": agent_id, "label": "demo"}
        await self.call("POST", f"/v1/tenants/{tenant_id}/numbers", json=body)

    async def publish_version(self, tenant_id: str, agent_id: str, body: dict[str, Any]) -> int:
        path = f"/v1/tenants/{tenant_id}/agents/{agent_id}"
        version = await self.call("POST", f"{path}/versions", json=body)
        number = int(version["version"])
        await self.call("POST", f"{path}/publish", json={"version": number})
        return number


def _version_body(config: DemoConfig) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((SCENARIOS / "demo_agent.json").read_text())
    body.pop("name", None)
    if config.llm_model:
        llm: dict[str, Any] = {"model": config.llm_model}
        if config.llm_api_key:
            llm["api_key_secret_name"] = LLM_SECRET
        if config.llm_api_base:
            llm["api_base"] = config.llm_api_base
        body["llm"] = llm
    body["note"] = "published by make demo"
    return body


async def _wait_published(cp: ControlPlane, tenant_id: str, timeout_s: float = 30.0) -> None:
    """Waits until the runtime's Redis holds the tenant's latest revision."""
    async with asyncio.timeout(timeout_s):
        while True:
            runtime = await cp.call("GET", f"/v1/tenants/{tenant_id}/runtime")
            if runtime.get("in_sync"):
                return
            await asyncio.sleep(0.2)


async def _find_call(cp: ControlPlane, tenant_id: str, call_sid: str) -> dict[str, Any]:
    """Polls the control plane until the call's record (stored from call.ended) appears."""
    async with asyncio.timeout(30.0):
        while True:
            calls = (await cp.call("GET", f"/v1/tenants/{tenant_id}/calls"))["items"]
            for call in calls:
                if call.get("carrier_call_id") == call_sid and call.get("ended_at"):
                    detail: dict[str, Any] = await cp.call(
                        "GET", f"/v1/tenants/{tenant_id}/calls/{call['id']}"
                    )
                    return detail
            await asyncio.sleep(0.5)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _stage_lines(turns: list[dict[str, Any]]) -> list[str]:
    durations: dict[str, list[float]] = {name: [] for name, _, _ in STAGES}
    v2v: list[float] = []
    for turn in turns:
        stages = dict(turn.get("stages") or {})
        ready = [stages.get("end_of_turn_ms"), stages.get("transcript_final_ms")]
        stages["ready_ms"] = max((v for v in ready if v is not None), default=None)
        for name, start, end in STAGES:
            if stages.get(start) is not None and stages.get(end) is not None:
                durations[name].append(stages[end] - stages[start])
        if stages.get("caller_stopped_ms") is not None and stages.get("first_frame_out_ms"):
            v2v.append(stages["first_frame_out_ms"] - stages["caller_stopped_ms"])
    if not v2v:
        return ["  (the runtime recorded no stage timings)"]
    total = statistics.median(v2v)
    lines = [f"  runtime voice-to-voice p50 {total:.0f} ms (caller stopped -> first frame out)"]
    for name, values in durations.items():
        if values:
            median = statistics.median(values)
            lines.append(f"  {name:<16} p50 {median:6.0f} ms  ({median / total:5.1%} of v2v)")
    return lines


def _print_summary(report: CallReport, record: dict[str, Any] | None) -> None:
    latencies = [t.latency_ms for t in report.turns if t.latency_ms is not None]
    print("\n== Summary")
    if latencies:
        print(
            f"  voice-to-voice (simulator's clock) over {len(latencies)} turns: "
            f"p50 {_percentile(latencies, 0.5):.0f} ms, p95 {_percentile(latencies, 0.95):.0f} ms"
        )
    if record is not None:
        print("\n== Stages (from the runtime's call.turn events, via the control plane)")
        print("\n".join(_stage_lines(list(record.get("turn_details") or []))))
    failed = [check for check in report.checks if check.passed is False]
    verified = sum(check.passed is True for check in report.checks)
    print(f"\n  expectations: {verified} met, {len(failed)} failed")
    for check in failed:
        turn = "" if check.turn is None else f" (turn {check.turn})"
        print(f"  FAILED {check.name}{turn}: {check.detail}")
    print(f"\n  recording: {report.recording_path}")
    print(f"  report:    {OUT_DIR}")


@asynccontextmanager
async def _fake_carrier(config: DemoConfig) -> AsyncIterator[FakeTwilioRest | FakeTelnyxRest]:
    """The carrier's REST API, faked locally: the runtime hangs up and transfers through it."""
    carrier: FakeTwilioRest | FakeTelnyxRest = (
        FakeTelnyxRest(config.telnyx_api_key)
        if config.carrier == "telnyx"
        else FakeTwilioRest(config.account_sid, config.auth_token)
    )
    server = uvicorn.Server(
        uvicorn.Config(
            carrier.app(), host="127.0.0.1", port=config.carrier_port, log_level="warning"
        )
    )
    async with asyncio.TaskGroup() as group:
        group.create_task(server.serve())
        async with asyncio.timeout(10):
            while not server.started:  # noqa: ASYNC110 (uvicorn exposes no started event)
                await asyncio.sleep(0.05)
        try:
            yield carrier
        finally:
            server.should_exit = True


def _secret_body(config: DemoConfig) -> dict[str, Any]:
    """The LLM key as an ``llm_api_key``, bound to the api_base host when there is one."""
    body: dict[str, Any] = {"value": config.llm_api_key, "kind": "llm_api_key"}
    host = urlsplit(config.llm_api_base).hostname if config.llm_api_base else None
    if host:
        body["allowed_host"] = host.lower()
    return body


async def _publish(config: DemoConfig, cp: ControlPlane) -> str:
    tenant_id = await cp.ensure_tenant()
    if config.llm_api_key:
        await cp.call(
            "PUT",
            f"/v1/tenants/{tenant_id}/secrets/{LLM_SECRET}",
            json=_secret_body(config),
        )
    agent_id = await cp.ensure_agent(tenant_id)
    version = await cp.publish_version(tenant_id, agent_id, _version_body(config))
    await cp.ensure_number(tenant_id, agent_id, "+15005550001", config.carrier)
    await _wait_published(cp, tenant_id)
    brain = f"LLM {config.llm_model}" if config.llm_model else "the built-in brain"
    print(
        f"published tenant {tenant_id}, agent {agent_id} v{version} ({brain}) on +15005550001"
        f" ({config.carrier})"
    )
    return tenant_id


async def main() -> int:
    config = DemoConfig()
    headers = {"Authorization": f"Bearer {config.admin_key}"}
    async with httpx.AsyncClient(
        base_url=config.control_plane_url, headers=headers, timeout=30.0
    ) as http:
        cp = ControlPlane(http)
        tenant_id = await _publish(config, cp)

        def on_event(event: SimEvent) -> None:
            print(describe(event), flush=True)

        print("\n== The call")
        async with _fake_carrier(config) as carrier:
            if isinstance(carrier, FakeTelnyxRest):
                report = await run_telnyx_call(
                    SCENARIOS / "demo.yaml", runtime_url=config.runtime_url,
                    signer=TelnyxSigner.from_private_key(config.telnyx_signing_key),
                    mode="texml" if config.telnyx_mode == "texml" else "call_control",
                    carrier=carrier, tts_url=config.tts_url, stt_url=config.stt_url,
                    out_dir=OUT_DIR, on_event=on_event,
                )  # fmt: skip
            else:
                report = await run_call(
                    SCENARIOS / "demo.yaml", runtime_url=config.runtime_url,
                    public_base_url=config.public_base_url, auth_token=config.auth_token,
                    account_sid=config.account_sid, tts_url=config.tts_url,
                    stt_url=config.stt_url, out_dir=OUT_DIR, on_event=on_event, carrier=carrier,
                )  # fmt: skip
        record = await _find_call(cp, tenant_id, report.call_sid)
        _print_summary(report, record)
        print(
            f"\n  the call in the control plane: GET /v1/tenants/{tenant_id}/calls/{record['id']}"
        )
        # demo.sh prints it last (after the stack's own messages).
        console_url = f"{config.control_plane_url}/admin/t/{tenant_id}/calls/{record['id']}"
        (OUT_DIR / "console_url.txt").write_text(console_url + "\n", encoding="utf-8")
        return 0 if report.passed else 1


if __name__ == "__main__":
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    try:
        sys.exit(asyncio.run(main()))
    except DemoError as exc:
        print(f"demo failed: {exc}", file=sys.stderr)
        sys.exit(2)
