"""Weekly conversation prompts tied to classroom topics, nudges for quiet matches, the coordinator digest."""
