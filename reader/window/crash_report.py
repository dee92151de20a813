"""Crash reports: a session that dies (a fault in Qt's C++, an error, a kill) leaves files in the
data folder that the next start shows, with where they and the log are."""

from __future__ import annotations

import faulthandler
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from PySide6.QtWidgets import QWidget

from library.facade import data_dir
from reader.window import dialogs


def crash_dir() -> Path:
    """Where sessions keep their crash files (in the data folder, beside the log)."""
    return data_dir() / "crashes"


@dataclass
class CrashReport:
    """What one session that did not end cleanly left behind."""

    pid: int
    started: str
    fault: str  # the faulthandler's traceback of a fatal signal ("" if none)
    errors: str  # tracebacks the excepthook recorded in that session
    files: list[Path]

    def summary(self) -> str:
        """One line saying what happened."""
        if "Fatal Python error" in self.fault or "Segmentation fault" in self.fault:
            first = next((line for line in self.fault.splitlines() if line.startswith("Fatal Python error")), "")
            return first.removeprefix("Fatal Python error: ").strip() or "a fatal error"
        if self.errors:
            last = [line for line in self.errors.strip().splitlines() if line and not line.startswith(" ")]
            return last[-1] if last else "an unexpected error"
        return "it was closed by the system or lost power"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # there, but not ours to signal
        return True
    return True


class CrashReports:
    """This session's crash files, and the reports earlier sessions left."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or crash_dir()
        self.pid = os.getpid()
        self._fault: IO[str] | None = None

    def _path(self, kind: str, pid: int | None = None) -> Path:
        return self.folder / f"{kind}-{pid or self.pid}.txt"

    def begin(self) -> None:
        """Mark this session as running and have a fatal signal's traceback written to a file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._path("running").write_text(time.strftime("%Y-%m-%d %H:%M:%S"), encoding="utf-8")
        self._fault = self._path("fault").open("w", encoding="utf-8")
        faulthandler.enable(self._fault, all_threads=True)

    def record_error(self, details: str) -> None:
        """Keep an unexpected error's traceback: shown on the next start if this session then dies."""
        try:
            with self._path("errors").open("a", encoding="utf-8") as f:
                f.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n{details}\n")
        except OSError:
            pass  # the log has it too; a full disk must not raise inside the excepthook

    def end(self) -> None:
        """A clean exit: this session leaves nothing to report."""
        if self._fault is not None:
            faulthandler.disable()
            self._fault.close()
            self._fault = None
        for kind in ("running", "fault", "errors"):
            self._path(kind).unlink(missing_ok=True)

    def pending(self) -> list[CrashReport]:
        """Sessions that started and did not end cleanly (and are not running now)."""
        reports: list[CrashReport] = []
        if not self.folder.is_dir():
            return reports
        for running in sorted(self.folder.glob("running-*.txt")):
            try:
                pid = int(running.stem.removeprefix("running-"))
            except ValueError:
                continue
            if _alive(pid):
                continue
            files = [p for p in (running, self._path("fault", pid), self._path("errors", pid)) if p.exists()]

            def read(path: Path) -> str:
                return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

            reports.append(CrashReport(pid, read(running).strip(), read(self._path("fault", pid)),
                                       read(self._path("errors", pid)), files))
        return reports

    def archive(self, report: CrashReport) -> Path:
        """Move a report's files to one file under reported/ (kept to send, never shown again)."""
        stamp = report.started.replace(" ", "_").replace(":", "")
        target = self.folder / "reported" / f"crash-{stamp}-{report.pid}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f"started {report.started}\n\n{report.fault}\n{report.errors}".strip() + "\n", encoding="utf-8"
        )
        for path in report.files:
            path.unlink(missing_ok=True)
        return target


def show_crash_reports(
    parent: QWidget | None, reports: CrashReports, log: Path, tr: Callable[[str], str] = str
) -> int:
    """Say on this start that the last session crashed: what happened, where its report and the log are."""
    pending = reports.pending()
    for report in pending:
        kept = reports.archive(report)
        dialogs.failure(
            parent,
            tr("Study Reader"),
            tr("Study Reader stopped unexpectedly last time (started {when}): {what}").format(
                when=report.started, what=report.summary()
            ),
            tr(
                "Your library was saved as it was at the last change. What happened is in {report}; "
                "the log is {log}. If it happens again, please send both with a note of what you were doing."
            ).format(report=kept, log=log),
            (report.fault + "\n" + report.errors).strip(),
        )
    return len(pending)
