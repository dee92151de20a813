"""The main window: the one place where panels, article, library and settings are wired together."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThread
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QSplitter

import resources
from library import Library
from library.model import Lesson
from reader.article.document import DocStyle, translation_lang
from reader.article.forms import warm_up
from reader.article.view import ArticleView
from reader.study.part import StudyUi
from reader.teaching.part import Teaching
from reader.ui.fonts import japanese_family, reading_family
from reader.ui.i18n import KEYS_HELP, Translator, install_qt_translation
from reader.ui.themes import apply_palette, theme_named
from reader.window import dialogs
from reader.window.actions import build_menus
from reader.window.import_worker import ImportOutcome, ImportWorker, import_paths
from reader.window.learners import ProfilesUi
from reader.window.library_panel import LibraryPanel
from reader.window.vocab_panel import VocabPanel

log = logging.getLogger(__name__)
# What a dropped folder is searched for: pages, saved web pages, books, Markdown, tutor lessons.
IMPORTABLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".epub", ".md", ".tsv", ".json")
ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.4)


class MainWindow(QMainWindow):
    """Library panel | article | vocabulary, in a splitter whose sizes are remembered."""

    def __init__(self, library: Library, settings: QSettings, lang: str | None = None,
                 theme: str | None = None, interactive: bool = True) -> None:
        super().__init__()
        self.library, self.settings, self.interactive = library, settings, interactive
        self.lesson: Lesson | None = None
        self.tr_ = Translator(lang or str(settings.value("ui/lang", Translator.system_lang())))
        self.theme = theme_named(theme or str(settings.value("view/theme", "light")))
        self.zoom = float(settings.value("view/zoom", 1.0))  # type: ignore[arg-type]
        self.body_family = str(settings.value("view/font_family", "") or reading_family())
        self.body_size = float(settings.value("view/font_size", 13.0))  # type: ignore[arg-type]
        self.ja_family = japanese_family()
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._progress: QProgressDialog | None = None
        self.setObjectName("MainWindow")
        self.setWindowIcon(QIcon(str(Path(resources.__file__).with_name("icon.svg"))))
        self.setAcceptDrops(True)

        self.panel = LibraryPanel(self)
        self.article = ArticleView(self)
        self.vocab = VocabPanel(self)
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
        self.menus = build_menus(self)
        self._wire()
        self.teaching = Teaching(self)  # edit mode, presentation, handouts, lesson packs
        self.study = StudyUi(self)  # lookup card, my words, review, progress, export, read aloud
        self.learners = ProfilesUi(self)  # the Learner menu: whose words, reviews and progress
        self._restore_layout()
        self.set_language(self.tr_.lang, rebuild=False)
        self.set_theme(self.theme.name, rebuild=False)
        self.refresh_lessons()

    # --- wiring -------------------------------------------------------------------------
    _forms_warming = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The word-forms tables take ~0.5 s and ~70 MB to load: load them when the pointer
        # reaches the word list (a click on a word is likely next), not at start-up.
        if watched is self.vocab and event.type() == QEvent.Type.Enter and not self._forms_warming:
            self._forms_warming = True
            warm_up()
        return super().eventFilter(watched, event)

    def _wire(self) -> None:
        self.vocab.installEventFilter(self)
        a = self.menus.actions
        a["import"].triggered.connect(self.ask_import)
        a["rename"].triggered.connect(lambda: self.rename_lesson(self.current_id()))
        a["delete"].triggered.connect(lambda: self.delete_lesson(self.current_id()))
        a["quit"].triggered.connect(self.close)
        a["show_all"].triggered.connect(lambda: self.article.show_all(True))
        a["hide_all"].triggered.connect(lambda: self.article.show_all(False))
        a["zoom_in"].triggered.connect(lambda: self.step_zoom(1))
        a["zoom_out"].triggered.connect(lambda: self.step_zoom(-1))
        a["zoom_reset"].triggered.connect(lambda: self.set_zoom(1.0))
        a["font"].triggered.connect(self.choose_font)
        a["focus_library"].triggered.connect(lambda: self._focus(self.panel.stack.currentWidget()))
        a["focus_article"].triggered.connect(lambda: self._focus(self.article))
        a["focus_words"].triggered.connect(lambda: self._focus(self.vocab.view))
        a["search"].triggered.connect(self._focus_search)
        a["keys"].triggered.connect(lambda: dialogs.inform(self, self.tr_("Keyboard shortcuts"), self.tr_(KEYS_HELP)))
        a["about"].triggered.connect(lambda: dialogs.about(self, self.tr_))
        for name, action in self.menus.themes.items():
            action.triggered.connect(lambda _c=False, n=name: self.set_theme(n))
        for code, action in self.menus.langs.items():
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
        self.panel.lesson_activated.connect(self.open_lesson)
        self.panel.hit_activated.connect(self.open_hit)
        self.panel.search_changed.connect(lambda text: self.panel.set_hits(self.library.search.query(text)))
        self.panel.delete_requested.connect(self.delete_lesson)
        self.panel.rename_requested.connect(self.rename_lesson)
        self.vocab.entry_activated.connect(self.highlight_entry)
        self.vocab.cleared.connect(self.article.clear_highlight)
        self.article.add_translation_requested.connect(self.add_translation)
        self.article.position_changed.connect(self._save_position)

    def _focus(self, widget: object) -> None:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)  # type: ignore[attr-defined]

    def _focus_search(self) -> None:
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    # --- style ------------------------------------------------------------------------------
    def doc_style(self) -> DocStyle:
        """How the article should look now."""
        return DocStyle(self.theme, self.body_family, self.ja_family, self.body_size * self.zoom, None, self.tr_)

    def _restyle(self) -> None:
        self.article.set_lesson(self.lesson, self.doc_style(), keep_state=True)
        self.study.lesson_shown()

    def set_theme(self, name: str, rebuild: bool = True) -> None:
        """Light, dark or sepia."""
        self.theme = theme_named(name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_palette(app, self.theme)
        self.menus.themes[self.theme.name].setChecked(True)
        self.settings.setValue("view/theme", self.theme.name)
        if rebuild:
            self._restyle()

    def set_language(self, lang: str, rebuild: bool = True) -> None:
        """Switch the interface between English and Japanese."""
        self.tr_ = Translator(lang)
        self.menus.retranslate(self.tr_)
        self.menus.langs[self.tr_.lang].setChecked(True)
        self.panel.retranslate(self.tr_)
        self.vocab.retranslate(self.tr_)
        self.study.retranslate()
        self.learners.retranslate()
        self.teaching.retranslate()
        install_qt_translation(self.tr_.lang)  # Qt's own buttons and dialogs
        self.settings.setValue("ui/lang", self.tr_.lang)
        self._update_title()
        if rebuild:
            self._restyle()

    def set_zoom(self, zoom: float) -> None:
        """Scale the article's type."""
        self.zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self.settings.setValue("view/zoom", self.zoom)
        self._restyle()

    def step_zoom(self, step: int) -> None:
        """One zoom step larger (1) or smaller (-1)."""
        nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        self.set_zoom(ZOOM_STEPS[min(max(nearest + step, 0), len(ZOOM_STEPS) - 1)])

    def choose_font(self) -> None:
        """Let the user pick the reading face and size."""
        current = QFont(self.body_family)
        current.setPointSizeF(self.body_size)
        chosen = dialogs.choose_font(self, current, self.tr_("Reading font"))
        if chosen is None:
            return
        self.body_family, self.body_size = chosen.family(), max(8.0, chosen.pointSizeF())
        self.settings.setValue("view/font_family", self.body_family)
        self.settings.setValue("view/font_size", self.body_size)
        self._restyle()

    def _restore_layout(self) -> None:
        state = self.settings.value("window/splitter")
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([260, 760, 280])
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def save_layout(self) -> None:
        """Remember splitter sizes and window geometry."""
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/geometry", self.saveGeometry())

    def warn_missing_fonts(self) -> None:
        """Say once, clearly, that Japanese text cannot be drawn without a Japanese font."""
        if self.ja_family is not None or self.settings.value("warned/no_japanese_font", False, bool):
            return
        self.settings.setValue("warned/no_japanese_font", True)
        dialogs.inform(self, self.tr_("No Japanese font"), self.tr_(
            "No Japanese font is installed, so Japanese text would show as empty boxes. "
            "Install one (for example Noto Sans CJK JP or IPAexGothic; on Debian and Ubuntu: "
            "sudo apt install fonts-noto-cjk) and restart Study Reader."))

    # --- lessons -------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        """The open lesson."""
        return self.lesson.id if self.lesson is not None else None

    def refresh_lessons(self) -> None:
        """Reload the lesson list."""
        lessons = self.library.lessons
        self.panel.set_lessons(
            lambda offset, limit: lessons.list(offset, limit), lessons.count(), self.current_id(), lessons.index_of
        )
        self.refresh_difficulty()

    def refresh_difficulty(self) -> None:
        """Show each lesson's unknown share anew (a word's status changed, or the learner)."""
        self.panel.lessons_model.set_unknown_shares(self.library.study.levels.unknown_shares)

    def open_lesson(self, lesson_id: int, at: int | None = None) -> bool:
        """Show a lesson, at its saved reading position unless `at` is given."""
        if self.lesson is not None and self.lesson.id == lesson_id:
            if at is not None:
                self.article.scroll_to(at)
            return True
        try:
            lesson = self.library.lessons.get(lesson_id)
        except KeyError:
            return False
        self.lesson = lesson
        self.article.set_lesson(lesson, self.doc_style())
        self.study.lesson_shown()
        self.vocab.set_entries(lesson.glossary)
        position = self.library.lessons.position(lesson_id) if at is None else at
        paragraphs = self.article.paragraphs()
        if paragraphs and position > paragraphs[0]:
            self.article.scroll_to(position)
        else:
            self.article.verticalScrollBar().setValue(0)  # the start of a lesson shows its title
        if self.interactive:
            self.library.lessons.set_position(lesson_id, position)
        self.panel.select(lesson_id)
        self._update_title()
        self.teaching.lesson_opened()
        return True

    def open_hit(self, lesson_id: int, block_pos: int, lang: str) -> None:
        """Jump to a search hit: its paragraph, with its translation shown when that is what matched."""
        if not self.open_lesson(lesson_id, at=max(block_pos, 0)) or block_pos < 0:
            return
        if lang not in ("en", "title") and not self.article.is_shown(block_pos):
            self.article.set_shown(block_pos, True)
        self.article.scroll_to(block_pos)
        self.article.set_focus_index(block_pos, ensure_visible=False)
        self.article.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_title(self) -> None:
        name = self.tr_("Study Reader")
        self.setWindowTitle(f"{self.lesson.title} — {name}" if self.lesson is not None else name)

    def _save_position(self, block_pos: int, progress: float) -> None:
        if self.interactive and self.lesson is not None and self.lesson.id is not None:
            self.library.lessons.set_position(self.lesson.id, block_pos, progress)
            self.panel.lessons_model.set_progress(self.lesson.id, progress)

    def highlight_entry(self, row: int) -> None:
        """Highlight a glossary entry's occurrences in the article."""
        count = self.article.highlight(row)
        entry = self.lesson.glossary[row] if self.lesson is not None else None
        self.vocab.show_count(count, entry.term if entry else "")

    def add_translation(self, index: int) -> None:
        """Ask for the user's own translation of a paragraph and store it."""
        if self.lesson is None or self.lesson.id is None:
            return
        block = self.lesson.blocks[index]
        lang = translation_lang(self.lesson, None) or "ja"
        text = dialogs.ask_translation(self, self.tr_, block.text, block.translation(lang) or "")
        if text is None:
            return
        self.library.editing.set_translation(self.lesson.id, index, lang, text)
        self.lesson = self.library.lessons.get(self.lesson.id)
        self._restyle()
        self.article.set_shown(index, True)

    def rename_lesson(self, lesson_id: int | None) -> None:
        """Give a lesson a title of the user's choosing."""
        lesson_id = lesson_id if lesson_id is not None else self.panel.current_lesson_id()
        if lesson_id is None:
            return
        title = self.library.lessons.get(lesson_id).title
        new = dialogs.ask_text(self, self.tr_("Rename lesson"), self.tr_("Title:"), title)
        if new is None or not new.strip() or new.strip() == title:
            return
        self.library.lessons.rename(lesson_id, new)
        if self.lesson is not None and self.lesson.id == lesson_id:
            self.lesson.title = new.strip()
            self._update_title()
        self.refresh_lessons()

    def delete_lesson(self, lesson_id: int | None) -> None:
        """Delete a lesson after the user confirms."""
        lesson_id = lesson_id if lesson_id is not None else self.panel.current_lesson_id()
        if lesson_id is None:
            return
        title = self.library.lessons.get(lesson_id).title
        if not dialogs.confirm(self, self.tr_("Delete lesson"),
                               self.tr_("Delete “{title}” and your translations in it?").format(title=title)):
            return
        self.library.lessons.delete(lesson_id)
        if self.current_id() == lesson_id:
            self.lesson = None
            self.article.set_lesson(None, self.doc_style())
            self.study.lesson_shown()
            self.vocab.set_entries([])
            self._update_title()
        self.refresh_lessons()

    # --- import ---------------------------------------------------------------------------------
    def ask_import(self) -> None:
        """Import files chosen in a file dialog."""
        paths = dialogs.choose_files(
            self,
            self.tr_("Import files"),
            self.tr_("Pages and books (*.txt *.html *.htm *.xhtml *.epub *.md *.tsv *.json);;All files (*)"),
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        """Import files off the GUI thread (with progress for several); open the last one imported."""
        paths = self.teaching.take_packs(paths)  # lesson packs are imported on their own
        if not paths:
            return
        if self._thread is not None:
            return
        if str(self.library.path) == ":memory:":
            self._imported(import_paths(self.library, paths))
            return
        self._thread = QThread(self)
        self._worker = ImportWorker(Path(str(self.library.path)), paths)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self._imported)
        if len(paths) > 1:
            self._progress = QProgressDialog(self.tr_("Importing…"), self.tr_("Cancel"), 0, len(paths), self)
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(300)
            self._worker.progress.connect(self._on_progress)
            self._progress.canceled.connect(self._cancel_import)
        self._thread.start()

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if self._progress is not None:
            # The label before the value: a window-modal dialog runs the event loop in setValue, where
            # the worker's "done" can arrive and close the dialog.
            self._progress.setLabelText(self.tr_("Importing {name}…").format(name=name) if name else "")
            self._progress.setValue(done)

    def _cancel_import(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._worker = None
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        self.refresh_lessons()
        good = [o for o in outcomes if o.ok]
        if good and good[-1].lesson_id is not None:
            self.open_lesson(good[-1].lesson_id)
        failed = [o for o in outcomes if not o.ok]
        if len(outcomes) == 1 and failed:
            dialogs.error(self, self.tr_("Import failed"), f"{Path(failed[0].path).name}: {failed[0].message}")
        elif len(outcomes) > 1:
            lines = [self.tr_("{ok} of {n} files imported.").format(ok=len(good), n=len(outcomes))]
            lines += [f"• {Path(o.path).name}: {o.message}" for o in failed[:20]]
            dialogs.inform(self, self.tr_("Import finished"), "\n".join(lines))
        if len(outcomes) == 1 and good and good[0].created and good[0].lesson_id is not None:
            self.review_import(good[0].lesson_id)

    def review_import(self, lesson_id: int) -> None:
        """Show what an import found and let the user place or discard what it could not place."""
        from reader.window.import_review import ImportReviewDialog

        dialog = ImportReviewDialog(self.library, lesson_id, self.tr_, self)
        dialog.changed.connect(self._reload_reviewed)
        self.import_review = dialog
        dialog.open()  # window-modal, not blocking: the lesson stays in view behind it

    def _reload_reviewed(self, lesson_id: int) -> None:
        if self.current_id() == lesson_id:
            self.lesson = self.library.lessons.get(lesson_id)
            self._restyle()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if Path(p).is_file()]
        for folder in (Path(p) for p in paths if Path(p).is_dir()):
            files += sorted(str(f) for f in folder.rglob("*") if f.suffix.lower() in IMPORTABLE_SUFFIXES)
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.article.card.close_card()
        self.study.close()
        self.article.stop_tracking()
        if self.interactive:
            self.save_layout()
        if self._worker is not None:
            self._worker.cancelled = True
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
        super().closeEvent(event)
