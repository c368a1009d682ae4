"""SHA-256 of the committed heads.json and ngrams.npz (written by policies.encoder.train)."""

HEADS_SHA256 = "c311eaf7dd166837b1e6d84a1b867f168329af5eedcf7c829908768300f35f12"
NGRAMS_SHA256 = "fad832b5931bfd5e627869e61e0e6bc8c92a42c1089abbdac7862be033c15524"
