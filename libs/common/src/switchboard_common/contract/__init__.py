"""The control-plane -> runtime contract: Redis keys, config snapshots, call events, secrets."""

from switchboard_common.contract.envelope import (
    EncryptedSecret,
    EnvelopeError,
    Keyring,
    TamperedSecretError,
    UnknownKeyError,
)
from switchboard_common.contract.epoch import ContractEpoch
from switchboard_common.contract.events import (
    CallEnded,
    CallEvent,
    CallStarted,
    CallTurn,
    ToolCallReport,
    TranscriptEntry,
    TurnStages,
    parse_call_event,
)
from switchboard_common.contract.keys import SCHEMA_VERSION
from switchboard_common.contract.tenant_config import (
    AgentConfig,
    ConfigChanged,
    DidRoute,
    TenantRuntimeConfig,
)

__all__ = [
    "SCHEMA_VERSION",
    "AgentConfig",
    "CallEnded",
    "CallEvent",
    "CallStarted",
    "CallTurn",
    "ConfigChanged",
    "ContractEpoch",
    "DidRoute",
    "EncryptedSecret",
    "EnvelopeError",
    "Keyring",
    "TamperedSecretError",
    "TenantRuntimeConfig",
    "ToolCallReport",
    "TranscriptEntry",
    "TurnStages",
    "UnknownKeyError",
    "parse_call_event",
]
