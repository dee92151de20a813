"""Progress: lessons finished, words read, known words over time, and each lesson's share of words
the learner does not know yet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from library.study.progress import LessonLevel, Summary
from reader.ui.percent import whole_percent
from reader.ui.themes import Theme

Index = QModelIndex | QPersistentModelIndex


class LevelsModel(QAbstractTableModel):
    """Lessons with their words and the share still unknown."""

    HEADERS = ("Lesson", "Word count", "Unknown", "Finished")

    def __init__(self, levels: list[LessonLevel], tr: Callable[[str], str]) -> None:
        super().__init__()
        self.levels, self._tr = levels, tr

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.levels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.levels):
            return None
        lv = self.levels[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return lv.title
            if col == 1:
                return f"{lv.words:,}"
            if col == 2:
                return f"{whole_percent(lv.unknown_share)}  ({lv.unknown}/{lv.distinct})"
            return "✓" if lv.finished else whole_percent(lv.progress)
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return self._tr("{u} of the lesson's {d} different words are not in your known words yet").format(
                u=lv.unknown, d=lv.distinct
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return lv.lesson_id
        return None


class KnownChart(QWidget):
    """Known words over time, as a step line."""

    def __init__(self, points: list[tuple[str, int]], theme: Theme, tr: Callable[[str], str]) -> None:
        super().__init__()
        self.setObjectName("KnownChart")
        self.points, self.theme, self._tr = points, theme, tr
        self.setMinimumHeight(150)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme = self.theme
        p.fillRect(self.rect(), QColor(theme.base))
        area = QRectF(self.rect()).adjusted(44, 12, -16, -26)
        p.setPen(QPen(QColor(theme.muted), 1))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        p.drawLine(area.bottomLeft(), area.topLeft())
        if not self.points:
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self._tr("Mark words as known to see them add up here."))
            p.end()
            return
        top = max(1, max(n for _d, n in self.points))
        count = len(self.points)
        p.drawText(QRectF(0, area.top() - 8, 40, 16), Qt.AlignmentFlag.AlignRight, str(top))
        p.drawText(QRectF(0, area.bottom() - 8, 40, 16), Qt.AlignmentFlag.AlignRight, "0")
        p.drawText(QRectF(area.left(), area.bottom() + 4, 120, 18), Qt.AlignmentFlag.AlignLeft, self.points[0][0])
        p.drawText(
            QRectF(area.right() - 120, area.bottom() + 4, 120, 18), Qt.AlignmentFlag.AlignRight, self.points[-1][0]
        )
        path = QPainterPath()
        prev_y = area.bottom()
        path.moveTo(area.left(), prev_y)
        for i, (_day, n) in enumerate(self.points):
            x = area.left() + (area.width() * (i + 1) / count if count > 1 else area.width())
            y = area.bottom() - area.height() * n / top
            path.lineTo(x - (area.width() / count if count > 1 else area.width()), y)
            path.lineTo(x, y)
            prev_y = y
        p.setPen(QPen(QColor(theme.accent), 2.2))
        p.drawPath(path)
        p.end()


class ProgressDialog(QDialog):
    """The progress view; double-clicking a lesson opens it."""

    lesson_chosen = Signal(int)

    def __init__(
        self,
        parent: QWidget,
        summary: Summary,
        levels: list[LessonLevel],
        due: int,
        tr: Callable[[str], str],
        theme: Theme,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ProgressDialog")
        self.setWindowTitle(tr("My progress"))
        grid = QGridLayout()
        figures = [
            (tr("Lessons finished"), f"{summary.lessons_finished} / {summary.lessons}"),
            (tr("Words read"), f"{summary.words_read:,}"),
            (tr("Known words"), f"{summary.counts['known']:,}"),
            (tr("Learning"), f"{summary.counts['learning']:,}"),  # each status its own figure
            (tr("New"), f"{summary.counts['new']:,}"),
            (tr("Due for review"), f"{due:,}"),
            (tr("Reviews done"), f"{summary.reviews:,}"),
        ]
        self.figures: dict[str, QLabel] = {}
        for i, (name, value) in enumerate(figures):
            value_label = QLabel(value, self)
            font = value_label.font()
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            value_label.setFont(font)
            name_label = QLabel(name, self)
            name_label.setStyleSheet(f"color: {theme.muted}")
            grid.addWidget(value_label, 0, i)
            grid.addWidget(name_label, 1, i)
            self.figures[name] = value_label
        self.chart = KnownChart(summary.known_over_time, theme, tr)
        self.model = LevelsModel(levels, tr)
        self.table = QTableView(self)
        self.table.setObjectName("LessonLevels")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        known = QLabel(tr("Known words over time"), self)
        known.setStyleSheet("font-weight: 600")
        layout.addWidget(known)
        layout.addWidget(self.chart)
        share = QLabel(tr("Lessons by the share of words you do not know yet"), self)
        share.setStyleSheet("font-weight: 600")
        layout.addWidget(share)
        layout.addWidget(self.table, 1)
        self.resize(760, 620)

    def _open(self, index: QModelIndex) -> None:
        lesson_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if lesson_id is not None:
            self.lesson_chosen.emit(int(lesson_id))
