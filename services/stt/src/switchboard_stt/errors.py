"""The STT service's own errors, each with a stable code mapped to HTTP by the common handler.

The errors every speech service shares (`InvalidParameterError`, `UnsupportedSampleRateError`,
`OverloadedError`) live in `switchboard_common.errors`.
"""

from __future__ import annotations

from switchboard_common.errors import ServiceError


class SttError(ServiceError):
    """Root of the errors only the STT service answers with."""


class InvalidAudioError(SttError):
    status_code = 400
    code = "invalid_audio"


class EmptyAudioError(SttError):
    status_code = 400
    code = "empty_audio"


class AudioTooLongError(SttError):
    """The audio runs past ``max_audio_s``; found while decoding, before all of it is decoded."""

    status_code = 413
    code = "audio_too_long"

    def __init__(self, max_audio_s: float) -> None:
        super().__init__(
            f"The audio is longer than {max_audio_s:g} s.", details={"max_audio_s": max_audio_s}
        )


class UnsupportedEncodingError(SttError):
    status_code = 415
    code = "unsupported_encoding"


class UnsupportedLanguageError(SttError):
    status_code = 400
    code = "unsupported_language"


class ModelNotServedError(SttError):
    status_code = 400
    code = "model_not_available"


class ModelLoadError(SttError):
    """The model could not be found, assembled or loaded (a deployment error, not a client's)."""

    status_code = 500
    code = "model_unavailable"
