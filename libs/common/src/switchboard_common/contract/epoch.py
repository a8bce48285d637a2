"""The value of ``sb:v1:epoch``: proof that Redis holds a full publish of every tenant."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from switchboard_common.contract.tenant_config import ContractModel


class ContractEpoch(ContractModel):
    """Written by the control plane after it published every tenant to one Redis server.

    ``redis_run_id`` is that server's ``run_id`` (``INFO server``; None where INFO is not
    allowed): a server that restarted, even from an older dump, has another run id, so an epoch
    restored with stale data is recognised as well as a missing one.
    """

    redis_run_id: str | None = Field(default=None, max_length=64)
    written_at: datetime
