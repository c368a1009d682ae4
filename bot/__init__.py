"""mentorbot core: normalized types, relay pipeline, commands, review, prompts, CLI."""
