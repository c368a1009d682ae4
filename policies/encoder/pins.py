"""SHA-256 of the committed heads.json and ngrams.npz (written by policies.encoder.train)."""

HEADS_SHA256 = "a4dd1187f72cca6eafad73a2915c2e9ca447030482bcf648e358bff4b49f29ec"
NGRAMS_SHA256 = "49462c3371cc152c2a8a9fc309a984703698324b243f167ecba9fac799a7b2c1"
