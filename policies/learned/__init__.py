"""The learned signal: a small linear classifier behind the policy rules (see docs/policy.md)."""
