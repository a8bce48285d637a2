"""litellm's own log lines and prints come out as our JSON log lines (checked in a fresh
interpreter: litellm installs its coloured handler when it is first imported)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration

# Logs as the runtime does, loads litellm as the runtime does, then makes litellm log a warning
# and fail a call (a provider answering 500), which it reports with its own lines and prints.
SCRIPT = """
import asyncio, logging
from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_common.log import configure_logging
from switchboard_voice_runtime.providers import ChatMessage, LiteLlmChatModel, ProviderError
from switchboard_voice_runtime.providers.litellm_loader import import_litellm

configure_logging("voice-runtime", json_lines=True)
import_litellm()
logging.getLogger("LiteLLM").warning("litellm warns")

async def fail_once():
    async def answer(reader, writer):
        await reader.readuntil(b"\\r\\n\\r\\n")
        body = b'{"error": {"message": "upstream broke"}}'
        writer.write(b"HTTP/1.1 500 X\\r\\ncontent-type: application/json\\r\\n"
                     b"content-length: %d\\r\\nconnection: close\\r\\n\\r\\n%s" % (len(body), body))
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    config = LlmConfig(model="openai/gpt-4o-mini", api_base=f"http://127.0.0.1:{port}/v1")
    async with server:
        try:
            async for _ in LiteLlmChatModel(config, "sk-test", allow_private_addresses=True).stream(
                [ChatMessage("user", "hi")], []
            ):
                pass
        except ProviderError:
            pass

asyncio.run(fail_once())
"""


def test_litellm_writes_only_json_log_lines() -> None:
    finished = subprocess.run(  # noqa: S603 - this interpreter, our script
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=600, check=False
    )
    assert finished.returncode == 0, finished.stderr[-4000:]
    lines = [line for line in (finished.stdout + finished.stderr).splitlines() if line.strip()]
    entries = []
    for line in lines:
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            pytest.fail(f"not a JSON log line: {line!r}")
    by_message = {entry["msg"]: entry for entry in entries}
    assert by_message["litellm warns"]["logger"] == "LiteLLM"
    assert by_message["llm failed"]["error"].startswith("InternalServerError")
