"""Thin item models: the lesson list, search results, the glossary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from library.lessons import LessonSummary
from library.model import GlossaryEntry
from library.search import SearchHit
from reader.ui.percent import whole_percent
from reader.ui.safe_text import plain_tip

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], list[LessonSummary]]
Locate = Callable[[int], int]
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LessonListModel(QAbstractTableModel):
    """Every lesson: title, date imported, reading progress.

    Every lesson has its row from the start; a row's lesson is fetched with its page of rows when
    the view first shows it (or when it is selected), so a library of thousands lists at once and
    selecting an old lesson fetches one page, not every page before it."""

    COLUMNS = ("Title", "Date", "Read", "Difficulty")

    PAGE = 100

    def __init__(self) -> None:
        super().__init__()
        self._pages: dict[int, list[LessonSummary]] = {}
        self._headers = list(self.COLUMNS)
        self._fetch: Fetch | None = None
        self._locate: Locate | None = None
        self._total = 0
        self._tr: Callable[[str], str] = str
        # Each lesson's share of words unknown to the learner and its level: stored numbers, read for
        # a page of rows when it is first shown after a refresh (never per paint, nor for every
        # lesson at once); the tooltip's profile is read for the one row hovered.
        self._unknown: Callable[[list[int]], dict[int, tuple[float, str]]] | None = None
        self._unknown_shares: dict[int, tuple[float, str]] = {}
        self._unknown_pages: set[int] = set()
        self._detail: Callable[[int], str] | None = None

    def set_translator(self, tr: Callable[[str], str]) -> None:
        """Interface words (the tooltips) in the interface language."""
        self._tr = tr
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, 0), [Qt.ItemDataRole.ToolTipRole])

    def set_rows(self, rows: list[LessonSummary]) -> None:
        """Replace the list with these rows (all of them, fetched already)."""
        self.beginResetModel()
        self._pages = {i // self.PAGE: list(rows[i : i + self.PAGE]) for i in range(0, len(rows), self.PAGE)}
        self._fetch, self._locate, self._total = None, None, len(rows)
        self._unknown_pages = set()  # the rows of a page are others now
        self.endResetModel()

    def set_source(self, fetch: Fetch, total: int, locate: Locate | None = None) -> None:
        """Show `total` lessons, fetched a page at a time by `fetch(offset, limit)` as the view
        shows them; `locate(lesson_id)` says which row a lesson is in (-1: none)."""
        self.beginResetModel()
        self._fetch, self._locate, self._total = fetch, locate, total
        self._pages, self._unknown_pages = {}, set()
        if total:
            self._page(0)
        self.endResetModel()

    def _page(self, n: int) -> list[LessonSummary]:
        page = self._pages.get(n)
        if page is None:
            page = self._fetch(n * self.PAGE, self.PAGE) if self._fetch is not None else []
            self._pages[n] = page
        return page

    def summary(self, row: int) -> LessonSummary | None:
        """The lesson in `row` (its page fetched if need be)."""
        if not 0 <= row < self._total:
            return None
        page = self._page(row // self.PAGE)
        i = row % self.PAGE
        return page[i] if i < len(page) else None

    def set_difficulty(
        self,
        shares: Callable[[list[int]], dict[int, tuple[float, str]]],
        detail: Callable[[int], str] | None = None,
    ) -> None:
        """Where the Difficulty column's numbers come from (`shares(lesson_ids)`: each lesson's unknown
        share and level), read again as rows are next shown (statuses changed); `detail(lesson_id)`
        is its tooltip."""
        self._unknown, self._detail = shares, detail
        self._unknown_shares, self._unknown_pages = {}, set()
        if self._total:
            self.dataChanged.emit(self.index(0, 3), self.index(self._total - 1, 3))

    def set_unknown_shares(self, shares: Callable[[], dict[int, float]]) -> None:
        """The Difficulty column with unknown shares alone (no level)."""
        self.set_difficulty(lambda ids: {i: (s, "") for i, s in shares().items() if i in set(ids)})

    def _unknown_text(self, row: int, lesson_id: int) -> str:
        page = row // self.PAGE
        if page not in self._unknown_pages:
            self._unknown_pages.add(page)
            if self._unknown is not None:
                self._unknown_shares.update(self._unknown([s.id for s in self._page(page)]))
        found = self._unknown_shares.get(lesson_id)
        if found is None:
            return ""
        share, level = found
        return f"{whole_percent(share)} {level}".rstrip()

    def set_headers(self, headers: list[str]) -> None:
        """Header words in the interface language."""
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_progress(self, lesson_id: int, progress: float) -> None:
        """Update one lesson's reading progress (it never goes down)."""
        row = self.row_of(lesson_id)
        summary = self.summary(row)
        if summary is not None and progress > summary.progress:
            summary.progress = progress
            summary.finished = summary.finished or progress >= 0.999
            index = self.index(row, 2)
            self.dataChanged.emit(index, index)

    def row_of(self, lesson_id: int, fetch: bool = False) -> int:
        """The row showing lesson `lesson_id`, or -1; with `fetch`, its page is fetched if it is
        not yet (found by `locate`, else by fetching pages in order until it turns up)."""
        for n, page in self._pages.items():
            for i, summary in enumerate(page):
                if summary.id == lesson_id:
                    return n * self.PAGE + i
        if not fetch or self._fetch is None:
            return -1
        if self._locate is not None:
            row = self._locate(lesson_id)
            found = self.summary(row)
            if found is not None and found.id == lesson_id:
                return row
        for n in range((self._total + self.PAGE - 1) // self.PAGE):
            if n not in self._pages:
                for i, summary in enumerate(self._page(n)):
                    if summary.id == lesson_id:
                        return n * self.PAGE + i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.summary(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.display_title
            if col == 1:
                return row.imported_at[:10]
            if col == 3:
                return self._unknown_text(index.row(), row.id)
            return "✓" if row.finished else whole_percent(row.progress)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 3 and self._detail is not None:
                detail = self._detail(row.id)
                if detail:
                    return plain_tip(detail)
            return plain_tip(self._tooltip(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        )
        if horizontal and 0 <= section < len(self._headers):
            return self._headers[section]  # the tooltip: the header word whole where the column shortens it
        return None

    def _tooltip(self, row: LessonSummary) -> str:
        tr = self._tr
        lines = [row.title]
        if row.book_title is not None and row.chapter is not None:
            lines.append(tr("Chapter {n} of “{book}”").format(n=row.chapter, book=row.book_title))
        words = tr("{n} words").format(n=f"{row.word_count:,}")
        lines.append(f"{row.imported_at[:16].replace('T', ' ')} · {words}")
        return "\n".join(lines)


class SearchResultsModel(QAbstractListModel):
    """Search hits: the lesson title and a snippet with the match."""

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        """Replace the results."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        """The hit in row `row`."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title}\n{' '.join(hit.snippet.split())}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(hit.snippet)
        if role == ID_ROLE:
            return hit.lesson_id
        return None


class GlossaryModel(QAbstractListModel):
    """The lesson's word list: term, part of speech, definition."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[GlossaryEntry] = []
        self._meanings: dict[int, str] = {}
        self.from_dictionary = "from the dictionary"  # how a meaning the dictionary gave is marked

    def set_entries(self, entries: list[GlossaryEntry], meanings: dict[int, str] | None = None) -> None:
        """Replace the word list; `meanings`: row → the dictionary's sense, for entries with no meaning of their own."""
        self.beginResetModel()
        self._entries = list(entries)
        self._meanings = dict(meanings or {})
        self.endResetModel()

    def meaning(self, row: int) -> str:
        """The dictionary's sense shown for an entry with none of its own ("" where there is none)."""
        return self._meanings.get(row, "")

    def entry(self, row: int) -> GlossaryEntry | None:
        """The entry in row `row`."""
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            head = f"{e.term}  {e.pos}".rstrip()
            rest = "\n".join(t for t in (e.definition, e.translation) if t)
            if not rest and self.meaning(index.row()):
                rest = f"{self.meaning(index.row())} ({self.from_dictionary})"
            return f"{head}\n{rest}" if rest else head
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip("\n".join(t for t in (e.term, e.pos, e.definition, e.translation, e.example) if t))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{e.term}, {e.pos}: {e.definition or self.meaning(index.row())}"
        return None
