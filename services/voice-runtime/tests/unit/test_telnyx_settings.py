"""The platform's Telnyx account settings: checked key and origin, development values refused
in production, the simulator's development key verifying against the default."""

from __future__ import annotations

import base64
import time

import pytest
from pydantic import SecretStr, ValidationError

from switchboard_callsim.telnyx_signature import TelnyxSigner
from switchboard_common.development import (
    DEVELOPMENT_TELNYX_API_KEY,
    DEVELOPMENT_TELNYX_PUBLIC_KEY,
    DEVELOPMENT_TELNYX_SIGNING_KEY,
    refuse_development_values,
)
from switchboard_voice_runtime.telephony.telnyx_signature import verify_webhook
from switchboard_voice_runtime.telnyx_settings import TelnyxSettings


def test_the_development_account_pairs_with_the_simulators_key() -> None:
    assert (TelnyxSettings().public_key, TelnyxSettings().api_key) == (None, None)
    settings = TelnyxSettings(
        public_key=DEVELOPMENT_TELNYX_PUBLIC_KEY, api_key=SecretStr(DEVELOPMENT_TELNYX_API_KEY)
    )
    signer = TelnyxSigner.from_private_key(DEVELOPMENT_TELNYX_SIGNING_KEY)
    assert signer.public_key == settings.public_key
    body = b"{}"
    assert verify_webhook(signer.headers(body), body, [settings.public_key], now_s=time.time()).ok
    assert (settings.api_base, settings.sample_rate_hz) == ("https://api.telnyx.com", 8000)
    assert TelnyxSettings(codec="L16").sample_rate_hz == 16000


def test_production_refuses_the_development_account() -> None:
    development = TelnyxSettings(
        public_key=DEVELOPMENT_TELNYX_PUBLIC_KEY, api_key=SecretStr(DEVELOPMENT_TELNYX_API_KEY)
    )
    with pytest.raises(ValueError, match=r"telnyx.public_key, telnyx.api_key$"):
        refuse_development_values("production", development.development_fields())
    refuse_development_values("production", TelnyxSettings().development_fields())
    real = TelnyxSettings(
        public_key=base64.b64encode(bytes(32)).decode(), api_key=SecretStr("KEY0123real")
    )
    refuse_development_values("production", real.development_fields())


@pytest.mark.parametrize(
    "bad",
    [
        {"public_key": "nope"},
        {"api_base": "https://api.telnyx.com/v2"},
        {"api_base": "ftp://x"},
        {"codec": "OPUS"},
    ],
)
def test_bad_values_are_refused(bad: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        TelnyxSettings.model_validate(bad)
