"""The signed, short-lived token that binds a carrier media socket to the call its webhook began."""

from __future__ import annotations

import time
from dataclasses import dataclass

import jwt
from redis.asyncio import Redis

from switchboard_common.contract import keys

_ALGORITHM = "HS256"
_AUDIENCE = "switchboard-media"


class CallTokenError(Exception):
    """The token is missing, forged, expired or malformed."""


@dataclass(frozen=True, slots=True)
class CallClaims:
    """What the webhook decided about a call, carried to whichever runtime gets its socket."""

    call_id: str
    tenant_id: str
    agent_id: str
    number_id: str
    carrier: str
    """Which carrier's edge may use the token (a ``Carrier`` value)."""
    carrier_call_id: str
    account_ref: str
    """The carrier account the call came in on (its own id for it), for the record."""
    from_number: str
    to_number: str


class CallTokenSigner:
    """Issues and verifies HS256 JWTs that expire ``ttl_s`` after issue."""

    def __init__(self, secret: str, ttl_s: int) -> None:
        if len(secret.encode()) < 32:
            raise ValueError("the call token secret must be at least 32 bytes")
        self._secret = secret
        self._ttl_s = ttl_s

    def issue(self, claims: CallClaims, *, now_s: float | None = None) -> str:
        issued = int(now_s if now_s is not None else time.time())
        payload = {
            "sub": claims.call_id,
            "aud": _AUDIENCE,
            "iat": issued,
            "exp": issued + self._ttl_s,
            "ten": claims.tenant_id,
            "agt": claims.agent_id,
            "num": claims.number_id,
            "carrier": claims.carrier,
            "ccid": claims.carrier_call_id,
            "acct": claims.account_ref,
            "from": claims.from_number,
            "to": claims.to_number,
        }
        return jwt.encode(payload, self._secret, algorithm=_ALGORITHM)

    def verify(self, token: str, *, now_s: float | None = None) -> CallClaims:
        try:
            data = jwt.decode(
                token,
                self._secret,
                algorithms=[_ALGORITHM],
                audience=_AUDIENCE,
                options={"require": ["exp", "iat", "sub", "aud"], "verify_exp": False},
            )
        except jwt.PyJWTError as exc:
            raise CallTokenError("the call token is not valid") from exc
        expires = data.get("exp")
        now = now_s if now_s is not None else time.time()
        if not isinstance(expires, int) or expires < now:
            raise CallTokenError("the call token has expired")
        try:
            return CallClaims(
                call_id=str(data["sub"]),
                tenant_id=str(data["ten"]),
                agent_id=str(data["agt"]),
                number_id=str(data["num"]),
                carrier=str(data["carrier"]),
                carrier_call_id=str(data["ccid"]),
                account_ref=str(data["acct"]),
                from_number=str(data["from"]),
                to_number=str(data["to"]),
            )
        except KeyError as exc:
            raise CallTokenError("the call token lacks a claim") from exc


class CallTokenGuard:
    """Single use of call tokens across every runtime replica: the first use of a call's token
    sets its key in Redis (SET NX) for the token's lifetime; any later use, on any replica, is
    refused.

    Fails closed: when Redis cannot be asked, ``claim`` raises (RedisError) and the caller must
    refuse the token, since another replica may already have used it.
    """

    def __init__(self, redis: Redis, ttl_s: int) -> None:
        self._redis = redis
        self._ttl_s = ttl_s

    async def claim(self, call_id: str) -> bool:
        """True the first time a token of ``call_id`` is used; False for every use after.

        The key lives ``ttl_s`` (the tokens' lifetime) from now: every token of the call was
        issued no later than now, with the first issue time (see the voice webhook), so each
        expires before its key does.
        """
        first = await self._redis.set(keys.call_token_key(call_id), b"1", nx=True, ex=self._ttl_s)
        return bool(first)
