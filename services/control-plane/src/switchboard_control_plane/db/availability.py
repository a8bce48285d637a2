"""Tells "the database cannot be reached or used now" apart from a statement that failed."""

from __future__ import annotations

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

# Server answers that mean "not now" (shutting down, starting, full, database gone), not
# "this statement is wrong".
_UNAVAILABLE_ANSWERS: tuple[type[BaseException], ...] = (
    asyncpg.exceptions.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.exceptions.InsufficientResourcesError,
    asyncpg.exceptions.InvalidCatalogNameError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
)


def database_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` says the database is unreachable or refusing work for now.

    A failed connect surfaces raw from asyncpg (``OSError``: refused, unresolvable host,
    timed out); a dropped connection as a ``DBAPIError`` that invalidated it; a full pool as
    SQLAlchemy's ``TimeoutError``. Redis and HTTP clients wrap their own ``OSError`` (and are
    handled where they are called), so a raw one reaching a request's end is the database's.
    """
    if isinstance(exc, OSError | PoolTimeoutError):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        cause = exc.orig.__cause__ if exc.orig is not None else None
        return isinstance(exc.orig, OSError) or isinstance(cause, _UNAVAILABLE_ANSWERS)
    return False
