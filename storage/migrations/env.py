"""Alembic environment: runs on the connection mentorbot hands it (storage.db.upgrade)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import storage.all_models  # noqa: F401  (registers every table on SQLModel.metadata)
from storage.raw_ddl import compare_type, include_object

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        url = context.config.get_main_option("sqlalchemy.url")
        engine = create_engine(url)
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata,
                              render_as_batch=True, include_object=include_object,
                      compare_type=compare_type)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, include_object=include_object,
                      compare_type=compare_type)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
