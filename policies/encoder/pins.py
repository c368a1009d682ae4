"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""

HEADS_SHA256 = "a2dd925432fa3f09c92b55f50b449196476b89283499d5b3a6bec6849479d896"
