"""Twilio's request signature (``X-Twilio-Signature``), computed as the carrier computes it."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping

SIGNATURE_HEADER = "X-Twilio-Signature"

Params = Mapping[str, str] | Iterable[tuple[str, str]]


def _pairs(params: Params) -> list[tuple[str, str]]:
    if isinstance(params, Mapping):
        return [(str(name), str(value)) for name, value in params.items()]
    return [(str(name), str(value)) for name, value in params]


def twilio_signature(auth_token: str, url: str, params: Params = ()) -> str:
    """base64(HMAC-SHA1(auth_token, url + name1 + value1 + ...)), names sorted.

    ``url`` is the full public URL the carrier requested; ``params`` are the form fields of a
    POST (none for a GET or a websocket upgrade). A repeated name contributes every value, in
    value order, as Twilio's SDKs do.
    """
    message = url + "".join(name + value for name, value in sorted(_pairs(params)))
    digest = hmac.new(auth_token.encode(), message.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")
