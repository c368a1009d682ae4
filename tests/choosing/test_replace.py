"""Replacing a departing mentor: candidates the coordinator can trust, best first, with reasons."""

from __future__ import annotations

from bot.choosing import ProgramRules, suggest_replacements
from support.choosing_helpers import AS_OF, RULES, mentor, student


def _pool():
    return [
        mentor("dana", name="Dana Ortiz", employer="Acme", interests={"software"}),  # leaving
        mentor("lee", name="Lee Chu", employer="Acme", interests={"software"}, availability={"tue-pm"}),
        mentor("kai", name="Kai Ng", employer="Beta", interests={"law"}),
        mentor("full", name="Fay Full", interests={"software"}, capacity=1, current_matches=1),
        mentor("new", name="Nia New", interests={"software"}, cleared_on=None),
        mentor("sam", name="Sam Old", interests={"software"}, grades={12}),
        mentor("ivy", name="Ivy Ray", interests={"software", "data science"}, availability={"tue-pm"}),
    ]


def test_earlier_choices_come_first_then_the_best_fit_and_never_the_departing_mentor() -> None:
    maya = student("maya", name="Maya", interests={"software", "data science"}, availability={"tue-pm"},
                   choices=("dana", "kai", "lee"))
    found = suggest_replacements([maya], "dana", _pool(), RULES)
    assert [c.mentor_id for c in found] == ["kai", "lee", "ivy"]
    assert found[0].reason == ("Kai Ng (Beta): Maya's 2nd choice when choosing; nothing in common listed "
                               "(fit 0); 1 place open; continues as one-to-one")
    assert found[1].reason == ("Lee Chu (Acme): Maya's 3rd choice when choosing; shares career interest: "
                               "software; both free: tue-pm (fit 5); 1 place open; continues as one-to-one; "
                               "same employer as Dana Ortiz (Acme)")
    assert found[2].points == 9 and found[2].chosen_by == ()


def test_full_uncleared_and_grade_restricted_mentors_are_not_suggested() -> None:
    found = suggest_replacements([student("maya", interests={"software"})], "dana", _pool(), RULES)
    ids = {c.mentor_id for c in found}
    assert ids == {"lee", "ivy", "kai"}
    assert all(c.places_open >= 1 for c in found)


def test_a_group_needs_a_mentor_whose_model_takes_all_of_it() -> None:
    pool = [mentor("dana"), mentor("one", interests={"law"}),
            mentor("gia", name="Gia", models=("small-group",), interests={"law"}),
            mentor("big", capacity=3),
            mentor("ann", team="t", models=("team",)), mentor("ben", team="t", models=("team",))]
    group = [student(f"s{n}", interests={"law"}, choices=("dana", "gia")) for n in range(3)]
    found = suggest_replacements(group, "dana", pool, RULES)
    assert [(c.mentor_id, c.model) for c in found] == [("gia", "small-group")]  # no team member alone,
    # and no one-to-one mentor asked to take a group
    assert found[0].reason.startswith("Gia: chosen earlier by 3 of the 3 students (S0 2nd, S1 2nd, S2 2nd); "
                                      "fit S0 4, S1 4, S2 4")


def test_a_gender_preference_the_program_reads_is_kept() -> None:
    pool = [mentor("dana", gender="female"), mentor("tom", gender="male"), mentor("ann", gender="female")]
    maya = student("maya", gender="female", gender_preference="same")
    rules = ProgramRules(as_of=AS_OF, use_gender_preference=True)
    assert [c.mentor_id for c in suggest_replacements([maya], "dana", pool, rules)] == ["ann"]
    assert {c.mentor_id for c in suggest_replacements([maya], "dana", pool, RULES)} == {"ann", "tom"}


def test_one_student_may_go_to_a_small_group_mentor_with_a_check() -> None:
    pool = [mentor("dana"), mentor("gia", name="Gia", models=("small-group",))]
    found = suggest_replacements([student("maya")], "dana", pool, RULES)
    assert found[0].model == "one-to-one"
    assert found[0].reason.endswith("continues as one-to-one; Gia offered small group: check with them first")


def test_a_student_whose_form_expired_is_flagged_in_every_suggestion() -> None:
    maya = student("maya", consent_expires=AS_OF)
    later = ProgramRules(as_of=AS_OF.replace(year=AS_OF.year + 1))
    pool = [mentor("dana"), mentor("lee", cleared_on=AS_OF, trained_on=AS_OF)]
    found = suggest_replacements([maya], "dana", pool, later)
    assert found[0].reason.endswith(f"note: Maya's permission form expired on {AS_OF}, so the match will be "
                                    "held until that is fixed")
