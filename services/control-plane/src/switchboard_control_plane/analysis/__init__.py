"""Post-call analysis: summary, extraction and success evaluation through the agent's LLM, or the
built-in rule-based analysis for agents without one."""
