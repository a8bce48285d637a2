"""One live call: session, turn-taking, playout, conversation."""
