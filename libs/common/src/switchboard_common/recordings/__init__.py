"""Call recordings at rest: one stereo WAV per call in a directory or an S3-compatible bucket."""

from switchboard_common.recordings.settings import RecordingsSettings, open_recording_store
from switchboard_common.recordings.store import (
    RecordingNotFoundError,
    RecordingStore,
    RecordingStoreError,
    StoredRecording,
    recording_key,
)

__all__ = [
    "RecordingNotFoundError",
    "RecordingStore",
    "RecordingStoreError",
    "RecordingsSettings",
    "StoredRecording",
    "open_recording_store",
    "recording_key",
]
