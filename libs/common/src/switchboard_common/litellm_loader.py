"""litellm, imported and warmed once per process, off the event loop (its import and first
call take seconds: run them on the loop and every call in the process stalls). Used by the voice
runtime and the control plane's post-call analysis; litellm itself is their dependency (pinned
in the voice runtime, the control plane's ``analysis`` extra), never this library's."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from typing import Any

from switchboard_common.log import adopt_library_loggers

_LITELLM_LOGGERS = ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy")
_WARM_LOCK = threading.Lock()
_warmed: Any = None


def import_litellm() -> Any:
    """litellm, imported and warmed: blocking for seconds, so only ever called from a worker
    thread (``load_litellm``) or at process start. Idempotent and thread-safe.

    Warm means its first call has nothing left to load: the cost map is the bundled one (no
    network), tokenizers are tiktoken's bundled encodings (never a Hugging Face download), and
    a mock completion has run once. Its loggers go through ours (JSON) and it prints nothing.
    """
    global _warmed  # one import per process, like the module itself
    with _WARM_LOCK:
        if _warmed is not None:
            return _warmed
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        import litellm

        litellm.suppress_debug_info = True
        litellm.disable_hf_tokenizer_download = True
        adopt_library_loggers(_LITELLM_LOGGERS, level="WARNING")
        redaction = getattr(getattr(litellm, "_logging", None), "_secret_filter", None)
        if isinstance(redaction, logging.Filter):  # keeps litellm's own secret scrubbing
            for name in _LITELLM_LOGGERS:
                logging.getLogger(name).addFilter(redaction)
        _first_call(litellm)
        _warmed = litellm
        return litellm


def _first_call(litellm: Any) -> None:
    """One mock streamed completion: loads the modules, tokenizer and encodings litellm loads
    lazily on its first call (a third of a second of CPU here), so that call is not a turn's."""
    warm_up = [{"role": "user", "content": "hi"}]
    litellm.token_counter(model="gpt-4o-mini", messages=warm_up)
    response = litellm.completion(
        model="openai/gpt-4o-mini",
        messages=warm_up,
        stream=True,
        mock_response="Warm. Up.",
        api_key="sk-warm-up",
        max_tokens=8,
        timeout=5.0,
        num_retries=0,
    )
    for _chunk in response:
        pass


async def load_litellm() -> Any:
    """litellm, warmed in a worker thread the first time: nothing heavy runs on the loop."""
    if _warmed is not None:
        return _warmed
    return await asyncio.to_thread(import_litellm)
