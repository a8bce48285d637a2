"""Usage notices (``usage.threshold_reached``, ``usage.cap_reached``): each once per period."""

from __future__ import annotations

import logging
from typing import Literal

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.usage.models import UsageNotice
from switchboard_control_plane.webhooks.outbox import emit

logger = logging.getLogger("switchboard.control_plane.usage")
NoticeType = Literal["usage.threshold_reached", "usage.cap_reached"]


async def notify_once(
    session: AsyncSession,
    tenant_id: str,
    period: str,
    notice: NoticeType,
    *,
    used_minutes: int,
    limit_minutes: int,
) -> bool:
    """Records the notice and emits it to the tenant's webhook endpoints (``webhooks/outbox.py``)
    in the caller's transaction; False when it was already sent for this tenant and period (the
    ``usage_notices`` primary key decides, across instances). The webhook ``data``:
    ``{"period": "YYYY-MM", "used_minutes", "limit_minutes"}``."""
    statement = (
        insert(UsageNotice)
        .values(
            tenant_id=tenant_id,
            period=period,
            type=notice,
            used_minutes=used_minutes,
            limit_minutes=limit_minutes,
        )
        .on_conflict_do_nothing(index_elements=["tenant_id", "period", "type"])
        .returning(UsageNotice.type)
    )
    if (await session.execute(statement)).first() is None:
        return False
    data = {"period": period, "used_minutes": used_minutes, "limit_minutes": limit_minutes}
    await emit(session, tenant_id, notice, data, ordering_key=f"usage:{period}")
    logger.info(
        "usage.notice",
        extra={
            "fields": {
                "tenant_id": tenant_id,
                "type": notice,
                "period": period,
                "used_minutes": used_minutes,
                "limit_minutes": limit_minutes,
            }
        },
    )
    return True
