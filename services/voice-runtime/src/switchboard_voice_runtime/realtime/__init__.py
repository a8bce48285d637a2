"""Realtime sessions: the OpenAI Realtime (GA) wire protocol, its credentials and talk page."""
