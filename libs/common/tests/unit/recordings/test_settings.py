from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from switchboard_common.recordings import RecordingsSettings, open_recording_store
from switchboard_common.recordings.directory import DirectoryRecordingStore
from switchboard_common.recordings.s3 import S3RecordingStore


def test_the_default_keeps_no_recordings() -> None:
    assert open_recording_store(RecordingsSettings()) is None


def test_a_directory_backend_opens_on_its_folder(tmp_path: Path) -> None:
    store = open_recording_store(RecordingsSettings(dir=tmp_path))
    assert isinstance(store, DirectoryRecordingStore)
    assert store.root == tmp_path


def test_an_s3_backend_opens_on_its_bucket() -> None:
    settings = RecordingsSettings.model_validate(
        {"backend": "s3", "bucket": "recs", "endpoint": "http://127.0.0.1:9000/"}
    )
    assert settings.endpoint == "http://127.0.0.1:9000"
    assert isinstance(open_recording_store(settings), S3RecordingStore)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"backend": "s3"}, "needs a bucket"),
        ({"backend": "s3", "bucket": "b", "access_key_id": "k"}, "both access_key_id"),
        ({"backend": "s3", "bucket": "b", "endpoint": "ftp://x"}, "must start with"),
        ({"backend": "tape"}, "backend"),
    ],
)
def test_incomplete_settings_are_refused(values: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        RecordingsSettings.model_validate(values)


def test_empty_values_mean_unset() -> None:
    settings = RecordingsSettings.model_validate(
        {"dir": "", "bucket": "", "endpoint": "", "access_key_id": "", "secret_access_key": ""}
    )
    assert settings == RecordingsSettings()


def test_the_secret_key_is_not_shown() -> None:
    settings = RecordingsSettings.model_validate(
        {"backend": "s3", "bucket": "b", "access_key_id": "k", "secret_access_key": "sk-hidden"}
    )
    assert "sk-hidden" not in repr(settings)
    assert "sk-hidden" not in settings.model_dump_json()
