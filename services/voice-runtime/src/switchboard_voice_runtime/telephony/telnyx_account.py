"""Telnyx accounts and call control: which account owns a tenant's numbers (the platform's from
settings, or the tenant's own from its snapshot), and its Call Control commands over the REST API
(answer, start the stream, speak, reject, hang up, transfer:
``POST {api_base}/v2/calls/{call_control_id}/actions/<action>``, Bearer API key).

Each command carries a ``command_id`` kept across its retries, so Telnyx acts on it once however
many attempts reach it. 5xx, 429 and transport errors are retried; another 4xx, or running out of
attempts, raises ``CallControlError``. A hang-up of a call that has already ended (422) is done.
The API key is never logged.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from switchboard_common.contract import TenantRuntimeConfig
from switchboard_voice_runtime.telephony import telnyx_call_control as cc
from switchboard_voice_runtime.telephony.carrier_commands import send_with_retries
from switchboard_voice_runtime.telnyx_settings import DEFAULT_API_BASE

if TYPE_CHECKING:
    from switchboard_voice_runtime.runtime import Runtime

logger = logging.getLogger(__name__)


class TelnyxCallControl:
    """Commands for one call (``call_control_id``) with the owning account's API key."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        api_key: str,
        call_control_id: str,
        api_base: str = DEFAULT_API_BASE,
        attempts: int = 3,
        timeout_s: float = 5.0,
    ) -> None:
        self._http = http
        self._base = api_base.rstrip("/")
        self._headers = {"Authorization": f"Bearer {api_key}"}
        self.call_control_id = call_control_id
        self._attempts = attempts
        self._timeout_s = timeout_s

    @staticmethod
    def new_command_id() -> str:
        return str(uuid.uuid4())

    async def hang_up(self) -> None:
        await self.send(cc.hangup_command(command_id=self.new_command_id()))

    async def transfer(self, number: str) -> None:
        await self.send(cc.transfer_command(command_id=self.new_command_id(), to=number))

    async def send(self, command: cc.Command) -> None:
        """Sends one command (build it with ``telephony.telnyx_call_control``), retrying."""
        url = self._base + command.path(self.call_control_id)

        async def post() -> httpx.Response:
            return await self._http.post(
                url, json=dict(command.body), headers=self._headers, timeout=self._timeout_s
            )

        def accepted(response: httpx.Response) -> bool:
            ended = response.status_code == cc.ALREADY_ENDED_STATUS and command.action == "hangup"
            return response.is_success or ended

        def error_of(response: httpx.Response) -> str:
            errors = cc.parse_command_errors(response.content)
            detail = f": {errors[0].title}" if errors else ""
            return f"HTTP {response.status_code}{detail}"

        await send_with_retries(
            post,
            attempts=self._attempts,
            failure=f"Telnyx {command.action} failed",
            action=command.action,
            accepted=accepted,
            error_of=error_of,
            logger=logger,
            log_fields={"carrier": "telnyx"},
        )


@dataclass(frozen=True, slots=True)
class TelnyxAccount:
    public_key: str
    api_key: str
    own: bool = False
    """The tenant's own account (not the platform's)."""


def platform_account(runtime: Runtime) -> TelnyxAccount | None:
    """The platform's account, when configured (public key and API key)."""
    settings = runtime.settings.telnyx
    if settings.public_key is None or settings.api_key is None:
        return None
    return TelnyxAccount(settings.public_key, settings.api_key.get_secret_value())


def account_for(runtime: Runtime, tenant: TenantRuntimeConfig | None) -> TelnyxAccount | None:
    """The account that owns a tenant's numbers: its own, or else the platform's (None when the
    tenant's own API key cannot be opened)."""
    own = tenant.telephony.telnyx if tenant is not None else None
    if own is None or tenant is None:
        return platform_account(runtime)
    key = runtime.config.open_secret(tenant.tenant_id, own.api_key) if own.api_key else None
    return TelnyxAccount(own.public_key, key, own=True) if key is not None else None


def known_public_keys(runtime: Runtime) -> list[str]:
    """The platform's webhook key and those of cached tenants with their own account (for
    webhooks that name no number of ours)."""
    platform = runtime.settings.telnyx.public_key
    keys = [platform] if platform is not None else []
    for tenant in runtime.config.cached_tenants():
        own = tenant.telephony.telnyx
        if own is not None and own.public_key not in keys:
            keys.append(own.public_key)
    return keys


def call_control(
    runtime: Runtime, account: TelnyxAccount, call_control_id: str
) -> TelnyxCallControl:
    settings = runtime.settings.telnyx
    return TelnyxCallControl(
        runtime.http,
        api_key=account.api_key,
        call_control_id=call_control_id,
        api_base=settings.api_base,
        attempts=settings.rest_attempts,
        timeout_s=settings.rest_timeout_s,
    )
