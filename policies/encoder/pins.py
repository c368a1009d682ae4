"""SHA-256 of the committed heads.json and ngrams.npz (written by policies.encoder.train)."""

HEADS_SHA256 = "386248f4bb2dde86c9e510fbf332b551d6882ac36d70f191b64af28ff92275e7"
NGRAMS_SHA256 = "7de0bec7493079da737b17a269753b645efb420de688d2d10fe01f13901fc86d"
