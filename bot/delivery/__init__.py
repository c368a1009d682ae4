"""Delivery: the worker that drains the outbox through the adapters, paced under platform limits."""
