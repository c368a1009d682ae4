"""SHA-256 of the committed heads.json and ngrams.npz (written by policies.encoder.train)."""

HEADS_SHA256 = "761ee93220c0ab0c16f66b72f3aad5232f6bb39b32ff84336315fc2ad9ff0674"
NGRAMS_SHA256 = "83121ec7f09f27aeec3d2e41cc1a6465d541da3cb36aea3589994ee9a891aac2"
