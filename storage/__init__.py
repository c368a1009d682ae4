"""Storage: SQLModel tables, migrations and the queries the core needs."""
