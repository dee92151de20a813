"""Studying in the window: the lookup card, marks for my words, review, progress, export and read
aloud. The main window creates one of these and tells it when a lesson is shown."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QLabel, QMenu, QPushButton

from library.model import GlossaryEntry
from library.study.words import sentence_at
from library.wordforms import WORD_RE, forms_of, lemma_of
from reader.article.document import translation_lang
from reader.article.word_marks import WordMarks, text_offset
from reader.study.speech import Speech
from reader.window import dialogs

if TYPE_CHECKING:
    from library.study.dictionary import Dictionary
    from reader.mainwindow import MainWindow
    from reader.study.lookup_card import CardContent, LookupCard

log = logging.getLogger(__name__)

# name, English text, shortcut, whether the shortcut works only in the article
STUDY_SPEC: list[tuple[str, str, str, bool]] = [
    ("lookup", "&Look up word", "L", True),
    ("read_aloud", "Read paragraph &aloud", "R", True),
    ("review", "&Review my words", "Ctrl+R", False),
    ("progress", "My &progress", "Ctrl+Shift+P", False),
    ("mark_words", "&Mark my words in the text", "Ctrl+Shift+M", False),
    ("export_anki", "Export my words to &Anki…", "", False),
    ("export_csv", "Export my words as &CSV…", "", False),
    ("import_dictionary", "Import a &dictionary…", "", False),
]
HINT = "Double-click a word to look it up · select a phrase and press L"

if TYPE_CHECKING:
    from reader.study.flashcards import FlashcardDialog
    from reader.study.progress_view import ProgressDialog



class DictionaryBuilder(QObject):
    """Builds the JMdict table off the GUI thread."""

    done = Signal(str)  # empty on success, else the reason

    def __init__(self, dictionary: Dictionary) -> None:
        super().__init__()
        self.dictionary = dictionary

    def run(self) -> None:
        from library.study.dictionary import DictionaryError

        try:
            self.dictionary.build_jmdict()
        except (DictionaryError, OSError) as exc:
            self.done.emit(str(exc))
            return
        self.done.emit("")


class StudyUi(QObject):
    """Wires studying into the window: menus, the article's double-click and L key, the status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.study = window.library.study
        self.article = window.article
        self._card: LookupCard | None = None  # built on the first lookup
        self._speech_state: tuple[bool, str] | None = None
        self.marks = WordMarks(self.article)
        self.speech = Speech(self)
        self.review_dialog: FlashcardDialog | None = None
        self.progress_dialog: ProgressDialog | None = None
        self._card_target: tuple[str, int, int, int] | None = None  # text, block index, start, end
        self._shown_before: set[int] | None = None
        self._build_thread: QThread | None = None
        self._builder: DictionaryBuilder | None = None
        self.actions: dict[str, QAction] = {}
        self._titles: list[tuple[QMenu, str]] = []
        self._make_actions()
        self._make_status_bar()
        self._viewport = self.article.viewport()
        self._viewport.installEventFilter(self)
        on = window.settings.value("view/mark_words", True, bool)
        self.actions["mark_words"].setChecked(bool(on))
        self.marks.set_enabled(bool(on))
        QTimer.singleShot(1500, self._check_speech)

    @property
    def card(self) -> LookupCard:
        """The lookup card, built (and its module loaded) when a word is first looked up."""
        if self._card is None:
            from reader.study.lookup_card import LookupCard

            card = LookupCard(self.window)
            card.save_requested.connect(self.save_current)
            card.remove_requested.connect(self.remove_current)
            card.speak_requested.connect(self.speak)
            card.retranslate(self.window.tr_)
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

    def _style_card(self) -> None:
        w = self.window
        if self._card is not None:
            self._card.apply_theme(w.theme, [w.body_family] + ([w.ja_family] if w.ja_family else []))

    # --- actions, menus, status bar --------------------------------------------------------
    def _make_actions(self) -> None:
        w = self.window
        for name, text, key, article_only in STUDY_SPEC:
            action = QAction(text, w)
            action.setObjectName(f"action_{name}")
            if key:
                action.setShortcut(QKeySequence(key))
            if article_only:
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.article.addAction(action)
            else:
                w.addAction(action)
            self.actions[name] = action
        a = self.actions
        a["mark_words"].setCheckable(True)
        a["lookup"].triggered.connect(self.lookup_selection)
        a["read_aloud"].triggered.connect(self.read_paragraph)
        a["review"].triggered.connect(self.open_review)
        a["progress"].triggered.connect(self.open_progress)
        a["mark_words"].toggled.connect(self.set_marking)
        a["export_anki"].triggered.connect(lambda: self.export("anki"))
        a["export_csv"].triggered.connect(lambda: self.export("csv"))
        a["import_dictionary"].triggered.connect(self.import_dictionary)
        titles = {title: menu for menu, title in w.menus.titles}
        file_menu, view_menu, help_menu = titles.get("&File"), titles.get("&View"), titles.get("&Help")
        if file_menu is not None:
            before = next((act for act in file_menu.actions() if act is w.menus.actions.get("quit")), None)
            for name in ("export_anki", "export_csv", "import_dictionary"):
                file_menu.insertAction(before, a[name])  # type: ignore[arg-type]
            file_menu.insertSeparator(before)  # type: ignore[arg-type]
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(a["mark_words"])
        study = QMenu("&Study", w)
        study.setObjectName("StudyMenu")
        for name in ("lookup", "read_aloud"):
            study.addAction(a[name])
        study.addSeparator()
        for name in ("review", "progress"):
            study.addAction(a[name])
        study.aboutToShow.connect(self._check_speech)
        w.menuBar().insertMenu(help_menu.menuAction() if help_menu is not None else None, study)  # type: ignore[arg-type]
        self.study_menu = study
        self._titles.append((study, "&Study"))

    def _make_status_bar(self) -> None:
        bar = self.window.statusBar()
        self.hint = QLabel(self.window)
        self.hint.setObjectName("StudyHint")
        self.due_button = QPushButton(self.window)
        self.due_button.setObjectName("DueButton")
        self.due_button.setFlat(True)
        self.due_button.clicked.connect(self.open_review)
        bar.addWidget(self.hint, 1)
        bar.addPermanentWidget(self.due_button)
        self.update_due()

    def retranslate(self) -> None:
        """Words in the interface language."""
        tr = self.window.tr_
        for name, text, _key, _only in STUDY_SPEC:
            self.actions[name].setText(tr(text))
        for menu, title in self._titles:
            menu.setTitle(tr(title))
        self.hint.setText(tr(HINT))
        if self._card is not None:
            self._card.retranslate(tr)
        self._check_speech()
        self.update_due()

    def update_due(self) -> None:
        """Show how many words are due for review."""
        tr = self.window.tr_
        due = self.study.review.due_count()
        self.due_button.setText(tr("Review: {n} due").format(n=due) if due else tr("Review: nothing due"))
        self.due_button.setToolTip(tr("Review my words (Ctrl+R)"))

    def _check_speech(self) -> None:
        ok = self.speech.available
        action = self.actions["read_aloud"]
        action.setEnabled(ok)
        reason = self.speech.reason_in(self.window.tr_)
        action.setToolTip(self.window.tr_("Read the focused paragraph aloud (R)") if ok else reason)
        self.study_menu.setToolTipsVisible(True)
        self._speech_state = (ok, reason)
        if self._card is not None:
            self._card.set_speech(ok, reason)

    # --- the lesson ------------------------------------------------------------------------
    def lesson_shown(self) -> None:
        """The article shows a (new or rebuilt) document: find the saved words in it."""
        self.hide_card()
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """Mark the saved words in the article anew (after a save, or a new document)."""
        w = self.window
        self._style_card()
        self.marks.set_marks(self.study.words.marks() if self.article.lesson is not None else None, w.theme)

    def set_marking(self, on: bool) -> None:
        """Show or hide the marks of saved words."""
        self.marks.set_enabled(on)
        self.window.settings.setValue("view/mark_words", on)

    # --- finding the word ---------------------------------------------------------------------
    def word_at(self, pos: QPoint) -> tuple[str, int, int, int] | None:
        """(word, block index, start, end) of the English word at a viewport point."""
        cursor = self.article.cursorForPosition(pos)
        place = text_offset(self.article, cursor.position())
        if place is None or self.article.lesson is None:
            return None
        index, offset = place
        text = self.article.lesson.blocks[index].text
        for m in WORD_RE.finditer(text):
            if m.start() <= offset <= m.end() and (offset < m.end() or m.start() == offset):
                return m.group(), index, m.start(), m.end()
            if m.start() > offset:
                break
        return None

    def selection_target(self) -> tuple[str, int, int, int] | None:
        """The selected English text (a word or phrase) as (text, block index, start, end)."""
        cursor = self.article.textCursor()
        if not cursor.hasSelection() or self.article.lesson is None:
            return None
        first = text_offset(self.article, cursor.selectionStart())
        last = text_offset(self.article, cursor.selectionEnd())
        if first is None or last is None or first[0] != last[0]:
            return None
        index = first[0]
        text = self.article.lesson.blocks[index].text
        start, end = first[1], last[1]
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start >= end or len(text[start:end].split()) > 8:
            return None
        return " ".join(text[start:end].split()), index, start, end

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
                    target = self.word_at(pos)
                    if target is not None:
                        self._undo_first_click()
                        self.open_card(target, self._near(pos))
                        return True
            elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
                menu = self.context_menu(event.pos())
                menu.exec(event.globalPos())
                menu.deleteLater()
                return True
        return False

    def _undo_first_click(self) -> None:
        """The first click of a double-click toggled a translation: put it back."""
        before = self._shown_before
        if before is None:
            return
        for index in before ^ self.article.shown:
            self.article.set_shown(index, index in before)

    def _near(self, pos: QPoint) -> QRect:
        rect = self.article.cursorRect(self.article.cursorForPosition(pos))
        local = QRect(pos.x() - 12, rect.top(), 24, rect.height())
        return QRect(self.article.viewport().mapToGlobal(local.topLeft()), local.size())

    def context_menu(self, pos: QPoint) -> QMenu:
        """The article's context menu: Copy and Select All, then Look up and Read aloud."""
        menu = self.article.createStandardContextMenu(self.article.viewport().mapTo(self.article, pos))
        target = self.selection_target() or self.word_at(pos)
        tr = self.window.tr_
        menu.addSeparator()
        look = menu.addAction(tr("Look up “{word}”").format(word=target[0]) if target else tr("Look up word"))
        look.setShortcut(QKeySequence("L"))
        look.setEnabled(target is not None)
        if target is not None:
            look.triggered.connect(lambda: self.open_card(target, self._near(pos)))
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
        if target is None:
            cursor = self.article.textCursor()
            place = text_offset(self.article, cursor.position())
            if place is not None and self.article.lesson is not None:
                rect = self.article.cursorRect(cursor)
                target = self.word_at(rect.center())
        if target is None:
            self.window.statusBar().showMessage(
                self.window.tr_("Select a word or phrase first, or double-click a word."), 4000
            )
            return
        cursor = self.article.textCursor()
        rect = self.article.cursorRect(cursor)
        near = QRect(self.article.viewport().mapToGlobal(rect.topLeft()), rect.size())
        self.open_card(target, near)

    # --- the card ----------------------------------------------------------------------------
    def content_for(self, text: str) -> CardContent:
        """What the card shows for a word or phrase in the open lesson."""
        from reader.study.lookup_card import CardContent

        lemma = lemma_of(text)
        dictionary = self.study.dictionary
        state = dictionary.jmdict_state()
        if state == "unbuilt":
            self.build_dictionary()
        found = dictionary.lookup(text)
        lesson = self.article.lesson
        forms = forms_of(lemma) | {text.lower()}
        glossary: list[GlossaryEntry] = []
        if lesson is not None:
            glossary = [g for g in lesson.glossary if g.term.lower() in forms or lemma_of(g.term) == lemma]
        return CardContent(
            text, lemma, found, glossary, self.study.words.get(text), building=self._build_thread is not None
        )

    def open_card(self, target: tuple[str, int, int, int], near: QRect | None) -> CardContent:
        """Show the lookup card for a word of the lesson."""
        self._card_target = target
        content = self.content_for(target[0])
        self.card.show_content(content, near)
        return content

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
        block = lesson.blocks[index]
        lang = translation_lang(lesson, None)
        saved = content.saved
        self.study.words.save(
            text,
            status,
            note=note,
            gloss=self._gloss(content) if saved is None or not saved.gloss else None,
            sentence=sentence_at(block.text, start, end) if saved is None else None,
            sentence_translation=(block.translation(lang) or "") if saved is None and lang else None,
            lesson_id=lesson.id if saved is None else None,
            block_pos=index if saved is None else None,
        )
        self.card.refresh(self.content_for(text))
        self.refresh_marks()
        self.update_due()
        self.window.refresh_difficulty()
        self.window.statusBar().showMessage(
            self.window.tr_("Saved “{word}” as {status}.").format(word=text, status=self.window.tr_(status)), 3000
        )

    def remove_current(self) -> None:
        """Remove the word on the card from my words."""
        if self.card.content is None:
            return
        self.study.words.remove(self.card.content.text)
        self.card.refresh(self.content_for(self.card.content.text))
        self.refresh_marks()
        self.update_due()
        self.window.refresh_difficulty()

    # --- dictionary ------------------------------------------------------------------------------
    def build_dictionary(self) -> None:
        """Build the JMdict table once, off the GUI thread; the card refreshes when it is ready."""
        if self._build_thread is not None:
            return
        self.window.statusBar().showMessage(self.window.tr_("Building the offline dictionary (once)…"))
        self._build_thread = QThread(self)
        self._builder = DictionaryBuilder(self.study.dictionary)
        self._builder.moveToThread(self._build_thread)
        self._build_thread.started.connect(self._builder.run)
        self._builder.done.connect(self._built)
        self._build_thread.start()

    def _built(self, error: str) -> None:
        if self._build_thread is not None:
            self._build_thread.quit()
            self._build_thread.wait()
        self._build_thread, self._builder = None, None
        tr = self.window.tr_
        self.window.statusBar().showMessage(
            tr("The offline dictionary is ready.") if not error else tr("The dictionary could not be built: ") + error,
            5000,
        )
        if self._card_showing() and self.card.content is not None:
            self.card.refresh(self.content_for(self.card.content.text))

    def import_dictionary(self) -> None:
        """Import the learner's own dictionary from a CSV or TSV file."""
        tr = self.window.tr_
        paths = dialogs.choose_files(
            self.window, tr("Import a dictionary"), tr("Dictionaries (*.csv *.tsv *.txt);;All files (*)")
        )
        from library.study.dictionary import DictionaryError

        for path in paths:
            try:
                n = self.study.dictionary.import_file(path)
            except DictionaryError as exc:
                dialogs.error(self.window, tr("Import failed"), f"{Path(path).name}: {exc}")
                continue
            dialogs.inform(
                self.window,
                tr("Dictionary imported"),
                tr("{n} entries imported from {name}.").format(n=n, name=Path(path).name),
            )

    # --- review, progress, export, speech ---------------------------------------------------------
    def open_review(self) -> FlashcardDialog:
        """Open the flashcards for the words due now."""
        w = self.window
        if self.review_dialog is not None:
            self.review_dialog.close()
        from reader.study.flashcards import FlashcardDialog  # loaded when first used

        dialog = FlashcardDialog(
            w, self.study.review, w.tr_, w.theme, [w.body_family] + ([w.ja_family] if w.ja_family else [])
        )
        dialog.graded.connect(lambda *_a: self._after_review())
        dialog.finished.connect(lambda _r: self._after_review())
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def _after_review(self) -> None:
        self.update_due()
        self.refresh_marks()

    def open_progress(self) -> ProgressDialog:
        """Open the progress view."""
        w = self.window
        progress = self.study.progress
        if self.progress_dialog is not None:
            self.progress_dialog.close()
        from reader.study.progress_view import ProgressDialog  # loaded when first used

        dialog = ProgressDialog(w, progress.summary(), progress.levels(), self.study.review.due_count(), w.tr_, w.theme)
        dialog.lesson_chosen.connect(w.open_lesson)
        self.progress_dialog = dialog
        dialog.open()
        return dialog

    def export(self, kind: str) -> None:
        """Export my words to an Anki package or a CSV file chosen by the user."""
        tr = self.window.tr_
        anki = kind == "anki"
        path = dialogs.choose_save_file(
            self.window,
            tr("Export my words to Anki") if anki else tr("Export my words as CSV"),
            "my-words.apkg" if anki else "my-words.csv",
            tr("Anki packages (*.apkg)") if anki else tr("CSV files (*.csv)"),
        )
        if not path:
            return
        from library.study.export import export_anki, export_csv

        words = self.study.words.list()
        try:
            n = export_anki(words, path, profile_id=self.study.words.profile_id) if anki else export_csv(words, path)
        except OSError as exc:
            dialogs.error(self.window, tr("Export failed"), f"{path}: {exc.strerror or exc}")
            return
        self.window.statusBar().showMessage(tr("Exported {n} words to {path}.").format(n=n, path=path), 5000)

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

    def close(self) -> None:
        """Stop what is running before the window closes."""
        self.hide_card()
        self.speech.stop()
        if self._build_thread is not None:
            self._build_thread.quit()
            self._build_thread.wait(30_000)
