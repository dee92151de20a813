"""Reviewing my words as flashcards: Space shows the answer, 1–4 grade it, Esc stops."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from library.study.review import RATING_NAMES, DueCard, Review
from library.study.words import Word, form_in
from reader.ui.themes import Theme


def _bold_word(sentence: str, word: Word) -> str:
    """The sentence with the word in bold, in the form the sentence has it."""
    span = form_in(sentence, word)
    if span is None:
        return html.escape(sentence)
    start, end = span
    return f"{html.escape(sentence[:start])}<b>{html.escape(sentence[start:end])}</b>{html.escape(sentence[end:])}"


class FlashcardDialog(QDialog):
    """One card at a time from the words due now."""

    graded = Signal(int, int)  # word id, grade

    def __init__(
        self, parent: QWidget, review: Review, tr: Callable[[str], str], theme: Theme, families: list[str]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FlashcardDialog")
        self.review, self._tr, self.theme = review, tr, theme
        self.setWindowTitle(tr("Review my words"))
        self.cards: list[DueCard] = review.due()
        self.index = 0
        self.flipped = False
        self.done_count = 0
        self.counter = QLabel(self)
        self.counter.setObjectName("FlashcardCounter")
        self.front = QLabel(self)
        self.front.setObjectName("FlashcardFront")
        self.back = QLabel(self)
        self.back.setObjectName("FlashcardBack")
        for label in (self.front, self.back):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            font = label.font()
            font.setFamilies(families)
            font.setPointSizeF(font.pointSizeF() * 1.25)
            label.setFont(font)
        self.show_button = QPushButton(tr("Show answer (Space)"), self)
        self.show_button.setObjectName("FlashcardShow")
        self.show_button.clicked.connect(self.flip)
        self.grade_buttons: dict[int, QPushButton] = {}
        row = QHBoxLayout()
        for grade in RATING_NAMES:
            button = QPushButton(self)
            button.setObjectName(f"FlashcardGrade{grade}")
            button.clicked.connect(lambda _c=False, g=grade: self.grade(g))
            self.grade_buttons[grade] = button
            row.addWidget(button)
        self.help = QLabel(tr("Space: show answer · 1 Again · 2 Hard · 3 Good · 4 Easy · Esc: stop"), self)
        self.help.setObjectName("FlashcardHelp")
        self.help.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(self.counter)
        layout.addWidget(self.front, 1)
        layout.addWidget(self.back, 1)
        layout.addWidget(self.show_button)
        layout.addLayout(row)
        layout.addWidget(self.help)
        self.setStyleSheet(
            f"#FlashcardDialog {{ background: {theme.base}; }}"
            f" #FlashcardFront, #FlashcardBack {{ color: {theme.text}; }}"
            f" #FlashcardCounter, #FlashcardHelp {{ color: {theme.muted}; }}"
        )
        self.resize(620, 460)
        self._show_card()

    def current(self) -> DueCard | None:
        """The card on screen."""
        return self.cards[self.index] if self.index < len(self.cards) else None

    def _show_card(self) -> None:
        card = self.current()
        tr = self._tr
        self.flipped = False
        self.back.hide()
        if card is None:
            self.counter.setText("")
            message = (
                tr("All done for now: {n} reviewed.").format(n=self.done_count)
                if self.done_count
                else tr("Nothing is due. Well done!")
            )
            self.front.setText(f"<p style='font-size:x-large'>{html.escape(message)}</p>")
            self.show_button.hide()
            for button in self.grade_buttons.values():
                button.hide()
            return
        word = card.word
        self.counter.setText(tr("{i} of {n}").format(i=self.index + 1, n=len(self.cards)))
        front = f"<p style='font-size:xx-large; font-weight:600'>{html.escape(word.text)}</p>"
        if word.sentence:
            front += f"<p>{_bold_word(word.sentence, word)}</p>"
        self.front.setText(front)
        muted = self.theme.muted
        back = []
        if word.sentence_translation:
            back.append(f"<p style='color:{self.theme.translation_fg}'>{html.escape(word.sentence_translation)}</p>")
        if word.gloss:
            back.append(f"<p style='font-size:large'>{html.escape(word.gloss)}</p>")
        if word.lemma != word.text.lower():
            back.append(f"<p style='color:{muted}'>{html.escape(tr('lemma'))}: {html.escape(word.lemma)}</p>")
        if word.note:
            back.append(f"<p style='color:{muted}'>{html.escape(word.note)}</p>")
        self.back.setText("".join(back) or f"<p style='color:{muted}'>{html.escape(tr('(no gloss saved)'))}</p>")
        preview = self.review.preview(word.id)
        for grade, button in self.grade_buttons.items():
            button.setText(f"{grade} {tr(RATING_NAMES[grade])} · {preview[grade]}")
            button.hide()
        self.show_button.show()

    def flip(self) -> None:
        """Show the answer."""
        if self.current() is None or self.flipped:
            return
        self.flipped = True
        self.back.show()
        self.show_button.hide()
        for button in self.grade_buttons.values():
            button.show()

    def grade(self, grade: int) -> None:
        """Grade the card on screen and go to the next."""
        card = self.current()
        if card is None or not self.flipped:
            return
        self.review.grade(card.word.id, grade)
        self.done_count += 1
        self.graded.emit(card.word.id, grade)
        self.index += 1
        self._show_card()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.flipped:
            self.flip()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_4 and self.flipped:
            self.grade(int(key - Qt.Key.Key_0))
        else:
            super().keyPressEvent(event)
