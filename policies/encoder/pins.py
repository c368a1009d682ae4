"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""

HEADS_SHA256 = "788716f50ad58311eb161b124df4c07bfe9815d8816ef690d74e334221210c9e"
