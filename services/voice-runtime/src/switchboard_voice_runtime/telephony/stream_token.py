"""The stream auth token Telnyx must present on a call's media socket
(``x-telnyx-streaming-auth-token``, set through ``streaming_start``). Pure.

Derived, not stored: HMAC-SHA256 of the call id under the runtime's secret, so whichever replica
the socket reaches can check it without Redis, and it names one call only. The socket is bound to
the call by the call token as well; this token proves the socket was opened by the carrier we
told, not by someone who merely learned the stream URL.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

_CONTEXT = b"switchboard/telnyx-stream-token/v1|"


def stream_token(secret: bytes, call_id: str) -> str:
    """The token for ``call_id`` (43 URL-safe characters)."""
    digest = hmac.new(secret, _CONTEXT + call_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def stream_token_matches(secret: bytes, call_id: str, presented: str | None) -> bool:
    """True when ``presented`` is ``call_id``'s token (compared in constant time)."""
    if not presented or not secret:
        return False
    return hmac.compare_digest(stream_token(secret, call_id).encode(), presented.encode())
