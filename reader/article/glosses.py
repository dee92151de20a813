"""Glosses over hard words in the article: found once per document (library.study.glosses), drawn
small and light in the room the document leaves above each line (DocStyle.glosses), by a
transparent layer over the text, only where they are on screen. Lesson text stays plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QMenu, QWidget

from reader.article.view import ArticleView
from reader.reading import Reading
from reader.ui.i18n import Translator
from reader.window.actions import ActionSpec, MenuName

# The level list and the dictionary load when glosses are first shown, not at start-up.
if TYPE_CHECKING:
    from library.model import Lesson
    from library.study.area import Study
    from library.study.glosses import Gloss

THRESHOLD_TEXTS = {
    "B2": "Glosses: B2 and above",
    "C1": "Glosses: C1 and above",
    "unknown": "Glosses: only words unknown to me",
}
THRESHOLDS = tuple(THRESHOLD_TEXTS)  # as library.study.glosses.THRESHOLDS
NO_DICTIONARY = "No dictionary: glosses come from the lesson's word list and my notes only"
GLOSS_SCALE = 0.55  # of the body text's line height: small, as Word Wise's
FOUND_KEPT = 8  # lessons whose glosses are kept, for going back and forth between a few
GAP = 3.0  # pixels kept free between glosses on one line

# word form → first Japanese headword, per dictionary file as it was (path, size, mtime): a lesson
# opened again, or another lesson with the same words, asks the file nothing.
_senses: dict[tuple[tuple[str, int, int], tuple[str, int, int]], dict[tuple[str, str | None, str], str]] = {}
_has_entries: dict[tuple[tuple[str, int, int], tuple[str, int, int]], bool] = {}


def _file_state(path: Path) -> tuple[str, int, int] | None:
    """The dictionary file as it is now (its write-ahead log too: imports land there first)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    wal = path.with_name(path.name + "-wal")
    extra = wal.stat() if wal.exists() else None
    return (str(path), stat.st_size + (extra.st_size if extra else 0),
            max(stat.st_mtime_ns, extra.st_mtime_ns if extra else 0))


class GlossLayer(QWidget):
    """A layer over the article's viewport that writes each hard word's gloss above it."""

    def __init__(self, article: ArticleView, source: Callable[[], list[Gloss]]) -> None:
        super().__init__(article)  # a sibling over the viewport: scrolling moves a viewport's children
        self.setObjectName("GlossLayer")
        self.article, self._source = article, source
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.enabled = False
        self.colour = QColor("#666666")
        self._built: object = None  # the document the glosses were found for
        self._by_block: dict[int, list[Gloss]] = {}
        self._font: QFont | None = None
        self._metrics: QFontMetricsF | None = None
        self._widths: dict[str, float] = {}
        self._layout: object = None
        article.viewport().installEventFilter(self)
        article.verticalScrollBar().valueChanged.connect(lambda _v: self.update())
        self.setGeometry(article.viewport().geometry())
        self.raise_()
        self.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and isinstance(watched, QWidget):
            self.setGeometry(watched.geometry())
        return False

    def set_enabled(self, on: bool, colour: str) -> None:
        """Show or hide the glosses, in the theme's light text colour."""
        self.enabled, self.colour = on, QColor(colour)
        self._built = None  # the threshold, my words or the dictionary may have changed: find them again
        layout = self.article.document().documentLayout()
        if layout is not self._layout:
            self._layout = layout
            layout.update.connect(self.update)
        self.setVisible(on)
        self.raise_()
        self.update()

    def glosses(self) -> list[Gloss]:
        """Every gloss of the shown document, found once per document."""
        built = self.article.built
        if self._built is not built:
            self._built, self._by_block, self._font, self._widths = built, {}, None, {}
            for gloss in self._source() if built is not None and self.enabled else []:
                self._by_block.setdefault(gloss.block, []).append(gloss)
        return [g for index in sorted(self._by_block) for g in self._by_block[index]]

    def _gloss_font(self, line_height: float) -> tuple[QFont, QFontMetricsF]:
        if self._font is None or self._metrics is None:
            style = self.article.style_
            font = QFont()
            if style is not None:
                font.setFamilies([style.ja_family, style.body_family] if style.ja_family else [style.body_family])
            font.setPixelSize(max(7, round(line_height * GLOSS_SCALE)))
            self._font, self._metrics = font, QFontMetricsF(font)
        return self._font, self._metrics

    def placed(self) -> list[tuple[QRectF, str, Gloss]]:
        """(document rectangle, text, gloss) of every gloss in the paragraphs on screen."""
        article = self.article
        built = article.built
        self.glosses()
        if built is None or not self._by_block:
            return []
        top = article.verticalScrollBar().value()
        doc = article.document()
        layout = doc.documentLayout()
        out: list[tuple[QRectF, str, Gloss]] = []
        for index in article.indexes_between(top, top + self.height()):
            glosses = self._by_block.get(index)
            if not glosses:
                continue
            block = doc.findBlock(built.starts[index])
            lines = block.layout()
            if not block.isVisible() or lines is None or not lines.lineCount():
                continue
            origin = layout.blockBoundingRect(block).topLeft()
            right_of: dict[int, float] = {}  # line → right edge of its last gloss
            for gloss in glosses:
                start, end = built.doc_span(index, gloss.start, gloss.end)
                a, b = start - block.position(), end - block.position()
                line = lines.lineForTextPosition(a)
                if not line.isValid():
                    continue
                _font, metrics = self._gloss_font(line.height())
                x1 = float(line.cursorToX(a)[0])  # type: ignore[index]
                x2 = float(line.cursorToX(min(b, line.textStart() + line.textLength()))[0])  # type: ignore[index]
                width = self._widths.get(gloss.text)
                if width is None:
                    width = self._widths[gloss.text] = metrics.horizontalAdvance(gloss.text)
                left = max((x1 + x2 - width) / 2, right_of.get(line.lineNumber(), -1e9) + GAP, 0.0)
                text = gloss.text
                limit = line.x() + line.width()
                if left + width > limit:
                    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, limit - left))
                    width = metrics.horizontalAdvance(text)
                if not text:
                    continue
                right_of[line.lineNumber()] = left + width
                height = metrics.height()
                y = origin.y() + line.y() - height - 1  # just above the line's text, in the room left for it
                out.append((QRectF(origin.x() + left, y, width, height), text, gloss))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.enabled:
            return
        placed = self.placed()
        if not placed or self._font is None:
            return
        article = self.article
        top = article.verticalScrollBar().value()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(-article.horizontalScrollBar().value(), -top)
        painter.setFont(self._font)
        painter.setPen(self.colour)
        for rect, text, _gloss in placed:
            if rect.bottom() >= top and rect.top() <= top + self.height():
                painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
        painter.end()


class GlossesUi(QObject):
    """The View menu's glosses: the toggle (Ctrl+Shift+G, remembered), the threshold, and why the
    dictionary's are missing when it is."""

    restyle_requested = Signal()  # the article must be built again with (or without) room for glosses

    def __init__(self, study: Study, reading: Reading, article: ArticleView, settings: QSettings,
                 parent: QObject, tr: Callable[[str], str]) -> None:
        super().__init__(parent)
        self.study, self.reading, self.article, self.settings, self.tr_ = study, reading, article, settings, tr
        self.on = bool(settings.value("view/glosses", False, bool))
        threshold = str(settings.value("view/gloss_threshold", "B2"))
        self.threshold = threshold if threshold in THRESHOLDS else "B2"
        self.layer = GlossLayer(article, self.find)
        self.actions: dict[str, QAction] = {}
        self.dictionary_missing = False
        self._checked = False  # whether the dictionary was looked for yet (not at start-up)
        self._found: dict[tuple[object, ...], list[Gloss]] = {}  # the last lessons' glosses, oldest first
        reading.lesson_changed.connect(self.refresh)
        reading.lesson_reloaded.connect(self.refresh)

    def action_specs(self) -> list[ActionSpec]:
        """The toggle, one item per threshold, and the line saying the dictionary is missing."""
        v = MenuName.VIEW
        return [
            ActionSpec("glosses", "&Glosses over hard words", self.set_on, v, ("Ctrl+Shift+G",), section=3,
                       checkable=True),
            *[ActionSpec(f"gloss_{t}", text, self._chooser(t), v, section=3, checkable=True)
              for t, text in THRESHOLD_TEXTS.items()],
            ActionSpec("glosses_missing", NO_DICTIONARY, lambda _c: None, v, section=3),
        ]

    def _chooser(self, threshold: str) -> Callable[[bool], None]:
        """The handler of one threshold's menu item."""
        return lambda _checked: self.set_threshold(threshold)

    def placed(self, actions: dict[str, QAction], menus: dict[MenuName, QMenu]) -> None:
        """Keep the actions; check the remembered state; say on opening the menu what is missing."""
        self.actions = actions
        actions["glosses"].setChecked(self.on)
        actions["glosses_missing"].setEnabled(False)
        actions["glosses_missing"].setVisible(False)  # until the menu is first opened (or glosses shown)
        self._check_threshold()
        menus[MenuName.VIEW].aboutToShow.connect(self.check_dictionary)

    def retranslate(self, tr: Translator) -> None:
        """Words in the interface language: the toggle's tooltip (the window retranslates the actions' texts)."""
        if self._checked:
            self.check_dictionary()

    def shutdown(self) -> None:
        """Nothing runs in the background."""

    def check_dictionary(self) -> bool:
        """Whether a dictionary can give glosses; the menu says so when it cannot."""
        self._checked = True
        self.dictionary_missing = not self._has_dictionary()
        if "glosses_missing" in self.actions:
            self.actions["glosses_missing"].setVisible(self.dictionary_missing)
            self.actions["glosses"].setToolTip(self.tr_(NO_DICTIONARY) if self.dictionary_missing else "")
        return not self.dictionary_missing

    def _has_dictionary(self) -> bool:
        """Whether the dictionary file has any entries, asked once per state of the file (counting
        JMdict's rows takes ~100 ms)."""
        dictionary = self.study.dictionary
        mine, shared = _file_state(dictionary.path), _file_state(dictionary.table)
        if mine is None and shared is None:
            return False
        key = (mine or ("", 0, 0), shared or ("", 0, 0))
        if key not in _has_entries:
            _has_entries[key] = dictionary.has_entries()
        return _has_entries[key]

    def _check_threshold(self) -> None:
        for t in THRESHOLDS:
            action = self.actions.get(f"gloss_{t}")
            if action is not None:
                action.setChecked(t == self.threshold)
                action.setEnabled(self.on)

    def set_on(self, on: bool) -> None:
        """Show or hide the glosses (the document is laid out again with room for them)."""
        self.on = on
        self.settings.setValue("view/glosses", on)
        self._check_threshold()
        self.restyle_requested.emit()

    def set_threshold(self, threshold: str) -> None:
        """Gloss the words at or above this threshold from now on."""
        self.threshold = threshold
        self.settings.setValue("view/gloss_threshold", threshold)
        self._check_threshold()
        self.refresh()

    def refresh(self) -> None:
        """Find the glosses again (another document, threshold, my words or dictionary)."""
        style = self.article.style_
        self.layer.set_enabled(self.on, style.theme.muted if style is not None else "#666666")

    def dictionary_changed(self) -> None:
        """The dictionary was built or imported into: its glosses are asked for again."""
        _senses.clear()
        _has_entries.clear()
        self._found.clear()
        self.refresh()

    def find(self) -> list[Gloss]:
        """The glosses of the open lesson for the active learner; the same lesson opened again with
        the same words, threshold and dictionary takes the glosses found the last time."""
        lesson = self.article.lesson
        if lesson is None:
            return []
        dictionary = self.check_dictionary()
        key = (lesson.id, hash(tuple(b.text for b in lesson.blocks)), hash(tuple(map(repr, lesson.glossary))),
               self.threshold, self.study.words.profile_id, self.study.words.version(), dictionary)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._find(lesson, dictionary)
            while len(self._found) > FOUND_KEPT:
                del self._found[next(iter(self._found))]
        return found

    def _find(self, lesson: Lesson, dictionary: bool) -> list[Gloss]:
        from library.study.glosses import find_glosses, gloss_of, glossary_glosses
        from library.study.saved_levels import saved_as_name
        from library.study.words import DICTIONARY_GLOSS

        own: dict[str, str] = {}
        known: set[str] = set()
        names: set[str] = set()  # the words I saved as names: never glossed, as the lesson's names
        for word in self.study.words.list():
            # My own note or meaning (a meaning filled in from the dictionary gives way to the sense in
            # context); an English one is no gloss: the dictionary's is.
            text = gloss_of(word.note, word.gloss if word.gloss_source != DICTIONARY_GLOSS else "")
            if text:
                own.setdefault(word.lemma or word.text.lower(), text)
                own.setdefault(word.text.lower(), text)
            if word.status == "known":
                known.update((word.lemma, word.text.lower()))
            if saved_as_name(word.text):
                names.add(word.text.lower())
        blocks = [(i, b.text) for i, b in enumerate(lesson.blocks) if b.kind != "heading"]
        lookup = self._lookup if dictionary else None
        return find_glosses(blocks, self.threshold, glossary=glossary_glosses(lesson.glossary), own=own,
                            known=known, lookup=lookup, saved_names=names)

    def _lookup(self, words: list[str], pos: dict[str, str | None], sentences: dict[str, str]) -> dict[str, str]:
        dictionary = self.study.dictionary
        cache = _senses.setdefault(
            (_file_state(dictionary.path) or ("", 0, 0), _file_state(dictionary.table) or ("", 0, 0)), {}
        )
        keys = {w: (w, pos.get(w), sentences.get(w, "")) for w in words}
        missing = [w for w in words if keys[w] not in cache]
        if missing:
            found = dictionary.first_senses(missing, pos, sentences)
            for word in missing:
                cache[keys[word]] = found[word].headword if word in found else ""
        return {w: cache[keys[w]] for w in words if cache[keys[w]]}
