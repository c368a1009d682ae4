"""Review: held messages, the coordinator's decisions, review cards and redaction."""
