"""The STT service's errors, each with a stable code mapped to HTTP by the common handler."""

from __future__ import annotations

from switchboard_common.errors import ServiceError


class SttError(ServiceError):
    """Root of every error the STT service answers with."""


class InvalidAudioError(SttError):
    status_code = 400
    code = "invalid_audio"


class EmptyAudioError(SttError):
    status_code = 400
    code = "empty_audio"


class UnsupportedEncodingError(SttError):
    status_code = 415
    code = "unsupported_encoding"


class UnsupportedSampleRateError(SttError):
    status_code = 400
    code = "unsupported_sample_rate"


class InvalidParameterError(SttError):
    status_code = 400
    code = "invalid_parameter"


class UnsupportedLanguageError(SttError):
    status_code = 400
    code = "unsupported_language"


class ModelNotServedError(SttError):
    status_code = 400
    code = "model_not_available"


class PayloadTooLargeError(SttError):
    status_code = 413
    code = "payload_too_large"


class OverloadedError(SttError):
    """Every worker is busy and the queue is full; the client should retry later."""

    status_code = 503
    code = "overloaded"

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(
            "The service is busy; retry shortly.",
            headers={"Retry-After": str(retry_after_s)},
            details={"retry_after_s": retry_after_s},
        )
        self.retry_after_s = retry_after_s


class ModelLoadError(SttError):
    """The model could not be found, assembled or loaded (a deployment error, not a client's)."""

    status_code = 500
    code = "model_unavailable"
