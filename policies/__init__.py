"""The policy (issue 3)."""
