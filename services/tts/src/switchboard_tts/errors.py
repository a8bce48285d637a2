"""The TTS service's own errors, each with a stable code mapped to HTTP by the common handler.

The errors every speech service shares (`InvalidParameterError`, `UnsupportedSampleRateError`,
`OverloadedError`) live in `switchboard_common.errors`.
"""

from __future__ import annotations

from switchboard_common.errors import ServiceError


class TtsError(ServiceError):
    """Root of the errors only the TTS service answers with."""


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


class EngineLoadError(TtsError):
    """An engine or voice could not be loaded (a deployment error, not a client's)."""

    status_code = 500
    code = "engine_unavailable"
