"""The roster: a program's people, matches and channels, read from a coordinator's YAML file."""
