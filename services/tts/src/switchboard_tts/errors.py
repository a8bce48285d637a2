"""The TTS service's errors, each with a stable code mapped to HTTP by the common handler."""

from __future__ import annotations

from switchboard_common.errors import ServiceError


class TtsError(ServiceError):
    """Root of every error the TTS service answers with."""


class EmptyInputError(TtsError):
    status_code = 400
    code = "empty_input"


class InputTooLongError(TtsError):
    status_code = 413
    code = "input_too_long"


class UnknownVoiceError(TtsError):
    status_code = 400
    code = "unknown_voice"


class UnsupportedFormatError(TtsError):
    status_code = 400
    code = "unsupported_format"


class UnsupportedSampleRateError(TtsError):
    status_code = 400
    code = "unsupported_sample_rate"


class InvalidParameterError(TtsError):
    status_code = 400
    code = "invalid_parameter"


class OverloadedError(TtsError):
    """Every worker is busy and the queue is full; the client should retry later."""

    status_code = 503
    code = "overloaded"

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(
            "The service is busy; retry shortly.",
            headers={"Retry-After": str(retry_after_s)},
            details={"retry_after_s": retry_after_s},
        )


class EngineLoadError(TtsError):
    """An engine or voice could not be loaded (a deployment error, not a client's)."""

    status_code = 500
    code = "engine_unavailable"
