"""The process resources the routers and workers share, built once in the lifespan."""

from __future__ import annotations

from dataclasses import dataclass

from redis.asyncio import Redis

from switchboard_common.contract import Keyring
from switchboard_common.recordings import RecordingStore
from switchboard_control_plane.access.api_keys import KeyHasher
from switchboard_control_plane.access.authn import Authenticator
from switchboard_control_plane.access.policy import Authorizer
from switchboard_control_plane.access.rate_limit import RateLimiter
from switchboard_control_plane.agents.voices import VoiceCatalog
from switchboard_control_plane.audit.stream import AuditStream
from switchboard_control_plane.credentials.store import SecretStore
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.publishing.outbox import Outbox
from switchboard_control_plane.settings import Settings


@dataclass(slots=True)
class Resources:
    settings: Settings
    sessions: SessionFactory
    redis: Redis
    secrets: SecretStore
    secret_keys: Keyring
    runtime_keys: Keyring
    outbox: Outbox
    authenticator: Authenticator
    authorizer: Authorizer
    rate_limiter: RateLimiter
    hasher: KeyHasher
    audit_stream: AuditStream
    voices: VoiceCatalog
    recordings: RecordingStore | None = None
    """Where the runtime writes call recordings (None: recordings are not kept)."""
