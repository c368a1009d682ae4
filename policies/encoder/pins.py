"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""

HEADS_SHA256 = "8140747423f3018357f61d3c4c9033d0b4b39cb7841359a050f365053eb72638"
