"""The public development values (defaults and .env.example) that production refuses."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import SecretStr

from switchboard_common.contract.envelope import DEVELOPMENT_RUNTIME_KEYS
from switchboard_common.realtime_token import DEVELOPMENT_PUBLIC_KEYS, DEVELOPMENT_SIGNING_KEY

DEVELOPMENT_TELNYX_SIGNING_KEY = "c3dpdGNoYm9hcmQtZGV2LXRlbG55eC1zaWduaW5nISE="
"""The development Telnyx webhook signing key (base64 Ed25519 seed) the call simulator signs with;
public, so production must not trust its public key below."""
DEVELOPMENT_TELNYX_PUBLIC_KEY = "HOGOprPx0vvQIgX9msHRNIv+vKC2GMLP4Ep5bLaOd9E="
DEVELOPMENT_TELNYX_API_KEY = "dev-telnyx-api-key"

PUBLIC_DEVELOPMENT_VALUES: tuple[str, ...] = (
    DEVELOPMENT_RUNTIME_KEYS,
    DEVELOPMENT_RUNTIME_KEYS.partition(":")[2],
    "sb_dev_bootstrap_admin_key",
    "dev-kek-1:ZGV2LWtleS1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcyE=",
    "ZGV2LWtleS1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcyE=",
    "dev-api-key-pepper",
    "change-me-32-bytes-or-more",
    "switchboard-dev-password",
    "dev-twilio-auth-token",
    DEVELOPMENT_TELNYX_SIGNING_KEY,
    DEVELOPMENT_TELNYX_PUBLIC_KEY,
    DEVELOPMENT_TELNYX_API_KEY,
    "dev-call-token-secret-change-me-0123456789",
    "dev-stt-service-token-change-me",
    "dev-tts-service-token-change-me",
    DEVELOPMENT_SIGNING_KEY,
    DEVELOPMENT_SIGNING_KEY.partition(":")[2],
    DEVELOPMENT_PUBLIC_KEYS,
    DEVELOPMENT_PUBLIC_KEYS.partition(":")[2],
)
"""Every secret a checkout publishes: the services' development defaults and the values of
``.env.example`` (keyrings also by their bare key, so a keyring that merely renames a
development key, or keeps one beside a real key, is refused too). The development realtime
public key is no secret, but a production runtime trusting it would accept client secrets anyone
can mint, so it is refused as well."""


def refuse_development_values(
    environment: str, fields: Mapping[str, SecretStr | str | None]
) -> None:
    """In production, raises ``ValueError`` naming each field that holds (or contains, as a
    URL holds a password or a keyring a key) a public development value."""
    if environment != "production":
        return
    refused = []
    for name, field in fields.items():
        value = field.get_secret_value() if isinstance(field, SecretStr) else field
        if value and any(public in value for public in PUBLIC_DEVELOPMENT_VALUES):
            refused.append(name)
    if refused:
        raise ValueError(f"production refuses development values for: {', '.join(refused)}")
