"""Prometheus metrics: what this process did (counters, a latency histogram) and what waits in the
database (gauges computed once per scrape).

Every app has its own ``CollectorRegistry`` (several apps live in one test process). The process
counters are per replica: sum them across replicas. The database gauges are the same on every
replica (they read the shared database): take ``max`` across replicas, never the sum.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, disable_created_metrics, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.process_collector import ProcessCollector
from sqlalchemy import Engine

from storage import ops_repo

logger = logging.getLogger(__name__)

disable_created_metrics()  # no *_created series: counters' start times are noise on dashboards
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class Metrics:
    """The process's counters; the relay, the worker and the scheduler's jobs report here."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.messages = Counter("mentorbot_messages", "Message events recorded by this process, by decision",
                                ["decision"], registry=r)
        self.deliveries = Counter("mentorbot_deliveries", "Outbox rows this process finished sending or "
                                  "trying, by platform, kind and outcome (sent, retry, failed)",
                                  ["platform", "kind", "outcome"], registry=r)
        self.delivery_latency = Histogram("mentorbot_delivery_latency_seconds", "From a copy being queued "
                                          "to the platform accepting it", ["platform"],
                                          buckets=LATENCY_BUCKETS, registry=r)
        self.delivery_errors = Counter("mentorbot_delivery_errors", "Failed delivery attempts by platform "
                                       "and reason (rate_limited = a 429, error, permanent)",
                                       ["platform", "reason"], registry=r)
        self.prompt_posts = Counter("mentorbot_prompt_posts", "Weekly prompts posted (matches) by this "
                                    "process", registry=r)
        ProcessCollector(registry=r)  # CPU, memory, open files of this replica

    def message(self, decision: str) -> None:
        self.messages.labels(decision=decision).inc()

    def delivered(self, platform: str, kind: str, latency_seconds: float) -> None:
        self.deliveries.labels(platform=platform, kind=kind, outcome="sent").inc()
        self.delivery_latency.labels(platform=platform).observe(max(0.0, latency_seconds))

    def delivery_failed(self, platform: str, kind: str, *, rate_limited: bool, permanent: bool,
                        final: bool) -> None:
        reason = "rate_limited" if rate_limited else "permanent" if permanent else "error"
        self.delivery_errors.labels(platform=platform, reason=reason).inc()
        self.deliveries.labels(platform=platform, kind=kind, outcome="failed" if final else "retry").inc()

    def prompts_posted(self, matches: int) -> None:
        if matches:
            self.prompt_posts.inc(matches)

    def watch(self, *, engine: Engine, clock: Callable[[], datetime],
              adapters: Mapping[str, Any]) -> None:
        """Add the database gauges and the adapters' platform error counts to this registry."""
        self.registry.register(WorkWaitingCollector(engine, clock))
        self.registry.register(PlatformErrorsCollector(adapters))

    def exposition(self) -> bytes:
        """The text a scrape returns (runs the database queries: call it off the event loop)."""
        return generate_latest(self.registry)


class WorkWaitingCollector:
    """Gauges read from the database at scrape time, at most once per ``ttl`` seconds."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime], ttl: float = 5.0) -> None:
        self._engine, self._clock, self._ttl = engine, clock, ttl
        self._lock = threading.Lock()
        self._cached: tuple[float, list[Metric]] | None = None

    def describe(self) -> list[Metric]:
        return []  # computed at scrape time; nothing to describe up front

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            if self._cached is None or time.monotonic() - self._cached[0] > self._ttl:
                self._cached = (time.monotonic(), self._read())
            yield from self._cached[1]

    def _read(self) -> list[Metric]:
        up = GaugeMetricFamily("mentorbot_database_up", "1 if the last scrape could read the database")
        try:
            work = ops_repo.work_waiting(self._engine, self._clock())
        except Exception as exc:  # a scrape must answer even when the database is away
            logger.warning("metrics: the database could not be read: %s", exc)
            up.add_metric([], 0)
            return [up]
        up.add_metric([], 1)
        return [up, *work_waiting_metrics(work)]


def work_waiting_metrics(work: ops_repo.WorkWaiting) -> list[Metric]:
    """The snapshot as Prometheus gauge families."""
    holds = GaugeMetricFamily("mentorbot_holds_waiting", "Held messages waiting for a coordinator",
                              labels=["program"])
    hold_age = GaugeMetricFamily("mentorbot_holds_oldest_seconds", "Age of the oldest held message "
                                 "waiting for a coordinator", labels=["program"])
    for program, count in sorted(work.holds.items()):
        holds.add_metric([program], count)
        hold_age.add_metric([program], work.oldest_hold_seconds.get(program, 0.0))
    alerts = GaugeMetricFamily("mentorbot_alerts_unacknowledged", "Alerts no coordinator has acknowledged",
                               labels=["program", "urgent"])
    for (program, urgent), count in sorted(work.alerts.items()):
        alerts.add_metric([program, "true" if urgent else "false"], count)
    outbox = GaugeMetricFamily("mentorbot_outbox_rows", "Unfinished outbox rows (pending, being sent, or "
                               "parked until a paused match resumes)", labels=["platform", "state"])
    for (platform, state), count in sorted(work.outbox.items()):
        outbox.add_metric([platform, state], count)
    due = GaugeMetricFamily("mentorbot_outbox_oldest_due_seconds", "How long the most overdue outbox row "
                            "has waited to be sent (0 = nothing overdue)", labels=["platform"])
    for platform, seconds in sorted(work.oldest_due_seconds.items()):
        due.add_metric([platform], seconds)
    return [holds, hold_age, alerts, outbox, due]


class PlatformErrorsCollector:
    """The adapters' own counts of failed platform calls (HTTP 429s, 5xx, 4xx, network), per platform."""

    def __init__(self, adapters: Mapping[str, Any]) -> None:
        self._adapters = adapters

    def describe(self) -> list[Metric]:
        return []

    def collect(self) -> Iterator[Metric]:
        family = CounterMetricFamily("mentorbot_platform_errors", "Platform API calls that failed, by "
                                     "platform and kind (rate_limited = HTTP 429)",
                                     labels=["platform", "kind"])
        for name, adapter in sorted(self._adapters.items()):
            for kind, count in sorted(dict(getattr(adapter, "errors", {}) or {}).items()):
                family.add_metric([name, kind], count)
        yield family
