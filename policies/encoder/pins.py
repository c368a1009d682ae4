"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""

HEADS_SHA256 = "0be6a7e9197d3a4913e523b313f09d5263833e8d16274bcf69609b23fe501234"
