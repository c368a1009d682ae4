"""The mentorbot command line."""
