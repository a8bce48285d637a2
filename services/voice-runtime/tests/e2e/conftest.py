"""Session fixtures of the end-to-end suite: one stack for every test, tenants per test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from .stack import E2EStack, running_stack
from .tenants import Tenants


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def stack(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[E2EStack]:
    async with running_stack(tmp_path_factory.mktemp("e2e")) as running:
        yield running


@pytest_asyncio.fixture(loop_scope="session")
async def tenants(stack: E2EStack) -> AsyncIterator[Tenants]:
    published = Tenants(stack.redis)
    try:
        yield published
    finally:
        await published.clean()
