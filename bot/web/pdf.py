"""The printable PDF transcript (fpdf2, pure Python) with a Unicode TTF font when one is installed.

DejaVu Sans comes with Debian's ``fonts-dejavu-core``; without it the PDF falls back to the
built-in Helvetica and characters outside Latin-1 print as "?". Invisible/bidi characters are
replaced by visible markers before anything is drawn.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fpdf import FPDF

from bot.transcript import TranscriptLine, outcome_text
from bot.web.exports import ExportMeta
from bot.web.text import mark_invisibles

logger = logging.getLogger(__name__)

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/local/share/fonts")]


def _font_file(name: str) -> Path | None:
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    return None


class Document(FPDF):
    """A Letter page with the desk's font, the invisible-character markers and a footer (also used
    by the credit report, ``bot.year.credit_files``)."""

    def __init__(self, meta: ExportMeta, orientation: str = "portrait"):
        super().__init__(orientation=orientation, format="Letter")
        self.meta = meta
        regular, bold = _font_file("DejaVuSans.ttf"), _font_file("DejaVuSans-Bold.ttf")
        if regular is not None:
            self.add_font("Body", "", str(regular))
            self.add_font("Body", "B", str(bold or regular))
            self.family, self.unicode = "Body", True
        else:
            logger.warning("DejaVu Sans not found (apt-get install fonts-dejavu-core); PDF uses Helvetica")
            self.family, self.unicode = "Helvetica", False
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(16, 16, 16)

    def t(self, text: str) -> str:
        text = mark_invisibles(text)
        if not self.unicode:
            text = text.replace("⟦", "[[").replace("⟧", "]]").replace("—", "-")
            text = text.encode("latin-1", "replace").decode("latin-1")
        return text

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 7)
        self.cell(0, 5, self.t(f"{self.meta.program_name} · {self.meta.subject} · page {self.page_no()}"),
                  align="C")


def render(meta: ExportMeta, lines: list[tuple[str, TranscriptLine]],
           previous_text: dict[int, str] | None = None) -> bytes:
    previous_text = previous_text or {}
    pdf = Document(meta)
    pdf.add_page()
    write = pdf.multi_cell
    pdf.set_font(pdf.family, "B", 14)
    write(0, 7, pdf.t(meta.program_name), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, "", 10)
    for text in (f"Transcript of {meta.subject}", f"Period: {meta.period}",
                 f"Exported {meta.exported_at} by {meta.exported_by}"):
        write(0, 5, pdf.t(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.family, "", 8)
    write(0, 4, pdf.t(meta.verification), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if not lines:
        pdf.set_font(pdf.family, "", 10)
        write(0, 5, "No messages in this period.", new_x="LMARGIN", new_y="NEXT")
    for match_key, line in lines:
        pdf.set_font(pdf.family, "B", 9)
        label = {"edit": " · edited", "delete": " · deleted", "prompt": " · prompt",
                 "nudge": " · nudge"}.get(line.kind, "")
        head = (f"{line.at.replace('T', ' ')}  {line.sender} ({line.role or '?'}, "
                f"{line.platform}/{line.channel}) · {match_key}{label}")
        write(0, 5, pdf.t(head), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(pdf.family, "", 10)
        if line.id in previous_text:
            write(0, 5, pdf.t(f"was: {previous_text[line.id]}"), new_x="LMARGIN", new_y="NEXT")
        write(0, 5, pdf.t(line.text or "(no text)"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(pdf.family, "", 8)
        verdict = f"decision: {line.decision}" + (" · ALERT" if line.alert else "")
        if line.rules:
            verdict += f" · rules: {', '.join(line.rules)}"
        write(0, 4, pdf.t(verdict), new_x="LMARGIN", new_y="NEXT")
        if outcome := outcome_text(line):
            write(0, 4, pdf.t(outcome), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    return bytes(pdf.output())
