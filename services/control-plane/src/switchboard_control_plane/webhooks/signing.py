"""Standard Webhooks signing: ``whsec_`` secrets, sealed at rest, and the request headers.

Signatures come from the ``standardwebhooks`` reference library; during a rotation's overlap a
delivery carries one ``v1,...`` signature per live secret, space-separated, so a receiver holding
either secret verifies it.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from standardwebhooks.webhooks import Webhook

from switchboard_common.contract import Keyring
from switchboard_common.contract.envelope import EncryptedSecret

SECRET_PREFIX = "whsec_"  # noqa: S105 (the prefix, not a secret)
SECRET_BYTES = 32


def new_secret() -> str:
    """A fresh signing secret: ``whsec_`` + base64 of 32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def _sealed_name(endpoint_id: str) -> str:
    return f"webhook:{endpoint_id}"


def seal(keyring: Keyring, tenant_id: str, endpoint_id: str, secret: str) -> dict[str, Any]:
    """The secret sealed under the KEK keyring, bound to its tenant and endpoint."""
    return keyring.seal(tenant_id, _sealed_name(endpoint_id), secret).model_dump(mode="json")


def unseal(keyring: Keyring, tenant_id: str, sealed: dict[str, Any]) -> str:
    return keyring.open(tenant_id, EncryptedSecret.model_validate(sealed))


def signature_header(
    secrets_: Sequence[str], message_id: str, timestamp: datetime, body: str
) -> str:
    """``webhook-signature``: one ``v1,<base64>`` per secret, space-separated."""
    return " ".join(
        Webhook(secret).sign(msg_id=message_id, timestamp=timestamp, data=body)
        for secret in secrets_
    )


def signed_headers(
    secrets_: Sequence[str], message_id: str, timestamp: datetime, body: str
) -> dict[str, str]:
    """The headers of one delivery attempt (signed at the attempt's time)."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature_header(secrets_, message_id, timestamp, body),
        "content-type": "application/json",
        "user-agent": "Switchboard-Webhooks/1",
    }
