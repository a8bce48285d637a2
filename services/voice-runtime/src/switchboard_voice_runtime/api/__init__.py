"""The carrier edge: webhooks and media websockets."""
