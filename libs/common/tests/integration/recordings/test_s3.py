"""What only the S3 backend can get wrong: refused credentials, and saying so without them."""

from __future__ import annotations

import pytest

from switchboard_common.recordings import RecordingStoreError, open_recording_store
from switchboard_common.recordings.s3_testing import SeaweedS3

pytestmark = pytest.mark.integration


async def test_refused_credentials_fail_clearly_without_showing_the_secret(
    seaweed_s3: SeaweedS3,
) -> None:
    right = seaweed_s3.settings()
    settings = type(right).model_validate(
        {**right.model_dump(), "secret_access_key": "wrong-secret-value-123"}
    )
    store = open_recording_store(settings)
    assert store is not None

    with pytest.raises(RecordingStoreError) as refused:
        await store.put("tenants/t/calls/c.wav", b"audio")

    assert "PermissionDenied" in str(refused.value) or "403" in str(refused.value)
    assert "wrong-secret-value-123" not in str(refused.value)
