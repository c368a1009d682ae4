"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""

HEADS_SHA256 = "3ae3a096b4761f25eca3ca4ecedf2c1bf0280fd6d3e3325ff5024e25abccf57b"
