"""The LLM brain: the agent's prompt, knowledge and history through a streaming ChatModel."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Sequence

from switchboard_common.contract.events import ToolCallReport
from switchboard_common.contract.tenant_config import AgentConfig, HttpTool
from switchboard_voice_runtime.call.brain import BrainOutput, EndCall, Reply, TransferCall
from switchboard_voice_runtime.call.usage import UsageTally
from switchboard_voice_runtime.providers.http_tools import ToolCallContext, ToolRunner
from switchboard_voice_runtime.providers.llm import ChatMessage, ChatModel, ToolCall, ToolSpec

MAX_TOOL_ROUNDS = 3
"""HTTP tool round trips within one answer; a model still calling tools after that is cut off."""

_VOICE_RULES = (
    "You are speaking on a phone call. Answer in short, plain spoken sentences: no lists, no "
    "markdown, no emoji. Keep the first sentence short."
)


def system_message(agent: AgentConfig) -> ChatMessage:
    parts = [agent.system_prompt.strip(), _VOICE_RULES]
    if agent.knowledge:
        sections = "\n\n".join(f"## {s.title}\n{s.content}" for s in agent.knowledge)
        parts.append("Facts you may use:\n\n" + sections)
    if agent.tools.transfer_targets:
        targets = "\n".join(
            f"- {t.name}: {t.description}".rstrip(": ") for t in agent.tools.transfer_targets
        )
        parts.append("You may transfer the call to:\n" + targets)
    return ChatMessage("system", "\n\n".join(part for part in parts if part))


def tool_specs(agent: AgentConfig, *, http_tools: bool) -> list[ToolSpec]:
    """The functions offered to the model; the agent's HTTP tools only when they can be run."""
    specs = []
    if agent.tools.end_call:
        specs.append(ToolSpec("end_call", "Hang up once the caller is done. Say goodbye first."))
    if agent.tools.transfer_targets:
        names = [target.name for target in agent.tools.transfer_targets]
        specs.append(
            ToolSpec(
                "transfer_call",
                "Transfer the caller to a person or department.",
                {
                    "type": "object",
                    "properties": {"target": {"type": "string", "enum": names}},
                    "required": ["target"],
                },
            )
        )
    if http_tools:
        specs += [ToolSpec(t.name, t.description, t.parameters) for t in agent.tools.http_tools]
    return specs


class LlmBrain:
    """Streams the model's answer; ``end_call`` and ``transfer_call`` become call actions, and
    the agent's HTTP tools are called (all of one round at once) with their results fed back to
    the model, which then goes on answering. Text spoken before a tool call (\"Let me check.\")
    is streamed to the caller at once. Token usage and tool calls are counted in ``usage``; each
    HTTP tool call (name, outcome, status, duration: never its arguments) goes into the reply's
    ``tool_calls`` for the turn's ``call.turn`` event."""

    def __init__(
        self,
        agent: AgentConfig,
        model: ChatModel,
        *,
        http_tools: ToolRunner | None = None,
        context: ToolCallContext | None = None,
        usage: UsageTally | None = None,
    ) -> None:
        self._agent = agent
        self._usage = usage or UsageTally()
        self._model = model
        self._system = system_message(agent)
        self._runner = http_tools
        self._context = context or ToolCallContext(tenant_id="", call_id="", agent_id="")
        self._http_tools: dict[str, HttpTool] = (
            {tool.name: tool for tool in agent.tools.http_tools} if http_tools else {}
        )
        self._tools = tool_specs(agent, http_tools=http_tools is not None)

    def reply(self, caller_text: str, history: Sequence[ChatMessage]) -> Reply:
        reports: list[ToolCallReport] = []
        return Reply("llm", self._outputs([self._system, *history], reports), reports)

    async def _outputs(
        self, messages: list[ChatMessage], reports: list[ToolCallReport]
    ) -> AsyncGenerator[BrainOutput, None]:
        for _round in range(MAX_TOOL_ROUNDS + 1):
            said: list[str] = []
            pending: list[ToolCall] = []
            async for delta in self._model.stream(messages, self._tools):
                if delta.usage is not None:
                    self._usage.llm_prompt_tokens += delta.usage.prompt_tokens
                    self._usage.llm_completion_tokens += delta.usage.completion_tokens
                if delta.text:
                    said.append(delta.text)
                    yield BrainOutput(text=delta.text)
                if delta.tool_call is None:
                    continue
                self._usage.tool_calls += 1
                if delta.tool_call.name in self._http_tools:
                    pending.append(delta.tool_call)
                    continue
                action = self._action(delta.tool_call)
                if action is not None:
                    yield BrainOutput(action=action)
            if not pending:
                return
            results = await asyncio.gather(*(self._run_tool(call) for call in pending))
            reports += (report for _text, report in results)
            messages = [
                *messages,
                ChatMessage("assistant", "".join(said), tool_calls=tuple(pending)),
                *(
                    ChatMessage("tool", text, tool_call_id=call.id)
                    for call, (text, _report) in zip(pending, results, strict=True)
                ),
            ]

    async def _run_tool(self, call: ToolCall) -> tuple[str, ToolCallReport]:
        assert self._runner is not None, "HTTP tools are only offered with a runner"
        loop = asyncio.get_running_loop()  # the call's clock (virtual in the call tests)
        started_s = loop.time()
        result = await self._runner.call(self._http_tools[call.name], call.arguments, self._context)
        duration_ms = round((loop.time() - started_s) * 1000, 1)
        report = ToolCallReport(
            name=call.name, ok=result.ok, status_code=result.status_code, duration_ms=duration_ms
        )
        return result.text, report

    def _action(self, call: ToolCall) -> EndCall | TransferCall | None:
        if call.name == "end_call" and self._agent.tools.end_call:
            return EndCall()
        if call.name == "transfer_call":
            wanted = str(call.arguments.get("target") or call.arguments.get("number") or "")
            for target in self._agent.tools.transfer_targets:
                if wanted.strip().lower() == target.name.lower():
                    return TransferCall(target.number)
            return TransferCall(wanted)
        return None
