"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""

HEADS_SHA256 = "5c76300badb1fe452aa8351114cb19cea77e9dd0395058e2196b1267fa9aeb16"
