"""The teacher's level report of a lesson: its level bar (A1…C2 share of running words), readability
grade, and the words above a chosen level with their Japanese glosses as a pre-teach list; printed
to PDF with the handouts' machinery. Lesson text is escaped into the report, never read as markup."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QWidget

from library.model import Lesson
from library.study.difficulty import Difficulty
from library.study.glosses import Gloss, Lookup, words_above
from library.study.levels import LEVELS, UNLISTED, TextLevels, level_text
from reader.teaching.handout import html_document, print_pdf

# One colour per level, easiest lightest; the bar prints in grey on a black-and-white printer too.
BAR_COLOURS = {"A1": "#d9ecd0", "A2": "#b5dba5", "B1": "#f6e3a1", "B2": "#f2c27b", "C1": "#e8936b", "C2": "#c9584c",
               UNLISTED: "#dddddd"}
DEFAULT_LEVEL = "B1"


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def english_blocks(lesson: Lesson) -> list[tuple[int, str]]:
    """(index, text) of the lesson's English paragraphs (headings are not levelled)."""
    return [(i, b.text) for i, b in enumerate(lesson.blocks) if b.kind != "heading"]


def ask_level(parent: QWidget | None, title: str, label: str, current: str = DEFAULT_LEVEL) -> str | None:
    """The class's level, chosen from A1…C1 (the words above it are listed or blanked)."""
    choices = list(LEVELS[:-1])
    level, ok = QInputDialog.getItem(parent, title, label, choices, choices.index(current), False)
    return level if ok and level in choices else None


def level_bar(levels: TextLevels | Difficulty) -> str:
    """The level profile as a row of cells as wide as each level's share, labelled with it."""
    total = max(1, levels.words)
    cells: list[str] = []
    legend: list[str] = []
    for name in (*LEVELS, UNLISTED):
        count = levels.counts.get(name, 0)
        if not count:
            continue
        share = 100 * count / total
        label = "–" if name == UNLISTED else name
        # a narrow cell stays bare (its label would wrap letter by letter): the legend names it
        text = label if share >= 8 else ""
        cells.append(f"<td width='{max(1, round(share))}%' bgcolor='{BAR_COLOURS[name]}' align='center'>{text}</td>")
        legend.append(f"{label} {share:.0f}%")
    return ("<table border='0' cellspacing='0' cellpadding='5' width='100%'><tr>" + "".join(cells)
            + "</tr></table><p>" + _esc(" · ".join(legend)) + "</p>")


def report_html(lesson: Lesson, level: str, words: list[Gloss], levels: TextLevels | Difficulty, ja: str | None,
                body: str, labels: dict[str, str]) -> str:
    """The report as rich text for the handouts' document; `labels` are its headings in the interface language."""
    ja_font = f"'{ja}'" if ja else "sans-serif"
    parts = [
        "<html><head><style>"
        f"body {{ font-family: '{body}', {ja_font}; }}"
        "h1 { font-size: 18pt; margin-bottom: 4pt; } h2 { font-size: 13pt; margin-top: 12pt; }"
        f"td.ja {{ font-family: {ja_font}, '{body}'; }}"
        "</style></head><body>",
        f"<h1>{_esc(lesson.title)} — {_esc(labels['title'])}</h1>",
        f"<h2>{_esc(labels['profile'])}</h2>",
        level_bar(levels),
        f"<p>{_esc(labels['words'])}: {levels.words}\u2003{_esc(labels['names'])}: {levels.names}\u2003"
        f"{_esc(labels['grade'])}: {levels.grade:.1f}</p>",
        f"<h2>{_esc(labels['above'].format(level=level))} ({len(words)})</h2>",
    ]
    if words:
        rows = "".join(
            f"<tr><td><b>{_esc(g.word.lower() if not g.word.isupper() else g.word)}</b></td>"
            f"<td>{_esc(g.level or '')}</td><td class='ja'>{_esc(g.text) or '—'}</td></tr>"
            for g in words
        )
        parts.append("<table border='1' cellspacing='0' cellpadding='4' width='100%' style='border-color:#888'>"
                     f"<tr><th align='left'>{_esc(labels['word'])}</th><th align='left'>{_esc(labels['level'])}</th>"
                     f"<th align='left'>{_esc(labels['gloss'])}</th></tr>{rows}</table>")
    else:
        parts.append(f"<p>{_esc(labels['none'])}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_report(lesson: Lesson, level: str, lookup: Lookup | None, path: Path, labels: dict[str, str],
                 stored: Difficulty | None = None) -> list[Gloss]:
    """Write the level report to `path` as a PDF; returns the pre-teach words it lists. Its counts
    are the library's stored ones (`stored`) where given, as `show --levels` and the Difficulty
    column print them, so the three never disagree; the lesson's text is levelled only without them."""
    blocks = english_blocks(lesson)
    levels: TextLevels | Difficulty = stored if stored is not None else level_text([text for _i, text in blocks])
    words = words_above(blocks, level, lesson.glossary, lookup)
    doc = html_document(lambda ja, body: report_html(lesson, level, words, levels, ja, body, labels))
    print_pdf(doc, path, f"{lesson.title} — {labels['title']}")
    return words
