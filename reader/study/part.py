"""Studying in the window: the lookup card, marks for my words, review, progress, export and read
aloud. It is handed the library's study area, Reading, the article and the status bar, and marks
the saved words whenever Reading shows a lesson (another one, or the same one read again)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QSizePolicy, QStatusBar, QWidget

from library.model import GlossaryEntry
from library.study.words import headword_of, sentence_at
from library.wordforms import forms_of, lemma_of
from reader.article.document import DocStyle, translation_lang
from reader.article.view import ArticleView
from reader.article.word_marks import WordMarks
from reader.reading import Reading
from reader.study.dictionary_ui import DictionaryUi
from reader.study.speech import Speech
from reader.study.targets import (
    TITLE_INDEX,
    Target,
    near,
    phrase_target,
    select_target,
    selection_target,
    word_at,
)
from reader.ui.i18n import Translator
from reader.ui.themes import Theme
from reader.window import dialogs
from reader.window.actions import ActionSpec, MenuName

if TYPE_CHECKING:
    from library.study.area import Study
    from reader.study.lookup_card import CardContent, LookupCard

log = logging.getLogger(__name__)

HINT = "Double-click a word to look it up · select a phrase and press L"
PREPARE_AFTER_MS = 800

if TYPE_CHECKING:
    from reader.study.flashcards import FlashcardDialog
    from reader.study.my_words import MyWordsPage
    from reader.study.progress_view import ProgressDialog



class StudyUi(QObject):
    """Studying for the lesson Reading has open: menus, the article's double-click and L key, the status bar."""

    lesson_requested = Signal(int)  # the progress view's lesson list: open this lesson
    place_requested = Signal(int, int)  # My words: open this lesson at this block
    statuses_changed = Signal()  # a word's status changed: the lessons' unknown shares follow
    page_requested = Signal(object)  # a page to show in place of the reading view (None: reading again)
    words_undo_changed = Signal()  # words deleted on My words began or ended waiting for an undo

    def __init__(self, study: Study, reading: Reading, article: ArticleView, settings: QSettings,
                 status: QStatusBar, parent: QWidget, look: Callable[[], DocStyle],
                 tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self.study, self.reading, self.article, self.settings = study, reading, article, settings
        self.status, self.parent_widget, self._look, self.tr_ = status, parent, look, tr
        self._card: LookupCard | None = None  # built on the first lookup
        self._speech_state: tuple[bool, str] | None = None
        self.marks = WordMarks(self.article)
        self.speech = Speech(self)
        self.review_dialog: FlashcardDialog | None = None
        self.progress_dialog: ProgressDialog | None = None
        self.my_words: MyWordsPage | None = None  # built when first opened
        self._card_target: Target | None = None  # text, block index, start, end
        self._card_phrase: Target | None = None  # the dictionary phrase the card's word stands in
        self._shown_before: set[int] | None = None
        self.dictionary = DictionaryUi(lambda: study.dictionary, status, parent, tr)
        self.dictionary.ready.connect(self._dictionary_ready)
        self.dictionary.progressed.connect(self._dictionary_progressed)
        self._card_pos: str | None = None  # the looked-up word's part of speech where it stands
        self._card_sentence = ""  # and its sentence, which tells which of its senses is meant
        self.actions: dict[str, QAction] = {}
        self._make_status_bar()
        self._viewport = self.article.viewport()
        self._viewport.installEventFilter(self)
        # Whatever the lesson (another one, or the same read again), its document is new: mark it.
        reading.lesson_changed.connect(self.lesson_shown)
        reading.lesson_reloaded.connect(self.lesson_shown)
        self.marks.set_enabled(bool(settings.value("view/mark_words", True, bool)))
        # Known words read plain (as Lute and LingQ show them): after seeding a level nearly every
        # word is known, and marking them all would hide the few words still to learn.
        self.mark_known = bool(settings.value("view/mark_known", False, bool))
        QTimer.singleShot(1500, self._check_speech)
        # The dictionary is prepared once the window is up, not while it starts.
        if bool(settings.value("dictionary/prepare_at_start", True, bool)):
            QTimer.singleShot(PREPARE_AFTER_MS, self.dictionary, self.dictionary.prepare)

    @property
    def card(self) -> LookupCard:
        """The lookup card, built (and its module loaded) when a word is first looked up."""
        if self._card is None:
            from reader.study.lookup_card import LookupCard

            card = LookupCard(self.parent_widget)
            card.save_requested.connect(self.save_current)
            card.note_kept.connect(self._keep_note)
            card.remove_requested.connect(self.remove_current)
            card.speak_requested.connect(self.speak)
            card.phrase_requested.connect(self._open_phrase)
            card.retranslate(self.tr_)
            if self._speech_state is not None:
                card.set_speech(*self._speech_state)
            self._card = card
            self._style_card()
        return self._card

    def hide_card(self) -> None:
        """Close the lookup card if it is up."""
        if self._card is not None:
            self._card.hide()

    def _card_showing(self) -> bool:
        return self._card is not None and self._card.isVisible()

    def _fonts(self) -> tuple[Theme, list[str]]:
        look = self._look()
        return look.theme, [look.body_family] + ([look.ja_family] if look.ja_family else [])

    def _style_card(self) -> None:
        if self._card is not None:
            self._card.apply_theme(*self._fonts())
        if self.my_words is not None:
            self.my_words.apply_theme(self._look().theme)

    # --- the part's door --------------------------------------------------------------------
    def action_specs(self) -> list[ActionSpec]:
        """Looking up and reading aloud (keys of the article), review and progress, exports, marks."""
        s, f = MenuName.STUDY, MenuName.FILE
        return [
            ActionSpec("lookup", "&Look up word", lambda _c: self.lookup_selection(), s, ("L",), article_only=True),
            ActionSpec("read_aloud", "Read paragraph &aloud", lambda _c: self.read_paragraph(), s, ("R",),
                       article_only=True),
            ActionSpec("my_words", "My &words", lambda _c: self.open_my_words(), s, ("Ctrl+Shift+W",), section=1),
            ActionSpec("review", "&Review my words", lambda _c: self.open_review(), s, ("Ctrl+R",), section=1),
            ActionSpec("progress", "My &progress", lambda _c: self.open_progress(), s, ("Ctrl+Shift+P",), section=1),
            ActionSpec("mark_words", "&Mark my words in the text", self.set_marking, MenuName.VIEW,
                       ("Ctrl+Shift+M",), section=3, checkable=True),
            ActionSpec("mark_known", "Mark &known words too", self.set_marking_known, MenuName.VIEW,
                       section=3, checkable=True),
            ActionSpec("export_anki", "Export my words to &Anki…", lambda _c: self.export("anki"), f, section=1),
            ActionSpec("export_csv", "Export my words as &CSV…", lambda _c: self.export("csv"), f, section=1),
            ActionSpec("import_dictionary", "Import a &dictionary…", lambda _c: self.dictionary.import_file(), f,
                       section=1),
        ]

    def placed(self, actions: dict[str, QAction], menus: dict[MenuName, QMenu]) -> None:
        """Keep the actions and the Study menu; say why reading aloud is off when the menu opens."""
        self.actions = actions
        self.study_menu = menus[MenuName.STUDY]
        self.study_menu.aboutToShow.connect(self._check_speech)
        actions["mark_words"].setChecked(self.marks.enabled)
        actions["mark_known"].setChecked(self.mark_known)

    def _make_status_bar(self) -> None:
        self.hint = QLabel(self.parent_widget)
        self.hint.setObjectName("StudyHint")
        # Only a hint: it is cut short in a narrow window rather than hold the window wide (640 px).
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.due_button = QPushButton(self.parent_widget)
        self.due_button.setObjectName("DueButton")
        self.due_button.setFlat(True)
        self.due_button.clicked.connect(self.open_review)
        self.status.addWidget(self.hint, 1)
        self._hint_waits = False
        self.status.messageChanged.connect(self._message_changed)
        self.status.addPermanentWidget(self.due_button)
        self.update_due()

    def retranslate(self, tr: Translator) -> None:
        """Words in the interface language."""
        self.hint.setText(tr(HINT))
        self.dictionary.retranslate()
        if self._card is not None:
            self._card.retranslate(tr)
        if self.my_words is not None:
            self.my_words.retranslate(tr)
        self._check_speech()
        self.update_due()

    def learner_switched(self) -> None:
        """Another learner is active: close what showed the last one's words."""
        for dialog in (self.review_dialog, self.progress_dialog):
            if dialog is not None:
                dialog.close()
        self.hide_card()
        self.update_due()
        if self.my_words is not None:
            self.my_words.drop_undo()

    def update_due(self) -> None:
        """Show how many words are due for review."""
        tr = self.tr_
        due = self.study.review.due_count()
        self.due_button.setText(tr("Review: {n} due").format(n=due) if due else tr("Review: nothing due"))
        self.due_button.setToolTip(tr("Review my words (Ctrl+R)"))

    def _check_speech(self) -> None:
        ok = self.speech.available
        action = self.actions["read_aloud"]
        action.setEnabled(ok)
        reason = self.speech.reason_in(self.tr_)
        action.setToolTip(self.tr_("Read the focused paragraph aloud (R)") if ok else reason)
        self.study_menu.setToolTipsVisible(True)
        self._speech_state = (ok, reason)
        if self._card is not None:
            self._card.set_speech(ok, reason)

    # --- the lesson ------------------------------------------------------------------------
    def lesson_shown(self) -> None:
        """The article shows a (new or rebuilt) document: find the saved words in it."""
        self.hide_card()
        self.refresh_marks()
        if self.my_words is not None and self.my_words.isVisible():
            self.my_words.refresh_if_changed()  # another learner, say

    def lessons_changed(self) -> None:
        """Lessons were renamed, deleted or added: the My words page shown names them anew."""
        if self.my_words is not None and self.my_words.isVisible():
            self.my_words.reload()  # a deleted lesson's words keep no lesson, and the filter loses it

    def restyle(self) -> None:
        """The article was built again in a new theme, size or language: mark it in its colours."""
        self.lesson_shown()

    def refresh_marks(self) -> None:
        """Mark the saved words in the article anew (after a save, or a new document)."""
        self._style_card()
        theme = self._look().theme
        statuses = ("new", "learning", "known") if self.mark_known else ("new", "learning")
        self.marks.set_marks(self.study.words.marks(statuses) if self.article.lesson is not None else None, theme)

    def set_marking(self, on: bool) -> None:
        """Show or hide the marks of saved words."""
        self.marks.set_enabled(on)
        self.settings.setValue("view/mark_words", on)

    def set_marking_known(self, on: bool) -> None:
        """Show or hide the marks of known words (off by default: known words read plain)."""
        self.mark_known = on
        self.settings.setValue("view/mark_known", on)
        self.refresh_marks()

    # --- finding the word ---------------------------------------------------------------------
    def word_at(self, pos: QPoint) -> Target | None:
        """(word, block index, start, end) of the English word at a viewport point, or of the longest
        dictionary phrase (or term of the lesson's word list) that holds it: "prime minister", not "minister"."""
        target = word_at(self.article, pos)
        return phrase_target(self.article, target, self._phrases_known) if target is not None else None

    def _phrases_known(self, texts: list[str]) -> set[str]:
        lesson = self.article.lesson
        terms = {" ".join(g.term.lower().split()) for g in lesson.glossary} if lesson is not None else set()
        return {t for t in texts if t in terms} | set(self.study.dictionary.first_senses(texts))

    def selection_target(self) -> Target | None:
        """The selected English text (a word or phrase) as (text, block index, start, end)."""
        return selection_target(self.article)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport and kind in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.ContextMenu,
        ):
            if kind == QEvent.Type.MouseButtonPress:
                self._shown_before = set(self.article.shown)
            elif kind == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
                if event.button() == Qt.MouseButton.LeftButton:
                    pos = event.position().toPoint()
                    target = word_at(self.article, pos)  # the word itself; its phrase is a line of its card
                    if target is not None:
                        self._undo_first_click()
                        phrase = phrase_target(self.article, target, self._phrases_known)
                        self.open_card(target, self._near(pos), phrase if phrase != target else None)
                        return True
            elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
                menu = self.context_menu(event.pos())
                menu.exec(event.globalPos())
                menu.deleteLater()
                return True
        return False

    def _undo_first_click(self) -> None:
        """The first click of a double-click toggled a translation: put it back."""
        self.article.cancel_pending_click()
        before = self._shown_before
        if before is None:
            return
        for index in before ^ self.article.shown:
            self.article.set_shown(index, index in before, ensure_visible=False)  # no scroll: the card is at the word

    def _open_selected(self, selected: Target | None, target: Target, pos: QPoint) -> None:
        """Look up from the context menu: a selection is first shown snapped to the whole words looked up."""
        if selected is not None:
            select_target(self.article, selected)
        self.open_card(target, self._near(pos))

    def _near(self, pos: QPoint) -> QRect:
        return near(self.article, pos)

    def context_menu(self, pos: QPoint) -> QMenu:
        """The article's context menu: Copy and Select All, then Look up and Read aloud."""
        menu = self.article.createStandardContextMenu(self.article.viewport().mapTo(self.article, pos))
        selected = self.selection_target()
        target = selected or self.word_at(pos)
        tr = self.tr_
        menu.addSeparator()
        look = menu.addAction(tr("Look up “{word}”").format(word=target[0]) if target else tr("Look up word"))
        look.setShortcut(QKeySequence("L"))
        look.setEnabled(target is not None)
        if target is not None:
            look.triggered.connect(lambda: self._open_selected(selected, target, pos))
        speak = menu.addAction(tr("Read aloud"))
        speak.setEnabled(self.speech.available)
        speak.setToolTip(self.speech.reason_in(tr))
        menu.setToolTipsVisible(True)
        if target is not None:
            speak.triggered.connect(lambda: self.speak(target[0]))
        return menu

    def lookup_selection(self) -> None:
        """L: look up the selected word or phrase (or the word at the text cursor)."""
        target = self.selection_target()
        if target is not None:
            select_target(self.article, target)  # the partial words dragged over, shown whole as looked up
        if target is None:
            # the word at the text cursor (word_at finds none outside the English and the title)
            target = self.word_at(self.article.cursorRect(self.article.textCursor()).center())
        if target is None:
            self.status.showMessage(
                self.tr_("Select a word or phrase first, or double-click a word."), 4000
            )
            return
        cursor = self.article.textCursor()
        rect = self.article.cursorRect(cursor)
        near = QRect(self.article.viewport().mapToGlobal(rect.topLeft()), rect.size())
        self.open_card(target, near)

    # --- the card ----------------------------------------------------------------------------
    def content_for(self, text: str, pos: str | None = None, sentence: str = "") -> CardContent:
        """What the card shows for a word or phrase in the open lesson (`pos`: its part of speech there;
        `sentence`: the sentence it stands in)."""
        from reader.study.lookup_card import CardContent

        lemma = lemma_of(text)
        dictionary = self.study.dictionary
        state = dictionary.jmdict_state()
        if state in ("unbuilt", "stale"):
            self.dictionary.build()
        found = dictionary.lookup(text, pos=pos, sentence=sentence)
        lesson = self.article.lesson
        forms = forms_of(lemma) | {text.lower()}
        glossary: list[GlossaryEntry] = []
        if lesson is not None:
            glossary = [g for g in lesson.glossary if g.term.lower() in forms or lemma_of(g.term) == lemma]
        return CardContent(
            text, lemma, found, glossary, self.study.words.get(text), building=self.dictionary.building,
            share=self.dictionary.share, name=self._is_name(text),
        )

    def _is_name(self, text: str) -> bool:
        """Whether the open lesson writes this word only with a capital inside its sentences (a name,
        as the level report and My words tell names), or only with a capital and no level list has it
        (a name that always starts its sentence: "Sweden has promised…"), or as a name first."""
        from library.study.glosses import names_in
        from library.study.level_table import common_levels_of, levels_of
        from library.study.levels import word_level_info
        from library.wordforms import WORD_RE

        word, lesson = text.strip(), self.article.lesson
        if lesson is None or not word or " " in word or not word[0].isupper():
            return False
        texts = [b.text for b in lesson.blocks]
        if word.lower() in names_in(texts):
            return True
        lower = word.lower()
        written_lower = any(m.group() == lower for t in texts for m in WORD_RE.finditer(t))
        if written_lower:
            return False
        # the level list lacks it, or has it only as a name or as a name first (Vienna, London)
        key = lower.replace("’", "'")
        listed, common = levels_of([key]).get(key), common_levels_of([key]).get(key)
        return word_level_info(word).level is None or (listed is not None and (common is None or listed < common))

    def _pos_of(self, target: Target) -> str | None:
        """The target word's part of speech in its sentence, where the words around it tell."""
        from library.study.sentence_pos import pos_in_sentence

        text, index, start, end = target
        lesson = self.article.lesson
        if lesson is None or index < 0 or index >= len(lesson.blocks):
            return None
        block = lesson.blocks[index].text
        return pos_in_sentence(block[:start], text, block[end:])

    def _sentence_of(self, target: Target) -> str:
        """The sentence of the lesson the target word stands in ("" for the title or none)."""
        _text, index, start, end = target
        lesson = self.article.lesson
        if lesson is None or index < 0 or index >= len(lesson.blocks):
            return ""
        return sentence_at(lesson.blocks[index].text, start, end)

    def open_card(self, target: Target, near: QRect | None, phrase: Target | None = None) -> CardContent:
        """Show the lookup card for a word of the lesson (with the dictionary phrase it stands in, as a line)."""
        self._card_target = target
        self._card_phrase = phrase
        self._card_pos = self._pos_of(target)
        self._card_sentence = self._sentence_of(target)
        content = self.content_for(target[0], self._card_pos, self._card_sentence)
        if phrase is not None:
            found = self.study.dictionary.first_senses([phrase[0]]).get(phrase[0])
            content.phrase = (phrase[0], found.headword if found is not None else "")
        self.card.show_content(content, near)
        return content

    def _open_phrase(self) -> None:
        """The card's phrase button: the phrase's own card in the word's place, saved with its buttons."""
        phrase = self._card_phrase
        if phrase is not None:
            self.open_card(phrase, None)

    def _gloss(self, content: CardContent) -> str:
        parts = [g.translation or g.definition for g in content.glossary if g.translation or g.definition]
        parts += [s.headword for s in content.found.senses[:3]]
        return "; ".join(dict.fromkeys(p for p in parts if p))

    def save_current(self, status: str, note: str) -> None:
        """Save the word on the card with a status, its sentence and that sentence's translation."""
        content, target, lesson = self.card.content, self._card_target, self.article.lesson
        if content is None or target is None or lesson is None:
            return
        text, index, start, end = target
        lang = translation_lang(lesson, None)
        if index == TITLE_INDEX:  # a word of the title: the title is its sentence, the lesson's top its place
            sentence, translated = lesson.title, ""
        else:
            block = lesson.blocks[index]
            sentence, translated = sentence_at(block.text, start, end), (block.translation(lang) or "") if lang else ""
        saved = content.saved
        # The base form is the word saved (an older word saved as written is found by its lemma).
        word = saved.text if saved is not None else headword_of(text, content.name)
        self.study.words.save(
            word,
            status,
            note=note,
            gloss=self._gloss(content) if saved is None or not saved.gloss else None,
            gloss_from_dictionary=True,  # the card's meaning is the word list's and the dictionary's, not typed
            sentence=sentence if saved is None else None,
            sentence_translation=translated if saved is None and lang else None,
            lesson_id=lesson.id if saved is None else None,
            block_pos=max(index, 0) if saved is None else None,
            written=text,
        )
        self.card.refresh(self.content_for(text, self._card_pos, self._card_sentence))
        self.refresh_marks()
        self.update_due()
        self.statuses_changed.emit()
        self.status.showMessage(
            self.tr_("Saved “{word}” as {status}.").format(word=word, status=self.tr_(status)), 3000
        )

    def _keep_note(self, word_id: int, note: str) -> None:
        """Save the note typed on the card for a saved word as the card closed."""
        self.study.words.edit(word_id, note=note)
        self.status.showMessage(self.tr_("Your note was saved."), 3000)

    def remove_current(self) -> None:
        """Remove the word on the card from my words."""
        if self.card.content is None:
            return
        self.study.words.remove(self.card.content.text)
        self.card.refresh(self.content_for(self.card.content.text, self._card_pos, self._card_sentence))
        self.refresh_marks()
        self.update_due()
        self.statuses_changed.emit()

    def _dictionary_ready(self) -> None:
        # Words saved while there was no dictionary get their meanings now, on the page as well.
        # The version is to the second, so a fill just after the save would not show as a change.
        if self.fill_meanings() and self.my_words is not None and self.my_words.isVisible():
            self.my_words.reload()
        if self._card_showing() and self.card.content is not None:
            self.card.refresh(self.content_for(self.card.content.text, self._card_pos, self._card_sentence))

    def _dictionary_progressed(self, _share: float) -> None:
        # An open card waiting for the dictionary shows how far it has got.
        if self._card_showing() and self.card.content is not None and self.card.content.building:
            self.card.refresh(self.content_for(self.card.content.text, self._card_pos, self._card_sentence))

    # --- review, progress, export, speech ---------------------------------------------------------
    def open_review(self) -> FlashcardDialog:
        """Open the flashcards for the words due now."""
        if self.review_dialog is not None:
            self.review_dialog.close()
        from reader.study.flashcards import FlashcardDialog  # loaded when first used

        self.fill_meanings()
        theme, families = self._fonts()
        dialog = FlashcardDialog(self.parent_widget, self.study.review, self.tr_, theme, families)
        dialog.graded.connect(lambda *_a: self._after_review())
        dialog.finished.connect(lambda _r: self._after_review())
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def open_my_words(self) -> MyWordsPage:
        """Show the My words page in place of the reading view."""
        from reader.study.my_words import MyWordsPage

        if self.my_words is None:
            self.my_words = MyWordsPage(self.study.words, self.status, self.tr_, self.parent_widget)
            self.my_words.open_requested.connect(self._open_word_source)
            self.my_words.close_requested.connect(self.close_my_words)
            self.my_words.changed.connect(self._after_review)
            self.my_words.undo_changed.connect(self.words_undo_changed)
            self.my_words.apply_theme(self._look().theme)
        self.hide_card()
        self.fill_meanings()  # the dictionary may have come after the words were saved
        self.my_words.reload()
        self.page_requested.emit(self.my_words)
        self.hint.hide()  # it is about the article
        self._hint_waits = False
        self.my_words.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return self.my_words

    def words_undo_waiting(self) -> bool:
        """Whether words deleted on the My words page can be put back."""
        return self.my_words is not None and self.my_words.can_undo()

    def undo_words(self) -> None:
        """Put the words deleted last on the My words page back, wherever the window is."""
        if self.my_words is not None:
            self.my_words.undo()

    def drop_words_undo(self) -> None:
        """Words deleted before now stay deleted."""
        if self.my_words is not None:
            self.my_words.drop_undo()

    def close_my_words(self) -> None:
        """Back from the My words page to the reading view."""
        self.page_requested.emit(None)
        # while a message is up the hint waits for it to go: shown now, both would be drawn at once
        self._hint_waits = bool(self.status.currentMessage())
        if not self._hint_waits:
            self.hint.show()
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)

    def _message_changed(self, message: str) -> None:
        """Show the hint that waited for a status message, now the message is gone."""
        if not message and self._hint_waits:
            self._hint_waits = False
            self.hint.show()

    def _open_word_source(self, lesson_id: int, block_pos: int) -> None:
        self.close_my_words()
        self.place_requested.emit(lesson_id, block_pos)

    def fill_meanings(self) -> int:
        """Words saved before the dictionary existed get its meaning now (My words, review cards, exports); how many."""
        from library.study.meanings import fill_meanings

        try:
            return fill_meanings(self.study.words, self.study.dictionary)
        except Exception:  # a damaged dictionary file must not stop a review or an export
            log.exception("could not fill in meanings from the dictionary")
            return 0

    def _after_review(self) -> None:
        self.update_due()
        self.refresh_marks()
        self.statuses_changed.emit()

    def open_progress(self) -> ProgressDialog:
        """Open the progress view."""
        progress = self.study.progress
        if self.progress_dialog is not None:
            self.progress_dialog.close()
        from reader.study.progress_view import ProgressDialog  # loaded when first used

        dialog = ProgressDialog(self.parent_widget, progress.summary(), progress.levels(),
                                self.study.review.due_count(), self.tr_, self._look().theme)
        dialog.lesson_chosen.connect(self.lesson_requested)
        self.progress_dialog = dialog
        dialog.open()
        return dialog

    def export(self, kind: str) -> None:
        """Export my words to an Anki package or a CSV file chosen by the user."""
        tr = self.tr_
        anki = kind == "anki"
        path = dialogs.choose_save_file(
            self.parent_widget,
            tr("Export my words to Anki") if anki else tr("Export my words as CSV"),
            "my-words.apkg" if anki else "my-words.csv",
            tr("Anki packages (*.apkg)") if anki else tr("CSV files (*.csv)"),
        )
        if not path:
            return
        from library.study.export import export_anki, export_csv

        self.fill_meanings()
        words = self.study.words.list()
        try:
            n = export_anki(words, path, profile_id=self.study.words.profile_id) if anki else export_csv(words, path)
        except OSError as exc:
            dialogs.error(self.parent_widget, tr("Export failed"), f"{path}: {exc.strerror or exc}")
            return
        self.status.showMessage(tr("Exported {n} words to {path}.").format(n=n, path=path), 5000)

    def speak(self, text: str) -> None:
        """Read a word aloud."""
        self.speech.say(text)

    def read_paragraph(self) -> None:
        """Read the focused paragraph (or the selection) aloud."""
        target = self.selection_target()
        lesson = self.article.lesson
        if target is not None:
            self.speech.say(target[0])
        elif lesson is not None and self.article.focus_index >= 0:
            self.speech.say(lesson.blocks[self.article.focus_index].text)

    def shutdown(self) -> None:
        """Stop what is running before the window closes."""
        self.hide_card()
        self.speech.stop()
        self.dictionary.shutdown()
