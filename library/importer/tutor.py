"""A bilingual lesson a tutor writes by hand: tab-separated (.tsv) or JSON (.json).

Both are documented, with examples, in docs/formats.md. Nothing is guessed here: what
the file says is a translation, note or word-list entry is one.
"""

from __future__ import annotations

import json
import re
from typing import Any

from library.errors import ImportRefused
from library.importer.decode import decode
from library.importer.normalise import language_of, normalise
from library.importer.split import check_blocks
from library.model import Anchor, Block, GlossaryEntry, Lesson, Note

_SURROGATE = re.compile("[\ud800-\udfff]")
_KINDS = {int: "a number", float: "a number", bool: "true or false", list: "a list", dict: "an object"}
_KEYWORD = re.compile(r"^#(title|caption|lang|heading|note|word)\s*:?\s*$", re.IGNORECASE)


def _cell(text: str) -> str:
    """A cell's text: `\\n` stands for a line break inside a cell."""
    return "\n".join(normalise(part) for part in text.replace("\\n", "\n").split("\n")).strip()


def parse_tsv(data: bytes, name: str = "") -> Lesson:
    """A tab-separated lesson to a lesson (not stored)."""
    text, encoding = decode(data)
    lesson = Lesson(title="", source_name=name, encoding=encoding)
    lang = ""
    notes: list[tuple[Note, str]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not raw.strip():
            continue
        cells = [_cell(c) for c in raw.split("\t")]
        head = raw.split("\t", 1)[0].strip()
        keyword = _KEYWORD.match(head)
        if keyword is None and head.startswith("#"):
            continue  # a comment
        if keyword is None:
            block = Block("paragraph", cells[0])
            _translate(block, cells[1:], lang)
            if block.text:
                lesson.blocks.append(block)
            continue
        key, rest = keyword.group(1).lower(), [*cells[1:], "", "", "", "", ""]
        if key == "title":
            lesson.title = rest[0]
        elif key == "caption":
            lesson.captions.append(rest[0])
        elif key == "lang":
            lang = rest[0].lower()
        elif key == "heading":
            block = Block("heading", rest[0])
            _translate(block, cells[2:], lang)
            lesson.blocks.append(block)
        elif key == "note":
            if not rest[0] or not rest[2]:
                raise ImportRefused(f"line {number}: a #note needs a marker, the words it explains and its text")
            note = Note(marker=rest[0], text=rest[2], source_url=rest[3] or None)
            notes.append((note, rest[1]))
        elif key == "word":
            if not rest[0]:
                raise ImportRefused(f"line {number}: a #word needs its term")
            lesson.glossary.append(GlossaryEntry(rest[0], rest[1], rest[2], rest[3], rest[4]))
    return _finish(lesson, notes, lang)


def _translate(block: Block, cells: list[str], lang: str) -> None:
    translation = next((c for c in cells if c), "")
    if translation:
        block.translations[lang or language_of(translation) or "ja"] = translation


def _text(value: Any, where: str) -> str:
    """A text field: a string (lone surrogates, which SQLite cannot store, become U+FFFD), or '' for
    null or absent; anything else is refused rather than stored as "None", "5" or "{...}"."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportRefused(f"{where} must be text, not {_KINDS.get(type(value), 'a value of another kind')}")
    return _SURROGATE.sub("\ufffd", value)


def _list(value: Any, where: str) -> list[Any]:
    """A list field: null or absent is an empty list."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportRefused(f"{where} must be a list")
    return value


def parse_json(data: bytes, name: str = "") -> Lesson:
    """A JSON lesson (the form `study-reader show --json` prints) to a lesson (not stored)."""
    text, encoding = decode(data)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    except RecursionError as exc:
        raise ImportRefused("not a JSON lesson (nested too deeply)") from exc
    except ValueError as exc:  # a number of more than 4,300 digits
        raise ImportRefused(f"not valid JSON ({' '.join(str(exc).split())[:100]})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("blocks"), list):
        raise ImportRefused('a JSON lesson needs an object with a "blocks" list (see docs/formats.md)')
    lang = _text(doc.get("translation_language"), "translation_language")
    captions = doc.get("caption") if doc.get("caption") is not None else doc.get("captions")
    lesson = Lesson(
        title=_text(doc.get("title"), "title"),
        captions=[_text(captions, "caption")] if isinstance(captions, str) else [
            _text(c, f"captions[{i}]") for i, c in enumerate(_list(captions, "captions"))],
        source_name=name,
        encoding=encoding,
    )
    for i, item in enumerate(doc["blocks"]):
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict) or not _text(item.get("text"), f"blocks[{i}].text").strip():
            raise ImportRefused(f"blocks[{i}] has no text")
        block = Block(_text(item.get("kind"), f"blocks[{i}].kind") or "paragraph", normalise(item["text"]))
        if block.kind not in ("paragraph", "heading"):
            raise ImportRefused(f'blocks[{i}]: kind must be "paragraph" or "heading"')
        translations = item.get("translations")
        if translations is None:
            translations = {}
        if not isinstance(translations, dict):
            raise ImportRefused(f"blocks[{i}].translations must be an object of language: text")
        if isinstance(item.get("translation"), str):
            translations = {lang or language_of(item["translation"]) or "ja": item["translation"]}
        found = {k: _text(v, f"blocks[{i}].translations.{k}") for k, v in translations.items()}
        block.translations = {k: v for k, v in found.items() if v.strip()}  # null: no translation
        lesson.blocks.append(block)
    notes: list[tuple[Note, str]] = []
    for i, item in enumerate(_list(doc.get("notes"), "notes")):
        if not isinstance(item, dict) or not item.get("marker") or not item.get("text"):
            raise ImportRefused(f"notes[{i}] needs a marker and a text")
        anchor = item.get("anchor")
        note = Note(marker=_text(item["marker"], f"notes[{i}].marker"), text=_text(item["text"], f"notes[{i}].text"),
                    source_url=_text(item.get("source_url"), f"notes[{i}].source_url") or None)
        if isinstance(anchor, dict) and "block" in anchor and anchor.get("text"):
            at = anchor["block"]
            if not isinstance(at, int) or isinstance(at, bool):
                raise ImportRefused(f"notes[{i}].anchor.block must be a block number")
            words = _text(anchor["text"], f"notes[{i}].anchor.text")
            note.anchor = _find(lesson, words, at, only=True)
            if note.anchor is None:
                raise ImportRefused(f"notes[{i}]: “{words[:80]}” is not in blocks[{at if abs(at) < 10**6 else '?'}]")
            lesson.notes.append(note)
            continue
        notes.append((note, _text(anchor, f"notes[{i}].anchor") if not isinstance(anchor, dict) else ""))
    for i, item in enumerate(_list(doc.get("glossary"), "glossary")):
        if not isinstance(item, dict) or not item.get("term"):
            raise ImportRefused(f"glossary[{i}] needs a term")
        fields = ("term", "pos", "definition", "translation", "example")
        lesson.glossary.append(GlossaryEntry(*(_text(item.get(key), f"glossary[{i}].{key}") for key in fields)))
    return _finish(lesson, notes, lang)


def _finish(lesson: Lesson, notes: list[tuple[Note, str]], lang: str) -> Lesson:
    if not lesson.blocks:
        raise ImportRefused("the lesson has no paragraphs")
    check_blocks(len(lesson.blocks))
    if not any(language_of(b.text) == "en" for b in lesson.blocks):
        raise ImportRefused("page has no English text to study (only a translation was found)")
    if not lesson.title:
        lesson.title = lesson.blocks[0].text[:80]
    after = 0
    for note, words in notes:
        anchor = _find(lesson, words, after) if words else None
        if anchor is not None:
            after = anchor.block
        note.anchor = anchor
        lesson.notes.append(note)
    langs = [k for b in lesson.blocks for k in b.translations]
    lesson.translation_language = lang or (max(set(langs), key=langs.count) if langs else None)
    return lesson


def _find(lesson: Lesson, words: str, start: int, only: bool = False) -> Anchor | None:
    """The first occurrence of `words` in block `start` or after it (or anywhere, failing that)."""
    order = [start] if only else [*range(start, len(lesson.blocks)), *range(0, start)]
    for i in order:
        if not 0 <= i < len(lesson.blocks):
            continue
        m = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", lesson.blocks[i].text, re.IGNORECASE)
        if m:
            return Anchor(i, m.start(), m.end())
    return None


def looks_like_json_lesson(data: bytes) -> bool:
    """A JSON object with a "blocks" list, judged from its start."""
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"blocks"' in data[:200000]
