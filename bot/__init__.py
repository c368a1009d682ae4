"""mentorbot core: one room per concept (relay, delivery, review, roster, alerts, prompts, web, cli),
the port and message types, the use cases every surface calls, and the composition root."""
