"""Finding a call's recording in the store, and deciding why there is none."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.recordings import (
    RecordingNotFoundError,
    RecordingStore,
    RecordingStoreError,
    recording_key,
)
from switchboard_control_plane.calls.models import Call
from switchboard_control_plane.errors import ControlPlaneError, NotFoundError


class RecordingMissingError(ControlPlaneError):
    """``details.reason``: ``not_recorded`` (recording off, or no call audio), ``deleted``
    (the tenant's retention removed it; ``details.deleted_at``) or ``not_stored`` (the store
    has nothing under the call's key)."""

    status_code = 404
    code = "recording_not_found"

    def __init__(self, reason: str, *, deleted_at: datetime | None = None) -> None:
        details: dict[str, str] = {"reason": reason}
        message = "The call has no recording."
        if deleted_at is not None:
            details["deleted_at"] = deleted_at.isoformat()
            message = "The call's recording was deleted by the tenant's recording retention."
        super().__init__(message, details=details)


class RecordingStorageUnavailableError(ControlPlaneError):
    status_code = 503
    code = "recording_storage_unavailable"
    retry_after_s = 5

    def __init__(self) -> None:
        super().__init__(
            "The recording storage cannot be read now; retry later.",
            headers={"Retry-After": str(self.retry_after_s)},
            details={"retry_after_s": self.retry_after_s},
        )


async def stored_recording(
    session: AsyncSession, store: RecordingStore | None, tenant_id: str, call_id: str
) -> tuple[str, int]:
    """The key and size of the call's recording (the session is scoped to ``tenant_id``)."""
    call = await session.get(Call, call_id)
    if call is None or call.tenant_id != tenant_id:
        raise NotFoundError("call")
    if call.recording_deleted_at is not None:
        raise RecordingMissingError("deleted", deleted_at=call.recording_deleted_at)
    if call.recording_ref is None:
        raise RecordingMissingError("not_recorded")
    if store is None:
        raise RecordingMissingError("not_stored")
    try:
        key = recording_key(tenant_id, call_id)
        return key, await store.size(key)
    except (ValueError, RecordingNotFoundError):
        raise RecordingMissingError("not_stored") from None
    except RecordingStoreError:
        raise RecordingStorageUnavailableError() from None
