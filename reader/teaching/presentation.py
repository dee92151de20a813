"""Presentation mode: a lesson full screen on a chosen screen, one paragraph in focus, for a class.

Keys (what a presentation clicker sends too): Right/Down/PageDown next paragraph,
Left/Up/PageUp previous, Home the first paragraph, End the last, T reveal or hide the translation,
N show or hide the paragraph's notes, Q quiz (blank the word-list words), Space reveal the next
blank, Esc leave.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QKeyEvent,
    QResizeEvent,
    QScreen,
    QTextDocument,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from library.model import Lesson
from reader.article.document import translation_lang
from reader.teaching.blanks import Gap, lesson_gaps
from reader.ui.safe_text import SafeDocument
from reader.ui.themes import Theme, contrast, mix

CONTEXT_BEFORE, CONTEXT_AFTER = 1, 3  # paragraphs shown (dimmed) around the one in focus
BLANK = "\u2007" * 2 + "＿＿＿" + "\u2007" * 2
MIN_PX = 18  # the smallest type still read from the back of a room
LINE_HEIGHT = 135  # line pitch of a paragraph, in per cent of the font's line
JA_LINE_HEIGHT = 1.55  # line pitch of a translation, in font sizes: Japanese wants more air than English
BOX_PADDING = 0.5  # the translation box's inner padding, in font sizes
NO_TRANSLATION = "No translation for this paragraph."
NO_NOTES = "No notes for this paragraph."
NO_QUESTIONS = "No questions for this lesson."
KEYS_HINT = "← → move   Home start   T translation   N notes   Q quiz   Space next blank   Esc leave"
DIM_CONTRAST = 4.6  # text out of focus is still text a class reads: 4.5:1, and a little to spare for rounding


def dim_colour(theme: Theme) -> str:
    """The colour of the paragraphs around the focused one: as faint as still reads at 4.5:1."""
    amount = 0.35
    while amount < 1 and contrast(mix(theme.text, theme.base, amount), theme.base) < DIM_CONTRAST:
        amount += 0.01
    return mix(theme.text, theme.base, min(amount, 1.0))


class PresentationView(QWidget):
    """The lesson on a projector: large type, the focused paragraph bright, the rest dimmed."""

    closed = Signal(int)  # the paragraph in focus when the tutor left

    def __init__(
        self,
        lesson: Lesson,
        theme: Theme,
        body_family: str,
        ja_family: str | None,
        start: int = -1,
        tr: Callable[[str], str] = str,
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("Presentation")
        self.setWindowTitle(lesson.title)
        self.lesson, self.theme = lesson, theme
        self.families = [body_family] + ([ja_family] if ja_family else [])
        self.order = [i for i, b in enumerate(lesson.blocks) if b.kind == "paragraph"]
        self.focus_index = start if start in self.order else (self.order[0] if self.order else -1)
        self.translation_shown: set[int] = set()
        self.notes_shown = False
        self.quiz = False
        self.gaps: dict[int, list[Gap]] = defaultdict(list)
        self.revealed: set[Gap] = set()
        self.lang = translation_lang(lesson, None)
        self.tr_ = tr
        self.title_label, self.where_label, self.hint_label = QLabel(self), QLabel(self), QLabel(self)
        for label in (self.title_label, self.where_label, self.hint_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # a lesson's title is text, never markup
        self.where_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title_translation_shown = False  # a click on the title shows its translation beside it
        self.title_label.installEventFilter(self)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view = QTextBrowser(self)
        self.view.setObjectName("PresentationText")
        self.view.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setOpenLinks(False)
        self.view.setDocument(SafeDocument(self.view))  # loads no file an <img> in the lesson might name
        self.view.setStyleSheet(f"QTextBrowser {{ background: {theme.base}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.where_label)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint_label)
        self.setStyleSheet(f"#Presentation {{ background: {theme.base}; }}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pixel_size = 32

    # --- following the lesson ---------------------------------------------------------
    def refresh(self, lesson: Lesson) -> None:
        """Show the lesson as read again (renamed, a translation edited) on the same paragraph."""
        self.lesson = lesson
        self.setWindowTitle(lesson.title)
        self.order = [i for i, b in enumerate(lesson.blocks) if b.kind == "paragraph"]
        if self.focus_index not in self.order:  # the paragraph went: the nearest one before it
            before = [i for i in self.order if i < self.focus_index]
            self.focus_index = before[-1] if before else (self.order[0] if self.order else -1)
        self.translation_shown &= set(self.order)
        self.lang = translation_lang(lesson, None)
        revealed = set(self.revealed)
        self.gaps.clear()
        if self.quiz:  # the blanks of the text as it is now; those revealed stay revealed
            for gap in lesson_gaps(lesson):
                self.gaps[gap.block].append(gap)
        self.revealed = {g for gaps in self.gaps.values() for g in gaps if g in revealed}
        self.redraw()

    def restyle(self, theme: Theme) -> None:
        """Show in another theme (the window's changed)."""
        self.theme = theme
        self.view.setStyleSheet(f"QTextBrowser {{ background: {theme.base}; }}")
        self.setStyleSheet(f"#Presentation {{ background: {theme.base}; }}")
        self.redraw()

    # --- showing ---------------------------------------------------------------------
    def present_on(self, screen: QScreen, full_screen: bool = True) -> None:
        """Show full screen on `screen`, with type sized to fill it."""
        self.setScreen(screen)
        geometry = screen.geometry()
        self.setGeometry(geometry)
        self.fit_type(geometry.width(), geometry.height())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def fit_type(self, width: int, height: int) -> None:
        """Type large enough to read from the back of a room: about 13 lines to the screen, ~45 characters a line."""
        self.pixel_size = max(18, min(int(height / 13), int(width / 27)))
        margin = max(24, int(width * 0.08))
        self.view.setViewportMargins(margin, int(height * 0.04), margin, int(height * 0.04))
        self.redraw()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.redraw()

    def focused_text(self) -> str:
        """The focused paragraph as shown (blanks included)."""
        if self.focus_index < 0:
            return ""
        return self._paragraph_plain(self.focus_index)

    def visible_text(self) -> str:
        """Everything on the screen now, as plain text."""
        return self.view.document().toPlainText()

    # --- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.step_focus(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            self.step_focus(-1)
        elif key == Qt.Key.Key_Home:
            self.step_focus(-len(self.order))
        elif key == Qt.Key.Key_End:
            self.step_focus(len(self.order))
        elif key == Qt.Key.Key_T:
            self.toggle_translation()
        elif key == Qt.Key.Key_N:
            self.notes_shown = not self.notes_shown
            self.redraw()
        elif key == Qt.Key.Key_Q:
            self.set_quiz(not self.quiz)
        elif key == Qt.Key.Key_Space:
            self.reveal_next()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def step_focus(self, step: int) -> None:
        """Focus the paragraph `step` paragraphs on (clamped to the lesson)."""
        if not self.order:
            return
        at = self.order.index(self.focus_index)
        self.focus_index = self.order[min(max(at + step, 0), len(self.order) - 1)]
        self.notes_shown = False
        self.redraw()

    def toggle_translation(self) -> None:
        """Reveal (or hide again) the focused paragraph's translation."""
        if self.focus_index in self.translation_shown:
            self.translation_shown.discard(self.focus_index)
        else:
            self.translation_shown.add(self.focus_index)
        self.redraw()

    def set_quiz(self, on: bool) -> None:
        """Blank the word-list words (every inflected form) in the text, or show them all again."""
        self.quiz = on
        self.revealed.clear()
        self.gaps.clear()
        if on:
            for gap in lesson_gaps(self.lesson):
                self.gaps[gap.block].append(gap)
        self.redraw()

    def reveal_next(self) -> None:
        """Reveal the focused paragraph's next blank; with none left, go on to the next paragraph."""
        hidden = [g for g in self.gaps.get(self.focus_index, []) if g not in self.revealed]
        if self.quiz and hidden:
            self.revealed.add(hidden[0])
            self.redraw()
        else:
            self.step_focus(1)

    def hidden_count(self) -> int:
        """Blanks still hidden in the focused paragraph."""
        return len([g for g in self.gaps.get(self.focus_index, []) if g not in self.revealed])

    # --- drawing ------------------------------------------------------------------------------
    def _paragraph_plain(self, index: int) -> str:
        text = self.lesson.blocks[index].text
        out, pos = [], 0
        for gap in self.gaps.get(index, []):
            out.append(text[pos : gap.start])
            out.append(text[gap.start : gap.end] if gap in self.revealed else BLANK)
            pos = gap.end
        return "".join(out) + text[pos:]

    def _paragraph_html(self, index: int, focused: bool) -> str:
        text = self.lesson.blocks[index].text
        t = self.theme
        out, pos = [], 0
        for gap in self.gaps.get(index, []):
            out.append(html.escape(text[pos : gap.start]))
            word = html.escape(text[gap.start : gap.end])
            if gap in self.revealed:
                out.append(f"<span style='color:{t.accent}; font-weight:600'><u>{word}</u></span>")
            else:
                out.append(f"<span style='color:{t.accent}'>{BLANK}</span>")
            pos = gap.end
        out.append(html.escape(text[pos:]))
        # dimmed neighbours stay legible, so the focused paragraph is told apart by its weight too
        return f"<span style='font-weight:600'>{''.join(out)}</span>" if focused else "".join(out)

    def _translation_html(self, index: int) -> str:
        t, px = self.theme, self.pixel_size
        block = self.lesson.blocks[index]
        tr = block.translation(self.lang) if self.lang else block.translation()
        ja_first = ", ".join(f'"{f}"' for f in reversed(self.families))  # inside style='…'
        if not tr:  # said in words: a dash on a projector reads as a glitch
            return (
                f"<p style='font-size:{int(px * 0.7)}px; font-style:italic; color:{t.muted}; "
                f"margin-left:{px}px; margin-bottom:{px // 2}px'>{html.escape(self.tr_(NO_TRANSLATION))}</p>"
            )
        size = int(px * 0.85)
        font = QFont()
        font.setFamilies(list(reversed(self.families)))
        font.setPixelSize(size)
        natural = QFontMetrics(font).height()  # Qt's line height is a share of the font's own line, not of its size
        height = max(100, round(100 * JA_LINE_HEIGHT * size / natural))
        pad = round(size * BOX_PADDING)
        lines = "<br>".join(html.escape(line) for line in tr.split("\n"))
        return (
            f"<table width='100%' cellspacing='0' cellpadding='0' bgcolor='{t.translation_bg}' "
            f"style='margin-left:{px}px; margin-bottom:{px // 2}px; border-style:none'><tr>"
            f"<td style='padding:{pad}px'>"  # a table's cell: the one box Qt's rich text pads
            f"<p style='font-family:{ja_first}; font-size:{size}px; color:{t.translation_fg}; margin:0; "
            f"line-height:{height}%'>{lines}</p></td></tr></table>"
        )

    def _notes_html(self, index: int) -> list[str]:
        t, px = self.theme, self.pixel_size
        ja_first = ", ".join(f'"{f}"' for f in reversed(self.families))  # inside style='…'
        out = []
        for note in self.lesson.notes:
            if note.anchor is not None and note.anchor.block == index:
                head = html.escape(f"{note.marker} {note.label}".strip())
                body = "<br>".join(html.escape(p) for p in note.paragraphs)
                out.append(
                    f"<p style='font-family:{ja_first}; font-size:{int(px * 0.7)}px; "
                    f"color:{t.text}; margin-left:{px}px'><b style='color:{t.accent}'>"
                    f"{head}</b><br>{body}</p>"
                )
        if not out:  # N must answer: silence reads as a key that did not work
            out.append(
                f"<p style='font-size:{int(px * 0.7)}px; font-style:italic; color:{t.muted}; "
                f"margin-left:{px}px; margin-bottom:{px // 2}px'>{html.escape(self.tr_(NO_NOTES))}</p>"
            )
        return out

    def _block_html(self, index: int, focused: bool) -> list[str]:
        """A block as shown: the focused paragraph bright with what was revealed under it, others dimmed."""
        t, px = self.theme, self.pixel_size
        dim = dim_colour(t)
        block = self.lesson.blocks[index]
        if block.kind == "heading":
            # a heading opens the next section: greyed, it read as the end of the paragraph above
            return [f"<p style='font-weight:700; color:{t.text}; margin-top:{px}px'>{html.escape(block.text)}</p>"]
        colour = t.text if focused else dim
        # a dimmed paragraph keeps a line of space from the focused material, so the two never touch
        gap = self._paragraph_gap()
        room = "" if focused else (f"margin-top:{gap}px; " if index > self.focus_index else "")
        bottom = gap if not focused and index < self.focus_index else px // 2
        out = [
            f"<p style='color:{colour}; line-height:{LINE_HEIGHT}%; {room}margin-bottom:{bottom}px'>"
            f"{self._paragraph_html(index, focused)}</p>"
        ]
        if focused and index in self.translation_shown:
            out.append(self._translation_html(index))
        if focused and self.notes_shown:
            out += self._notes_html(index)
        if focused and self.quiz and not self.gaps:  # Q must answer: silence reads as a key that did not work
            out.append(
                f"<p style='font-size:{int(px * 0.7)}px; font-style:italic; color:{t.muted}; "
                f"margin-left:{px}px; margin-bottom:{px // 2}px'>{html.escape(self.tr_(NO_QUESTIONS))}</p>"
            )
        return out

    def _line(self) -> int:
        """One line of the body type, in pixels: the blank kept between dimmed and focused text."""
        return math.ceil(QFontMetricsF(self._font()).height())

    def _paragraph_gap(self) -> int:
        """The margin that leaves a line blank between two paragraphs (their line height already adds some)."""
        return math.ceil(self._line() * (1 - (LINE_HEIGHT - 100) / 100))

    def _height_of(self, parts: list[str], width: float) -> float:
        """How tall `parts` lay out at `width` with the view's font and margins."""
        doc = QTextDocument()
        doc.setDefaultFont(self._font())
        doc.setDocumentMargin(self.pixel_size / 2)
        doc.setTextWidth(width)
        doc.setHtml(self._wrap(parts))
        return doc.size().height()

    def _font(self) -> QFont:
        font = QFont()
        font.setFamilies(self.families)
        font.setPixelSize(self.pixel_size)
        return font

    def _wrap(self, parts: list[str]) -> str:
        families = ", ".join(f"'{f}'" for f in self.families)
        return (
            f'<html><body style="font-family:{families}; font-size:{self.pixel_size}px; color:{self.theme.text}">'
            + "".join(parts)
            + "</body></html>"
        )

    def _screenful(self, width: float, height: float) -> list[str]:
        """The focused paragraph with what was revealed under it, then as much context as fits whole.

        Only whole blocks are shown, so no line is cut at the screen's edges and what was
        revealed is always on screen (the paragraph before is dropped first to make room)."""
        at = self.order.index(self.focus_index)
        focus = self._block_html(self.focus_index, True)
        before: list[str] = []
        if at > 0:
            first = self.order[max(0, at - CONTEXT_BEFORE)]
            for index in range(first, self.focus_index):
                before += self._block_html(index, False)
        if at == 0:
            dim = dim_colour(self.theme)
            before = [
                f"<p style='font-size:{int(self.pixel_size * 1.25)}px; font-weight:700; color:{dim}; "
                f"margin-bottom:{self._line()}px'>"
                f"{html.escape(self.lesson.title)}</p>"
            ]
        parts = before + focus if self._height_of(before + focus, width) <= height else focus
        last = self.order[min(len(self.order) - 1, at + CONTEXT_AFTER)]
        for index in range(self.focus_index + 1, last + 1):
            more = parts + self._block_html(index, False)
            if self._height_of(more, width) > height:
                break
            parts = more
        return parts

    def redraw(self) -> None:
        """Lay out the focused paragraph (and what was revealed under it) with the context that fits around it."""
        px = self.pixel_size
        self._update_bars()
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the bars' heights decide the room the text has
        width, height = self._room()
        if self.focus_index < 0:
            parts = [f"<h1>{html.escape(self.lesson.title)}</h1>"]
        else:
            parts = self._screenful(width, height)
            # the focused material alone taller than the screen: smaller type, never cut text
            while self._height_of(parts, width) > height and self.pixel_size > MIN_PX:
                self.pixel_size = max(MIN_PX, int(self.pixel_size * 0.9))
                parts = self._screenful(width, height)
        self.view.document().setDocumentMargin(self.pixel_size / 2)
        self.view.document().setDefaultFont(self._font())
        self.view.setHtml(self._wrap(parts))
        self.view.verticalScrollBar().setValue(0)
        self.pixel_size = px  # the next paragraph starts again from the type sized to the screen

    def _room(self) -> tuple[int, int]:
        """The text's width and height on screen: the view less its margins (its viewport is sized only once shown)."""
        m = self.view.viewportMargins()
        frame = 2 * self.view.frameWidth()
        return (
            max(1, self.view.width() - frame - m.left() - m.right()),
            max(1, self.view.height() - frame - m.top() - m.bottom()),
        )

    def _update_bars(self) -> None:
        """The title and "paragraph n of N" above the text, the keys below it."""
        t, px = self.theme, self.pixel_size
        small = max(12, int(px * 0.45))
        font = self._font()
        font.setPixelSize(small)
        style = f"color: {dim_colour(t)}; padding: {small // 3}px {small}px"
        for label in (self.title_label, self.where_label, self.hint_label):
            label.setFont(font)
            label.setStyleSheet(style)
        metrics = QFontMetrics(font)
        metrics_width = max(100, self.width() - 4 * small - metrics.horizontalAdvance("Paragraph 00 of 00") * 2)
        title = self.lesson.title
        if self.title_translation_shown and self.lesson.title_translation:
            title = f"{title} — {self.lesson.title_translation}"
        self.title_label.setText(metrics.elidedText(title, Qt.TextElideMode.ElideRight, metrics_width))
        self.title_label.setToolTip(title if self.lesson.title_translation else "")
        if self.focus_index >= 0:
            n = self.order.index(self.focus_index) + 1
            self.where_label.setText(self.tr_("Paragraph {n} of {count}").format(n=n, count=len(self.order)))
        else:
            self.where_label.setText("")
        self.hint_label.setText(self.tr_(KEYS_HINT))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.title_label and event.type() == QEvent.Type.MouseButtonPress and \
                self.lesson.title_translation:
            self.title_translation_shown = not self.title_translation_shown
            self._update_bars()
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit(self.focus_index)
        super().closeEvent(event)
