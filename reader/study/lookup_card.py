"""The lookup card: a word's lemma, the lesson's glossary entry, the dictionary entry and the
learner's note, with buttons that save it to my words with a status."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from library.model import GlossaryEntry
from library.study.dictionary import INSTALL_HINT, Lookup
from library.study.levels import word_level_info
from library.study.words import STATUSES, Word
from reader.ui.hovercard import place_card
from reader.ui.themes import Theme, themed_icon

STATUS_WORDS = {"new": "New", "learning": "Learning", "known": "Known", "ignored": "Ignore"}


@dataclass
class CardContent:
    """Everything the card shows about one word."""

    text: str
    lemma: str
    found: Lookup
    glossary: list[GlossaryEntry] = field(default_factory=list)
    saved: Word | None = None
    sentence: str = ""
    building: bool = False
    share: float = 0.0  # how much of the dictionary's preparation is done, while building
    name: bool = False  # a name of a person, place or firm in the lesson: not levelled
    # the dictionary phrase the word stands in there ("bank manager") and its first sense, when it is one
    phrase: tuple[str, str] | None = None


# A frequency band as the card names it (≈ before a level marks it estimated from the band).
BAND_WORDS = {"1k": "top 1,000 words", "2k": "top 2,000 words", "5k": "top 5,000 words",
              "10k": "top 10,000 words", "rarer": "rarer than the top 10,000"}
HEADWORD_SCALE = 1.35  # Japanese headwords stand out from the English around them


def content_html(c: CardContent, tr: Callable[[str], str], theme: Theme, body_pt: float = 10.0) -> str:
    """The card's rich text above the note and the buttons (`body_pt`: the card's text size)."""
    muted = theme.muted
    big = f"font-size:{body_pt * HEADWORD_SCALE:.1f}pt"
    head = f"<span style='font-size:large; font-weight:600'>{html.escape(c.text)}</span>"
    if c.lemma and c.lemma != c.text.lower():
        head += f" &nbsp;<span style='color:{muted}'>{html.escape(tr('lemma'))}: {html.escape(c.lemma)}</span>"
    if c.name:  # as the level report and My words have it: names are not levelled
        line = tr("A name: not levelled")
        head += f"<br><span style='color:{muted}; font-size:small'>{html.escape(line)}</span>"
    elif " " not in c.text.strip():  # the word's level and frequency band, in one small line under the word
        info = word_level_info(c.text.strip())
        level = (("≈" if info.estimated else "") + info.level) if info.level else tr("unlisted")
        line = tr("Level {level} · {band}").format(level=level, band=tr(BAND_WORDS[info.band]))
        head += f"<br><span style='color:{muted}; font-size:small'>{html.escape(line)}</span>"
    parts = [f"<p style='margin:0 0 6px 0'>{head}</p>"]
    for g in c.glossary:
        pos = f" <i>{html.escape(g.pos)}</i>" if g.pos else ""
        rest = " — ".join(html.escape(x) for x in (g.definition, g.translation) if x)
        parts.append(
            f"<p style='margin:0 0 6px 0'><span style='color:{muted}'>{html.escape(tr('In this lesson'))}:</span>"
            f" <b>{html.escape(g.term)}</b>{pos} {rest}</p>"
        )
    if c.phrase is not None:  # one line: the phrase the word stands in, saved with the button under it
        text, sense = c.phrase
        parts.append(f"<p style='margin:0 0 6px 0'><span style='color:{muted}'>{html.escape(tr('Phrase'))}:</span>"
                     f" <b>{html.escape(text)}</b> <span style='{big}'>{html.escape(sense)}</span></p>")
    if c.found.senses:
        items = []
        for s in c.found.senses[:6]:
            reading = f"【{html.escape(s.reading)}】" if s.reading and s.reading != s.headword else ""
            source = (
                "" if s.source == "jmdict" else f" <span style='color:{muted}'>[{html.escape(s.source[5:])}]</span>"
            )
            pos = f" <i style='color:{muted}'>{html.escape(s.pos)}</i>" if s.pos else ""
            items.append(
                f"<li><span style='{big}; font-weight:600'>{html.escape(s.headword)}</span>{reading}{pos}"
                f" — {html.escape(s.gloss)}{source}</li>"
            )
        parts.append(f"<ul style='margin:0 0 4px -24px'>{''.join(items)}</ul>")
    elif not c.building:
        parts.append(f"<p style='color:{muted}; margin:0 0 4px 0'>{html.escape(tr('No dictionary entry.'))}</p>")
    if c.building:
        waiting = tr("The dictionary is being prepared ({n}%)…").format(n=int(c.share * 100))
        parts.append(f"<p style='color:{muted}; margin:0 0 4px 0'>{html.escape(waiting)}</p>")
    if c.found.jmdict == "missing":
        parts.append(
            f"<p style='color:{muted}; margin:2px 0 0 0'>"
            + html.escape(tr("The offline English→Japanese dictionary is not installed. Install it with:"))
            + f"<br><code>{html.escape(INSTALL_HINT)}</code></p>"
        )
    return "".join(parts)


class LookupCard(QFrame):
    """A popup card near the word; 1–4 (or the buttons) save it with a status, Esc closes."""

    save_requested = Signal(str, str)  # status, note
    note_kept = Signal(int, str)  # a saved word's id and the note typed for it, as the card closes
    remove_requested = Signal()
    speak_requested = Signal(str)
    phrase_requested = Signal()  # the phrase the word stands in, to look up and save in the word's place

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("LookupCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.content: CardContent | None = None
        self._tr: Callable[[str], str] = str
        self.body = QLabel(self)
        self.body.setObjectName("LookupCardText")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setFixedWidth(400)
        self.speak = QPushButton(self)
        self.speak.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume))
        self.speak.setObjectName("LookupSpeak")
        self.speak.setFixedWidth(36)
        self.speak.clicked.connect(lambda: self.speak_requested.emit(self.content.text if self.content else ""))
        self.speak.setEnabled(False)  # until the speech check says it can: it must not look usable when it is not
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("LookupNote")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(54)
        self._filled_note = ""  # what the note box was filled with: what differs was typed
        self.buttons: dict[str, QPushButton] = {}
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        row.setSpacing(4)
        for status in STATUSES:
            button = QPushButton(self)
            button.setObjectName(f"LookupStatus_{status}")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, s=status: self._save(s))
            self.group.addButton(button)
            self.buttons[status] = button
            row.addWidget(button)
        self.remove = QPushButton(self)
        self.remove.setObjectName("LookupRemove")
        self.remove.clicked.connect(self.remove_requested.emit)
        self.phrase = QPushButton(self)
        self.phrase.setObjectName("LookupPhrase")
        self.phrase.clicked.connect(self.phrase_requested.emit)
        self.phrase.setVisible(False)
        row.addStretch(1)
        row.addWidget(self.phrase)
        row.addWidget(self.remove)
        self.status = QLabel(self)
        self.status.setObjectName("LookupStatusText")
        top = QHBoxLayout()
        top.addWidget(self.body, 1)
        top.addWidget(self.speak, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.theme: Theme | None = None

    def apply_theme(self, theme: Theme, families: list[str]) -> None:
        """Colours and faces from the window's theme."""
        self.theme = theme
        self.setStyleSheet(
            f"#LookupCard {{ background: {theme.base}; border: 1px solid {theme.muted}; border-radius: 6px; }}"
            f"#LookupCard QLabel {{ color: {theme.text}; }}"
            # the note box stands out from the card in every theme (it was borderless on the dark card)
            f"#LookupCard QPlainTextEdit {{ background: {theme.window}; color: {theme.text};"
            f" border: 1px solid {theme.muted}; border-radius: 3px; }}"
        )
        self.speak.setIcon(themed_icon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaVolume), theme))
        font = self.body.font()
        font.setFamilies(families)
        self.body.setFont(font)

    def retranslate(self, tr: Callable[[str], str]) -> None:
        """Words in the interface language."""
        self._tr = tr
        for n, (status, button) in enumerate(self.buttons.items(), 1):
            button.setText(f"{tr(STATUS_WORDS[status])} {n}")
            button.setToolTip(tr("Save to my words as “{status}” (key {n})").format(status=tr(status), n=n))
        self.remove.setText(tr("Remove"))
        self.phrase.setText(tr("Save the phrase…"))
        self.phrase.setToolTip(tr("Look up the phrase the word is in, to save it"))
        self.note.setPlaceholderText(tr("Your note"))
        self.speak.setToolTip(tr("Read the word aloud"))

    def set_speech(self, available: bool, reason: str) -> None:
        """Enable the read-aloud button, or say why it is disabled."""
        self.speak.setEnabled(available)
        self.speak.setToolTip(self._tr("Read the word aloud") if available else reason)

    def show_content(self, content: CardContent, near: QRect | None) -> None:
        """Fill the card and show it under `near` (global coordinates)."""
        same_word = self.isVisible() and self.content is not None and self.content.text == content.text
        self.content = content
        assert self.theme is not None
        self.body.setText(content_html(content, self._tr, self.theme, max(self.body.font().pointSizeF(), 6.0)))
        saved = content.saved
        typing = same_word and self.note.toPlainText() != self._filled_note
        self._filled_note = saved.note if saved else ""
        if not typing:  # a refresh (the dictionary ready, say) keeps what is being typed
            self.note.setPlainText(self._filled_note)
        self.group.setExclusive(False)
        for status, button in self.buttons.items():
            button.setChecked(saved is not None and saved.status == status)
        self.group.setExclusive(True)
        self.remove.setVisible(saved is not None)
        self.phrase.setVisible(content.phrase is not None)
        self.status.setText(
            self._tr("In my words: {status}").format(status=self._tr(saved.status))
            if saved
            else self._tr("Not saved yet — choose a status to save it.")
        )
        self.adjustSize()
        if near is not None:
            self.move(self._place(near))
        if not self.isVisible():
            self.show()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def refresh(self, content: CardContent) -> None:
        """Show new content in place (after a save, or when the dictionary has been built)."""
        if self.isVisible():
            self.show_content(content, None)

    def text(self) -> str:
        """What the card says, as plain text."""
        return self.body.text()

    def _save(self, status: str) -> None:
        self.save_requested.emit(status, self.note.toPlainText().strip())

    def hideEvent(self, event: QHideEvent) -> None:
        # Whatever closes the card (Esc, a click elsewhere, another lesson, a new theme), a note typed
        # for a saved word is kept; an unsaved word is saved only when the learner chooses its status.
        saved = self.content.saved if self.content is not None else None
        typed = self.note.toPlainText().strip()
        if saved is not None and typed != saved.note.strip():
            self._filled_note = typed
            self.note_kept.emit(saved.id, typed)
        super().hideEvent(event)

    def _place(self, anchor: QRect) -> QPoint:
        return place_card(self, anchor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers()
        if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_4 and not mods & Qt.KeyboardModifier.ControlModifier:
            self.buttons[STATUSES[event.key() - Qt.Key.Key_1]].click()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & Qt.KeyboardModifier.ControlModifier:
            current = next((s for s, b in self.buttons.items() if b.isChecked()), "new")
            self._save(current)
            return
        super().keyPressEvent(event)
