"""Start the window: parse arguments, open the library, show (or render) the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from library import ImportRefused, Library, default_library_path
from library.errors import LibraryDamaged, LibraryError
from library.store.backup import restore_hint
from library.store.sessions import open_elsewhere
from reader.mainwindow import MainWindow
from reader.ui.fonts import japanese_family, ui_family
from reader.ui.i18n import Translator
from reader.ui.themes import fusion_set_at_start
from reader.window import dialogs
from reader.window.crash_report import CrashReports, show_crash_reports
from reader.window.learners import choose_start_profile
from reader.window.maintenance import Maintenance
from reader.window.samples import import_samples
from reader.window.trust import ErrorReporter, InstanceServer, hand_over, log_path, setup_logging
from reader.window_args import parse_window_args

log = logging.getLogger(__name__)


def parse_args(args: list[str]) -> argparse.Namespace:
    """The window's command line (reader/window_args.py, which --help reads without Qt)."""
    return parse_window_args(args)


def _size(text: str) -> QSize:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"--size must look like 1280x800, not {text!r}") from None
    return QSize(max(w, 200), max(h, 150))


def _application(screenshot: bool) -> QApplication:
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    QCoreApplication.setOrganizationName("study-reader")
    QCoreApplication.setApplicationName("Study Reader")
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])  # the style the themes are made for
        fusion_set_at_start()
    font = QFont(app.font())
    ja = japanese_family()
    font.setFamilies([ui_family()] + ([ja] if ja else []))
    app.setFont(font)
    return app


def open_window(
    ns: argparse.Namespace,
    library: Library,
    settings: QSettings,
    interactive: bool,
    show: Callable[[MainWindow], None] | None = None,
) -> MainWindow:
    """Build the window on `library` and open the lesson the arguments (or the last session) ask for.

    `show` puts the window on screen before the lesson opens: a hidden window's widgets have no
    size yet, so the lesson would be laid out for a column a few pixels wide and then again."""
    if library.lessons.count() == 0:
        import_samples(library)
    choose_start_profile(library, settings, getattr(ns, "profile", None))  # whose words and progress
    window = MainWindow(library, settings, ns.lang, ns.theme, interactive)  # with its lesson list
    if show is not None:
        show(window)  # sized and shown; Qt paints it when the event loop runs, lesson and all
    target: int | None = None
    if ns.file and _is_pack(ns.file):  # a lesson pack: its lessons with the tutor's edits
        if window.import_flow.import_pack(ns.file):
            target = window.current_id()
        ns.file = None
    if ns.file:
        try:
            target = library.lessons.import_file(ns.file).lesson_id
            window.refresh_lessons()
        except ImportRefused as exc:
            _report(window, interactive, window.tr_("Import failed"), f"{Path(ns.file).name}: {exc}")
        except OSError as exc:
            _report(window, interactive, window.tr_("Import failed"), f"{ns.file}: {exc.strerror or exc}")
    if ns.lesson is not None:  # asked for by id: it wins over a FILE or pack given with it (they are still imported)
        target = ns.lesson
    if target is None:
        target = library.lessons.last_opened()
    if target is None:
        ids = library.lessons.ids()
        target = ids[-1] if ids else None
    if ns.lesson is not None and library.lessons.index_of(ns.lesson) < 0:  # said once; the window stays empty
        _report(window, interactive, window.tr_("Study Reader"),
                window.tr_("No lesson with id {id}.").format(id=ns.lesson))
    elif target is not None:
        window.open_lesson(target)
    if len(getattr(ns, "files", [])) > 1:
        window.import_files(ns.files[1:])  # in the background, opening the last one imported
    return window


def _is_pack(path: str) -> bool:
    from library.packs import is_pack  # packs load when a file is given, not on every start

    return is_pack(path)


def _report(window: MainWindow, interactive: bool, title: str, message: str) -> None:
    if interactive:
        dialogs.error(window, title, message)
    else:
        print(message, file=sys.stderr)


def _stage(window: MainWindow, ns: argparse.Namespace) -> None:
    """Put the window in the state the screenshot options ask for."""
    article, lesson = window.article, window.lesson
    if lesson is None:
        return
    if ns.show_all:
        article.show_all(True)
    for start in ns.show:
        # a paragraph: a heading that begins the same way has no translation to show
        index = next((i for i, b in enumerate(lesson.blocks) if b.kind != "heading" and b.text.startswith(start)), -1)
        if index >= 0:
            article.set_shown(index, True)
        else:
            print(f"study-reader: --show: no paragraph begins with {start!r}", file=sys.stderr)
    if ns.highlight:
        row = next((i for i, g in enumerate(lesson.glossary) if g.term.lower() == ns.highlight.lower()), -1)
        if row >= 0:
            window.vocab.view.setCurrentIndex(window.vocab.model.index(row, 0))
            window.highlight_entry(row)
    if ns.hover:
        for i, note in enumerate(lesson.notes):
            anchor = note.anchor
            term = lesson.blocks[anchor.block].text[anchor.start:anchor.end] if anchor else ""
            if ns.hover in (note.marker, term, str(i)):
                article.show_note_at_anchor(i)
                break


def _shot_settings(settings: QSettings, ns: argparse.Namespace) -> None:
    """The screenshot's own settings, before the window reads them: glosses (and their threshold) and zoom."""
    if ns.glosses:
        settings.setValue("view/glosses", True)
        settings.setValue("view/gloss_threshold", ns.glosses)
    if ns.zoom:
        settings.setValue("view/zoom", ns.zoom)


def place_window(window: MainWindow, settings: QSettings, size: QSize | None, shooting: bool) -> None:
    """Where the window opens: as the user last left it (the window restored that from its
    settings), unless a size was asked for; a first start at the top left of the screen."""
    if size is not None:
        window.resize(size)
    if shooting:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    elif settings.value("window/geometry") is None:
        window.move(QPoint(40, 40))


def render_screenshot(window: MainWindow, path: str, size: QSize) -> bool:
    """Paint the window (and any hover card over it) into a PNG of exactly `size`."""
    pixmap = window.grab()
    card = window.article.card
    if card.isVisible():
        painter = QPainter(pixmap)
        painter.drawPixmap(window.mapFromGlobal(card.pos()), card.grab())
        painter.end()
    if pixmap.size() != size:
        pixmap = pixmap.scaled(size, Qt.AspectRatioMode.IgnoreAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return QPixmap(pixmap).save(path, "PNG")


def run_app(args: list[str]) -> int:
    """Open the window (or render it with --screenshot); returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    ns = parse_args(args)
    shooting = ns.screenshot is not None
    size = _size(ns.size or "1280x800")
    app = _application(shooting)
    path = Path(ns.library).expanduser() if ns.library else default_library_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not shooting:
        setup_logging()
        # A window open on this library already takes the file: asked only when some other
        # process has the library open, so a lone start does not wait on the local socket.
        if open_elsewhere(path):
            # Only files that are there are handed over: the open window would try to import anything else.
            files = [f for f in ns.files if Path(f).expanduser().exists()]
            for missing in (f for f in ns.files if f not in files):
                print(f"study-reader: no such file: {missing}", file=sys.stderr)
            if ns.files and not files:
                return 2
            if hand_over(path, files):
                print(f"study-reader: {path} is open in another window; handed it the file(s) to import")
                return 0 if len(files) == len(ns.files) else 2
    try:
        # The window checks the file in the background once it is on screen (below); here
        # only after a session that ended in a crash, before anything is shown.
        library = Library(path, check="crash")
    except Exception as exc:
        print(f"study-reader: cannot open the library: {failure_text(path, exc)}", file=sys.stderr)
        log.error("cannot open the library %s: %s", path, exc)
        if not shooting:
            library_failure_dialog(path, exc, Translator(ns.lang or _saved_lang()))
        return 2
    if library.read_only:
        # Reading a lesson writes its place, and studying writes words: the window cannot work on a
        # library it may not change, and says so instead of failing at the first write.
        library.close()
        text = f"{path} is read-only here: copy it somewhere writable to use it in the window"
        print(f"study-reader: {text}", file=sys.stderr)
        if not shooting:
            tr = Translator(ns.lang or _saved_lang())
            dialogs.failure(None, tr("Study Reader"), tr("The library cannot be opened: {error}").format(error=text),
                            tr("The command line can still read it: study-reader list --library FILE"))
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        # A screenshot must not change the user's settings: it gets its own throwaway file.
        settings = (QSettings(str(Path(scratch) / "shot.ini"), QSettings.Format.IniFormat) if shooting
                    else QSettings())
        if shooting:
            _shot_settings(settings, ns)

        def show(window: MainWindow) -> None:
            place_window(window, settings, size if shooting or ns.size else None, shooting)
            window.show()

        window = open_window(ns, library, settings, interactive=not shooting, show=show)
        if shooting:
            app.processEvents()
            _stage(window, ns)
            app.processEvents()
            ok = render_screenshot(window, ns.screenshot, size)
            window.close()
            library.close()
            return 0 if ok else 1
        crashes = CrashReports()  # a fatal fault or an unclean end leaves a report for the next start
        crashes.begin()
        from reader.window.terminate import close_on_terminate

        stop_terminate = close_on_terminate(app, window)  # a logout's SIGTERM closes as Quit does
        reporter = ErrorReporter(lambda: window, save_work=window.article.report_position, tr=lambda t: window.tr_(t),
                                 on_error=crashes.record_error)
        reporter.install()
        upkeep = Maintenance(path, window)
        upkeep.damaged.connect(lambda problem: stop_on_damage(window, path, problem))
        server: InstanceServer | None = None

        def settle() -> None:
            """What can wait until the reader sees the lesson."""
            nonlocal server
            if server is not None:
                return
            server = InstanceServer(path, window)  # later starts on this library hand their files here
            server.files_received.connect(lambda files: receive_files(window, files))
            server.listen()
            window.warn_missing_fonts()
            QTimer.singleShot(0, lambda: show_crash_reports(window, crashes, log_path(), window.tr_))
            # The check reads the whole file; a damaged file is still reported within a second or two.
            QTimer.singleShot(1000, upkeep.start)

        window.article.first_painted.connect(lambda: QTimer.singleShot(0, settle))
        if os.environ.get("STUDY_READER_EXIT_ON_PAINT"):  # bench/run.py times a start that cannot be wrapped
            window.article.first_painted.connect(
                lambda: (print("painted", flush=True), QTimer.singleShot(0, window.close)))
        QTimer.singleShot(1500, settle)  # a window that is not painted (minimised) settles anyway
        code = app.exec()
        stop_terminate()
        upkeep.wait(30)
        reporter.uninstall()
        if server is not None:
            server.close()
        library.close()
        crashes.end()
        return int(code)


def failure_text(path: Path, exc: BaseException) -> str:
    """One line saying why the library cannot be opened; a library error names the file (and,
    for a damaged one, how to restore it) itself, anything else gets the path put in front."""
    text = " ".join(str(exc).split())
    return text if isinstance(exc, LibraryError) else f"{path}: {text}"


def library_failure_dialog(path: Path, exc: BaseException, tr: Callable[[str], str] = str) -> None:
    """The library cannot be opened: say so, and how to get it back, in a dialog."""
    # The hint is written once, here, in the interface language (not taken from the message).
    error = f"{path} is damaged ({exc.problem})" if isinstance(exc, LibraryDamaged) else failure_text(path, exc)
    dialogs.failure(None, tr("Study Reader"), tr("The library cannot be opened: {error}").format(error=error),
                    restore_hint(path, tr), f"{path}\n{exc!r}")


def _saved_lang() -> str:
    """The interface language the window last used (before a window exists to ask)."""
    return str(QSettings().value("ui/lang", Translator.system_lang()))


def stop_on_damage(window: MainWindow, path: Path, problem: str) -> None:
    """The check found the library damaged: say how to restore it, and stop using it."""
    library_failure_dialog(path, LibraryDamaged(path, problem), window.tr_)
    window.close()


def receive_files(window: MainWindow, files: list[str]) -> None:
    """Files handed over by a second start on this library: import them here, and come forward."""
    if files:
        window.import_files(files)
    window.showNormal()
    window.raise_()
    window.activateWindow()
