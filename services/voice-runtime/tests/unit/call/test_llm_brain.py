"""The LLM brain's tool loop: HTTP tools called and fed back, bounded rounds, actions kept."""

from __future__ import annotations

from switchboard_common.contract.tenant_config import AgentConfig
from switchboard_voice_runtime.call.brain import BrainOutput, EndCall
from switchboard_voice_runtime.call.llm_brain import MAX_TOOL_ROUNDS, LlmBrain
from switchboard_voice_runtime.call.usage import UsageTally
from switchboard_voice_runtime.providers import ChatDelta, ChatMessage, ToolCall
from switchboard_voice_runtime.providers.http_tools import ToolCallContext
from switchboard_voice_runtime.providers.llm import TokenUsage
from switchboard_voice_runtime.testing.fakes import FakeChatModel, FakeToolRunner
from switchboard_voice_runtime.testing.harness import sample_agent

CONTEXT = ToolCallContext(tenant_id="t-1", call_id="c-1", agent_id="agent-1")
LOOKUP = {"name": "lookup", "description": "Looks an order up", "url": "https://x.test/orders"}


def _agent() -> AgentConfig:
    return sample_agent(llm={"model": "openai/gpt-4o-mini"}, tools={"http_tools": (LOOKUP,)})


async def _outputs(brain: LlmBrain) -> list[BrainOutput]:
    reply = brain.reply("where is my order", [ChatMessage("user", "where is my order")])
    return [output async for output in reply.outputs]


async def test_a_model_that_keeps_calling_tools_is_cut_off_after_the_last_round() -> None:
    chat = FakeChatModel([(0.0, ChatDelta(tool_call=ToolCall("lookup", {"id": "7"}, "c")))])
    tools = FakeToolRunner(delay_s=0.0)
    outputs = await _outputs(LlmBrain(_agent(), chat, http_tools=tools, context=CONTEXT))

    assert outputs == []
    assert len(chat.calls) == MAX_TOOL_ROUNDS + 1
    assert len(tools.calls) == MAX_TOOL_ROUNDS + 1  # each round's calls ran; the last is unused


async def test_several_calls_of_one_round_run_together_and_all_are_answered() -> None:
    chat = FakeChatModel(
        [
            (0.0, ChatDelta(tool_call=ToolCall("lookup", {"id": "1"}, "a"))),
            (0.0, ChatDelta(tool_call=ToolCall("lookup", {"id": "2"}, "b"))),
            (0.0, ChatDelta(tool_call=ToolCall("end_call", {}, "c"))),
        ],
        then=[[(0.0, ChatDelta(text="Both are on their way."))]],
    )
    tools = FakeToolRunner({"lookup": "shipped"}, delay_s=0.0)
    outputs = await _outputs(LlmBrain(_agent(), chat, http_tools=tools, context=CONTEXT))

    assert outputs == [BrainOutput(action=EndCall()), BrainOutput(text="Both are on their way.")]
    assert [arguments for _, arguments, _ in tools.calls] == [{"id": "1"}, {"id": "2"}]
    answers = [m for m in chat.calls[1] if m.role == "tool"]
    assert [(m.tool_call_id, m.content) for m in answers] == [("a", "shipped"), ("b", "shipped")]


async def test_without_a_runner_http_tools_are_not_offered_to_the_model() -> None:
    chat = FakeChatModel([(0.0, ChatDelta(tool_call=ToolCall("lookup", {}, "a")))])
    outputs = await _outputs(LlmBrain(_agent(), chat))

    assert outputs == []
    assert [spec.name for spec in chat.tools[0]] == ["end_call"]
    assert len(chat.calls) == 1


async def test_token_usage_of_every_round_and_every_tool_call_are_counted() -> None:
    chat = FakeChatModel(
        [
            (0.0, ChatDelta(tool_call=ToolCall("lookup", {"id": "1"}, "a"))),
            (0.0, ChatDelta(tool_call=ToolCall("end_call", {}, "b"))),
            (0.0, ChatDelta(usage=TokenUsage(prompt_tokens=100, completion_tokens=20))),
        ],
        then=[
            [
                (0.0, ChatDelta(text="It shipped.")),
                (0.0, ChatDelta(usage=TokenUsage(prompt_tokens=130, completion_tokens=5))),
            ]
        ],
    )
    usage = UsageTally()
    tools = FakeToolRunner({"lookup": "shipped"}, delay_s=0.0)
    brain = LlmBrain(_agent(), chat, http_tools=tools, context=CONTEXT, usage=usage)
    outputs = await _outputs(brain)

    assert outputs == [BrainOutput(action=EndCall()), BrainOutput(text="It shipped.")]
    assert (usage.llm_prompt_tokens, usage.llm_completion_tokens, usage.tool_calls) == (230, 25, 2)


async def test_each_http_tool_call_is_reported_without_its_arguments() -> None:
    chat = FakeChatModel(
        [
            (0.0, ChatDelta(tool_call=ToolCall("lookup", {"card": "4111 1111"}, "a"))),
            (0.0, ChatDelta(tool_call=ToolCall("end_call", {}, "b"))),
        ],
        then=[
            [(0.0, ChatDelta(tool_call=ToolCall("lookup", {"id": "2"}, "c")))],
            [(0.0, ChatDelta(text="Sorry, the lookup failed."))],
        ],
    )
    tools = FakeToolRunner({"lookup": "shipped"}, delay_s=0.0)
    brain = LlmBrain(_agent(), chat, http_tools=tools, context=CONTEXT)
    reply = brain.reply("where is my order", [ChatMessage("user", "where is my order")])
    assert reply.tool_calls == []
    first = [output async for output in reply.outputs]

    assert first[-1] == BrainOutput(text="Sorry, the lookup failed.")
    assert [(r.name, r.ok, r.status_code) for r in reply.tool_calls] == [
        ("lookup", True, 200),
        ("lookup", True, 200),
    ]
    assert all(r.duration_ms >= 0 for r in reply.tool_calls)
    assert "4111" not in reply.tool_calls[0].model_dump_json()


async def test_a_failed_tool_call_is_reported_as_not_ok() -> None:
    chat = FakeChatModel(
        [(0.0, ChatDelta(tool_call=ToolCall("lookup", {"id": "1"}, "a")))],
        then=[[(0.0, ChatDelta(text="It did not work."))]],
    )
    tools = FakeToolRunner({"lookup": "error: HTTP 500 boom"}, delay_s=0.0)
    reply = LlmBrain(_agent(), chat, http_tools=tools, context=CONTEXT).reply(
        "where is my order", [ChatMessage("user", "where is my order")]
    )
    [_ async for _ in reply.outputs]

    (report,) = reply.tool_calls
    assert (report.name, report.ok, report.status_code) == ("lookup", False, 500)
