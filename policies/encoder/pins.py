"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""

HEADS_SHA256 = "1c62bf4b51a21729a36209a9819557565b13fba4ed45c5a0080d338c56ff71bf"
