"""Proposals as a coordinator reads them: choices honoured, gates kept, and reasons that explain."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.choosing import ChoosingInputError, ProgramRules, propose_matches
from support.choosing_helpers import AS_OF, RULES, mentor, student


def test_everyone_gets_their_first_choice_when_there_is_room() -> None:
    mentors = [mentor("dana", employer="Acme", interests={"software"}), mentor("omar", interests={"nursing"}),
               mentor("lee", capacity=2, interests={"law"})]
    students = [student("maya", interests={"software"}, choices=("dana", "omar")),
                student("leo", interests={"law"}, choices=("lee",)),
                student("ana", interests={"nursing"}, choices=("omar", "dana", "lee"))]
    proposal = propose_matches(students, mentors, RULES)
    assert [(m.mentor_ids, m.student_ids, m.model) for m in proposal.matches] == [
        (("dana",), ("maya",), "one-to-one"), (("lee",), ("leo",), "one-to-one"),
        (("omar",), ("ana",), "one-to-one")]
    reason = proposal.placement_of("maya").reason
    assert reason.startswith("Maya's 1st choice.")
    assert "Shares career interest: software (fit 4)." in reason
    assert proposal.summary.by_rank[0] == 3 and proposal.summary.share(1) == 1.0
    assert proposal.unmatched == ()


def test_an_oversubscribed_mentor_takes_the_closest_fit_and_the_reason_says_why() -> None:
    mentors = [mentor("dana", name="Dana Ortiz", employer="Acme", interests={"software", "cybersecurity"},
                      languages={"english", "spanish"}),
               mentor("lee", name="Lee Chu", interests={"software"})]
    students = [student("maya", interests={"software"}, choices=("dana", "lee")),
                student("leo", interests={"software", "cybersecurity"}, choices=("dana", "lee"))]
    proposal = propose_matches(students, mentors, RULES)
    assert proposal.match_of("leo").mentor_ids == ("dana",)
    maya = proposal.placement_of("maya")
    assert maya.choice_rank == 2
    assert ("Maya's 2nd choice. Why not a higher choice: 1st Dana Ortiz (Acme) was full with students who "
            "fit closer (fit 8 or more; Maya's 4)") in maya.reason
    assert "leo" not in maya.reason.lower()  # reasons never name other students


def test_equal_fits_are_settled_by_the_seeded_draw_not_by_id() -> None:
    mentors = [mentor("dana", interests={"law"}), mentor("lee", interests={"law"})]
    students = [student("aaron", interests={"law"}, choices=("dana", "lee")),
                student("zoe", interests={"law"}, choices=("dana", "lee"))]
    winners = set()
    for seed in range(12):
        proposal = propose_matches(students, mentors, ProgramRules(as_of=AS_OF, draw_seed=str(seed)))
        winners.add(proposal.match_of("aaron").mentor_ids == ("dana",))
        loser = "zoe" if proposal.match_of("aaron").mentor_ids == ("dana",) else "aaron"
        assert "the last place went by the fixed draw among students with the same fit" in \
            proposal.placement_of(loser).reason
        assert propose_matches(students, mentors, ProgramRules(as_of=AS_OF, draw_seed=str(seed))) == proposal
    assert winners == {True, False}, "over a dozen seeds each student should win the draw sometimes"


def test_uncleared_untrained_or_expired_mentors_are_never_proposed_even_when_chosen() -> None:
    mentors = [mentor("new", name="Nia New", cleared_on=None, interests={"law"}),
               mentor("fresh", name="Finn Fresh", trained_on=None, interests={"law"}),
               mentor("old", name="Olga Old", clearance_expires=AS_OF - timedelta(days=1), interests={"law"}),
               mentor("kim", name="Kim Ready", interests={"law"})]
    students = [student("maya", interests={"law"}, choices=("new", "fresh", "old"))]
    proposal = propose_matches(students, mentors, RULES)
    assert proposal.match_of("maya").mentor_ids == ("kim",)
    reason = proposal.placement_of("maya").reason
    assert reason.startswith("Proposed by fit, not by choice: none of Maya's choices could be honoured")
    assert "1st Nia New: Nia New is not cleared yet" in reason
    assert "2nd Finn Fresh: Finn Fresh has not completed mentor orientation training yet" in reason
    assert f"3rd Olga Old: Olga Old's clearance expired on {AS_OF - timedelta(days=1)}" in reason
    assert {(x.mentor_id, x.code) for x in proposal.left_out} == {
        ("new", "not-cleared"), ("fresh", "not-trained"), ("old", "clearance-expired")}


def test_students_without_a_valid_form_are_never_proposed_and_the_coordinator_is_told() -> None:
    mentors = [mentor("dana", capacity=3, interests={"law"})]
    students = [student("none", consent_signed=None, choices=("dana",)),
                student("expired", consent_expires=AS_OF - timedelta(days=2), choices=("dana",)),
                student("young", grade=8, choices=("dana",)),
                student("soon", consent_expires=AS_OF + timedelta(days=12), choices=("dana",))]
    proposal = propose_matches(students, mentors, RULES)
    assert [m.student_ids for m in proposal.matches] == [("soon",)]
    assert proposal.placement_of("soon").warnings == (
        f"Soon's permission form expires on {AS_OF + timedelta(days=12)} (in 12 days): renew it, or the "
        "match will be held when it runs out",)
    left = {u.student_id: u for u in proposal.unmatched}
    assert (left["none"].code, left["expired"].code, left["young"].code) == (
        "no-consent", "consent-expired", "grade-outside-program")
    assert left["none"].next_steps[0].startswith("Record None's signed permission form")
    assert left["young"].reason == "Young is in grade 8; this program takes grades 9–14."
    assert left["none"].suggestions == ()  # nobody is suggested for a student who may not be matched yet
    assert dict(proposal.summary.unmatched_by_code) == {
        "consent-expired": 1, "grade-outside-program": 1, "no-consent": 1}


def test_a_mentors_grades_are_a_rule_and_the_next_choice_is_honoured() -> None:
    mentors = [mentor("sam", name="Sam Roe", grades={11, 12}), mentor("ivy")]
    proposal = propose_matches([student("maya", grade=9, choices=("sam", "ivy"))], mentors, RULES)
    placed = proposal.placement_of("maya")
    assert (placed.choice_rank, proposal.match_of("maya").mentor_ids) == (2, ("ivy",))
    assert "1st Sam Roe: Sam Roe takes grades 11–12 only" in placed.reason


def test_students_whose_choices_are_full_get_the_best_fit_with_room_marked_as_such() -> None:
    mentors = [mentor("dana", interests={"software", "law"}),
               mentor("omar", interests={"nursing"}, availability={"mon-pm"}),
               mentor("lee", interests={"software"}, availability={"tue-pm"}),
               mentor("kai", interests={"software"})]
    students = [student("first", interests={"software", "law"}, choices=("dana",)),
                student("maya", interests={"software"}, availability={"tue-pm"}, choices=("dana",)),
                student("bo", interests={"nursing", "software"}, availability={"mon-pm"})]
    proposal = propose_matches(students, mentors, RULES)
    maya, bo = proposal.placement_of("maya"), proposal.placement_of("bo")
    assert maya.by_fit and proposal.match_of("maya").mentor_ids == ("lee",)  # shares a slot too: fit 5
    assert "The best-fitting mentor with room." in maya.reason
    assert bo.by_fit and proposal.match_of("bo").mentor_ids == ("omar",)
    assert bo.reason.startswith("Proposed by fit, not by choice: Bo named no mentors.")
    assert proposal.summary.by_fit == 2


def test_a_by_fit_student_is_told_when_a_better_fit_filled_up_first() -> None:
    mentors = [mentor("lee", name="Lee", interests={"software", "law"}, availability={"tue-pm"}),
               mentor("kai", interests={"software"})]
    students = [student("ana", interests={"software", "law"}, availability={"tue-pm"}),
                student("zed", interests={"software", "law"})]
    proposal = propose_matches(students, mentors, RULES)
    assert proposal.match_of("ana").mentor_ids == ("lee",)
    assert ("The best-fitting mentor with room still free (Lee fits better, fit 8, but its places went to "
            "students who fit it at least as well). Shares career interest: software (fit 4).") in \
        proposal.placement_of("zed").reason


def test_by_fit_needs_a_shared_career_interest_and_respects_a_gender_preference() -> None:
    mentors = [mentor("tom", gender="man", interests={"nursing"}), mentor("ann", gender="woman",
                                                                         interests={"law"})]
    maya = student("maya", gender="girl", gender_preference="woman", interests={"nursing"})
    off = propose_matches([maya], mentors, RULES)
    assert off.match_of("maya").mentor_ids == ("tom",)  # the program does not read the preference
    on = propose_matches([maya], mentors, ProgramRules(as_of=AS_OF, use_gender_preference=True))
    left = on.unmatched[0]
    assert left.code == "no-choices"
    assert "no mentor with room shares a career interest with Maya (nursing)" in left.reason
    assert [s.mentor_ids for s in left.suggestions] == [("ann",)]  # a woman, though sharing no interest
    assert "Recruit a mentor in nursing" in left.next_steps
    chose = propose_matches([replace(maya, choices=("tom",))], mentors,
                            ProgramRules(as_of=AS_OF, use_gender_preference=True))
    assert chose.match_of("maya").mentor_ids == ("tom",)  # her own choice is honoured
    assert chose.placement_of("maya").warnings == ("Maya asked for a woman mentor; Tom was their own choice",)


def test_no_room_left_is_explained_with_the_full_choice_to_ask_about() -> None:
    mentors = [mentor("dana", name="Dana Ortiz", interests={"law"})]
    students = [student("a", interests={"law"}, availability={"mon-pm"}, choices=("dana",)),
                student("b", interests={"law"}, choices=("dana",))]
    mentors[0] = mentor("dana", name="Dana Ortiz", interests={"law"}, availability={"mon-pm"})
    proposal = propose_matches(students, mentors, RULES)
    left = proposal.unmatched[0]
    assert (left.student_id, left.code) == ("b", "choices-not-honoured")
    assert left.reason.endswith("; no mentor has a place left.")
    assert ("Ask Dana Ortiz, B's 1st choice, whether they can take one more (raise their capacity) and "
            "propose again") in left.next_steps


def test_small_groups_are_split_within_the_ratio_and_grouped_by_grade() -> None:
    mentors = [mentor("gia", models=("small-group",), capacity=2, interests={"design"})]
    students = [student(f"s{n}", grade=9 + n % 2, choices=("gia",)) for n in range(5)]
    proposal = propose_matches(students, mentors, RULES)
    groups = [(m.model, m.student_ids) for m in proposal.matches]
    assert groups == [("small-group", ("s0", "s2", "s4")), ("small-group", ("s1", "s3"))]
    assert all(not m.warnings for m in proposal.matches)


def test_a_program_may_cap_groups_more_strictly_than_the_guide() -> None:
    mentors = [mentor("gia", models=("small-group",), capacity=2)]
    students = [student(f"s{n}", choices=("gia",)) for n in range(8)]
    rules = ProgramRules(as_of=AS_OF, max_group_size={"small-group": 3})
    proposal = propose_matches(students, mentors, rules)
    assert [len(m.placements) for m in proposal.matches] == [3, 3]
    assert len(proposal.unmatched) == 2
    with pytest.raises(ChoosingInputError, match="above the guide's 4 students"):
        propose_matches(students, mentors, ProgramRules(as_of=AS_OF, max_group_size={"small-group": 5}))


def test_one_student_for_a_small_group_mentor_is_proposed_one_to_one_with_a_check() -> None:
    proposal = propose_matches([student("maya", choices=("gia",))],
                               [mentor("gia", name="Gia", models=("small-group",))], RULES)
    match = proposal.matches[0]
    assert match.model == "one-to-one"
    assert match.warnings == ("Gia offered small group, but 1 student was proposed, so this is proposed as "
                              "one-to-one: check with the mentor before confirming",)


def test_a_large_group_below_seven_is_flagged_and_never_above_ten() -> None:
    mentors = [mentor("lia", name="Lia", employer="Beta", models=("large-group",))]
    few = propose_matches([student(f"s{n}", choices=("lia",)) for n in range(5)], mentors,
                          ProgramRules(as_of=AS_OF, models=("large-group",)))
    assert few.matches[0].warnings == ("only 5 students for Lia (Beta)'s large group (7–10 students per "
                                       "group): add 2 more or change the model before confirming",)
    many = propose_matches([student(f"s{n:02d}", choices=("lia",)) for n in range(13)], mentors, RULES)
    assert [len(m.placements) for m in many.matches] == [10] and len(many.unmatched) == 3


def test_a_team_is_proposed_as_one_unit_within_four_students_per_adult() -> None:
    team = [mentor("ann", employer="Acme", team="acme", models=("team",)),
            mentor("ben", employer="Acme", team="acme", models=("team",)),
            mentor("cy", employer="Acme", team="acme", models=("team",), cleared_on=None)]
    students = [student(f"s{n}", choices=(("ann", "ben")[n % 2],)) for n in range(10)]
    proposal = propose_matches(students, team, RULES)
    assert [(m.model, m.mentor_ids, len(m.placements)) for m in proposal.matches] == [
        ("team", ("ann", "ben"), 8)]
    assert {u.code for u in proposal.unmatched} == {"choices-not-honoured"}
    alone = propose_matches(students, team[:1], RULES)
    assert alone.left_out[0].code == "team-incomplete" and alone.matches == ()


def test_mentors_already_holding_matches_only_fill_their_open_places() -> None:
    mentors = [mentor("dana", capacity=2, current_matches=1)]
    proposal = propose_matches([student("a", choices=("dana",)), student("b", choices=("dana",))], mentors,
                               RULES)
    assert len(proposal.matches) == 1 and proposal.places[0].seats == 1
    full = propose_matches([student("a", choices=("dana",))], [mentor("dana", current_matches=1)], RULES)
    assert full.left_out[0].reason == "Dana has no places open (1 of 1 taken)"


def test_bad_input_is_refused_with_every_problem_listed() -> None:
    students = [student("a", choices=("x", "y", "z", "w")), student("a")]
    mentors = [mentor("m", models=("mentoring",)), mentor("m")]
    with pytest.raises(ChoosingInputError) as caught:
        propose_matches(students, mentors, ProgramRules(as_of=AS_OF, models=("one-to-one", "peer")))
    assert caught.value.problems == (
        "peer mentoring is arranged by the coordinator (the peer mentor is a student with their own "
        "permission form); leave 'peer' out of the models to propose",
        "student id 'a' is used twice; every student needs their own id",
        "mentor id 'm' is used twice; every mentor needs their own id",
        "student 'a' has 4 choices; this program takes at most 3",
        "mentor 'm' offers 'mentoring'; models are one-to-one, small-group, team, large-group")


def test_tags_are_compared_without_case_or_spacing() -> None:
    proposal = propose_matches([student("maya", interests=["Data  Science "], languages="Spanish")],
                               [mentor("dana", interests={"data science"}, languages={"SPANISH"})], RULES)
    assert proposal.placement_of("maya").fit.points == 4 + 2
    assert "both speak Spanish" in proposal.placement_of("maya").reason


def test_the_summary_reads_as_sentences() -> None:
    mentors = [mentor("dana", interests={"law"}), mentor("omar")]
    students = [student("a", interests={"law"}, choices=("dana",)), student("b", choices=("dana", "omar")),
                student("c", consent_signed=None)]
    lines = propose_matches(students, mentors, RULES).summary.lines()
    assert lines[0].startswith("3 students, 2 of them with choices: 1 (33.3 %) their 1st choice, "
                               "1 (33.3 %) their 2nd choice, 0 (0.0 %) their 3rd choice;")
    assert lines[1] == "Not proposed: 1 no-consent."
    assert lines[2] == "2 matches with 2 mentors; 0 student places still open."

