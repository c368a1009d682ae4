"""The policy's second layer: a pretrained sentence encoder (all-MiniLM-L6-v2 in numpy) and small
per-category heads trained on our labelled chat. See docs/policy.md ("The encoder layer")."""
