"""Lesson packs: one `.studypack` file (a zip with a versioned manifest) holding lessons and a tutor's edits.

A pack holds each lesson's original bytes (so the receiving library imports them with its
own importer), its import metadata and the overlay of edits (library/editing.py). Reading a
pack never extracts anything to disk: members are read into memory, with limits checked
on the declared sizes before reading and enforced again while reading, and the whole
import runs in one transaction.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from library.editing import OVERLAY, Editing
from library.errors import ImportRefused
from library.lessons import Lessons
from library.store.database import Database

FORMAT = "study-reader-pack"
VERSION = 1
SUFFIX = ".studypack"
MANIFEST = "manifest.json"
MAX_PACK_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_LESSONS = 1000
MAX_MEMBER_BYTES = 32 * 1024 * 1024  # one page, or one lesson's edits
MAX_MANIFEST_BYTES = 8 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 100  # text and JSON compress 3–20×; far more than this is a zip bomb
RATIO_FLOOR = 1024 * 1024  # small members may compress better than that harmlessly
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {"INTEGER": (int,), "TEXT": (str,), "REAL": (int, float)}


class PackRefused(ImportRefused):
    """A pack that cannot be imported; str(exc) is one line saying why."""


@dataclass
class PackLesson:
    """What importing one lesson of a pack did."""

    lesson_id: int
    title: str
    created: bool
    edits: str  # "applied", "none", "kept yours", or "not understood"


@dataclass
class PackResult:
    """What importing a pack did."""

    lessons: list[PackLesson] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One line per lesson, as the command line prints them."""
        out = []
        for item in self.lessons:
            status = "imported" if item.created else "already in library"
            edits = {"applied": "edits applied", "none": "no edits", "kept yours": "kept your own edits",
                     "not understood": "edits not understood by this version (ignored)"}[item.edits]
            out.append(f"{item.lesson_id}\t{item.title}\t{status}\t{edits}")
        return out


def _sha256(data: bytes) -> str:
    import hashlib  # loads OpenSSL: when a pack is written or read, not when the window starts

    return hashlib.sha256(data).hexdigest()


def is_pack(path: str | Path) -> bool:
    """Whether a path names a lesson pack (by its suffix)."""
    return str(path).lower().endswith(SUFFIX)


def safe_member_name(name: str) -> bool:
    """Whether a zip member name stays inside the pack: relative, no '..', no drive, no backslash tricks."""
    if not name or "\x00" in name or "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return False
    return all(part not in ("..", "") for part in name.rstrip("/").split("/"))


class Packs:
    """Export lessons to a pack; import a pack into the library."""

    def __init__(self, db: Database, lessons: Lessons, editing: Editing) -> None:
        self._db, self._lessons, self._editing = db, lessons, editing

    # --- export ---------------------------------------------------------------------
    def export(self, lesson_ids: list[int], path: str | Path) -> int:
        """Write the lessons (with their edits) to a pack at `path`; returns how many. KeyError for a bad id."""
        entries: list[dict[str, Any]] = []
        members: dict[str, bytes] = {}
        for n, lesson_id in enumerate(dict.fromkeys(lesson_ids), start=1):
            lesson = self._lessons.get(lesson_id)
            row = self._db.execute(
                "SELECT title, user_title, imported_at FROM lessons WHERE id = ?", [lesson_id]
            ).fetchone()
            folder = f"lessons/{n}"
            source = self._lessons.source(lesson_id)
            members[f"{folder}/source"] = source
            members[f"{folder}/edits.json"] = _json_bytes(self._editing.snapshot(lesson_id, with_ids=False))
            members[f"{folder}/lesson.json"] = _json_bytes(lesson.to_json())
            entries.append(
                {
                    "title": lesson.title,
                    "imported_title": row[0],
                    "user_title": row[1],
                    "source": f"{folder}/source",
                    "source_name": lesson.source_name,
                    "sha256": _sha256(source),
                    "encoding": lesson.encoding,
                    "imported_at": row[2],
                    "edits": f"{folder}/edits.json",
                    "lesson": f"{folder}/lesson.json",
                }
            )
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "generator": "study-reader 0.1.0",
            "lessons": entries,
        }
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Made as any new file is (0666 less the umask), not mkstemp's 0600: a pack is for sharing.
        tmp = target.parent / f".pack-{secrets.token_hex(8)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(MANIFEST, _json_bytes(manifest))
                for name, data in members.items():
                    zf.writestr(name, data)
            os.replace(tmp, target)  # a half-written pack never takes the name
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return len(entries)

    # --- import -------------------------------------------------------------------------
    def import_pack(self, path: str | Path) -> PackResult:
        """Import every lesson of a pack, all or nothing; PackRefused (one line) if it cannot be."""
        p = Path(path)
        try:
            size = p.stat().st_size
        except OSError as exc:
            raise PackRefused(f"cannot read the file ({exc.strerror or exc})") from exc
        if size > MAX_PACK_BYTES:
            raise PackRefused(f"the pack is too large ({size // (1024 * 1024)} MB)")
        try:
            zf = zipfile.ZipFile(p)
        except zipfile.BadZipFile as exc:
            raise PackRefused("not a lesson pack (not a zip file)") from exc
        except (NotImplementedError, EOFError, ValueError) as exc:  # a zip version or layout zipfile cannot read
            raise PackRefused(f"the pack is damaged ({' '.join(str(exc).split())[:200]})") from exc
        except OSError as exc:
            raise PackRefused(f"cannot read the file ({exc.strerror or exc})") from exc
        try:
            with zf:
                items = self._read(zf)
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
                zlib.error) as exc:  # a bad CRC, corrupt deflate data, an unknown compression method
            raise PackRefused(f"the pack is damaged ({' '.join(str(exc).split())[:200]})") from exc
        return self._store(items)

    def _read(self, zf: zipfile.ZipFile) -> list[tuple[dict[str, Any], bytes, dict[str, Any]]]:
        """Check the whole archive before reading any of it, then read what the manifest names."""
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise PackRefused(f"the pack has too many files ({len(infos)})")
        total = 0
        by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if not safe_member_name(info.filename):
                raise PackRefused(f"the pack holds a path that escapes its folder: {info.filename!r}")
            if info.file_size > MAX_MEMBER_BYTES:
                raise PackRefused(f"{info.filename} is too large ({info.file_size // (1024 * 1024)} MB unpacked)")
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise PackRefused(
                    f"{info.filename} unpacks to {info.file_size // info.compress_size}× its size (a zip bomb?)"
                )
            total += info.file_size
            by_name[info.filename] = info
        if total > MAX_TOTAL_BYTES:
            raise PackRefused(f"the pack unpacks to too much data ({total // (1024 * 1024)} MB)")
        if MANIFEST not in by_name:
            raise PackRefused("not a lesson pack (no manifest.json)")
        reader = _Reader(zf)
        manifest = _parse_json(reader.read(by_name[MANIFEST], MAX_MANIFEST_BYTES), MANIFEST)
        lessons = _check_manifest(manifest)
        out = []
        for n, entry in enumerate(lessons, start=1):
            source_name = entry.get("source")
            if not isinstance(source_name, str) or source_name not in by_name:
                raise PackRefused(f"lesson {n} of the manifest names no source file in the pack")
            data = reader.read(by_name[source_name], MAX_MEMBER_BYTES)
            if isinstance(entry.get("sha256"), str) and _sha256(data) != entry["sha256"]:
                raise PackRefused(f"lesson {n}: the source does not match its checksum (damaged pack)")
            edits: dict[str, Any] = {}
            edits_name = entry.get("edits")
            if edits_name is not None:
                if not isinstance(edits_name, str) or edits_name not in by_name:
                    raise PackRefused(f"lesson {n} of the manifest names an edits file the pack does not hold")
                edits = _parse_json(reader.read(by_name[edits_name], MAX_MEMBER_BYTES), edits_name)
                if not isinstance(edits, dict) or not all(isinstance(v, list) for v in edits.values()):
                    raise PackRefused(f"{edits_name}: not a set of edits this version understands")
                self._check_edits(edits, edits_name)
            out.append((entry, data, edits))
        return out

    def _check_edits(self, edits: dict[str, Any], name: str) -> None:
        """Every row of a known table an object whose values have its columns' types (SQLite would
        store a word in an INTEGER column, and the lesson would then fail to open)."""
        from library.pagelines import MAX_DECISIONS

        if len(edits.get("line_decisions", [])) > MAX_DECISIONS:
            raise PackRefused(f"{name}: more than {MAX_DECISIONS:,} changes to a lesson's lines")
        for table, cols in OVERLAY.items():
            types = {row[1]: row[2].upper() for row in self._db.execute(f"PRAGMA table_info({table})").fetchall()}
            for i, row in enumerate(edits.get(table, [])):
                if not isinstance(row, dict):
                    raise PackRefused(f"{name}: {table}[{i}] is not a set of values")
                for col in cols:
                    value = row.get(col)
                    if value is None:
                        continue
                    wanted = _PYTHON_TYPES.get(types.get(col, ""), (str, int, float))
                    if isinstance(value, bool) or not isinstance(value, wanted):
                        raise PackRefused(f"{name}: {table}[{i}].{col} has a value of the wrong type")
                    if isinstance(value, int) and not -(2**63) <= value < 2**63:
                        raise PackRefused(f"{name}: {table}[{i}].{col} is too large a number")

    def _store(self, items: list[tuple[dict[str, Any], bytes, dict[str, Any]]]) -> PackResult:
        result = PackResult()
        with self._db.atomic():
            for n, (entry, data, edits) in enumerate(items, start=1):
                name = str(entry.get("source_name") or f"lesson-{n}.txt")
                try:
                    imported = self._lessons.import_bytes(data, Path(name).name)
                except ImportRefused as exc:
                    raise PackRefused(f"lesson {n} ({name}): {exc}") from exc
                lesson_id = imported.lesson_id
                has_edits = any(edits.get(table) for table in OVERLAY)
                if not has_edits:
                    state = "not understood" if any(edits.values()) else "none"  # only tables this version lacks
                elif imported.created or not self._editing.has_edits(lesson_id):
                    try:
                        self._editing.restore(lesson_id, edits)
                    except Exception as exc:  # a malformed row: refuse the pack, change nothing
                        raise PackRefused(f"lesson {n} ({name}): its edits cannot be read ({exc})") from exc
                    state = "applied"
                else:
                    state = "kept yours"  # the user's own work is never overwritten
                user_title = entry.get("user_title")
                if isinstance(user_title, str) and user_title.strip() and imported.created:
                    self._lessons.rename(lesson_id, user_title)
                title = self._lessons.get(lesson_id).title
                result.lessons.append(PackLesson(lesson_id, title, imported.created, state))
        return result


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _parse_json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # ValueError: also a number of over 4,300 digits
        raise PackRefused(f"{name} is not valid JSON") from exc


class _Reader:
    """Reads a pack's members once each, counting every use against MAX_TOTAL_BYTES: a manifest
    may name one member many times, and the checks on declared sizes count it once."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self._zf = zf
        self._cache: dict[str, bytes] = {}
        self.used = 0

    def read(self, info: zipfile.ZipInfo, limit: int) -> bytes:
        """The member's bytes; PackRefused once what the pack's lessons use passes the limit."""
        data = self._cache.get(info.filename)
        if data is None:
            data = self._cache[info.filename] = _read_member(self._zf, info, limit)
        self.used += len(data)
        if self.used > MAX_TOTAL_BYTES:
            raise PackRefused(
                f"the pack's lessons use more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB of data"
                " (a member named again and again?)"
            )
        return data


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, read in pieces and stopped as soon as it passes its declared size or `limit`."""
    cap = min(limit, info.file_size)
    if info.file_size > limit:
        raise PackRefused(f"{info.filename} is too large")
    chunks, got = [], 0
    with zf.open(info) as f:
        while True:
            chunk = f.read(min(65536, cap + 1 - got))
            if not chunk:
                break
            got += len(chunk)
            if got > cap:
                raise PackRefused(f"{info.filename} unpacks to more than it declares (damaged or malicious pack)")
            chunks.append(chunk)
    return b"".join(chunks)


def _check_manifest(manifest: Any) -> list[dict[str, Any]]:
    """The manifest's lesson entries, if it is one this version understands."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackRefused("not a Study Reader lesson pack (unknown manifest format)")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackRefused("the pack's manifest has no version number")
    if version > VERSION:
        shown = version if version < 10**6 else "far newer"  # a line, not thousands of digits
        raise PackRefused(
            f"the pack was made by a newer Study Reader (pack version {shown}; this one reads {VERSION})"
        )
    if version < 1:
        raise PackRefused(f"unknown pack version {version}")
    lessons = manifest.get("lessons")
    if not isinstance(lessons, list) or not lessons or not all(isinstance(e, dict) for e in lessons):
        raise PackRefused("the pack's manifest lists no lessons")
    if len(lessons) > MAX_LESSONS:
        raise PackRefused(f"the pack lists too many lessons ({len(lessons)})")
    return lessons
