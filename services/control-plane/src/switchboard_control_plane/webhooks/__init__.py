"""Customer webhooks: endpoints, the event outbox, signed deliveries and their log."""
