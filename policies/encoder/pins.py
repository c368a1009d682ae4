"""SHA-256 of the committed heads.json and ngrams.npz (written by policies.encoder.train)."""

HEADS_SHA256 = "d39928765c8878fc21ef9c86f5c3ab6a55be3926ac535682e2474348820dd9a9"
NGRAMS_SHA256 = "c8cd1a623c77c59c349363501a92ba1930a706ad8ffc7d971dc59b01450390c7"
