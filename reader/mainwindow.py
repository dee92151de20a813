"""The main window: the one place where panels, article, library and settings are wired together."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

import resources
from library import Library
from library.model import Lesson
from library.wordforms import warm_up
from reader import desktop_integration
from reader.article.document import translation_lang
from reader.article.glosses import GlossesUi
from reader.article.view import ArticleView
from reader.reading import Reading
from reader.study.levels_part import LevelsUi, difficulty_tip
from reader.study.part import StudyUi
from reader.teaching.page_part import PageFixing
from reader.teaching.part import Teaching
from reader.ui.elided import ElidingStatusBar
from reader.ui.fonts import japanese_family, reading_family
from reader.ui.i18n import KEYS_HELP, Translator
from reader.ui.themes import theme_named
from reader.window import dialogs
from reader.window.actions import NO_LESSON, ActionSpec, MenuName, Part, build_menus, needs_lesson
from reader.window.appearance import Appearance
from reader.window.entry_meanings import dictionary_meanings
from reader.window.focus_mode import SIDE_WIDTHS, FocusMode
from reader.window.import_flow import ImportFlow, files_in
from reader.window.learners import ProfilesUi
from reader.window.lesson_admin import LessonAdmin
from reader.window.library_panel import LibraryPanel
from reader.window.library_watch import LibraryWatch
from reader.window.screen_fit import DEFAULT as DEFAULT_SIZE
from reader.window.screen_fit import fitted
from reader.window.vocab_panel import VocabPanel

if TYPE_CHECKING:
    from reader.teaching.page_edits import PageArea
    from reader.window.import_review import ImportReviewDialog

log = logging.getLogger(__name__)


class MainWindow(Appearance, QMainWindow):
    """Library panel | article | vocabulary, in a splitter whose sizes are remembered (how it looks:
    reader/window/appearance.py)."""

    def __init__(self, library: Library, settings: QSettings, lang: str | None = None,
                 theme: str | None = None, interactive: bool = True) -> None:
        super().__init__()
        self.setStatusBar(ElidingStatusBar(self))  # a long message stops short of the permanent fields
        self.library, self.settings, self.interactive = library, settings, interactive
        self.tr_ = Translator(lang or str(settings.value("ui/lang", Translator.system_lang())))
        self.theme = theme_named(theme or str(settings.value("view/theme", "light")))
        self.zoom = float(settings.value("view/zoom", 1.0))  # type: ignore[arg-type]
        self.body_family = str(settings.value("view/font_family", "") or reading_family())
        self.body_size = float(settings.value("view/font_size", 13.0))  # type: ignore[arg-type]
        self.ja_family = japanese_family()
        self.setObjectName("MainWindow")
        self.setWindowIcon(QIcon(str(Path(resources.__file__).with_name("icon.svg"))))
        self.setAcceptDrops(True)
        self._open_at: int | None = None  # where open_lesson asked the next lesson to open

        self.reading = Reading(library.lessons, self)
        # The window shows a lesson first; the parts, connected after it, see it shown.
        self.reading.lesson_changed.connect(self._show_opened)
        self.reading.lesson_reloaded.connect(self._show_reloaded)
        self.panel = LibraryPanel(self)
        self.lesson_admin = LessonAdmin(library.lessons, self.reading, self, self.statusBar(), self.refresh_lessons,
                                        lambda text: self.tr_(text))
        self.article = ArticleView(self)
        self.vocab = VocabPanel(self)
        self.vocab.meanings = dictionary_meanings(lambda: library.study.dictionary)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("MainSplitter")
        for w in (self.panel, self.article, self.vocab):
            self.splitter.addWidget(w)
        for i, stretch in enumerate((0, 1, 0)):
            self.splitter.setStretchFactor(i, stretch)
        self.splitter.setChildrenCollapsible(True)
        self.setCentralWidget(self.splitter)
        self.setTabOrder(self.panel.search, self.panel.lessons_view)
        self.setTabOrder(self.panel.lessons_view, self.article)
        self.setTabOrder(self.article, self.vocab.view)
        tr = self._tr
        self.import_flow = ImportFlow(library, self.reading, self, tr)
        # edit mode, presentation, handouts, lesson packs
        self.teaching = Teaching(library, self.reading, self.article, self, self.doc_style, tr)
        # the page view: the import's lines and their roles, and fixing the English
        self.page_fixing = PageFixing(lambda: self._page_area(), self.reading, self.article, self, self.teaching.edit,
                                      lambda: self.teaching.edit_mode_on, lambda: self.theme, tr)
        # lookup card, my words, review, progress, export, read aloud
        self.study = StudyUi(library.study, self.reading, self.article, settings, self.statusBar(), self,
                             self.doc_style, tr)
        # Mark known words at once, Read next
        self.levels_ui = LevelsUi(library.study, settings, self, tr)
        # glosses over hard words, drawn over the article
        self.glosses = GlossesUi(library.study, self.reading, self.article, settings, self, tr)
        # the Learner menu: whose words, reviews and progress
        self.learners = ProfilesUi(library.profiles, self.reading, self.article, settings, self.statusBar(), self, tr)
        # narrow windows: the side panels give way to the article
        self.focus_mode = FocusMode(self, self.splitter, (self.panel, self.vocab), self.article, settings)
        self.parts: list[Part] = [
            self.teaching, self.page_fixing, self.study, self.levels_ui, self.glosses, self.learners, self.focus_mode
        ]
        self.menus = build_menus(self, self.article, self._action_specs() + [
            spec for part in self.parts for spec in part.action_specs()
        ], needs_lesson(lambda: self.lesson is not None, self._say_no_lesson))
        for part in self.parts:
            part.placed(self.menus.actions, self.menus.menus)
        self._wire()
        self._restore_layout()
        self.set_language(self.tr_.lang, rebuild=False)
        self.set_theme(self.theme.name, rebuild=False)
        self.refresh_lessons()
        self._show_opened()  # none yet: the empty state, in the article and the word panel, until one opens
        self.watch = LibraryWatch(library, self)  # a lesson imported from the command line shows in the list
        self.watch.changed.connect(self.refresh_lessons)
        self.watch.changed.connect(self.reading.reload_if_changed)  # `study-reader fix` on the open lesson
        self.watch.changed.connect(lambda: self.page_fixing.follow_outside())  # and the page view shows it
        self.watch.levelled.connect(self.refresh_difficulty)  # the samples of a first start, say

    def _tr(self, text: str) -> str:
        """Interface words in the window's current language, for the parts."""
        return self.tr_(text)

    def _page_area(self) -> PageArea:
        """The library's page lines and their changes, for the page view (loaded when first used)."""
        from reader.teaching.page_core import page_area

        return page_area(self.library)

    @property
    def lesson(self) -> Lesson | None:
        """The open lesson (Reading owns it)."""
        return self.reading.lesson

    # --- wiring -------------------------------------------------------------------------
    _forms_warming = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The word-forms tables take ~0.5 s and ~70 MB to load: load them when the pointer
        # reaches the word list (a click on a word is likely next), not at start-up.
        if watched is self.vocab and event.type() == QEvent.Type.Enter and not self._forms_warming:
            self._forms_warming = True
            warm_up()
        return super().eventFilter(watched, event)

    def _action_specs(self) -> list[ActionSpec]:
        """The window's own actions: files, view, going to a panel, help."""
        f, v, g, h = MenuName.FILE, MenuName.VIEW, MenuName.GO, MenuName.HELP
        art = self.article
        return [
            ActionSpec("import", "&Import files…", lambda _c: self.import_flow.ask_import(), f, ("Ctrl+O",)),
            ActionSpec("reimport", "Re-import from &source…", lambda _c: self.import_flow.reimport.ask(), f),
            ActionSpec("rename", "&Rename lesson…", lambda _c: self.rename_lesson(self.current_id()), f, ("F2",)),
            ActionSpec("delete", "&Delete lesson…", lambda _c: self.delete_lesson(self.current_id()), f,
                       ("Ctrl+Del",)),
            ActionSpec("quit", "&Quit", lambda _c: self.close(), f, ("Ctrl+Q",), section=9),
            ActionSpec("show_all", "&Show all translations", lambda _c: art.show_all(True), v, ("Ctrl+Shift+T",)),
            ActionSpec("hide_all", "&Hide all translations", lambda _c: art.show_all(False), v, ("Ctrl+Shift+H",)),
            ActionSpec("zoom_in", "Zoom &in", lambda _c: self.step_zoom(1), v, ("Ctrl+=", "Ctrl++"), section=1),
            ActionSpec("zoom_out", "Zoom &out", lambda _c: self.step_zoom(-1), v, ("Ctrl+-",), section=1),
            ActionSpec("zoom_reset", "&Actual size", lambda _c: self.set_zoom(1.0), v, ("Ctrl+0",), section=1),
            ActionSpec("font", "&Font…", lambda _c: self.choose_font(), v, section=1),
            ActionSpec("focus_library", "Go to &library", lambda _c: self._focus(self.panel.stack.currentWidget()),
                       g, ("Ctrl+1",)),
            ActionSpec("focus_article", "Go to &article", lambda _c: self._focus(art), g, ("Ctrl+2",)),
            ActionSpec("focus_words", "Go to &words", lambda _c: self._focus(self.vocab.view), g, ("Ctrl+3",)),
            ActionSpec("search", "&Search", lambda _c: self._focus_search(), g, ("Ctrl+F",)),
            ActionSpec("keys", "&Keyboard shortcuts", lambda _c: self._show_keys(), h, ("F1",)),
            ActionSpec("about", "&About Study Reader", lambda _c: dialogs.about(self, self.tr_), h),
        ] + ([  # a launcher, icons and the pack type under ~/.local/share
            ActionSpec("install_desktop", "Add to the &applications menu",
                       lambda _c: desktop_integration.install_from_menu(self, self.tr_), h),
        ] if sys.platform.startswith("linux") else [])

    def _wire(self) -> None:
        self.vocab.installEventFilter(self)
        for name, action in self.menus.themes.items():
            action.triggered.connect(lambda _c=False, n=name: self.set_theme(n))
        for code, action in self.menus.langs.items():
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
        self.panel.lesson_activated.connect(self.open_lesson)
        self.panel.hit_activated.connect(lambda lid, pos, lang: self.open_hit(lid, pos, lang, self.panel.search.text()))
        self.panel.search_changed.connect(self._search)
        self.panel.delete_requested.connect(self.delete_lesson)
        self.panel.rename_requested.connect(self.rename_lesson)
        self.vocab.entry_activated.connect(self.highlight_entry)
        self.vocab.cleared.connect(self.article.clear_highlight)
        self.article.add_translation_requested.connect(self.add_translation)
        self.article.position_changed.connect(self._save_position)
        self.import_flow.lessons_added.connect(self.refresh_lessons)
        self.import_flow.status.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.teaching.pack_open_requested.connect(self.import_flow.open_packs)
        self.teaching.page_view_requested.connect(lambda: self.page_fixing.open_page())
        self.import_flow.page_view_requested.connect(self.page_fixing.open_page)
        self.page_fixing.lessons_added.connect(self.refresh_lessons)
        self.teaching.stepped.connect(self.page_fixing.say)
        self.import_flow.reimport.history_dropped.connect(self.teaching.history.drop)
        self.import_flow.reimport.status.connect(self.page_fixing.say)
        self.study.lesson_requested.connect(self.open_lesson)
        self.study.statuses_changed.connect(self.refresh_difficulty)
        self.study.place_requested.connect(lambda lesson_id, pos: self.open_hit(lesson_id, pos, "en"))
        self.study.page_requested.connect(self._show_page)
        self.teaching.set_words_undo(self.study)
        self.study.words_undo_changed.connect(self.teaching.update_undo)
        self.learners.switched.connect(self._learner_switched)
        self.levels_ui.lesson_requested.connect(self.open_lesson)
        self.levels_ui.statuses_changed.connect(self._words_seeded)
        self.levels_ui.statuses_changed.connect(self.glosses.refresh)  # words marked known at once lose their glosses
        self.glosses.restyle_requested.connect(self._restyle)
        self.study.dictionary.ready.connect(self.glosses.dictionary_changed)
        self.study.statuses_changed.connect(self.glosses.refresh)  # "unknown to me" follows my words
        self.learners.switched.connect(self.glosses.refresh)

    def _say_no_lesson(self) -> None:
        self.statusBar().showMessage(self.tr_(NO_LESSON), 10000)

    def _show_keys(self) -> None:
        dialogs.shortcuts(self, self.tr_("Keyboard shortcuts"), self.tr_(KEYS_HELP))

    def _show_page(self, page: QWidget | None) -> None:
        """A page (My words) in place of the reading view, or the reading view again."""
        from reader.study.my_words import show_page  # loaded with the page, not at start

        if page is not None and self.teaching.edit_mode_on:
            self.teaching.set_edit_mode(False)  # the dock edits the article, and would squeeze the page
        show_page(self, page)

    def _focus(self, widget: object) -> None:
        self.activateWindow()  # the key may come from the page view, a window of its own
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)  # type: ignore[attr-defined]

    def _focus_search(self) -> None:
        self._focus(self.panel.search)
        self.panel.search.selectAll()

    def _restore_layout(self) -> None:
        state = self.settings.value("window/splitter")
        # sides saved squeezed to nothing come back at their widths when shown (FocusMode.fit)
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([SIDE_WIDTHS[0], 760, SIDE_WIDTHS[1]])
        geometry = self.settings.value("window/geometry")
        saved = self.geometry() if geometry is not None and self.restoreGeometry(geometry) else None
        screen = self.screen()
        if screen is None:
            self.resize(DEFAULT_SIZE)
            return
        # A geometry saved on a bigger screen, or a tiny one, would open the window unusable here.
        place = fitted(saved, screen.availableGeometry())
        if saved is None or place != saved:
            self.setGeometry(place)

    def save_layout(self) -> None:
        """Remember splitter sizes and window geometry."""
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/geometry", self.saveGeometry())

    # --- lessons -------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        """The open lesson."""
        return self.reading.lesson_id

    def refresh_lessons(self) -> None:
        """Reload the lesson list (and the search hits shown)."""
        lessons = self.library.lessons
        self.panel.set_lessons(
            lambda offset, limit: lessons.list(offset, limit), lessons.count(), self.current_id(), lessons.index_of
        )
        text = self.panel.search.text()
        if text.strip():  # hits name their lesson: a rename or a deletion makes the shown ones stale
            self.panel.set_hits(self.library.search.query(text), keep=True)
        self.refresh_difficulty()
        self.study.lessons_changed()

    def refresh_difficulty(self) -> None:
        """Show each lesson's unknown share anew (a word's status changed, or the learner)."""
        levels = self.library.study.levels
        self.panel.lessons_model.set_difficulty(
            levels.shares_and_levels, lambda lesson_id: difficulty_tip(levels.of(lesson_id), self.tr_))

    def open_lesson(self, lesson_id: int, at: int | None = None) -> bool:
        """Show a lesson, at its saved reading position unless `at` is given."""
        if self.current_id() == lesson_id:
            if at is not None:
                self.article.scroll_to(at)
            self.panel.select(lesson_id)  # the list may have moved off it (the arrow keys select without opening)
            return True
        self._open_at = at  # read by _show_opened, which Reading's signal calls from within open()
        try:
            opened = self.reading.open(lesson_id)
        finally:
            self._open_at = None
        if not opened:
            self.lesson_admin.title_or_gone(lesson_id)  # a stale row of the list: refresh it and say so
        return opened

    def _render(self, keep_state: bool = True) -> None:
        """Build the article anew from the open lesson, in the current style."""
        self.article.set_lesson(self.lesson, self.doc_style(), keep_state=keep_state)

    def _show_opened(self) -> None:
        """Another lesson (or none) is open: show it from its reading position."""
        lesson = self.lesson
        self._render(keep_state=False)
        self.vocab.set_entries(lesson.glossary if lesson is not None else [], lesson_open=lesson is not None)
        self._update_title()
        if lesson is None or lesson.id is None:
            return
        position = self.library.lessons.position(lesson.id) if self._open_at is None else self._open_at
        paragraphs = self.article.paragraphs()
        if paragraphs and position > paragraphs[0]:
            self.article.scroll_to(position)
        else:
            self.article.verticalScrollBar().setValue(0)  # the start of a lesson shows its title
        if self.interactive:
            self.library.lessons.set_position(lesson.id, position)
        self.panel.show_opened(lesson.id)

    def _show_reloaded(self) -> None:
        """The open lesson was read again: show it, keeping what was shown, the focus and the place."""
        focus = self.article.focus_index
        self._render()
        if self.lesson is not None:
            self.vocab.set_entries(self.lesson.glossary)
        if focus >= 0:
            self.article.set_focus_index(focus, ensure_visible=False)
        self._update_title()

    def _words_seeded(self) -> None:
        """Many words became known (or were taken back) at once: the list's difficulty and the marks follow."""
        self.refresh_difficulty()
        self.study.refresh_marks()

    def _learner_switched(self) -> None:
        """Another learner is active: their progress in the list, their words (their lesson opens through Reading)."""
        self.refresh_lessons()
        self.study.learner_switched()

    def _search(self, text: str) -> None:
        """Show the hits of a new search; the marks of the last hit opened go."""
        self.article.clear_search_marks()
        self.panel.set_hits(self.library.search.query(text))

    def open_hit(self, lesson_id: int, block_pos: int, lang: str, query: str = "") -> None:
        """Jump to a search hit: its paragraph, with its translation shown when that is what matched,
        and what matched `query` marked."""
        if not self.open_lesson(lesson_id, at=max(block_pos, 0)) or block_pos < 0:
            return
        if lang not in ("en", "title") and not self.article.is_shown(block_pos):
            self.article.set_shown(block_pos, True)
        self.article.scroll_to(block_pos)
        self.article.set_focus_index(block_pos, ensure_visible=False)
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)
        self.article.mark_search(block_pos, lang, query)

    def _update_title(self) -> None:
        name = self.tr_("Study Reader")
        self.setWindowTitle(f"{self.lesson.title} — {name}" if self.lesson is not None else name)

    def _save_position(self, block_pos: int, progress: float) -> None:
        lesson_id = self.current_id()
        if self.interactive and lesson_id is not None:
            self.library.lessons.set_position(lesson_id, block_pos, progress)
            self.panel.lessons_model.set_progress(lesson_id, progress)

    def highlight_entry(self, row: int) -> None:
        """Highlight a glossary entry's occurrences in the article."""
        count = self.article.highlight(row)
        entry = self.lesson.glossary[row] if self.lesson is not None else None
        self.vocab.show_count(count, entry.term if entry else "")

    def add_translation(self, index: int) -> None:
        """Ask for the user's own translation of a paragraph and store it."""
        lesson = self.lesson
        if lesson is None or lesson.id is None:
            return
        block = lesson.blocks[index]
        lang = translation_lang(lesson, None) or "ja"
        text = dialogs.ask_translation(self, self.tr_, block.text, block.translation(lang) or "")
        if text is None:
            return
        self.library.editing.set_translation(lesson.id, index, lang, text)
        self.reading.reload()
        self.article.set_shown(index, True)

    def rename_lesson(self, lesson_id: int | None) -> None:
        """Give a lesson a title of the user's choosing."""
        self._on_lesson(lesson_id, self.lesson_admin.rename)

    def delete_lesson(self, lesson_id: int | None) -> None:
        """Delete a lesson after the user confirms."""
        self._on_lesson(lesson_id, self.lesson_admin.delete)

    def _on_lesson(self, lesson_id: int | None, act: Callable[[int], None]) -> None:
        """Act on a lesson, else on the one selected in the list; with neither, say what is needed."""
        lesson_id = lesson_id if lesson_id is not None else self.panel.current_lesson_id()
        if lesson_id is not None:
            act(lesson_id)
        else:
            self._say_no_lesson()

    # --- import ---------------------------------------------------------------------------------
    def import_files(self, paths: list[str]) -> None:
        """Import files (and lesson packs); the last one imported opens."""
        self.import_flow.import_files(paths)

    def review_import(self, lesson_id: int) -> None:
        """Show what an import found, to place or discard what it could not place."""
        self.import_flow.review_import(lesson_id)

    @property
    def import_review(self) -> ImportReviewDialog | None:
        """The last import's review dialog."""
        return self.import_flow.review_dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = files_in([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.article.card.close_card()
        for part in self.parts:
            part.shutdown()
        self.article.stop_tracking()
        if self.interactive:
            self.save_layout()
        self.import_flow.shutdown()
        super().closeEvent(event)
