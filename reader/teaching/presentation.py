"""Presentation mode: a lesson full screen on a chosen screen, one paragraph in focus, for a class.

Keys (what a presentation clicker sends too): Right/Down/PageDown next paragraph,
Left/Up/PageUp previous, T reveal or hide the translation, N show or hide the paragraph's
notes, Q quiz (blank the word-list words), Space reveal the next blank, Esc leave.
"""

from __future__ import annotations

import html
from collections import defaultdict

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from library.model import Lesson
from reader.article.document import translation_lang
from reader.teaching.blanks import Gap, lesson_gaps
from reader.ui.safe_text import SafeDocument
from reader.ui.themes import Theme

CONTEXT_BEFORE, CONTEXT_AFTER = 1, 3  # paragraphs shown (dimmed) around the one in focus
BLANK = "\u2007" * 2 + "＿＿＿" + "\u2007" * 2


def _mix(fg: str, bg: str, amount: float) -> str:
    """A colour `amount` of the way from bg to fg (dimmed text that stays legible on a projector)."""
    a, b = QColor(fg), QColor(bg)
    return QColor(
        round(b.red() + (a.red() - b.red()) * amount),
        round(b.green() + (a.green() - b.green()) * amount),
        round(b.blue() + (a.blue() - b.blue()) * amount),
    ).name()


class PresentationView(QWidget):
    """The lesson on a projector: large type, the focused paragraph bright, the rest dimmed."""

    closed = Signal(int)  # the paragraph in focus when the tutor left

    def __init__(self, lesson: Lesson, theme: Theme, body_family: str, ja_family: str | None, start: int = -1) -> None:
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
        layout.addWidget(self.view)
        self.setStyleSheet(f"#Presentation {{ background: {theme.base}; }}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pixel_size = 32

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
        return "".join(out)

    def redraw(self) -> None:
        """Lay out the paragraphs around the focus (dimmed), the focused one bright, and scroll to it."""
        t = self.theme
        dim = _mix(t.text, t.base, 0.35)
        px = self.pixel_size
        families = ", ".join(f"'{f}'" for f in self.families)
        ja_first = ", ".join(f"'{f}'" for f in reversed(self.families))
        end_mark = -1
        parts = [f'<html><body style="font-family:{families}; font-size:{px}px; color:{t.text}">']
        if self.focus_index < 0:
            parts.append(f"<h1>{html.escape(self.lesson.title)}</h1>")
        else:
            at = self.order.index(self.focus_index)
            first = self.order[max(0, at - CONTEXT_BEFORE)]
            last = self.order[min(len(self.order) - 1, at + CONTEXT_AFTER)]
            if at == 0:
                parts.append(
                    f"<p style='font-size:{int(px * 1.25)}px; font-weight:700; color:{dim}'>"
                    f"{html.escape(self.lesson.title)}</p>"
                )
            for index in range(first, last + 1):
                block = self.lesson.blocks[index]
                focused = index == self.focus_index
                colour = t.text if focused else dim
                if block.kind == "heading":
                    parts.append(
                        f"<p style='font-weight:700; color:{dim}; margin-top:{px // 2}px'>{html.escape(block.text)}</p>"
                    )
                    continue
                name = "<a name='focus'></a>" if focused else ""
                parts.append(
                    f"<p style='color:{colour}; line-height:135%; margin-bottom:{px // 2}px'>{name}"
                    f"{self._paragraph_html(index, focused)}</p>"
                )
                if focused and index in self.translation_shown:
                    tr = block.translation(self.lang) if self.lang else block.translation()
                    shown = tr or "—"
                    parts.append(
                        f"<p style='font-family:{ja_first}; font-size:{int(px * 0.85)}px; "
                        f"color:{t.translation_fg}; background:{t.translation_bg}; "
                        f"margin-left:{px}px; margin-bottom:{px // 2}px'>{html.escape(shown)}</p>"
                    )
                if focused and self.notes_shown:
                    for note in self.lesson.notes:
                        if note.anchor is not None and note.anchor.block == index:
                            head = html.escape(f"{note.marker} {note.label}".strip())
                            body = "<br>".join(html.escape(p) for p in note.paragraphs)
                            parts.append(
                                f"<p style='font-family:{ja_first}; font-size:{int(px * 0.7)}px; "
                                f"color:{t.text}; margin-left:{px}px'><b style='color:{t.accent}'>"
                                f"{head}</b><br>{body}</p>"
                            )
                if focused:
                    end_mark = len(parts)
        if end_mark >= 0:  # where the focused material ends: the start of what follows it
            parts.insert(end_mark, "<p style='margin:0; font-size:1px'><a name='focus_end'></a></p>")
        parts.append("</body></html>")
        self.view.setHtml("".join(parts))
        self.view.document().setDocumentMargin(px / 2)
        font = QFont()
        font.setFamilies(self.families)
        font.setPixelSize(px)
        self.view.document().setDefaultFont(font)
        bar = self.view.verticalScrollBar()
        self.view.scrollToAnchor("focus_end")
        end = bar.value() + px * 2  # where what belongs to the focus ends (at most the bottom)
        self.view.scrollToAnchor("focus")
        top, height = bar.value(), self.view.viewport().height()
        value = top - int(height * 0.2)  # the focus a fifth of the way down…
        if end > value + height:  # …unless its translation or notes would then fall off the screen
            value = min(top - px // 2, end - height)
        bar.setValue(max(0, value))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit(self.focus_index)
        super().closeEvent(event)
