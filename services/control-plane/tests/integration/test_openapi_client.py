"""A typed client generated from /openapi.json (openapi-python-client) drives the main flow."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.integration.conftest import Harness

pytestmark = pytest.mark.integration
PACKAGE = "switchboard_cp_client"


def _generate(spec: dict[str, Any], workdir: Path) -> None:
    binary = shutil.which("openapi-python-client") or str(
        Path(sys.executable).parent / "openapi-python-client"
    )
    spec_path = workdir / "openapi.json"
    spec_path.write_text(json.dumps(spec))
    config = workdir / "config.json"
    config.write_text(json.dumps({"package_name_override": PACKAGE}))
    subprocess.run(  # noqa: S603
        [
            binary,
            "generate",
            "--path",
            str(spec_path),
            "--output-path",
            str(workdir / PACKAGE),
            "--meta",
            "none",
            "--config",
            str(config),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


async def test_generated_client_runs_tenant_number_agent_publish(
    harness: Harness, tmp_path: Path
) -> None:
    _generate(harness.app.openapi(), tmp_path)
    sys.path.insert(0, str(tmp_path))
    try:
        client_mod: Any = importlib.import_module(f"{PACKAGE}.client")
        api: Any = importlib.import_module(f"{PACKAGE}.api")
        models: Any = importlib.import_module(f"{PACKAGE}.models")
        tenants = importlib.import_module(f"{PACKAGE}.api.tenants")
        agents = importlib.import_module(f"{PACKAGE}.api.agents")
        numbers = importlib.import_module(f"{PACKAGE}.api.numbers")
        assert api is not None and tenants is not None
        create_tenant: Any = importlib.import_module(f"{PACKAGE}.api.tenants.create_tenant")
        create_agent: Any = importlib.import_module(f"{PACKAGE}.api.agents.create_agent")
        create_version: Any = importlib.import_module(f"{PACKAGE}.api.agents.create_agent_version")
        publish: Any = importlib.import_module(f"{PACKAGE}.api.agents.publish_agent_version")
        add_number: Any = importlib.import_module(f"{PACKAGE}.api.numbers.add_number")
        assert agents is not None and numbers is not None
        client = client_mod.AuthenticatedClient(
            base_url="http://cp.test",
            token=harness.settings.secret("bootstrap_admin_key"),
            httpx_args={"transport": httpx.ASGITransport(app=harness.app)},
        )
        async with client:
            tenant = await create_tenant.asyncio(
                client=client, body=models.TenantCreate(name="Generated Co")
            )
            assert isinstance(tenant, models.TenantOut)
            agent = await create_agent.asyncio(
                tenant.id, client=client, body=models.AgentCreate(name="desk")
            )
            version = await create_version.asyncio(
                tenant.id,
                agent.id,
                client=client,
                body=models.AgentVersionCreate(greeting="Hi from a generated client"),
            )
            assert version.version == 1 and version.created_by == "bootstrap-admin"
            live = await publish.asyncio(
                tenant.id, agent.id, client=client, body=models.PublishRequest(version=1)
            )
            assert live.live_version == 1
            number = await add_number.asyncio(
                tenant.id,
                client=client,
                body=models.NumberCreate(e164="+14155550177", agent_id=agent.id),
            )
            assert number.e164 == "+14155550177"
            conflict = await add_number.asyncio_detailed(
                tenant.id,
                client=client,
                body=models.NumberCreate(e164="+14155550177", agent_id=agent.id),
            )
            assert conflict.status_code == 409
            assert conflict.parsed.error.code == "number_taken"
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith(PACKAGE)]:
            del sys.modules[name]
