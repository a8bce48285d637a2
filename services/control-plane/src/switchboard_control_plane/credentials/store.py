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
from switchboard_common.contract.secret_use import SECRET_KINDS, SecretKind
from switchboard_control_plane.credentials.models import StoredSecret
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.errors import ControlPlaneError, InvalidConfigError


class ReadOnlySecretsError(ControlPlaneError):
    status_code = 409
    code = "secrets_read_only"


class SecretKindFixedError(ControlPlaneError):
    """A secret's kind and allowed host are fixed at creation (delete and re-create to change)."""

    status_code = 409
    code = "secret_kind_fixed"


@dataclass(frozen=True, slots=True)
class SecretUse:
    """What a secret is for: its kind and, for an LLM key, the one host it may be sent to."""

    kind: SecretKind
    allowed_host: str | None = None


@dataclass(frozen=True, slots=True)
class SecretInfo:
    """What may be shown about a secret: never its value."""

    name: str
    provider: str
    key_id: str | None
    updated_at: datetime | None
    updated_by: str | None
    kind: SecretKind
    allowed_host: str | None = None


class SecretStore(Protocol):
    """Where tenant secrets live. Calls take the request's session so writes share its
    transaction (providers outside Postgres ignore it)."""

    provider: str

    async def put(
        self,
        session: AsyncSession,
        tenant_id: str,
        name: str,
        value: str,
        actor: str,
        use: SecretUse | None,
    ) -> tuple[SecretInfo, bool]:
        """Stores a value; returns its info and whether it replaced an existing one. A new
        secret needs ``use``; a replaced one keeps its own (``SecretKindFixedError`` if ``use``
        differs from it)."""
        ...

    async def get(self, session: AsyncSession, tenant_id: str, name: str) -> str | None: ...

    async def info(self, session: AsyncSession, tenant_id: str, name: str) -> SecretInfo | None:
        """What may be shown about one secret (its kind included), or None."""
        ...

    async def delete(self, session: AsyncSession, tenant_id: str, name: str) -> bool: ...

    async def list(self, session: AsyncSession, tenant_id: str) -> list[SecretInfo]: ...


def _kind(value: str | None) -> SecretKind:
    """A stored kind; anything unrecognised is the kind that is never sent anywhere."""
    for kind in SECRET_KINDS:
        if value == kind:
            return kind
    return "webhook_secret"


def _info(row: StoredSecret) -> SecretInfo:
    return SecretInfo(
        row.name,
        "db",
        row.key_id,
        row.updated_at,
        row.updated_by,
        _kind(row.kind),
        row.allowed_host,
    )


def _check_use(name: str, stored: SecretUse, asked: SecretUse | None) -> None:
    if asked is not None and asked != stored:
        raise SecretKindFixedError(
            f"The secret {name!r} is a {stored.kind}"
            + (f" for {stored.allowed_host}" if stored.allowed_host else "")
            + "; its kind and allowed host are fixed at creation (delete it and create it again).",
        )


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
        self,
        session: AsyncSession,
        tenant_id: str,
        name: str,
        value: str,
        actor: str,
        use: SecretUse | None,
    ) -> tuple[SecretInfo, bool]:
        sealed = self._keyring.seal(tenant_id, name, value)
        row = await self._row(session, tenant_id, name)
        replaced = row is not None
        if row is not None:
            _check_use(name, SecretUse(_kind(row.kind), row.allowed_host), use)
        else:
            if use is None:
                raise InvalidConfigError("kind", "a new secret needs a kind", type_="missing")
            row = StoredSecret(
                tenant_id=tenant_id, name=name, kind=use.kind, allowed_host=use.allowed_host
            )
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

    async def info(self, session: AsyncSession, tenant_id: str, name: str) -> SecretInfo | None:
        row = await self._row(session, tenant_id, name)
        return None if row is None else _info(row)

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


def env_var_name(tenant_id: str, name: str, prefix: str = "SWITCHBOARD_SECRET") -> str:
    """``SWITCHBOARD_SECRET__{TENANT}__{NAME}`` with non-alphanumerics as ``_``; the secret's
    kind is in ``SWITCHBOARD_SECRET_KIND__...`` and an LLM key's host in
    ``SWITCHBOARD_SECRET_HOST__...`` (no kind: ``webhook_secret``, never sent anywhere)."""
    clean = re.compile(r"[^A-Za-z0-9]")
    return f"{prefix}__{clean.sub('_', tenant_id)}__{clean.sub('_', name)}".upper()


class EnvSecretStore:
    """Read-only secrets from the process environment (``env_var_name``)."""

    provider = "env"

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = environ if environ is not None else os.environ

    async def put(
        self,
        session: AsyncSession,
        tenant_id: str,
        name: str,
        value: str,
        actor: str,
        use: SecretUse | None,
    ) -> tuple[SecretInfo, bool]:
        raise ReadOnlySecretsError("Secrets come from the environment and are read-only.")

    async def get(self, session: AsyncSession, tenant_id: str, name: str) -> str | None:
        return self._environ.get(env_var_name(tenant_id, name))

    def _info(self, tenant_id: str, name: str) -> SecretInfo:
        kind = _kind(self._environ.get(env_var_name(tenant_id, name, "SWITCHBOARD_SECRET_KIND")))
        host = self._environ.get(env_var_name(tenant_id, name, "SWITCHBOARD_SECRET_HOST"))
        return SecretInfo(name, "env", None, None, None, kind, host.lower() if host else None)

    async def info(self, session: AsyncSession, tenant_id: str, name: str) -> SecretInfo | None:
        if env_var_name(tenant_id, name) not in self._environ:
            return None
        return self._info(tenant_id, name)

    async def delete(self, session: AsyncSession, tenant_id: str, name: str) -> bool:
        raise ReadOnlySecretsError("Secrets come from the environment and are read-only.")

    async def list(self, session: AsyncSession, tenant_id: str) -> list[SecretInfo]:
        prefix = env_var_name(tenant_id, "")
        names = sorted(k[len(prefix) :].lower() for k in self._environ if k.startswith(prefix))
        return [self._info(tenant_id, name) for name in names]
