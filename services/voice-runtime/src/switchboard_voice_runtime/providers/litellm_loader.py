"""litellm's loading and warm-up, shared with the control plane's post-call analysis: it lives
in ``switchboard_common.litellm_loader``; the runtime's modules keep importing it from here."""

from __future__ import annotations

from switchboard_common.litellm_loader import import_litellm, load_litellm

__all__ = ["import_litellm", "load_litellm"]
