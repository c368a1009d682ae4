"""SHA-256 of the committed heads.json and ngrams.npz (written by policies.encoder.train)."""

HEADS_SHA256 = "2f7ecdcfcc80f4a1d946794f99d7b722f1de386de3cffd15c75668b6a36897ec"
NGRAMS_SHA256 = "fad832b5931bfd5e627869e61e0e6bc8c92a42c1089abbdac7862be033c15524"
