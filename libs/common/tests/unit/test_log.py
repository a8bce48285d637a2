"""JSON logs carry context ids and fields; caller data sits under pii, redacted by default."""

from __future__ import annotations

import io
import json
import logging
import sys

from switchboard_common.log import REDACTED, JsonFormatter, adopt_library_loggers, bound


def _record(**extra: object) -> logging.LogRecord:
    record = logging.makeLogRecord({"name": "t", "levelname": "INFO", "msg": "call.started"})
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_json_line_has_message_context_fields_and_redacted_pii() -> None:
    formatter = JsonFormatter("runtime", log_pii=False)
    with bound(call_id="c1", tenant_id="t1"):
        line = formatter.format(_record(fields={"carrier": "twilio"}, pii={"from": "+15550001"}))
    entry = json.loads(line)
    assert entry["msg"] == "call.started" and entry["service"] == "runtime"
    assert entry["call_id"] == "c1" and entry["tenant_id"] == "t1"
    assert entry["carrier"] == "twilio"
    assert entry["pii"] == {"from": REDACTED}
    assert "+15550001" not in line


def test_pii_is_written_only_when_enabled() -> None:
    line = JsonFormatter("runtime", log_pii=True).format(_record(pii={"from": "+15550001"}))
    assert json.loads(line)["pii"] == {"from": "+15550001"}


def test_context_is_unbound_after_the_block() -> None:
    formatter = JsonFormatter("x", log_pii=False)
    with bound(call_id="c1"):
        pass
    assert "call_id" not in json.loads(formatter.format(_record()))


def test_exceptions_are_included() -> None:
    formatter = JsonFormatter("x", log_pii=False)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        record = logging.getLogger("t").makeRecord(
            "t", logging.ERROR, __file__, 1, "failed", (), exc_info=sys.exc_info()
        )
    assert "RuntimeError: boom" in json.loads(formatter.format(record))["exc"]


def test_an_adopted_library_logger_writes_through_our_json_handler() -> None:
    library = logging.getLogger("some.library")
    own = io.StringIO()
    library.addHandler(logging.StreamHandler(own))  # the library's own, coloured, handler
    library.propagate = False
    ours = io.StringIO()
    root = logging.getLogger()
    handler = logging.StreamHandler(ours)
    handler.setFormatter(JsonFormatter("runtime", log_pii=False))
    root.addHandler(handler)
    try:
        adopt_library_loggers(["some.library"], level="WARNING")
        library.info("chatter")
        library.warning("library warns")
    finally:
        root.removeHandler(handler)
    assert own.getvalue() == ""
    (line,) = ours.getvalue().splitlines()
    entry = json.loads(line)
    assert (entry["logger"], entry["msg"], entry["level"]) == (
        "some.library",
        "library warns",
        "warning",
    )
