"""SHA-256 of the committed heads.json and ngrams.npz (written by policies.encoder.train)."""

HEADS_SHA256 = "a80113811857b1385bd6e3f59af0321305b14451ab4735cec8e1d91cfa100c44"
NGRAMS_SHA256 = "cf159dbeb54aaf58d3166b16ed540f87d661e498f682ef4d13ab678d2701d220"
