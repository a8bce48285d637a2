"""Golden JSON of every contract model: a rename, removal or type change fails here.

Regenerate deliberately with ``SB_UPDATE_GOLDEN=1 pytest libs/common`` after bumping the contract
version, never to make a failing test pass.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from switchboard_common.contract import (
    AgentConfig,
    CallEnded,
    CallStarted,
    CallTurn,
    ConfigChanged,
    ContractEpoch,
    DidRoute,
    EncryptedSecret,
    TenantRuntimeConfig,
    ToolCallReport,
    TranscriptEntry,
    TurnStages,
    parse_call_event,
)
from switchboard_common.contract.tenant_config import (
    BusinessHours,
    HttpTool,
    KnowledgeSection,
    LlmConfig,
    OpeningHours,
    QuickReply,
    RealtimeKey,
    SttConfig,
    TelephonyConfig,
    TenantLimits,
    ToolsConfig,
    TransferTarget,
    TwilioAccount,
)

GOLDEN = Path(__file__).with_name("golden")
AT = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
SECRET = EncryptedSecret(
    name="openai", key_id="k1", nonce="bm9uY2U=", ciphertext="Y2lwaGVy", kind="llm_api_key"
)
TOKEN = EncryptedSecret(
    name="twilio", key_id="k1", nonce="bm9uY2U=", ciphertext="dG9rZW4=", kind="carrier_credential"
)


def _agent() -> AgentConfig:
    return AgentConfig(
        agent_id="agt_1",
        version=3,
        name="Front desk",
        greeting="Thanks for calling Acme Dental, how can I help?",
        system_prompt="You are the receptionist of Acme Dental.",
        knowledge=(KnowledgeSection(title="Hours", content="Mon-Fri 9 to 5."),),
        quick_replies=(QuickReply(phrases=("where are you",), answer="12 Main Street."),),
        business_hours=BusinessHours(
            timezone="America/New_York",
            windows=(OpeningHours(days=("mon", "tue"), opens_at=time(9), closes_at=time(17)),),
            after_hours_message="We are closed.",
        ),
        llm=LlmConfig(model="openai/gpt-4o-mini", api_key_secret=SECRET),
        stt=SttConfig(vocabulary=("Acme Dental", "Dr. Okafor")),
        tools=ToolsConfig(
            transfer_targets=(TransferTarget(name="Billing", number="+15551230000"),),
            http_tools=(
                HttpTool(
                    name="lookup", description="Find a booking", url="https://example.com/lookup"
                ),
            ),
        ),
        recording=True,
    )


def examples() -> dict[str, BaseModel]:
    stages = TurnStages(
        caller_stopped_ms=1000,
        end_of_turn_ms=1300,
        transcript_final_ms=1320,
        llm_first_token_ms=1500,
        tts_first_audio_ms=1600,
        first_frame_out_ms=1610,
    )
    return {
        "did_route": DidRoute(tenant_id="ten_1", agent_id="agt_1", number_id="num_1"),
        "config_changed": ConfigChanged(tenant_id="ten_1", revision=7),
        "contract_epoch": ContractEpoch(redis_run_id="5f0c" + "0" * 36, written_at=AT),
        "tenant_runtime_config": TenantRuntimeConfig(
            tenant_id="ten_1",
            revision=7,
            published_at=AT,
            limits=TenantLimits(max_concurrent_calls=3),
            telephony=TelephonyConfig(
                twilio=TwilioAccount(account_sid="AC" + "0" * 32, auth_token=TOKEN)
            ),
            agents={"agt_1": _agent()},
            realtime_keys=(RealtimeKey(key_id="key_1", sha256="ab" * 32, expires_at=AT),),
        ),
        "call_started": CallStarted(
            event_id="evt_1",
            tenant_id="ten_1",
            call_id="call_1",
            occurred_at=AT,
            agent_id="agt_1",
            agent_version=3,
            number_id="num_1",
            carrier="twilio",
            carrier_call_id="CA" + "0" * 32,
            from_number="+15550001111",
            to_number="+15551230000",
        ),
        "call_turn": CallTurn(
            event_id="evt_2",
            tenant_id="ten_1",
            call_id="call_1",
            occurred_at=AT,
            turn_index=0,
            caller_text="When are you open?",
            agent_text="Monday to Friday.",
            brain="builtin",
            stages=stages,
            tool_calls=(
                ToolCallReport(name="find_slot", ok=True, status_code=200, duration_ms=84.5),
                ToolCallReport(name="book", ok=False, duration_ms=2000.0),
            ),
        ),
        "call_ended": CallEnded(
            event_id="evt_3",
            tenant_id="ten_1",
            call_id="call_1",
            occurred_at=AT,
            reason="caller_hangup",
            started_at=AT,
            duration_s=42.5,
            turns=1,
            transcript=(TranscriptEntry(role="agent", text="Hello", at_ms=0),),
            recording_ref="recordings/ten_1/call_1.wav",
        ),
    }


@pytest.mark.parametrize("name", sorted(examples()))
def test_model_matches_its_golden_json(name: str) -> None:
    model = examples()[name]
    path = GOLDEN / f"{name}.json"
    produced = json.loads(model.model_dump_json())
    if os.environ.get("SB_UPDATE_GOLDEN") == "1":
        path.write_text(json.dumps(produced, indent=2, sort_keys=True) + "\n")
    golden = json.loads(path.read_text())
    assert produced == golden
    assert type(model).model_validate(golden) == model


@pytest.mark.parametrize("name", ["call_started", "call_turn", "call_ended"])
def test_events_parse_by_their_type(name: str) -> None:
    model = examples()[name]
    assert parse_call_event(model.model_dump_json()) == model


def test_a_turn_from_a_runtime_without_tool_reports_parses_with_none() -> None:
    golden = json.loads((GOLDEN / "call_turn.json").read_text())
    del golden["tool_calls"]
    turn = parse_call_event(json.dumps(golden))
    assert isinstance(turn, CallTurn) and turn.tool_calls == ()


def test_snapshot_rejects_unknown_fields_and_is_frozen() -> None:
    golden = json.loads((GOLDEN / "tenant_runtime_config.json").read_text())
    with pytest.raises(ValidationError):
        TenantRuntimeConfig.model_validate({**golden, "surprise": 1})
    snapshot = TenantRuntimeConfig.model_validate(golden)
    with pytest.raises(ValidationError):
        snapshot.revision = 8  # type: ignore[misc]


def test_snapshot_rejects_agents_filed_under_another_id() -> None:
    golden = json.loads((GOLDEN / "tenant_runtime_config.json").read_text())
    golden["agents"] = {"agt_other": golden["agents"]["agt_1"]}
    with pytest.raises(ValidationError, match="holds agent"):
        TenantRuntimeConfig.model_validate(golden)


def test_voice_to_voice_is_first_frame_minus_caller_stopped() -> None:
    stages = TurnStages(caller_stopped_ms=1000, first_frame_out_ms=1420)
    assert stages.voice_to_voice_ms == 420
    assert TurnStages().voice_to_voice_ms is None


def test_transfer_allow_list_and_e164_validation() -> None:
    tools = _agent().tools
    assert tools.transfer_allowed("+15551230000")
    assert not tools.transfer_allowed("+15559999999")
    with pytest.raises(ValidationError, match=r"E\.164"):
        TransferTarget(name="x", number="5551230000")
