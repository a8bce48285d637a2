"""Console entry point: ``switchboard-control-plane [serve|migrate|rotate-keys|audit verify]``."""

from __future__ import annotations

import argparse
import asyncio
import sys

import httpx

from switchboard_common.service import configure_service_logging, serve
from switchboard_control_plane.app import build_resources, create_app
from switchboard_control_plane.db.prepare import DatabaseSetupError, prepare_database
from switchboard_control_plane.maintenance import rotate_keys, verify_audit
from switchboard_control_plane.settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="switchboard-control-plane")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="serve the API (the default)")
    commands.add_parser("migrate", help="upgrade the database to the latest migration")
    commands.add_parser("rotate-keys", help="re-encrypt secrets under the current key")
    audit = commands.add_parser("audit", help="audit log tools")
    audit.add_argument("action", choices=["verify"], help="verify every hash chain")
    return parser


def _prepare(settings: Settings) -> int:
    """Readies the database; on failure says what is missing (no traceback) and returns 2."""
    try:
        asyncio.run(prepare_database(settings.database_url, development=settings.is_development))
    except DatabaseSetupError as exc:
        print(f"switchboard-control-plane: {exc}", file=sys.stderr)
        return 2
    return 0


def _serve(settings: Settings) -> int:
    if settings.migrates_on_start:
        failed = _prepare(settings)
        if failed:
            return failed
        settings = settings.model_copy(update={"migrate_on_start": False})
    serve(create_app(settings), settings)
    return 0


async def _rotate(settings: Settings) -> int:
    async with httpx.AsyncClient() as http:
        resources = build_resources(settings, http)
        report = await rotate_keys(resources.sessions, resources.secret_keys, resources.outbox)
        await resources.redis.aclose()
    print(f"rotated {report.rotated} secrets; queued {report.tenants} tenant snapshots")
    return 0


async def _verify(settings: Settings) -> int:
    async with httpx.AsyncClient() as http:
        resources = build_resources(settings, http)
        checked, problems = await verify_audit(resources.sessions)
        await resources.redis.aclose()
    for problem in problems:
        print(f"chain {problem.chain} entry {problem.seq}: {problem.problem}")
    print(f"checked {checked} audit entries: {'OK' if not problems else 'TAMPERED'}")
    return 1 if problems else 0


def run(argv: list[str], settings: Settings) -> int:
    args = _parser().parse_args(argv)
    if args.command in (None, "serve"):
        return _serve(settings)
    if args.command == "migrate":
        failed = _prepare(settings)
        if not failed:
            print("database upgraded to head")
        return failed
    if args.command == "rotate-keys":
        return asyncio.run(_rotate(settings))
    return asyncio.run(_verify(settings))


def main() -> None:
    settings = Settings.from_env()
    configure_service_logging(settings)
    sys.exit(run(sys.argv[1:], settings))
