"""Errors in the window and one window per library: a rotating log, an excepthook that shows a
clear dialog instead of a traceback, and a local server that takes a second start's files."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from library.facade import data_dir
from reader.window import dialogs

if TYPE_CHECKING:  # QtNetwork loads when the local server starts, after the window is on screen
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)
LOG_NAME = "study-reader.log"


# --- the log file --------------------------------------------------------------------------------
def log_path() -> Path:
    """Where the window writes its log (a few rotated files in the data folder)."""
    return data_dir() / "logs" / LOG_NAME


class RotatingLog(logging.FileHandler):
    """A log file moved aside to .1, .2 … when it passes `max_bytes`, keeping `backups` old files.

    What logging.handlers.RotatingFileHandler does; that module imports socket, pickle and
    queue, about 20 ms of every start-up, for handlers the window never uses."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self.stream.close()
                self.stream = None  # FileHandler.emit opens a new one
                self._shift()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _shift(self) -> None:
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if os.path.exists(base):
            os.replace(base, f"{base}.1")


def setup_logging() -> Path:
    """Send warnings and errors to a rotating log file in the data folder (and to stderr)."""
    path = log_path()
    root = logging.getLogger()
    if not any(isinstance(h, RotatingLog) for h in root.handlers):
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingLog(path, max_bytes=512 * 1024, backups=3)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.setLevel(logging.INFO)
        root.addHandler(handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
    return path


# --- unexpected errors ---------------------------------------------------------------------------
class ErrorReporter:
    """sys.excepthook for the window: log the traceback, keep the user's work, show a dialog."""

    def __init__(
        self,
        parent: Callable[[], QWidget | None],
        save_work: Callable[[], None] | None = None,
        tr: Callable[[str], str] = str,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self._parent = parent
        self._save_work = save_work
        self._on_error = on_error  # the crash report keeps it, in case the session then dies
        self._tr = tr  # the interface language, asked when the dialog is shown
        self._showing = False
        self.previous = sys.excepthook

    def install(self) -> None:
        """Become sys.excepthook (PySide also routes exceptions raised in slots here)."""
        sys.excepthook = self

    def uninstall(self) -> None:
        """Put the previous hook back."""
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous(kind, exc, tb)
            return
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unexpected error\n%s", details)
        if self._on_error is not None:
            self._on_error(details)
        if self._save_work is not None:
            try:
                self._save_work()
            except Exception:
                log.exception("could not save the work in progress after an error")
        if self._showing:  # an error while the dialog is up: logged, not stacked
            return
        self._showing = True
        try:
            message = " ".join(str(exc).split()) or kind.__name__
            tr = self._tr
            dialogs.failure(
                self._parent(),
                tr("Study Reader"),
                tr("Something went wrong: {message}").format(message=message[:300]),
                tr(
                    "Your library and your work are saved; you can go on. If it happens again, "
                    "please send the log file {path} with a note of what you were doing."
                ).format(path=log_path()),
                details,
            )
        finally:
            self._showing = False


# --- one window per library ----------------------------------------------------------------------
def server_name(library_path: Path) -> str:
    """The local server's name for a library: the same for every path spelling of one file."""
    import hashlib

    try:
        resolved = library_path.expanduser().resolve()
    except OSError:
        resolved = library_path.absolute()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"study-reader-{user}-{digest}"


def hand_over(library_path: Path, files: list[str], timeout_ms: int = 1500) -> bool:
    """Give `files` to a window already open on this library; False if there is none."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(library_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    paths = [str(Path(f).expanduser().absolute()) for f in files]
    import json

    socket.write(json.dumps({"files": paths}).encode() + b"\n")
    socket.flush()
    while socket.bytesToWrite() and socket.waitForBytesWritten(timeout_ms):
        pass
    # Wait for the running window to say it has the files, so none are lost if this process exits.
    while not socket.canReadLine() and socket.waitForReadyRead(timeout_ms):
        pass
    answered = socket.canReadLine() and bytes(socket.readLine().data()).strip() == b"ok"
    socket.disconnectFromServer()
    return bool(answered)


class InstanceServer(QObject):
    """Listens for later starts on the same library and emits the files they hand over."""

    files_received = Signal(list)

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self.name = server_name(library_path)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a name left behind by a crashed window is cleared first."""
        if self._server.listen(self.name):
            return True
        self._server.removeServer(self.name)  # the caller checked that no live window answers it
        return self._server.listen(self.name)

    def close(self) -> None:
        """Stop listening."""
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > 1 << 20:  # nobody sends a megabyte of file names
                socket.abort()
            return
        import json

        line = bytes(socket.readLine().data())
        try:
            message = json.loads(line.decode("utf-8"))
            files = [str(f) for f in message.get("files", []) if isinstance(f, str)]
        except (ValueError, AttributeError):
            log.warning("ignored a malformed message on the instance socket")
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.waitForBytesWritten(500)  # the other process waits for this answer before it exits
        self.files_received.emit(files)
