"""Twilio accounts and call control: which account owns a tenant's numbers (the platform's or
the tenant's own), and hanging up or transferring a live call through the Calls REST API."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from switchboard_common.contract import TenantRuntimeConfig
from switchboard_voice_runtime.telephony.carrier_commands import send_with_retries
from switchboard_voice_runtime.telephony.twilio import dial_twiml

if TYPE_CHECKING:
    from switchboard_voice_runtime.runtime import Runtime

logger = logging.getLogger(__name__)


class TwilioCallControl:
    """CallControl over ``POST {api_base}/2010-04-01/Accounts/{sid}/Calls/{call_sid}.json``.

    5xx answers, 429 and transport errors are retried up to ``attempts`` times; a 4xx answer or
    running out of attempts raises CallControlError.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        api_base: str,
        account_sid: str,
        auth_token: str,
        call_sid: str,
        attempts: int = 3,
        timeout_s: float = 5.0,
    ) -> None:
        self._http = http
        base = api_base.rstrip("/")
        self._url = f"{base}/2010-04-01/Accounts/{account_sid}/Calls/{call_sid}.json"
        self._auth = httpx.BasicAuth(account_sid, auth_token)
        self._attempts = attempts
        self._timeout_s = timeout_s

    async def hang_up(self) -> None:
        await self._update({"Status": "completed"}, action="hang_up")

    async def transfer(self, number: str) -> None:
        await self._update({"Twiml": dial_twiml(number)}, action="transfer")

    async def _update(self, form: dict[str, str], *, action: str) -> None:
        async def post() -> httpx.Response:
            return await self._http.post(
                self._url, data=form, auth=self._auth, timeout=self._timeout_s
            )

        await send_with_retries(
            post,
            attempts=self._attempts,
            failure=f"Twilio {action} failed",
            action=action,
            logger=logger,
        )


@dataclass(frozen=True, slots=True)
class TwilioAccount:
    account_sid: str
    auth_token: str


def platform_account(runtime: Runtime) -> TwilioAccount:
    settings = runtime.settings.twilio
    return TwilioAccount(settings.account_sid, settings.auth_token.get_secret_value())


def account_for(runtime: Runtime, tenant: TenantRuntimeConfig | None) -> TwilioAccount | None:
    """The account that owns a tenant's numbers: its own, or else the platform's (None when the
    tenant's own token cannot be opened)."""
    own = tenant.telephony.twilio if tenant is not None else None
    if own is None or tenant is None:
        return platform_account(runtime)
    token = runtime.config.open_secret(tenant.tenant_id, own.auth_token)
    return TwilioAccount(own.account_sid, token) if token is not None else None


def known_auth_tokens(runtime: Runtime) -> list[str]:
    """The platform's auth token and those of cached tenants with their own account."""
    tokens = [platform_account(runtime).auth_token]
    for tenant in runtime.config.cached_tenants():
        if tenant.telephony.twilio is not None:
            account = account_for(runtime, tenant)
            if account is not None and account.auth_token not in tokens:
                tokens.append(account.auth_token)
    return tokens


def call_control(runtime: Runtime, account: TwilioAccount, call_sid: str) -> TwilioCallControl:
    settings = runtime.settings.twilio
    return TwilioCallControl(
        runtime.http,
        api_base=settings.api_base,
        account_sid=account.account_sid,
        auth_token=account.auth_token,
        call_sid=call_sid,
        attempts=settings.rest_attempts,
        timeout_s=settings.rest_timeout_s,
    )
