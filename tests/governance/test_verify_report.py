"""How ``audit verify`` words an erasure next to the breaks it found (what a breach investigator reads)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.cli.audit_cmd import erasure_line
from storage.chain_verify import ChainBreak, Erasure

ERASURE = Erasure(event_id=6, seq=6, rule="messages", at=datetime(2026, 12, 6, tzinfo=UTC), actor="okafor",
                  rows={"message_log": 4})


def test_a_tampered_message_with_the_erasure_events_id_does_not_discredit_the_erasure():
    message_break = ChainBreak("message", "p", 6, 6, "its columns or id were altered after it was written")
    line = erasure_line("p", ERASURE, [message_break])
    assert line.startswith("erased: program p: 4 message_log under retention rule 'messages'")
    assert "tombstones verified" in line


def test_a_break_of_the_erasure_event_itself_is_reported():
    audit_break = ChainBreak("audit", "p", 6, 6, "the rows marked erased are not the rows it erased")
    assert erasure_line("p", ERASURE, [audit_break]) == "erasure at audit seq 6 does NOT match its tombstones"


def test_an_applied_rule_reports_what_it_erased_not_nothing_due(capsys):
    """An apply counts nothing before erasing (the dry run is the report), so its rule has no table
    counts: the coordinator must read ERASED, not a contradictory "nothing due" above it."""
    from datetime import date

    from bot.cli.governance_report import print_plans
    from bot.governance.retention import ProgramPlan, RulePlan
    from bot.governance.schedule import Rule, Schedule

    schedule = Schedule({"messages": Rule("messages", 0, "written")}, (6, 30))
    cutoff = schedule.cutoffs(date(2026, 12, 6), "America/New_York")[0]
    applied = ProgramPlan("p", schedule, rules=[RulePlan(cutoff.rule, cutoff, erased={"message_log": 4})])
    idle = ProgramPlan("q", schedule, rules=[RulePlan(cutoff.rule, cutoff)])
    print_plans([applied, idle], applied=True)
    out = capsys.readouterr().out
    program_p, program_q = out.split("program q:")
    assert "ERASED: 4 message_log" in program_p and "nothing due" not in program_p
    assert "nothing due" in program_q
