"""Profiles and bios (issue 14 item 1): what mentors and students say about themselves, checked
by the program's policy before the other side reads it, and posted in a supervised way."""
