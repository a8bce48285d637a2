"""What can be known about an agent version's LLM and outbound URLs before any call: the model's
provider, where ``api_base`` and HTTP tool URLs point, and whether the referenced key is an
``llm_api_key`` bound to that host. Version creation refuses a problem (422); the runtime view
lists the problems of what is live."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.contract.secret_use import api_base_host, llm_key_problem
from switchboard_common.contract.tenant_config import ToolsConfig
from switchboard_common.llm_providers import (
    API_BASE_PROVIDERS,
    KNOWN_LLM_PROVIDERS,
    model_provider,
)
from switchboard_common.outbound import addresses_allowed, resolve, url_port
from switchboard_control_plane.agents.schemas import LlmSettings
from switchboard_control_plane.credentials.store import SecretStore
from switchboard_control_plane.errors import InvalidConfigError

RESOLVE_TIMEOUT_S = 2.0
"""How long a write waits for DNS; a name that does not resolve in time is checked at call time."""


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One thing the runtime could not use, at a field path of the agent version."""

    field: str
    type: str
    message: str

    def error(self) -> InvalidConfigError:
        return InvalidConfigError(self.field, self.message, type_=self.type)


def model_problem(llm: LlmSettings) -> ConfigProblem | None:
    if llm.model is None:
        return None
    if not llm.model.strip():
        return ConfigProblem("llm.model", "empty_llm_model", "the model is empty")
    provider = model_provider(llm.model)
    if provider is None or provider not in KNOWN_LLM_PROVIDERS:
        return ConfigProblem(
            "llm.model",
            "unknown_llm_provider",
            f"{llm.model!r} does not name a known provider; use 'provider/model' "
            "(for example 'openai/gpt-4o-mini')",
        )
    if llm.api_base is not None and provider not in API_BASE_PROVIDERS:
        return ConfigProblem(
            "llm.api_base",
            "api_base_not_supported",
            f"an api_base needs an OpenAI-compatible model ('openai/...'), not {provider!r}",
        )
    return None


async def secret_problem(
    secrets: SecretStore, session: AsyncSession, tenant_id: str, llm: LlmSettings
) -> ConfigProblem | None:
    """Whether the key ``llm`` references exists, is an LLM key, and may go to its host."""
    name = llm.api_key_secret_name
    if name is None:
        return None
    info = await secrets.info(session, tenant_id, name)
    field = "llm.api_key_secret_name"
    if info is None:
        return ConfigProblem(field, "secret_not_found", f"no secret named {name!r} in this tenant")
    problem = llm_key_problem(info.kind, info.allowed_host, llm.api_base)
    if problem is None:
        return None
    type_ = "secret_kind_mismatch" if info.kind != "llm_api_key" else "secret_host_mismatch"
    return ConfigProblem(field, type_, f"secret {name!r}: {problem}")


async def address_problem(field: str, url: str, *, allow_private: bool) -> ConfigProblem | None:
    """A URL whose host resolves to an address the runtime may not call. A name that does not
    resolve now is not judged here: the runtime resolves and checks it again at call time."""
    try:
        parsed = httpx.URL(url)
        async with asyncio.timeout(RESOLVE_TIMEOUT_S):
            addresses = await resolve(parsed.host, url_port(parsed))
    except (httpx.InvalidURL, ValueError):
        return ConfigProblem(field, "invalid_url", "not a valid URL")
    except (OSError, TimeoutError):
        return None
    if addresses_allowed(addresses, allow_private=allow_private):
        return None
    return ConfigProblem(
        field,
        "address_not_allowed",
        f"{parsed.host} is a loopback, private, link-local or reserved address",
    )


async def outbound_problems(
    llm: LlmSettings, tools: ToolsConfig, *, allow_private: bool
) -> list[ConfigProblem]:
    urls = [(f"tools.http_tools[{i}].url", tool.url) for i, tool in enumerate(tools.http_tools)]
    if llm.api_base is not None:
        urls.insert(0, ("llm.api_base", llm.api_base))
    found = await asyncio.gather(
        *(address_problem(field, url, allow_private=allow_private) for field, url in urls)
    )
    return [problem for problem in found if problem is not None]


async def llm_problems(
    secrets: SecretStore,
    session: AsyncSession,
    tenant_id: str,
    llm: LlmSettings,
    tools: ToolsConfig,
    *,
    allow_private: bool,
) -> list[ConfigProblem]:
    """Every problem of a version's LLM settings and outbound URLs, in field order."""
    problems = [p for p in (model_problem(llm),) if p is not None]
    if llm.api_base is not None and api_base_host(llm.api_base) is None:
        problems.append(ConfigProblem("llm.api_base", "invalid_url", "the URL has no host"))
    problems += await outbound_problems(llm, tools, allow_private=allow_private)
    secret = await secret_problem(secrets, session, tenant_id, llm)
    return problems + ([secret] if secret is not None else [])
