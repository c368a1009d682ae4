"""The relay: dedupe, locate, gate, police and record each message event in one transaction."""
