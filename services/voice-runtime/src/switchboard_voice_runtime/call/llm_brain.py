"""The LLM brain: the agent's prompt, knowledge and history through a streaming ChatModel."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence

from switchboard_common.contract.tenant_config import AgentConfig
from switchboard_voice_runtime.call.brain import BrainOutput, EndCall, Reply, TransferCall
from switchboard_voice_runtime.providers.llm import ChatMessage, ChatModel, ToolCall, ToolSpec

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


def tool_specs(agent: AgentConfig) -> list[ToolSpec]:
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
    return specs


class LlmBrain:
    """Streams the model's answer; ``end_call`` and ``transfer_call`` become call actions."""

    def __init__(self, agent: AgentConfig, model: ChatModel) -> None:
        self._agent = agent
        self._model = model
        self._system = system_message(agent)
        self._tools = tool_specs(agent)

    def reply(self, caller_text: str, history: Sequence[ChatMessage]) -> Reply:
        return Reply("llm", self._outputs([self._system, *history]))

    async def _outputs(self, messages: list[ChatMessage]) -> AsyncGenerator[BrainOutput, None]:
        async for delta in self._model.stream(messages, self._tools):
            if delta.text:
                yield BrainOutput(text=delta.text)
            if delta.tool_call is not None:
                action = self._action(delta.tool_call)
                if action is not None:
                    yield BrainOutput(action=action)

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
