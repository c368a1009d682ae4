"""SHA-256 of the committed heads.json (written by policies.encoder.train)."""

HEADS_SHA256 = "b8666ca6bcfd6ef4e7a42702627b836f2328de003444732bc2e0a93deba5ce3f"
