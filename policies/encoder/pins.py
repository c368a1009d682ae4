"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""

HEADS_SHA256 = "6d3f87cf874ce40b20d716f788b9c3f3eeda57a73a68a7d32dc221e67f9c305d"
