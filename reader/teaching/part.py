"""The tutor's features in the window: edit mode with undo, presentation mode, handouts, lesson packs.

`Teaching` is created by the main window (the composition root) and adds its own actions,
menu and dock; it reaches the library only through its public areas.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu

from library import ImportRefused
from reader.article.document import translation_lang
from reader.window import dialogs

# The edit dock, the dialogs, handouts and presentation load when the tutor first uses them.
if TYPE_CHECKING:
    from reader.mainwindow import MainWindow
    from reader.teaching.edit_dock import EditorPanel
    from reader.teaching.handout import HandoutOptions
    from reader.teaching.presentation import PresentationView


class _AfterInput(QObject):
    """Calls back once the event loop has handled a click or key press on the watched widgets."""

    def __init__(self, callback: Callable[[bool], None]) -> None:
        super().__init__()
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.KeyPress):
            QTimer.singleShot(0, lambda: self._callback(False))
        return False


class Teaching:
    """Edit mode, presentation, handouts and packs, wired into one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.stack = QUndoStack(window)
        self.presentation: PresentationView | None = None
        self._panel: EditorPanel | None = None
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        self._focus_seen = -1
        # The article has no signal for its paragraph focus: look after each click or key press.
        self._filter = _AfterInput(self._on_article_focus)
        window.article.installEventFilter(self._filter)
        window.article.viewport().installEventFilter(self._filter)

    @property
    def panel(self) -> EditorPanel:
        """The edit dock, built when edit mode is first turned on."""
        if self._panel is None:
            from reader.teaching.edit_dock import EditorPanel

            panel = EditorPanel(self.w, self.tr)
            self.w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
            panel.hide()
            panel.request.connect(self._on_request)
            self._panel = panel
        return self._panel

    def _panel_showing(self) -> bool:
        return self._panel is not None and self._panel.isVisible()

    def tr(self, text: str) -> str:
        """Interface words in the window's language (reader.ui.i18n holds the one table)."""
        return self.w.tr_(text)

    def retranslate(self) -> None:
        """Menu, actions and the edit dock in the window's (new) language."""
        for name, text in self._texts.items():
            self.actions[name].setText(self.tr(text))
        self._undo_texts()
        self.menu.setTitle(self.tr("&Teach"))
        if self._panel is not None:
            self._panel.retranslate(self.tr)

    def _undo_texts(self, name: str = "", command: str = "") -> None:
        """Undo and Redo name the edit they undo or redo, in the window's language."""
        if name:
            self._commands[name] = command
        try:
            for key, text in (("undo", "&Undo"), ("redo", "&Redo")):
                command = self._commands.get(key, "")
                self.actions[key].setText(self.tr(text) + (f" {self.tr(command)}" if command else ""))
        except RuntimeError:  # the window is being destroyed
            pass

    # --- actions and menu ---------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.w
        self._texts: dict[str, str] = {}
        # Not createUndoAction: its prefix is fixed when it is made, and the language can change.
        undo, redo = QAction(w), QAction(w)
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        undo.triggered.connect(self.stack.undo)
        redo.triggered.connect(self.stack.redo)
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.stack.canUndoChanged.connect(undo.setEnabled)
        self.stack.canRedoChanged.connect(redo.setEnabled)
        self._commands: dict[str, str] = {}
        self.stack.undoTextChanged.connect(lambda t: self._undo_texts("undo", t))
        self.stack.redoTextChanged.connect(lambda t: self._undo_texts("redo", t))
        specs = [
            ("edit_mode", "&Edit mode", ("Ctrl+E",), self.set_edit_mode),
            ("present", "&Present…", ("F5",), lambda _c=False: self.present()),
            ("handout", "Export &handout…", ("Ctrl+P",), lambda _c=False: self.export_handout()),
            ("pack_export", "Export lesson &pack…", (), lambda _c=False: self.export_pack()),
            ("pack_open", "Open lesson pac&k…", (), lambda _c=False: self.open_pack()),
        ]
        for name, text, keys, slot in specs:
            self._texts[name] = text
            action = QAction(self.tr(text), w)
            action.setObjectName(f"action_{name}")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            w.addAction(action)
            self.actions[name] = action
        self.actions["edit_mode"].setCheckable(True)
        self.actions["undo"], self.actions["redo"] = undo, redo
        for a in (undo, redo):
            a.setObjectName(f"action_{'undo' if a is undo else 'redo'}")
            w.addAction(a)
        self._undo_texts()
        menu = QMenu(self.tr("&Teach"), w)
        menu.setObjectName("TeachMenu")
        for name in ("edit_mode", "undo", "redo"):
            menu.addAction(self.actions[name])
        menu.addSeparator()
        for name in ("present", "handout", "pack_export", "pack_open"):
            menu.addAction(self.actions[name])
        bar = w.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None]
        if menus:
            bar.insertMenu(menus[-1], menu)  # before Help
        else:
            bar.addMenu(menu)
        self.menu = menu

    # --- lesson changes -------------------------------------------------------------------
    def lesson_opened(self) -> None:
        """A different lesson is shown: edits of the last one are no longer undoable here."""
        self.stack.clear()
        self._refresh_panel()

    def _reload(self) -> None:
        """Read the lesson again after an edit and show it, keeping what was shown and where."""
        w = self.w
        if w.lesson is None or w.lesson.id is None:
            return
        focus = w.article.focus_index
        w.lesson = w.library.lessons.get(w.lesson.id)
        w.article.set_lesson(w.lesson, w.doc_style(), keep_state=True)
        w.vocab.set_entries(w.lesson.glossary)
        if focus >= 0:
            w.article.set_focus_index(focus, ensure_visible=False)
        self._refresh_panel()

    def _refresh_panel(self) -> None:
        if self._panel_showing():
            self.panel.show_lesson(self.w.lesson, self.w.article.focus_index)

    def _on_article_focus(self, force: bool = True) -> None:
        focus = self.w.article.focus_index
        if (force or focus != self._focus_seen) and self._panel_showing() and self.w.lesson is not None:
            self.panel.show_paragraph(self.w.lesson, focus)
        self._focus_seen = focus

    def edit(self, label: str, change: object) -> None:
        """Make one undoable change to the open lesson."""
        lesson = self.w.lesson
        if lesson is None or lesson.id is None or not callable(change):
            return
        from reader.teaching.edit_dock import EditCommand

        self.stack.push(EditCommand(self.w.library, lesson.id, label, change, self._reload))

    # --- edit mode -------------------------------------------------------------------------
    def set_edit_mode(self, on: bool) -> None:
        """Show or hide the edit dock."""
        self.actions["edit_mode"].setChecked(on)
        self.panel.setVisible(on)
        if on:
            self.panel.show_lesson(self.w.lesson, self.w.article.focus_index)

    def _on_request(self, name: str, _arg: object) -> None:
        from reader.teaching import dialogs as teaching_dialogs
        from reader.teaching.edit_dock import selection_anchor

        lesson, p = self.w.lesson, self.panel
        if lesson is None or lesson.id is None:
            return
        lid, ed, focus = lesson.id, self.w.library.editing, self.w.article.focus_index
        lang = translation_lang(lesson, None) or "ja"
        para = 0 <= focus < len(lesson.blocks)
        if name == "save_translation" and para:
            text = p.translation_edit.toPlainText()
            self.edit("Edit translation", lambda: ed.set_translation(lid, focus, lang, text))
        elif name == "remove_translation" and para:
            self.edit("Remove translation", lambda: ed.remove_translation(lid, focus, lang))
        elif name in ("move_up", "move_down") and para:
            target = self._neighbour(focus, -1 if name == "move_up" else 1)
            if target is not None:
                self.edit("Move translation", lambda: ed.move_translation(lid, focus, target, lang))
                self.w.article.set_focus_index(target)
                self._on_article_focus()
        elif name == "add_question" and para:
            got = teaching_dialogs.ask_fields(
                self.w, self.tr("Question"), [(self.tr("Question"), "", False), (self.tr("Answer"), "", False)]
            )
            if got and got[0].strip():
                self.edit("Add question", lambda: ed.add_question(lid, focus, got[0], got[1]))
        elif name == "remove_question" and (ref := p.current_ref(p.questions)):
            self.edit("Remove question", lambda: ed.remove_question(lid, ref))
        elif name in ("anchor_note", "add_note"):
            self._note_from_selection(name == "add_note")
        elif name == "edit_note" and (ref := p.current_ref(p.notes)):
            note = next(n for n in lesson.notes if n.ref == ref)
            got = teaching_dialogs.ask_fields(
                self.w,
                self.tr("Note"),
                [
                    (self.tr("Label"), note.label, False),
                    (self.tr("Text"), note.text, True),
                    (self.tr("Source link"), note.source_url or "", False),
                ],
            )
            if got:
                self.edit(
                    "Edit note",
                    lambda: ed.update_note(lid, ref, label=got[0], text=got[1], source_url=got[2].strip() or None),
                )
        elif name == "remove_note" and (ref := p.current_ref(p.notes)):
            self.edit("Remove note", lambda: ed.remove_note(lid, ref))
        elif name in ("add_entry", "edit_entry"):
            self._entry(name == "add_entry")
        elif name == "remove_entry" and (ref := p.current_ref(p.entries)):
            self.edit("Remove word", lambda: ed.remove_entry(lid, ref))
        elif name in ("entry_up", "entry_down") and (ref := p.current_ref(p.entries)):
            step = -1 if name == "entry_up" else 1
            self.edit("Move word", lambda: ed.move_entry(lid, ref, step))
            p.entries.setCurrentRow(max(0, min(p.entries.count() - 1, p.entries.currentRow() + step)))
        elif name == "place_translation" and para and (ref := p.current_ref(p.unplaced)):
            self.edit("Place as translation", lambda: ed.place_unplaced(lid, ref, focus, "translation"))
        elif name == "place_note" and para and (ref := p.current_ref(p.unplaced)):
            anchor = selection_anchor(self.w.article.built, lesson, self.w.article.textCursor())
            block = anchor.block if anchor else focus
            self.edit("Place as note", lambda: ed.place_unplaced(lid, ref, block, "note", anchor))
        elif name == "discard" and (ref := p.current_ref(p.unplaced)):
            self.edit("Discard", lambda: ed.discard_unplaced(lid, ref))

    def _neighbour(self, index: int, step: int) -> int | None:
        order = self.w.article.paragraphs()
        if index not in order:
            return None
        at = order.index(index) + step
        return order[at] if 0 <= at < len(order) else None

    def _note_from_selection(self, new: bool) -> None:
        from reader.teaching import dialogs as teaching_dialogs
        from reader.teaching.edit_dock import selection_anchor

        lesson, p, article = self.w.lesson, self.panel, self.w.article
        assert lesson is not None and lesson.id is not None
        lid, ed = lesson.id, self.w.library.editing
        anchor = selection_anchor(article.built, lesson, article.textCursor())
        if anchor is None:
            dialogs.inform(self.w, self.tr("Note"), self.tr("Select some words of an English paragraph first."))
            return
        if new:
            got = teaching_dialogs.ask_fields(
                self.w,
                self.tr("Note"),
                [
                    (self.tr("Label"), lesson.blocks[anchor.block].text[anchor.start : anchor.end], False),
                    (self.tr("Text"), "", True),
                    (self.tr("Source link"), "", False),
                ],
            )
            if got and got[1].strip():
                self.edit("New note", lambda: ed.add_note(lid, got[1], anchor, got[0], got[2].strip() or None))
        elif ref := p.current_ref(p.notes):
            self.edit("Anchor note", lambda: ed.anchor_note(lid, ref, anchor))

    def _entry(self, new: bool) -> None:
        from reader.teaching import dialogs as teaching_dialogs

        lesson, p = self.w.lesson, self.panel
        assert lesson is not None and lesson.id is not None
        lid, ed = lesson.id, self.w.library.editing
        ref = None if new else p.current_ref(p.entries)
        if not new and ref is None:
            return
        g = next((e for e in lesson.glossary if e.ref == ref), None)
        got = teaching_dialogs.ask_fields(
            self.w,
            self.tr("Word-list entry"),
            [
                (self.tr("Term"), g.term if g else "", False),
                (self.tr("Part of speech"), g.pos if g else "", False),
                (self.tr("Definition"), g.definition if g else "", True),
                (self.tr("Translation"), g.translation if g else "", False),
            ],
        )
        if not got or not got[0].strip():
            return
        if ref is None:
            self.edit("Add word", lambda: ed.add_entry(lid, got[0], got[1], got[2], got[3]))
        else:
            self.edit(
                "Edit word",
                lambda: ed.update_entry(lid, ref, term=got[0], pos=got[1], definition=got[2], translation=got[3]),
            )

    # --- presentation ----------------------------------------------------------------------
    def present(self, full_screen: bool = True) -> PresentationView | None:
        """Show the lesson full screen on a screen the tutor picks (asked only when there are several)."""
        from reader.teaching import dialogs as teaching_dialogs

        w = self.w
        if w.lesson is None:
            return None
        screens = QGuiApplication.screens()
        screen = (
            screens[0] if len(screens) == 1 else teaching_dialogs.choose_screen(w, self.tr("Choose a screen"), screens)
        )
        if screen is None:
            return None
        if self.presentation is not None:
            self.presentation.close()
        from reader.teaching.presentation import PresentationView  # loaded when first used

        view = PresentationView(w.lesson, w.theme, w.body_family, w.ja_family, w.article.focus_index)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.closed.connect(self._presentation_closed)
        self.presentation = view
        view.present_on(screen, full_screen)
        return view

    def _presentation_closed(self, focus: int) -> None:
        self.presentation = None
        if focus >= 0:
            self.w.article.set_focus_index(focus)
        self.w.activateWindow()

    # --- handouts and packs ----------------------------------------------------------------
    def export_handout(self) -> Path | None:
        """Ask what to print and where, then write the PDF."""
        from reader.teaching import dialogs as teaching_dialogs

        w = self.w
        if w.lesson is None:
            return None
        labels = {
            "handout": self.tr("Handout"),
            "worksheet": self.tr("Worksheet (gap-fill with a word bank)"),
            "answers": self.tr("Answer key"),
            "translations": self.tr("Translations"),
            "glossary": self.tr("Word list"),
            "notes": self.tr("Notes as footnotes"),
            "questions": self.tr("Questions"),
        }
        from reader.teaching.handout import write_pdf  # Qt's PDF printing loads when first used

        options: HandoutOptions | None = teaching_dialogs.ask_handout_options(w, self.tr("Export handout"), labels)
        if options is None:
            return None
        suffix = " - answers" if options.answers else " - worksheet" if options.worksheet else ""
        name = "".join(c for c in w.lesson.title if c not in '\\/:*?"<>|')[:80] + suffix + ".pdf"
        target = teaching_dialogs.save_file(w, self.tr("Export handout"), name, self.tr("PDF files (*.pdf)"))
        if not target:
            return None
        try:
            write_pdf(w.lesson, Path(target), options)
        except OSError as exc:
            dialogs.error(w, self.tr("Export failed"), f"{Path(target).name}: {exc.strerror or exc}")
            return None
        return Path(target)

    def export_pack(self) -> Path | None:
        """Write the open lesson (with its edits) to a lesson pack."""
        from reader.teaching import dialogs as teaching_dialogs

        w = self.w
        if w.lesson is None or w.lesson.id is None:
            return None
        name = "".join(c for c in w.lesson.title if c not in '\\/:*?"<>|')[:80] + ".studypack"
        target = teaching_dialogs.save_file(
            w, self.tr("Export lesson pack"), name, self.tr("Lesson packs (*.studypack)")
        )
        if not target:
            return None
        from library.packs import is_pack

        path = Path(target) if is_pack(target) else Path(target + ".studypack")
        try:
            w.library.packs.export([w.lesson.id], path)
        except OSError as exc:
            dialogs.error(w, self.tr("Export failed"), f"{path.name}: {exc.strerror or exc}")
            return None
        return path

    def open_pack(self) -> None:
        """Choose a lesson pack and import it."""
        paths = dialogs.choose_files(self.w, self.tr("Open lesson pack"), self.tr("Lesson packs (*.studypack)"))
        for path in paths:
            self.import_pack(path)

    def take_packs(self, paths: list[str]) -> list[str]:
        """Import the lesson packs among `paths` (dropped or chosen); returns the other paths."""
        from library.packs import is_pack

        rest = []
        for path in paths:
            if is_pack(path):
                self.import_pack(path)
            else:
                rest.append(path)
        return rest

    def import_pack(self, path: str) -> bool:
        """Import one pack, open its first lesson; a refused pack gets a one-line dialog."""
        w = self.w
        try:
            result = w.library.packs.import_pack(path)
        except ImportRefused as exc:
            dialogs.error(w, w.tr_("Import failed"), f"{Path(path).name}: {exc}")
            return False
        w.library.search.index_pending()
        w.refresh_lessons()
        if result.lessons:
            lesson_id = result.lessons[0].lesson_id
            if w.current_id() == lesson_id:
                self._reload()
            else:
                w.open_lesson(lesson_id)
        return True
