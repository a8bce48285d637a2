"""Logs a failure that repeats (a worker loop, a readiness check) at a bounded rate."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable


class ThrottledFailureLog:
    """The first failure of a run of failures is logged with its traceback; later ones are
    counted and summed up in one line at most every ``interval_s``. ``recovered``, or a quiet
    ``interval_s`` with no failure, ends the run.

    A dependency that stays down (Postgres for minutes) so costs one traceback and a line a
    minute, not a traceback per retry.
    """

    def __init__(
        self,
        logger: logging.Logger,
        event: str,
        *,
        interval_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._logger = logger
        self._event = event
        self._interval_s = interval_s
        self._clock = clock
        self._failing_since: float | None = None
        self._last_logged_s = 0.0
        self._suppressed = 0
        self._last_failure_s = 0.0

    @property
    def failing(self) -> bool:
        return self._failing_since is not None

    def failed(self, exc: BaseException, fields: dict[str, object]) -> None:
        now_s = self._clock()
        quiet = now_s - self._last_failure_s >= self._interval_s
        self._last_failure_s = now_s
        if self._failing_since is None or quiet:
            self._failing_since = now_s
            self._last_logged_s = now_s
            self._suppressed = 0
            self._logger.error(self._event, exc_info=exc, extra={"fields": fields})
            return
        self._suppressed += 1
        if now_s - self._last_logged_s < self._interval_s:
            return
        summary = {
            **fields,
            "error": type(exc).__name__,
            "failing_for_s": round(now_s - self._failing_since, 1),
            "failures_since_last_log": self._suppressed,
        }
        self._logger.error(f"{self._event}.still_failing", extra={"fields": summary})
        self._last_logged_s = now_s
        self._suppressed = 0

    def recovered(self, fields: dict[str, object]) -> None:
        if self._failing_since is None:
            return
        failing_for_s = round(self._clock() - self._failing_since, 1)
        self._failing_since = None
        self._logger.info(
            f"{self._event}.recovered", extra={"fields": {**fields, "failing_for_s": failing_for_s}}
        )
