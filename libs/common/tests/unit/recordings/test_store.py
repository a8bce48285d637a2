from __future__ import annotations

import pytest

from switchboard_common.recordings import recording_key


def test_recording_keys_are_namespaced_by_tenant() -> None:
    assert recording_key("tnt_1", "call-9") == "tenants/tnt_1/calls/call-9.wav"


@pytest.mark.parametrize(("tenant", "call"), [("..", "c"), ("t", "../c"), ("t/x", "c"), ("", "c")])
def test_ids_that_could_leave_the_tenant_prefix_are_refused(tenant: str, call: str) -> None:
    with pytest.raises(ValueError, match="not usable in a recording key"):
        recording_key(tenant, call)
