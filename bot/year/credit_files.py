"""The credit report as files: CSV (one row per student, or one student's evidence) and PDF.

The desk's export rules apply: comment rows carry the program, period, who exported it and the
log's verification line; CSV cells are formula-neutralized and invisible/bidi characters shown
as markers (``bot.export_text.csv_cell``); the PDF uses
the desk's document (``bot.web.pdf.Document``) with the same markers.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import TYPE_CHECKING

from bot.export_text import csv_cell
from bot.web.exports import ExportMeta
from bot.year.credit import ProgramCredit, StudentCredit, StudentDetail

if TYPE_CHECKING:  # fpdf2 (with numpy and cryptography) takes ~0.5-1 s to import: only when a PDF is made
    from bot.web.pdf import Document

COLUMNS = [
    "student",
    "id",
    "grade",
    "matches",
    "mentors",
    "prompt_weeks",
    "prompt_weeks_answered",
    "messages",
    "reflections_asked",
    "reflections",
    "reflection_weeks_answered",
    "skills_profile",
    "skill_ratings",
    "mentor_feedback",
    "activities",
    "hours",
    "expectations_acknowledged",
    "checkins_answered",
    "checkins_asked",
    "permission_form",
]


def cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text, never runs (formulas) and never hides (bidi)."""
    return csv_cell("" if value is None else str(value))


def _day(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else ""


def row_values(r: StudentCredit) -> list[object]:
    return [
        r.name,
        r.key,
        r.grade or "",
        "; ".join(r.matches),
        "; ".join(r.mentors),
        r.prompt_weeks,
        r.prompt_weeks_answered,
        r.messages,
        r.reflections_asked,
        r.reflections,
        r.reflection_weeks_answered,
        r.skills,
        r.skill_ratings,
        r.feedback,
        r.activities,
        r.hours,
        _day(r.expectations_acknowledged),
        r.checkins_answered,
        r.checkins_asked,
        r.permission_form,
    ]


def _head(writer: csv.writer, meta: ExportMeta, title: str) -> None:  # type: ignore[valid-type]
    for note in (
        f"# {meta.program_name} — {title}",
        f"# Period: {meta.period}; exported {meta.exported_at} by {meta.exported_by}",
        f"# {meta.verification}",
    ):
        writer.writerow([cell(note)])  # type: ignore[attr-defined]


def program_csv(meta: ExportMeta, report: ProgramCredit) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    _head(writer, meta, "participation and credit report")
    writer.writerow(COLUMNS)
    for r in report.students:
        writer.writerow([cell(v) for v in row_values(r)])
    return out.getvalue()


def student_csv(meta: ExportMeta, detail: StudentDetail) -> str:
    """The student's counts, then one row per piece of evidence: section, date, item, detail."""
    out = io.StringIO()
    writer = csv.writer(out)
    _head(writer, meta, f"participation and credit report of {detail.row.name} ({detail.row.key})")
    writer.writerow(["section", "date", "item", "detail"])
    for name, value in zip(COLUMNS, row_values(detail.row), strict=True):
        writer.writerow(["summary", "", cell(name), cell(value)])
    for r in detail.reflections:
        writer.writerow(
            [
                "reflection",
                _day(r.at),
                cell(r.question or "(free reflection)"),
                cell(f"[{r.source}] {r.text}"),
            ]
        )
    for h in detail.skills:
        for at, rating, by in h.ratings:
            writer.writerow(["skills profile", _day(at), cell(h.skill), cell(f"{rating} (by {by})")])
    for at, mentor, text in detail.feedback:
        writer.writerow(["mentor feedback", _day(at), cell(mentor), cell(text)])
    for day, title, kind, hours in detail.activities:
        writer.writerow(["activity", day.isoformat(), cell(title), cell(f"{kind}, {hours:g} h")])
    for term, answer, note in detail.checkins:
        writer.writerow(["check-in", "", cell(term), cell(f"{answer}: {note}" if note else answer)])
    return out.getvalue()


def _title(pdf: Document, meta: ExportMeta, title: str) -> None:
    write = pdf.multi_cell
    pdf.add_page()
    pdf.set_font(pdf.family, "B", 14)
    write(0, 7, pdf.t(meta.program_name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, "", 10)
    for text in (title, f"Period: {meta.period}", f"Exported {meta.exported_at} by {meta.exported_by}"):
        write(0, 5, pdf.t(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, "", 8)
    write(0, 4, pdf.t(meta.verification), new_x="LMARGIN", new_y="NEXT")
    write(
        0,
        4,
        pdf.t("mentorbot reports the evidence; the school decides the credit."),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)


def program_pdf(meta: ExportMeta, report: ProgramCredit) -> bytes:
    from bot.web.pdf import Document

    pdf = Document(meta, orientation="landscape")
    _title(pdf, meta, "Participation and credit report")
    pdf.set_font(pdf.family, "", 8)
    heads = (
        "Student",
        "Grade",
        "Mentor(s)",
        "Prompt weeks answered",
        "Messages",
        "Reflections",
        "Skills profile (first → latest)",
        "Activities",
        "Hours",
        "Expectations",
        "Check-ins",
    )
    with pdf.table(col_widths=(26, 10, 30, 17, 14, 17, 46, 14, 11, 20, 15), text_align="LEFT") as table:
        table.row([pdf.t(h) for h in heads])
        for r in report.students:
            table.row(
                [
                    pdf.t(v)
                    for v in (
                        f"{r.name} ({r.key})",
                        str(r.grade or ""),
                        ", ".join(r.mentors) or "—",
                        f"{r.prompt_weeks_answered} of {r.prompt_weeks}",
                        str(r.messages),
                        f"{r.reflections} ({r.reflection_weeks_answered} of {r.reflections_asked} asked)",
                        r.skills or "—",
                        str(r.activities),
                        f"{r.hours:g}",
                        _day(r.expectations_acknowledged) or "not yet",
                        f"{r.checkins_answered} of {r.checkins_asked}",
                    )
                ]
            )
    return bytes(pdf.output())


def student_pdf(meta: ExportMeta, detail: StudentDetail) -> bytes:
    from bot.web.pdf import Document

    pdf = Document(meta)
    r = detail.row
    _title(pdf, meta, f"Participation and credit report of {r.name} ({r.key})")
    write = pdf.multi_cell

    def section(name: str, lines: list[str]) -> None:
        pdf.set_font(pdf.family, "B", 11)
        write(0, 6, pdf.t(name), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(pdf.family, "", 9.5)
        for line in lines or ["None in this period."]:
            write(0, 5, pdf.t(line), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)

    section(
        "Summary",
        [
            f"{name.replace('_', ' ')}: {value}"
            for name, value in zip(COLUMNS[2:], row_values(r)[2:], strict=True)
        ],
    )
    section(
        "Reflections",
        [
            f"{_day(x.at)} [{x.source}] {('Q: ' + x.question + ' — ') if x.question else ''}{x.text}"
            for x in detail.reflections
        ],
    )
    section(
        "Employability Skills Profile",
        [
            f"{h.skill}: " + ", ".join(f"{rating} ({_day(at)})" for at, rating, _by in h.ratings)
            for h in detail.skills
            if h.ratings
        ],
    )
    section("Mentor feedback", [f"{_day(at)} {mentor}: {text}" for at, mentor, text in detail.feedback])
    section(
        "Activities",
        [f"{day.isoformat()} {title} ({kind}, {hours:g} h)" for day, title, kind, hours in detail.activities],
    )
    section(
        "Check-ins",
        [f"{term}: {answer}" + (f" — {note}" if note else "") for term, answer, note in detail.checkins],
    )
    return bytes(pdf.output())
