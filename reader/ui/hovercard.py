"""A small frameless card (ToolTip window) that shows a note or a glossary entry beside the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QEnterEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from library.model import GlossaryEntry, Note
from reader.ui.themes import Theme

SAFE_SCHEMES = ("http", "https")
# what the window does that leaves a card floating where the term no longer is
FOLLOWED = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.WindowDeactivate)


def open_external(url: str) -> bool:
    """Open a web link in the system browser; anything else is refused."""
    qurl = QUrl(url)
    if qurl.scheme().lower() not in SAFE_SCHEMES:
        return False
    return QDesktopServices.openUrl(qurl)


def note_html(note: Note, tr_source: str) -> str:
    """The card's rich text for a note: a heading, its paragraphs, its source link."""
    import html  # (and its entity table) when a card is first shown, not while the window starts

    head = html.escape(note.marker + (" " + note.label if note.label else ""))
    parts = [f"<p style='margin:0 0 6px 0'><b>{head}</b></p>"]
    parts += [f"<p style='margin:0 0 6px 0'>{html.escape(p)}</p>" for p in note.paragraphs]
    if note.source_url and QUrl(note.source_url).scheme().lower() in SAFE_SCHEMES:  # only web links are links
        url = html.escape(note.source_url, quote=True)
        parts.append(f"<p style='margin:4px 0 0 0'>{html.escape(tr_source)}: <a href='{url}'>{url}</a></p>")
    elif note.source_text or note.source_url:
        source = note.source_text or note.source_url or ""
        parts.append(f"<p style='margin:4px 0 0 0'>{html.escape(tr_source)}: {html.escape(source)}</p>")
    return "".join(parts)


def entry_html(entry: GlossaryEntry) -> str:
    """The card's rich text for a glossary entry."""
    import html

    pos = f" <i>{html.escape(entry.pos)}</i>" if entry.pos else ""
    parts = [f"<p style='margin:0 0 4px 0'><b>{html.escape(entry.term)}</b>{pos}</p>"]
    for extra in (entry.definition, entry.translation, entry.example):
        if extra:
            parts.append(f"<p style='margin:0 0 4px 0'>{html.escape(extra)}</p>")
    return "".join(parts)


class HoverCard(QFrame):
    """A card that appears at once under a hovered term; a click pins it, Esc or a click elsewhere closes it."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("HoverCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._label = QLabel(self)
        self._label.setObjectName("HoverCardText")
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setOpenExternalLinks(False)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self._label.linkActivated.connect(open_external)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self._label)
        self.pinned = False
        self.key: str = ""
        self._hide_timer = QTimer(self, singleShot=True, interval=350)
        self._hide_timer.timeout.connect(self._maybe_hide)
        self._watched: QWidget | None = None

    def apply_theme(self, theme: Theme, families: list[str], size: float) -> None:
        """Colours and faces from the window's theme."""
        border = theme.muted
        self.setStyleSheet(
            f"#HoverCard {{ background: {theme.base}; border: 1px solid {border}; border-radius: 6px; }}"
            f"#HoverCardText {{ color: {theme.text}; }}"
        )
        font = self._label.font()
        font.setFamilies(families)
        font.setPointSizeF(size)
        self._label.setFont(font)

    def text(self) -> str:
        """What the card says, as plain text."""
        return self._label.text()

    def show_html(self, key: str, content: str, anchor: QRect, width: int = 380) -> None:
        """Show `content` just below (or above) `anchor`, a rectangle in global coordinates."""
        self._hide_timer.stop()
        if key != self.key or not self.isVisible():
            self.key = key
            self._label.setText(content)
            self._label.setFixedWidth(width)
            self.adjustSize()
        self.move(self._place(anchor))
        self._watch_window()
        if not self.isVisible():
            self.show()

    def _watch_window(self) -> None:
        """Follow the window the card belongs to: a card is its own window and would stay behind."""
        parent = self.parentWidget()
        top = parent.window() if parent is not None else None
        if top is not None and top is not self._watched:
            top.installEventFilter(self)
            self._watched = top

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Close when the window moves, changes size or stops being the active one."""
        if watched is self._watched and event.type() in FOLLOWED:
            self.close_card()
        return super().eventFilter(watched, event)

    def _place(self, anchor: QRect) -> QPoint:
        return place_card(self, anchor)

    def pin(self) -> None:
        """Keep the card open until Esc or a click elsewhere."""
        self.pinned = True
        self._hide_timer.stop()

    def close_card(self) -> None:
        """Hide at once and forget the pin."""
        self.pinned = False
        self._hide_timer.stop()
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def schedule_hide(self) -> None:
        """Hide soon unless the pointer reaches the card (so its link can be clicked)."""
        if not self.pinned and self.isVisible() and not self._hide_timer.isActive():
            self._hide_timer.start()

    def cancel_hide(self) -> None:
        """The pointer is back on the term."""
        self._hide_timer.stop()

    def _maybe_hide(self) -> None:
        if not self.pinned and not self.underMouse():
            self.close_card()

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hide_timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: object) -> None:
        self.schedule_hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_card()
            return
        super().keyPressEvent(event)


def place_card(card: QWidget, anchor: QRect) -> QPoint:
    """Where a card goes: under `anchor` (a word on screen), or above it where there is no room below,
    kept on the screen."""
    screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    parent = card.parentWidget()
    if parent is not None:
        window = parent.window()
        frame = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
        if window.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
            area = frame  # rendered to an image (--screenshot): only the window is in the picture
        else:
            area = area.united(frame)  # offscreen, a window may be larger than the virtual screen
    x = min(max(area.left(), anchor.left()), area.right() - card.width())
    y = anchor.bottom() + 6
    if y + card.height() > area.bottom():
        y = max(area.top(), anchor.top() - card.height() - 6)
    return QPoint(x, y)
