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
