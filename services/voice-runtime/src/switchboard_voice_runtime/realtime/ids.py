"""Ids in OpenAI's style: a type prefix and 21 random base-62 characters (``item_3fZ...``)."""

from __future__ import annotations

import secrets as token_source
import string
from typing import Literal

_ALPHABET = string.ascii_letters + string.digits
_LENGTH = 21
IdKind = Literal["event", "item", "resp", "sess", "call"]


def new_id(kind: IdKind) -> str:
    return f"{kind}_" + "".join(token_source.choice(_ALPHABET) for _ in range(_LENGTH))
