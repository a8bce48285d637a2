"""The SecretStore port and its providers: ``db`` (envelope-encrypted rows) and ``env``.

AWS Secrets Manager or Vault plug in as further ``SecretStore`` implementations: ``get`` is all
the snapshot builder needs, ``put``/``delete`` may raise ``ReadOnlySecretsError``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.contract import EncryptedSecret, Keyring
from switchboard_control_plane.credentials.models import StoredSecret
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.errors import ControlPlaneError


class ReadOnlySecretsError(ControlPlaneError):
    status_code = 409
    code = "secrets_read_only"


@dataclass(frozen=True, slots=True)
class SecretInfo:
    """What may be shown about a secret: never its value."""

    name: str
    provider: str
    key_id: str | None
    updated_at: datetime | None
    updated_by: str | None


class SecretStore(Protocol):
    """Where tenant secrets live. Calls take the request's session so writes share its
    transaction (providers outside Postgres ignore it)."""

    provider: str

    async def put(
        self, session: AsyncSession, tenant_id: str, name: str, value: str, actor: str
    ) -> tuple[SecretInfo, bool]:
        """Stores a value; returns its info and whether it replaced an existing one."""
        ...

    async def get(self, session: AsyncSession, tenant_id: str, name: str) -> str | None: ...

    async def delete(self, session: AsyncSession, tenant_id: str, name: str) -> bool: ...

    async def list(self, session: AsyncSession, tenant_id: str) -> list[SecretInfo]: ...


def _info(row: StoredSecret) -> SecretInfo:
    return SecretInfo(row.name, "db", row.key_id, row.updated_at, row.updated_by)


class DbSecretStore:
    """AES-256-GCM envelopes under the key-encryption keyring, bound to tenant and name."""

    provider = "db"

    def __init__(self, keyring: Keyring) -> None:
        self._keyring = keyring

    async def _row(self, session: AsyncSession, tenant_id: str, name: str) -> StoredSecret | None:
        query = select(StoredSecret).where(
            StoredSecret.tenant_id == tenant_id, StoredSecret.name == name
        )
        return (await session.execute(query)).scalar_one_or_none()

    async def put(
        self, session: AsyncSession, tenant_id: str, name: str, value: str, actor: str
    ) -> tuple[SecretInfo, bool]:
        sealed = self._keyring.seal(tenant_id, name, value)
        row = await self._row(session, tenant_id, name)
        replaced = row is not None
        if row is None:
            row = StoredSecret(tenant_id=tenant_id, name=name)
            session.add(row)
        row.key_id, row.nonce, row.ciphertext = sealed.key_id, sealed.nonce, sealed.ciphertext
        row.updated_by, row.updated_at = actor, utcnow()
        await session.flush()
        return _info(row), replaced

    async def get(self, session: AsyncSession, tenant_id: str, name: str) -> str | None:
        row = await self._row(session, tenant_id, name)
        if row is None:
            return None
        return self._keyring.open(tenant_id, _envelope(row))

    async def delete(self, session: AsyncSession, tenant_id: str, name: str) -> bool:
        row = await self._row(session, tenant_id, name)
        if row is None:
            return False
        await session.delete(row)
        return True

    async def list(self, session: AsyncSession, tenant_id: str) -> list[SecretInfo]:
        query = select(StoredSecret).order_by(StoredSecret.name)
        return [_info(row) for row in (await session.execute(query)).scalars()]

    def rotated(self, tenant_id: str, row: StoredSecret) -> bool:
        """Re-seals one row under the current key; True when it changed."""
        envelope = _envelope(row)
        fresh = self._keyring.rotate(tenant_id, envelope)
        if fresh is envelope:
            return False
        row.key_id, row.nonce, row.ciphertext = fresh.key_id, fresh.nonce, fresh.ciphertext
        return True


def _envelope(row: StoredSecret) -> EncryptedSecret:
    return EncryptedSecret(
        name=row.name, key_id=row.key_id, nonce=row.nonce, ciphertext=row.ciphertext
    )


def env_var_name(tenant_id: str, name: str) -> str:
    """``SWITCHBOARD_SECRET__{TENANT}__{NAME}`` with non-alphanumerics as ``_``."""
    clean = re.compile(r"[^A-Za-z0-9]")
    return f"SWITCHBOARD_SECRET__{clean.sub('_', tenant_id)}__{clean.sub('_', name)}".upper()


class EnvSecretStore:
    """Read-only secrets from the process environment (``env_var_name``)."""

    provider = "env"

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = environ if environ is not None else os.environ

    async def put(
        self, session: AsyncSession, tenant_id: str, name: str, value: str, actor: str
    ) -> tuple[SecretInfo, bool]:
        raise ReadOnlySecretsError("Secrets come from the environment and are read-only.")

    async def get(self, session: AsyncSession, tenant_id: str, name: str) -> str | None:
        return self._environ.get(env_var_name(tenant_id, name))

    async def delete(self, session: AsyncSession, tenant_id: str, name: str) -> bool:
        raise ReadOnlySecretsError("Secrets come from the environment and are read-only.")

    async def list(self, session: AsyncSession, tenant_id: str) -> list[SecretInfo]:
        prefix = env_var_name(tenant_id, "")
        names = sorted(k[len(prefix) :].lower() for k in self._environ if k.startswith(prefix))
        return [SecretInfo(name, "env", None, None, None) for name in names]
