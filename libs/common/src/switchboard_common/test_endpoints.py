"""Where tests and benchmarks find PostgreSQL and Redis.

Defaults are the local servers on their standard ports. Two checkouts can run their suites side
by side by pointing each at its own Redis and giving its databases a suffix:
``SWITCHBOARD_TEST_REDIS`` (``redis://host:port``, no database number),
``SWITCHBOARD_TEST_POSTGRES`` (``postgresql://user@host:port``) and ``SWITCHBOARD_TEST_DB_SUFFIX``.
"""

from __future__ import annotations

import os

DEFAULT_REDIS = "redis://127.0.0.1:6379"
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432"


def redis_url(db: int) -> str:
    """The URL of Redis database ``db`` on the test Redis."""
    base = os.environ.get("SWITCHBOARD_TEST_REDIS", DEFAULT_REDIS).rstrip("/")
    return f"{base}/{db}"


def postgres_server_url() -> str:
    """The test PostgreSQL's maintenance database (``postgres``), for creating and dropping."""
    return f"{_postgres_base()}/postgres"


def database_name(name: str) -> str:
    """A test database's name with this checkout's suffix."""
    return name + os.environ.get("SWITCHBOARD_TEST_DB_SUFFIX", "")


def database_url(name: str) -> str:
    """The SQLAlchemy asyncpg URL of the (suffixed) test database ``name``."""
    base = _postgres_base().replace("postgresql://", "postgresql+asyncpg://", 1)
    return f"{base}/{database_name(name)}"


def _postgres_base() -> str:
    return os.environ.get("SWITCHBOARD_TEST_POSTGRES", DEFAULT_POSTGRES).rstrip("/")
