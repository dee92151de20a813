"""The tutor's features in the window: edit mode with undo, presentation mode, handouts, lesson packs.

`Teaching` is handed the library, Reading (the open lesson), the article and the window its dock
stands in; it declares its actions for the Teach menu and asks for a lesson pack by a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.article.document import DocStyle
from reader.article.view import ArticleView
from reader.reading import Reading
from reader.teaching.history import LessonHistory
from reader.ui.i18n import Translator
from reader.window import dialogs
from reader.window.actions import NO_LESSON, ActionSpec, MenuName

# The edit dock, the dialogs, handouts and presentation load when the tutor first uses them.
if TYPE_CHECKING:
    from library.editing import Editing
    from library.packs import Packs
    from library.study.area import Study
    from reader.teaching.edit_dock import Edit, EditorPanel
    from reader.teaching.edits import EditRequests
    from reader.teaching.handout import HandoutOptions
    from reader.teaching.presentation import PresentationView


class LessonAreas(Protocol):
    """The library's areas teaching uses: edits of a lesson, and lesson packs."""

    @property
    def editing(self) -> Editing:
        """Edits of a lesson, with snapshots for undo."""
        ...

    @property
    def packs(self) -> Packs:
        """Lesson packs in and out."""
        ...

    @property
    def study(self) -> Study:
        """Studying: the dictionary the level report's glosses come from."""
        ...


class WordsUndo(Protocol):
    """Saved words deleted on the My words page, waiting for an undo: Undo takes them back first,
    wherever the window is, and a lesson edit made after them ends the wait."""

    def words_undo_waiting(self) -> bool: ...

    def undo_words(self) -> None: ...

    def drop_words_undo(self) -> None: ...


class Teaching(QObject):
    """Edit mode, presentation, handouts and packs, for the lesson Reading has open."""

    pack_open_requested = Signal()  # "Open lesson pack…": the import flow takes packs
    page_view_requested = Signal()  # the dock's "Page view…": the page-fixing part shows the page
    stepped = Signal(str)  # "Undone: …" / "Redone: …", said once Undo or Redo took a step

    def __init__(self, library: LessonAreas, reading: Reading, article: ArticleView, window: QMainWindow,
                 look: Callable[[], DocStyle], tr: Callable[[str], str]) -> None:
        super().__init__(window)
        self._library, self._reading, self._article, self._window = library, reading, article, window
        self._look, self.tr_ = look, tr
        self.history = LessonHistory(self)  # one undo history per lesson: switching back brings it back
        self.presentation: PresentationView | None = None
        self._panel: EditorPanel | None = None
        self.actions: dict[str, QAction] = {}
        self._commands: dict[str, str] = {}
        self._requests: EditRequests | None = None  # loaded with the dock
        self._applying = False  # an edit (or its undo) is being applied: the article is being rebuilt
        self._words_undo: WordsUndo | None = None
        reading.lesson_closing.connect(self.keep_draft)
        reading.lesson_changed.connect(self._lesson_changed)
        reading.lesson_reloaded.connect(self._lesson_reloaded)
        article.focus_moved.connect(self._on_article_focus)  # a click, a key, a search hit, presentation

    @property
    def panel(self) -> EditorPanel:
        """The edit dock, built when edit mode is first turned on."""
        if self._panel is None:
            from reader.teaching.edit_dock import EditorPanel

            panel = EditorPanel(self._window, self.tr_)
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
            panel.hide()
            panel.request.connect(self._on_request)
            self._panel = panel
        return self._panel

    def _panel_showing(self) -> bool:
        return self._panel is not None and self._panel.isVisible()

    # --- the part's door -----------------------------------------------------------------
    def action_specs(self) -> list[ActionSpec]:
        """Edit mode, undo and redo, then presenting and exporting, in the Teach menu."""
        t = MenuName.TEACH
        return [
            ActionSpec("edit_mode", "&Edit mode", self.set_edit_mode, t, ("Ctrl+E",), checkable=True),
            # Not QUndoStack.createUndoAction: its prefix is fixed when it is made, and the language can change.
            ActionSpec("undo", "&Undo", lambda _c: self.undo(), t, ("Ctrl+Z",)),
            ActionSpec("redo", "&Redo", lambda _c: self.redo(), t, ("Ctrl+Shift+Z", "Ctrl+Y")),
            ActionSpec("present", "&Present…", lambda _c: self.present(), t, ("F5",), section=1),
            ActionSpec("handout", "Export &handout…", lambda _c: self.export_handout(), t, ("Ctrl+P",), section=1),
            ActionSpec("level_report", "&Level report…", lambda _c: self.export_level_report(), t, section=1),
            ActionSpec("levelled_worksheet", "Le&velled worksheet…", lambda _c: self.export_levelled_worksheet(), t,
                       section=1),
            ActionSpec("pack_export", "Export lesson &pack…", lambda _c: self.export_pack(), t, section=1),
            ActionSpec("pack_open", "Open lesson pac&k…", lambda _c: self.pack_open_requested.emit(), t, section=1),
        ]

    def placed(self, actions: dict[str, QAction], menus: dict[MenuName, QMenu]) -> None:
        """Keep the actions; undo and redo follow the undo stack."""
        self.actions = actions
        self.menu = menus[MenuName.TEACH]
        undo, redo = actions["undo"], actions["redo"]
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.history.group.canUndoChanged.connect(lambda _can: self.update_undo())
        self.history.group.canRedoChanged.connect(redo.setEnabled)
        self.history.group.undoTextChanged.connect(lambda t: self._undo_texts("undo", t))
        self.history.group.redoTextChanged.connect(lambda t: self._undo_texts("redo", t))

    def set_words_undo(self, words: WordsUndo) -> None:
        """Let Undo take back deleted saved words before the open lesson's edits (one Undo for the window)."""
        self._words_undo = words

    def _words_waiting(self) -> bool:
        return self._words_undo is not None and self._words_undo.words_undo_waiting()

    def update_undo(self) -> None:
        """Undo is offered while deleted words wait or the open lesson has an edit to take back."""
        try:
            self.actions["undo"].setEnabled(self._words_waiting() or self.history.group.canUndo())
        except RuntimeError:  # the window is being destroyed
            return
        self._undo_texts()

    def retranslate(self, tr: Translator) -> None:
        """Undo, Redo and the edit dock in the window's (new) language."""
        self._undo_texts()
        if self._panel is not None:
            self._panel.retranslate(self.tr_)

    def shutdown(self) -> None:
        """Keep the dock's unsaved translation and close the presentation with the window."""
        self.keep_draft()
        if self.presentation is not None:
            self.presentation.close()

    def _undo_texts(self, name: str = "", command: str = "") -> None:
        """Undo and Redo name the edit they undo or redo, in the window's language."""
        if name:
            self._commands[name] = command
        try:
            for key, text in (("undo", "&Undo"), ("redo", "&Redo")):
                command = self._commands.get(key, "")
                if key == "undo" and self._words_waiting():
                    command = "Delete words"
                self.actions[key].setText(self.tr_(text) + (f" {self.tr_(command)}" if command else ""))
        except RuntimeError:  # the window is being destroyed
            pass

    # --- lesson changes -------------------------------------------------------------------
    @property
    def stack(self) -> QUndoStack:
        """The open lesson's undo history."""
        return self.history.active()

    def _lesson_changed(self) -> None:
        """A different lesson is shown (or none: it was deleted): its own undo history becomes the one
        Undo and Redo work on, and the last lesson's presentation ends with it."""
        self.history.stack_for(self._reading.lesson_id)
        self._refresh_panel()
        if self._reading.lesson is None and self._panel_showing():
            self.set_edit_mode(False)  # the lesson it edited is gone (cleared above): nothing is left to edit
        if self.presentation is not None:
            view, self.presentation = self.presentation, None
            view.closed.disconnect(self._presentation_closed)  # its paragraph is not the new lesson's
            view.close()

    def _lesson_reloaded(self) -> None:
        """The open lesson was read again (renamed, a translation saved): shown anew on the same paragraph."""
        lesson = self._reading.lesson
        if self.presentation is not None and lesson is not None:
            self.presentation.refresh(lesson)
        self._refresh_panel()

    def undo(self) -> None:
        """Put back words deleted on My words if they wait; else take back the open lesson's last edit,
        unless the lesson was changed elsewhere since."""
        if self._words_undo is not None and self._words_waiting():
            self._words_undo.undo_words()
            return
        name = self.stack.undoText() if self.stack.canUndo() else ""
        self._say_step(self.history.undo(), "Undone: {step}", name)

    def redo(self) -> None:
        """Make the open lesson's last undone edit again, unless the lesson was changed elsewhere since."""
        name = self.stack.redoText() if self.stack.canRedo() else ""
        self._say_step(self.history.redo(), "Redone: {step}", name)

    def _say_step(self, stale: str | None, said: str, name: str) -> None:
        """Say the step Undo or Redo took (its name), or why it took none."""
        if stale is None and name:
            text = self.tr_(said).format(step=self.tr_(name))
            self._window.statusBar().showMessage(text, 10000)
            self.stepped.emit(text)
        elif stale is not None:
            self.stepped.emit(self.tr_(stale))
        self._say_stale(stale)

    def _say_stale(self, message: str | None) -> None:
        """Say why Undo or Redo did nothing, and show the lesson as it now is (with the change made elsewhere)."""
        if message is not None:
            self._window.statusBar().showMessage(self.tr_(message), 10000)
            self._reload_after_edit()

    def _refresh_panel(self) -> None:
        if self._panel_showing():
            self.panel.show_lesson(self._reading.lesson, self._article.focus_index)

    @property
    def edit_mode_on(self) -> bool:
        """Whether edit mode is on (the article offers English edits in its context menu then)."""
        return self._panel_showing()

    def _on_article_focus(self, _index: int = -1) -> None:
        """The dock shows the paragraph the article's focus is on, keeping what was typed for the last one."""
        if not self._panel_showing() or self._applying:
            return  # while an edit is applied, the dock is refreshed once it is done (lesson_reloaded)
        self.keep_draft()
        lesson = self._reading.lesson
        if lesson is not None:
            self.panel.show_paragraph(lesson, self._article.focus_index)

    def keep_draft(self) -> bool:
        """Save a translation typed in the dock and not saved, as the edit Save would have made (undoable).

        Called before the dock shows another paragraph or lesson, or closes: nothing typed is lost."""
        draft = self._panel.draft() if self._panel is not None else None
        lesson = self._reading.lesson
        if (draft is None or self._applying or lesson is None or lesson.id != draft[0]
                or not self._library.editing.exists(draft[0])):
            return False
        from reader.article.document import translation_lang

        lesson_id, block, text = draft
        lang, editing = translation_lang(lesson, None) or "ja", self._library.editing
        number = sum(1 for b in lesson.blocks[: block + 1] if b.kind != "heading")  # as the reader counts them
        self.edit("Edit translation", lambda: editing.set_translation(lesson_id, block, lang, text))
        self._window.statusBar().showMessage(
            self.tr_("Your translation of paragraph {n} was saved (Undo takes it back).").format(n=number), 10000)
        return True

    def edit(self, label: str, change: Callable[[], object]) -> None:
        """Make one undoable change to the open lesson; Reading reads it again after each step."""
        lesson_id = self._reading.lesson_id
        if lesson_id is None:
            return
        from reader.teaching.edit_dock import EditCommand

        command = EditCommand(self._library.editing, lesson_id, label, change, self._reload_after_edit)
        if self._words_undo is not None:
            self._words_undo.drop_words_undo()  # the lesson edit is now the last step Undo takes back
        self.history.stack_for(lesson_id).push(command)

    def _reload_after_edit(self) -> None:
        """Read the lesson again after an edit, its undo or redo (no other edit may start meanwhile)."""
        self._applying = True
        try:
            self._reading.reload()
        finally:
            self._applying = False

    # --- edit mode -------------------------------------------------------------------------
    def set_edit_mode(self, on: bool) -> None:
        """Show or hide the edit dock (what was typed in it is kept)."""
        if on and self._reading.lesson is None:
            self.actions["edit_mode"].setChecked(False)
            self._window.statusBar().showMessage(self.tr_(NO_LESSON), 10000)
            return
        if not on:
            self.keep_draft()
        self.actions["edit_mode"].setChecked(on)
        self.panel.setVisible(on)
        if on:
            self.panel.show_lesson(self._reading.lesson, self._article.focus_index)

    def _on_request(self, request: Edit) -> None:
        from reader.teaching.edit_dock import Edit

        if request is Edit.PAGE_VIEW:
            self.page_view_requested.emit()
            return
        lesson = self._reading.lesson
        if self._requests is None:
            from reader.teaching.edits import EditRequests

            self._requests = EditRequests(self.panel, self._library.editing, self._article, self._window,
                                          self.tr_, self.edit, self._on_article_focus)
        if lesson is not None and lesson.id is not None:
            self._requests.handle(request, lesson, self._article.focus_index)

    # --- presentation ----------------------------------------------------------------------
    def present(self, full_screen: bool = True) -> PresentationView | None:
        """Show the lesson full screen on a screen the tutor picks (asked only when there are several)."""
        from reader.teaching import dialogs as teaching_dialogs

        lesson = self._reading.lesson
        if lesson is None:
            return None
        screens = QGuiApplication.screens()
        screen = (
            screens[0]
            if len(screens) == 1
            else teaching_dialogs.choose_screen(self._window, self.tr_("Choose a screen"), screens)
        )
        if screen is None:
            return None
        if self.presentation is not None:
            self.presentation.close()
        from reader.teaching.presentation import PresentationView  # loaded when first used

        look = self._look()
        view = PresentationView(lesson, look.theme, look.body_family, look.ja_family,
                                self._article.reading_index(), self.tr_)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.closed.connect(self._presentation_closed)
        self.presentation = view
        view.present_on(screen, full_screen)
        return view

    def restyle(self) -> None:
        """The window's theme changed: the presentation takes it too."""
        if self.presentation is not None:
            self.presentation.restyle(self._look().theme)

    def _presentation_closed(self, focus: int) -> None:
        self.presentation = None
        if focus >= 0:
            self._article.set_focus_index(focus)
        self._window.activateWindow()
        self._article.setFocus(Qt.FocusReason.OtherFocusReason)  # back to reading, not to the search box

    # --- handouts and packs ----------------------------------------------------------------
    def export_handout(self) -> Path | None:
        """Ask what to print and where, then write the PDF."""
        from reader.teaching import dialogs as teaching_dialogs

        lesson = self._reading.lesson
        if lesson is None:
            return None
        labels = {
            "handout": self.tr_("Handout"),
            "worksheet": self.tr_("Worksheet (gap-fill with a word bank)"),
            "answers": self.tr_("Answer key"),
            "translations": self.tr_("Translations"),
            "glossary": self.tr_("Word list"),
            "notes": self.tr_("Notes, at the end after the word list"),  # endnotes, as build_html prints them
            "questions": self.tr_("Questions"),
            "parts_off": self.tr_("A worksheet prints the lesson with its word-list words blanked and a word bank: "
                                  "the handout's parts are not part of it."),
        }
        from reader.teaching.handout import write_pdf  # Qt's PDF printing loads when first used

        options: HandoutOptions | None = teaching_dialogs.ask_handout_options(
            self._window, self.tr_("Export handout"), labels
        )
        if options is None:
            return None
        suffix = " - answers" if options.answers else " - worksheet" if options.worksheet else ""
        name = "".join(c for c in lesson.title if c not in '\\/:*?"<>|')[:80] + suffix + ".pdf"
        target = teaching_dialogs.save_file(
            self._window, self.tr_("Export handout"), name, self.tr_("PDF files (*.pdf)")
        )
        if not target:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # laying out and printing takes seconds
        try:
            write_pdf(lesson, Path(target), options)
            failure: OSError | None = None
        except OSError as exc:
            failure = exc
        finally:
            QGuiApplication.restoreOverrideCursor()
        if failure is not None:
            why = failure.strerror or failure
            dialogs.error(self._window, self.tr_("Export failed"), f"{Path(target).name}: {why}")
            return None
        saved = ("Answer key saved to {path}" if options.answers else "Worksheet saved to {path}" if options.worksheet
                 else "Handout saved to {path}")
        self._window.statusBar().showMessage(self.tr_(saved).format(path=target), 10000)
        return Path(target)

    def _level_and_target(self, title: str, suffix: str, prompt: str) -> tuple[str, Path] | None:
        """Ask the class's level, then where to save the PDF."""
        from reader.teaching import dialogs as teaching_dialogs
        from reader.teaching.level_report import ask_level

        lesson = self._reading.lesson
        if lesson is None:
            return None
        level = ask_level(self._window, title, prompt)
        if level is None:
            return None
        name = "".join(c for c in lesson.title if c not in '\\/:*?"<>|')[:80] + f" - {suffix} {level}.pdf"
        target = teaching_dialogs.save_file(self._window, title, name, self.tr_("PDF files (*.pdf)"))
        return (level, Path(target)) if target else None

    def export_level_report(self) -> Path | None:
        """The lesson's level bar, readability and pre-teach words above the class's level, as a PDF."""
        from library.study.glosses import dictionary_lookup
        from reader.teaching.level_report import write_report

        lesson, tr = self._reading.lesson, self.tr_
        chosen = self._level_and_target(tr("Level report"), "levels",
                                        tr("The class's level (the words above it are listed):"))
        if lesson is None or chosen is None:
            return None
        level, target = chosen
        labels = {"title": tr("Level report"), "profile": tr("Level profile"), "words": tr("Words"),
                  "names": tr("Names"), "grade": tr("Readability grade"), "above": tr("Words above {level}"),
                  "word": tr("Word"), "level": tr("Level"), "gloss": tr("Gloss"),
                  "none": tr("No word of the lesson is above this level.")}
        try:
            stored = self._library.study.levels.of(lesson.id) if lesson.id is not None else None
            write_report(lesson, level, dictionary_lookup(self._library.study.dictionary), target, labels, stored)
        except OSError as exc:
            dialogs.error(self._window, tr("Export failed"), f"{target.name}: {exc.strerror or exc}")
            return None
        self._window.statusBar().showMessage(tr("Level report saved to {path}").format(path=target), 10000)
        return target

    def export_levelled_worksheet(self) -> Path | None:
        """A worksheet blanking the words above the class's level, with a word bank and an answer key (PDF)."""
        from reader.teaching.levelled_worksheet import NothingAbove, write_worksheet

        lesson, tr = self._reading.lesson, self.tr_
        chosen = self._level_and_target(tr("Levelled worksheet"), "worksheet",
                                        tr("The class's level (the words above it are blanked):"))
        if lesson is None or chosen is None:
            return None
        level, target = chosen
        labels = {"title": tr("Worksheet: words above {level}"), "bank": tr("Word bank"), "key": tr("Answer key"),
                  "continued": tr("Answer key (continued)")}
        # The first worksheet reads the level list's 240,000 rows for distractors (~2 s): say it is working.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_worksheet(lesson, level, target, labels)
            failure: OSError | NothingAbove | None = None
        except (OSError, NothingAbove) as exc:
            failure = exc
        finally:
            QGuiApplication.restoreOverrideCursor()
        if isinstance(failure, NothingAbove):  # no file is written: a worksheet with no gap is none
            dialogs.error(self._window, tr("Levelled worksheet"),
                          tr("No words above {level} in this lesson — choose a lower level").format(level=level))
            return None
        if failure is not None:
            dialogs.error(self._window, tr("Export failed"), f"{target.name}: {failure.strerror or failure}")
            return None
        self._window.statusBar().showMessage(tr("Worksheet saved to {path}").format(path=target), 10000)
        return target

    def export_pack(self) -> Path | None:
        """Write the open lesson (with its edits) to a lesson pack."""
        from reader.teaching import dialogs as teaching_dialogs

        lesson = self._reading.lesson
        if lesson is None or lesson.id is None:
            return None
        name = "".join(c for c in lesson.title if c not in '\\/:*?"<>|')[:80] + ".studypack"
        target = teaching_dialogs.save_file(
            self._window, self.tr_("Export lesson pack"), name, self.tr_("Lesson packs (*.studypack)")
        )
        if not target:
            return None
        from library.packs import is_pack

        path = Path(target) if is_pack(target) else Path(target + ".studypack")
        try:
            self._library.packs.export([lesson.id], path)
        except OSError as exc:
            dialogs.error(self._window, self.tr_("Export failed"), f"{path.name}: {exc.strerror or exc}")
            return None
        self._window.statusBar().showMessage(self.tr_("Lesson pack saved to {path}").format(path=path), 10000)
        return path
