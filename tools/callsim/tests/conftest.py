"""Helpers shared by the simulator's integration and end-to-end tests."""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

import pytest

from switchboard_common.app_testing import serving

Serve = Callable[..., AbstractAsyncContextManager[str]]


@pytest.fixture
def serve() -> Serve:
    """``async with serve(app, lifespan="on") as base_url``: the app on an ephemeral port (its
    lifespan off unless asked)."""
    return functools.partial(serving, lifespan="off", log_level="warning")
