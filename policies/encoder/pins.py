"""SHA-256 of the committed heads.json and ngrams.npz (written by policies.encoder.train)."""

HEADS_SHA256 = "a94d5868e1fd44f41c680683a7e1b3110c9683cd99343fe05045a2b2c9af6cc5"
NGRAMS_SHA256 = "7a4c1a763629ec5104067252630585e9fd1012d2a7ac035cd57bb4aa8185b189"
