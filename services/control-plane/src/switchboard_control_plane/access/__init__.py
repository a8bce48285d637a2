"""Who is calling and what they may do: API keys, JWTs, memberships, policies, rate limits."""
