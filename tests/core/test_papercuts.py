"""Issue 12 item 9: what a coordinator trips on — each with the behaviour a coordinator expects."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from bot.cli.main import app as cli
from bot.messages import ChannelRef, CommandRequest
from bot.transcript import TranscriptError, read_transcript
from storage import repo
from support.roster_helpers import BASE, load_roster, write

COORD = "  - {id: coord, name: Casey Coord, role: coordinator}"


def test_a_mistyped_match_id_gets_a_suggestion(engine):  # type: ignore[no-untyped-def]
    from support.roster_helpers import import_roster

    import_roster(engine, Path(__file__).resolve().parents[2] / "examples" / "sample-program.yml")
    with pytest.raises(TranscriptError, match="did you mean 'dana-ana'"):
        read_transcript(engine, "dana-an", actor="test", clock=lambda: None)  # type: ignore[arg-type, return-value]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
async def test_the_chat_transcript_command_suggests_too_and_pause_is_a_chat_command(make_harness, engine):
    h = await make_harness()
    okafor = CommandRequest(channel=ChannelRef("console", "demo", "coordinators"), user_id="okafor",
                            user_name="Grace Okafor", text="transcript dana-an")
    assert "did you mean 'dana-ana'" in await h.app.core.run_command(okafor)
    help_text = await h.app.core.run_command(CommandRequest(okafor.channel, "okafor", "Grace", "help"))
    assert "pause <match-id>" in help_text and "resume <match-id>" in help_text
    reply = await h.app.core.run_command(CommandRequest(okafor.channel, "okafor", "Grace",
                                                        "pause dana-ana checking a concern"))
    assert "paused" in reply
    with Session(engine) as session:
        assert repo.match_by_key(session, "dana-ana").status == "paused"
    await h.say("ana", "dana-ana-student", "hello?")
    assert "hello?" not in h.seen_in("dana-ana-mentor")
    student = CommandRequest(ChannelRef("console", "demo", "dana-ana-student"), "ana", "Ana",
                             "resume dana-ana")
    assert "Only coordinators" in await h.app.core.run_command(student)
    assert "resumed" in await h.app.core.run_command(CommandRequest(okafor.channel, "okafor", "Grace",
                                                                    "resume dana-ana"))
    for _ in range(3):
        await h.app.delivery.run_once()
    assert "hello?" in h.seen_in("dana-ana-mentor")  # what waited for the pause is delivered


def test_a_quoted_roster_date_is_read_and_a_bad_one_is_one_clear_problem(tmp_path):
    quoted = BASE.replace("consent: 2026-09-01}", "consent: '2026-09-01'}", 1)
    roster = load_roster(write(tmp_path, quoted))
    assert str(roster.person("sol").consent_received) == "2026-09-01"
    bad = BASE.replace("{id: sol, name: Sol Student, role: student, grade: 10, consent: 2026-09-01}",
                       "{id: sol, name: Sol Student, role: student, grade: 10, consent: 09/01/2026}")
    with pytest.raises(Exception) as error:
        load_roster(write(tmp_path, bad, "bad.yml"))
    problems = [str(p) for p in error.value.problems]  # type: ignore[attr-defined]
    assert len(problems) == 1, problems
    assert "09/01/2026" in problems[0] and "YYYY-MM-DD" in problems[0]
    impossible = bad.replace("09/01/2026", "2026-02-30")
    with pytest.raises(Exception) as error:
        load_roster(write(tmp_path, impossible, "impossible.yml"))
    assert len(error.value.problems) == 1, [str(p) for p in error.value.problems]  # type: ignore[attr-defined]


def test_a_large_bad_roster_prints_grouped_and_capped(tmp_path):
    people = "\n".join(f"  - {{id: s{n}, name: S {n}, role: student, grade: 9}}" for n in range(400))
    matches = "\n".join(f"  - {{id: m{n}, model: one-to-one, status: active, mentors: [mia], "
                        f"students: [s{n}],"
                        f" channels: [{{side: mentor, platform: console, workspace: w, channel: m{n}m}},"
                        f" {{side: student, platform: console, workspace: w, channel: m{n}s}}]}}"
                        for n in range(400))
    text = ("program: {id: big, name: Big}\npeople:\n" + COORD + "\n"
            "  - {id: mia, name: Mia, role: mentor, cleared: 2026-08-01}\n"
            + people + "\nmatches:\n" + matches + "\n")
    path = write(tmp_path, text)
    result = CliRunner().invoke(cli, ["program", "import", "--check", str(path)])
    assert result.exit_code == 2
    out = result.output
    assert "400 problems" in out and "nothing was written" in out
    assert len(out.splitlines()) < 40, out
    assert "and 397 more like this" in out


def test_coordinator_invite_prints_the_port_the_desk_runs_on(tmp_path):
    from bot.app import desk_url, remember_desk_address
    from bot.settings import Settings

    settings = Settings(_env_file=None, data_dir=tmp_path / "var")
    assert desk_url(settings) == "http://127.0.0.1:8080"
    remember_desk_address(settings, "http://127.0.0.1:9137")
    assert desk_url(settings) == "http://127.0.0.1:9137"
    assert desk_url(Settings(_env_file=None, data_dir=tmp_path / "var",
                             web_base_url="https://desk.school.example/")) == "https://desk.school.example"


def test_review_redact_help_shows_the_removed_marker():
    result = CliRunner().invoke(cli, ["review", "redact", "--help"])
    assert "replaced by [removed]" in " ".join(result.output.split())


def test_prompts_pause_says_it_is_not_pausing_the_match():
    result = CliRunner().invoke(cli, ["prompts", "pause", "--help"])
    assert "mentorbot match pause" in " ".join(result.output.split())
    result = CliRunner().invoke(cli, ["match", "--help"])
    assert result.exit_code == 0 and "pause" in result.output and "resume" in result.output
