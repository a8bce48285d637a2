"""The ``env`` secret provider: values, kinds and LLM hosts from the environment."""

from __future__ import annotations

from typing import cast

from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.credentials.store import EnvSecretStore

NO_SESSION = cast("AsyncSession", None)  # the env provider never touches the database


async def test_env_secrets_carry_the_kind_and_host_the_environment_gives() -> None:
    store = EnvSecretStore(
        {
            "SWITCHBOARD_SECRET__TEN_1__OPENAI": "sk-x",
            "SWITCHBOARD_SECRET_KIND__TEN_1__OPENAI": "llm_api_key",
            "SWITCHBOARD_SECRET_HOST__TEN_1__OPENAI": "LLM.example.com",
            "SWITCHBOARD_SECRET__TEN_1__SPARE": "v",
            "SWITCHBOARD_SECRET_KIND__TEN_1__ODD": "made_up",
        }
    )
    openai = await store.info(NO_SESSION, "ten_1", "openai")
    assert openai is not None
    assert (openai.kind, openai.allowed_host) == ("llm_api_key", "llm.example.com")
    spare = await store.info(NO_SESSION, "ten_1", "spare")
    assert spare is not None and spare.kind == "webhook_secret"  # no kind: never sent anywhere
    assert await store.info(NO_SESSION, "ten_1", "odd") is None
    listed = await store.list(NO_SESSION, "ten_1")
    assert [(i.name, i.kind) for i in listed] == [
        ("openai", "llm_api_key"),
        ("spare", "webhook_secret"),
    ]
