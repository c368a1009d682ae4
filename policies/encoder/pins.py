"""SHA-256 of the committed heads.json and ngrams.npz (written by policies.encoder.train)."""

HEADS_SHA256 = "3b2af87d2b93490bf961aa47d1ea78304cee19714ca64ca9a679f95b095f1d4e"
NGRAMS_SHA256 = "5378434ef17b003736dd3144eff14a4c447a7e1be1e6f79741b2817000d0d525"
