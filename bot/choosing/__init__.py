"""Choosing mentors: propose matches that honour students' ranked choices within the program's rules.

Pure: frozen dataclasses in (``StudentProfile``, ``MentorProfile``, ``ProgramRules``), a frozen
``Proposal`` out; no database, SQL or platform. The caller (roster, desk, ``/mentorbot choose``)
builds the profiles and stores what the coordinator confirms.

Algorithm: students-proposing deferred acceptance with capacities (the hospitals/residents
form, Gale & Shapley 1962, Roth 1984), each mentor or team ranking the students who chose them
by a transparent fit score (``fit.py``) with a seeded tie-break draw; then the best fit with room
for students none of whose choices can be honoured; then the mentoring models' ratios
(``ratios.py``, the numbers of ``bot/roster/rules.py``) split each mentor's students into matches.
Why this and not an assignment: a stable result can be explained to a student ("your 1st choice
was full with students who fit closer"), and students-proposing deferred acceptance makes
ranking one's true favourite first always safe, which an optimiser over total fit does not.

Libraries considered: the ``matching`` package (daffidwilde, MIT, 1.4.3, maintained) implements
exactly this algorithm, but its games deep-copy the player graph and raise RecursionError at our
benchmark size (2,000 × 600) unless the interpreter-wide recursion limit is raised (its issue
#139, open since 2022; #135 is the same crash on Windows), it needs numpy at run time, and it
models neither teams, nor the proposals by fit, nor the reasons we show. With the limit raised it
gives the identical matching in ≈ 0.36 s where ``deferred.py`` takes ≈ 27 ms
(``benchmarks/matching.py --against-library``, docs/benchmarks.md). scipy's
``linear_sum_assignment`` maximises total fit over mentor slots but is neither stable nor
strategy-proof, and networkx offers maximum matchings in graphs, not stable matching. So the
algorithm is written here, checked by hypothesis property tests (no blocking pair, ratios,
gates) and against the library by the benchmark.
"""

from bot.choosing.eligibility import Block, why_not_eligible
from bot.choosing.fit import Fit, draw
from bot.choosing.profiles import ChoosingInputError, MentorProfile, ProgramRules, StudentProfile
from bot.choosing.propose import CHOICES_NOT_HONOURED, NO_CHOICES, propose_matches
from bot.choosing.ratios import MODEL_RULES, ModelRule
from bot.choosing.replace import ReplacementCandidate, suggest_replacements
from bot.choosing.results import (
    LeftOutMentor,
    Placement,
    Places,
    Proposal,
    ProposedMatch,
    Suggestion,
    Summary,
    Unmatched,
)

__all__ = [
    "CHOICES_NOT_HONOURED", "MODEL_RULES", "NO_CHOICES", "Block", "ChoosingInputError", "Fit",
    "LeftOutMentor", "MentorProfile", "ModelRule", "Placement", "Places", "ProgramRules", "Proposal",
    "ProposedMatch", "ReplacementCandidate", "StudentProfile", "Suggestion", "Summary", "Unmatched",
    "draw", "propose_matches", "suggest_replacements", "why_not_eligible",
]
