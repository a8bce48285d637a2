"""Console entry point: `switchboard-stt` serves the speech-to-text service on its port."""

from __future__ import annotations

from switchboard_common.service import configure_service_logging, serve
from switchboard_stt.app import create_app
from switchboard_stt.settings import Settings


def main() -> None:
    settings = Settings.from_env()
    configure_service_logging(settings)
    serve(create_app(settings), settings)
