"""Normalizes phone numbers to E.164 with ``phonenumbers``."""

from __future__ import annotations

import phonenumbers


class InvalidNumberError(ValueError):
    """Not a phone number that could be dialed."""


def normalize_e164(raw: str) -> str:
    """``"+1 (415) 555-0100"`` -> ``"+14155550100"``.

    The number must carry its country code (start with ``+``) and have a possible length for
    that country; fictional ranges (such as US 555 numbers used in tests) are accepted.
    """
    if not raw.strip().startswith("+"):
        raise InvalidNumberError("must start with + and the country code")
    try:
        parsed = phonenumbers.parse(raw, None)
    except phonenumbers.NumberParseException as exc:
        raise InvalidNumberError("is not a phone number") from exc
    if not phonenumbers.is_possible_number(parsed):
        raise InvalidNumberError("has an impossible length for its country")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
