"""The My words table's item models: rows of saved words in, their cells out; and the proxy that
filters them by status, lesson, level and text, and hands sorting to the rows themselves."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from library.study.saved_levels import level_matches, level_rank, prepare, saved_word_level
from library.study.words import DICTIONARY_GLOSS, STATUSES, WordRow

Index = QModelIndex | QPersistentModelIndex
# column key, header (English, translated when shown)
COLUMNS: list[tuple[str, str]] = [
    ("text", "Word"),
    ("status", "Status"),
    ("level", "Level"),
    ("gloss", "Meaning"),
    ("note", "My note"),
    ("sentence", "Sentence"),
    ("lesson", "Lesson"),
    ("created", "Saved"),
    ("due", "Review due"),
]
KEYS = [key for key, _ in COLUMNS]
_ITALIC: list[QFont] = []  # made on first use (a font wants the application)


def _italic() -> QFont:
    if not _ITALIC:
        font = QFont()
        font.setItalic(True)
        _ITALIC.append(font)
    return _ITALIC[0]
EDITABLE = ("status", "gloss", "note")
# Asked for every cell when a selection is read: made once, not combined anew each time.
_FLAGS = [
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | (Qt.ItemFlag.ItemIsEditable if key in EDITABLE else Qt.ItemFlag.NoItemFlags)
    for key in KEYS
]
WORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_LEVEL_SHOWN = "—"


class LevelCache:
    """Each saved word's level, worked out when first asked for (the words of a sort or a filter
    all at once, lemmatised together); a word's level follows its text and sentence alone."""

    def __init__(self) -> None:
        self._levels: dict[tuple[str, str], str | None] = {}

    def of(self, row: WordRow) -> str | None:
        key = (row.text, row.sentence)
        if key not in self._levels:
            self._levels[key] = saved_word_level(row.text, row.sentence)
        return self._levels[key]

    def prepare(self, rows: list[WordRow]) -> None:
        todo = [r for r in rows if (r.text, r.sentence) not in self._levels]
        if todo:
            prepare(r.text for r in todo)
            for r in todo:
                self.of(r)


def _sort_key(key: str, levels: LevelCache) -> Callable[[WordRow], Any]:
    """What a column sorts by: words alphabetically, statuses in learning order, levels from A1 to C2
    (words without one last), dates in time order."""
    if key == "level":
        return lambda r: (level_rank(levels.of(r)), r.lemma)
    if key == "status":
        return lambda r: (STATUSES.index(r.status), r.lemma)
    if key == "due":
        return lambda r: (r.due == "", r.due, r.lemma)  # words not in review after the rest
    if key == "created":
        return lambda r: (r.created_at, r.id)
    if key == "lesson":
        return lambda r: (r.lesson_title == "", r.lesson_title.casefold(), r.block_pos or 0)
    field = {"text": "lemma"}.get(key, key)
    return lambda r: (getattr(r, field).casefold(), r.lemma)


def _plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is: Qt would take a tag at its start for markup."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"


class MyWordsModel(QAbstractTableModel):
    """Saved words, one per row; an edit is asked for by a signal and shown at once."""

    edit_requested = Signal(int, str, str)  # word id, column key, new value

    def __init__(self, tr: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[WordRow] = []
        self._tr = tr
        self._now = ""
        self.levels = LevelCache()

    def level_of(self, row: WordRow) -> str | None:
        """A row's CEFR level (None: a name, a phrase or a word no list has)."""
        return self.levels.of(row)

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        key = KEYS[column]
        if key == "level":
            self.levels.prepare(self.rows)
        self.rows.sort(key=_sort_key(key, self.levels), reverse=order == Qt.SortOrder.DescendingOrder)

    def set_rows(
        self, rows: list[WordRow], column: int = -1, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        """Show these words (in a column's order if one is given)."""
        self.beginResetModel()
        self.rows = rows
        if 0 <= column < len(COLUMNS):
            self._sort(column, order)
        self._now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.endResetModel()

    def set_translator(self, tr: Callable[[str], str]) -> None:
        """Headers and statuses in the interface language."""
        self._tr = tr
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self._tr(COLUMNS[section][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS[index.column()] if index.isValid() else Qt.ItemFlag.NoItemFlags

    def text_of(self, row: WordRow, key: str) -> str:
        """What a cell shows."""
        if key == "status":
            return self._tr(row.status)
        if key == "lesson":
            return row.lesson_title
        if key == "level":
            return self.level_of(row) or NO_LEVEL_SHOWN
        if key == "created":
            return row.created_at[:10]
        if key == "due":
            if not row.due:
                return ""
            return self._tr("now") if row.due <= self._now else row.due[:10]
        return str(getattr(row, key))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, key = self.rows[index.row()], KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text_of(row, key)
        if role == Qt.ItemDataRole.EditRole:
            return row.status if key == "status" else self.text_of(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, key)
        if role == Qt.ItemDataRole.FontRole and key == "gloss" and row.gloss_source == DICTIONARY_GLOSS:
            return _italic()  # filled in from the dictionary: not my own meaning (edit it to make it mine)
        if role == WORD_ID_ROLE:
            return row.id
        return None

    def _tip(self, row: WordRow, key: str) -> str | None:
        if key == "sentence" and row.sentence:
            return _plain_tip("\n".join(t for t in (row.sentence, row.sentence_translation) if t))
        if key == "lesson" and row.lesson_title:
            return _plain_tip(row.lesson_title + "\n" + self._tr("Enter: open the lesson at this sentence"))
        if key == "text" and row.lemma != row.text.lower():
            return _plain_tip(f"{row.text} ({row.lemma})")
        if key == "gloss" and row.gloss and row.gloss_source == DICTIONARY_GLOSS:
            return _plain_tip(row.gloss + "\n" + self._tr("From the dictionary: edit it to make it your own meaning"))
        if key in ("gloss", "note") and getattr(row, key):
            return _plain_tip(getattr(row, key))
        if key == "level":
            level = self.level_of(row)
            return self._tr("CEFR level {level}").format(level=level) if level else self._tr(
                "No level: a name, a phrase, or a word the level lists lack"
            )
        if key == "due" and row.due:
            return _plain_tip(row.due.replace("T", " ").removesuffix("Z") + " UTC")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = KEYS[index.column()]
        if key not in EDITABLE or (key == "status" and value not in STATUSES):
            return False
        row = self.rows[index.row()]
        value = str(value) if key == "status" else " ".join(str(value).split()) if key == "gloss" else str(value)
        if getattr(row, key) == value:
            return False
        setattr(row, key, value)
        if key == "gloss":
            row.gloss_source = ""  # typed: my own meaning now
        self.dataChanged.emit(index, index)
        self.edit_requested.emit(row.id, key, value)
        return True

    def set_status(self, word_ids: set[int], status: str) -> None:
        """Show a new status on these words (already stored)."""
        changed = []
        for i, row in enumerate(self.rows):
            if row.id in word_ids:
                row.status = status
                if status not in ("new", "learning"):
                    row.due = ""
                elif not row.due:
                    row.due = self._now  # back in review: due at once, as the review queue has it
                changed.append(i)
        if changed:  # one signal for the span: one per row costs seconds over 10,000 rows
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], len(COLUMNS) - 1))

    def remove_ids(self, word_ids: set[int]) -> None:
        """Take these words out (deleted), a span of adjacent rows at a time from the bottom up."""
        doomed = [i for i, row in enumerate(self.rows) if row.id in word_ids]
        while doomed:
            last = first = doomed.pop()
            while doomed and doomed[-1] == first - 1:
                first = doomed.pop()
            self.beginRemoveRows(QModelIndex(), first, last)
            del self.rows[first : last + 1]
            self.endRemoveRows()

    def add_rows(
        self, rows: list[WordRow], column: int = -1, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        """Put words back (an undone delete) and the table in a column's order again."""
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()
        self.sort_rows(column, order)

    def sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        """Put the rows in a column's order (in Python: far faster than comparing cell by cell)."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.rows[i.row()].id for i in old]
        self._sort(column, order)
        where = {r.id: i for i, r in enumerate(self.rows)}
        self.changePersistentIndexList(old, [self.index(where[w], i.column()) for w, i in zip(ids, old, strict=True)])
        self.layoutChanged.emit()


class MyWordsFilter(QSortFilterProxyModel):
    """Shows the words of one status, one lesson, one level (or range) and holding a text; sorting
    is the rows' own."""

    def __init__(self, source: MyWordsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setSourceModel(source)
        self.status = ""
        self.lesson_id: int | None = None
        self.text = ""
        self.level = ""

    def set_filter(self, status: str = "", lesson_id: int | None = None, text: str = "", level: str = "") -> None:
        """Show only words of this status (all if ""), from this lesson (all if None), holding this text,
        of this level ("" all, "B2", "B2+" for B2 and above, "none" for words without a level)."""
        if level:
            self.source.levels.prepare(self.source.rows)
        self.beginFilterChange()
        self.status, self.lesson_id, self.text = status, lesson_id, text.casefold().strip()
        self.level = level
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.source.rows[source_row]
        if self.status and row.status != self.status:
            return False
        if self.lesson_id is not None and row.lesson_id != self.lesson_id:
            return False
        if self.level and not level_matches(self.source.level_of(row), self.level):
            return False
        if self.text:
            haystack = " ".join((row.text, row.lemma, row.gloss, row.note, row.sentence)).casefold()
            return self.text in haystack
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source puts its rows in order and the proxy keeps it (sort column -1): sorting
        # 10,000 rows through lessThan would call into Python hundreds of thousands of times.
        self.source.sort_rows(column, order)
