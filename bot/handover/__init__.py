"""Commitment and hand-over (issue 14 item 5): how long a match is committed for, renewal
reminders near its end, and a mentor's departure with a replacement in the same match."""
