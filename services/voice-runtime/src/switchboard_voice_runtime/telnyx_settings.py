"""The platform's own Telnyx account (numbers of tenants without their own), as settings
``VOICE_RUNTIME_TELNYX__*`` once ``Settings`` holds a ``telnyx: TelnyxSettings`` member.

Unset (the default), the platform has no Telnyx account: Telnyx webhooks for numbers of tenants
without their own are refused. For development, ``DEVELOPMENT_TELNYX_PUBLIC_KEY`` pairs with the
call simulator's development signing key (``switchboard_common.development``); production refuses
those values (``development_fields``), since anyone holding the published signing key could forge
webhooks the development key verifies.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, SecretStr

from switchboard_common.contract.tenant_config import Ed25519PublicKey

DEFAULT_API_BASE = "https://api.telnyx.com"


class TelnyxSettings(BaseModel):
    public_key: Ed25519PublicKey | None = Field(
        default=None,
        description="The account's Ed25519 webhook public key (base64); verifies every webhook",
    )
    api_key: SecretStr | None = Field(
        default=None,
        description="The account's API key, for Call Control commands",
    )
    api_base: str = Field(
        default=DEFAULT_API_BASE,
        pattern=r"^https?://[^/]+$",
        description="Telnyx's API origin, without /v2 (tests point it at a fake)",
    )
    rest_timeout_s: float = Field(default=5.0, gt=0)
    rest_attempts: int = Field(default=3, ge=1, le=10)
    codec: Literal["PCMU", "PCMA", "L16"] = Field(
        default="PCMU", description="The stream codec; L16 streams 16 kHz (wideband)"
    )

    @property
    def sample_rate_hz(self) -> int:
        return 16_000 if self.codec == "L16" else 8_000

    def development_fields(self) -> dict[str, SecretStr | str | None]:
        """The fields production checks with ``refuse_development_values``."""
        return {"telnyx.public_key": self.public_key, "telnyx.api_key": self.api_key}
