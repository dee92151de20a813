"""Step 3: split text into lines, remembering how many blank lines stood before each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from library.errors import ImportRefused
from library.importer import patterns as P
from library.importer.chunks import split_chunks
from library.importer.normalise import language_of, normalise, strip_html
from library.importer.oneline import split_one_line
from library.importer.postmarks import numbered_headline
from library.importer.respace import respace
from library.importer.segments import segment_line
from library.importer.spacing import rejoin_spacing
from library.importer.stories import split_comment, split_stories
from library.limits import MAX_BLOCKS, MAX_LINES
from library.model import GlossaryEntry


class Kind(StrEnum):
    """What a line of the page is, as the steps decide it."""

    UNDECIDED = ""
    TITLE = "title"
    CAPTION = "caption"
    CAPTION_DUP = "caption_dup"  # a caption the page repeats: kept once
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    WORDLIST = "wordlist"  # a word-list heading
    ENTRY = "entry"
    EXAMPLE = "example"
    NOTE = "note"
    NOTE_CONT = "note_cont"
    SOURCE = "source"
    JUNK = "junk"  # site text: navigation, share bars, decoration
    LABEL = "label"  # a section label such as 【和訳】
    CJK = "cjk"  # a translation candidate, not yet placed
    PAIR = "pair"  # the translation half of a sentence pair
    TRANSLATION = "translation"  # placed on an English block
    ENTRY_BODY = "entry_body"  # the definition line under a headword (`sensor (n.)`)
    TITLE_TRANSLATION = "title_translation"  # the title in the translation's language
    SPEAKER = "speaker"  # a speaker's name alone on its line (`Narrator:`), kept with the next line
    WRAPPED = "wrapped"  # the rest of a sentence hard-wrapped onto this line, joined to the line above
    EXERCISE = "exercise"  # a line of a cloze passage or a practice section


# The members by module-level names, as `re` gives its flags (steps import this module as K
# and write K.PARAGRAPH): a member read off the enum class costs about 0.4 µs in Python 3.11,
# a module's global about 0.03 µs, and the steps compare kinds many times a line.
UNDECIDED = Kind.UNDECIDED
TITLE = Kind.TITLE
CAPTION = Kind.CAPTION
CAPTION_DUP = Kind.CAPTION_DUP
HEADING = Kind.HEADING
PARAGRAPH = Kind.PARAGRAPH
WORDLIST = Kind.WORDLIST
ENTRY = Kind.ENTRY
EXAMPLE = Kind.EXAMPLE
NOTE = Kind.NOTE
NOTE_CONT = Kind.NOTE_CONT
SOURCE = Kind.SOURCE
JUNK = Kind.JUNK
LABEL = Kind.LABEL
CJK = Kind.CJK
PAIR = Kind.PAIR
TRANSLATION = Kind.TRANSLATION
ENTRY_BODY = Kind.ENTRY_BODY
TITLE_TRANSLATION = Kind.TITLE_TRANSLATION
SPEAKER = Kind.SPEAKER
WRAPPED = Kind.WRAPPED
EXERCISE = Kind.EXERCISE


@dataclass(slots=True)
class Line:
    """One non-blank line of the page and what the later steps decide about it."""

    index: int
    raw: str
    text: str
    gap: int
    lang: str
    kind: Kind = Kind.UNDECIDED
    # The text as the lesson shows it, where it differs (a Markdown heading without its #).
    shown: str | None = None
    marker: str = ""  # a note's marker, for Kind.NOTE
    one_line: bool = False  # (the first line) the page came as one line, cut into these
    stanza: int | None = None  # the first line of the sentence-pair stanza it belongs to
    block: int | None = None  # the English block it became, for headings and paragraphs
    entries: tuple[GlossaryEntry, ...] = ()  # the parsed entries, for Kind.ENTRY and a heading that holds one
    same_line_translation: str = ""  # for a title or heading: its translation written on the same line
    part_label: str = ""  # a label taken off the line's start (`訳:`), kept aside with the lesson
    site_label: str = ""  # the site's label taken off the title's start (`[English News]`), site text
    label_role: str | None = None  # the role a label gave the line: original, translation, alternative
    item_start: bool = False  # the label began with an item's marker (`①[和訳]`)
    label_name: str = ""  # that label's words (`自然な和訳`): another label names another kind of part
    repeated: bool = False  # a paragraph the page shows again, passed over for the copy with its translation
    kept_repeat: bool = False  # the copy of a repeated paragraph that is kept
    unheaded: bool = False  # the first entry of a list found by its shape, with no heading
    # A CJK line spaced like the note above it: a continuation of the note unless
    # alignment places it as a translation.
    maybe_note: bool = False
    # How sure the step that settled the line's language was, where its script could not tell.
    lang_confidence: float = 1.0
    exercise: int | None = None  # for Kind.EXERCISE: the index of the exercise's first line
    respaced: bool = False  # the line was letter-spaced (`T h e  c i t y`, a PDF's text) and put back together
    stories: bool = False  # (the first story) the line held several stories, split into their pairs
    title_guessed: bool = False  # for Kind.TITLE: chosen for want of a clear headline (said in the report)
    pair_of: int | None = None  # for a translation split off an English line: that English piece's index
    cut_without_stop: bool = False  # (that translation) split off English that ends with no stop: a guess

    @property
    def body(self) -> str:
        """The text the lesson keeps for this line."""
        return self.text if self.shown is None else self.shown


def split_lines(text: str, html_tags: bool = False, removed: list[str] | None = None) -> list[Line]:
    """Non-blank lines, normalised, with their preceding blank-line counts and language;
    ImportRefused for a page of more lines than MAX_LINES (counted before any is made: each
    costs the later steps about a kilobyte, and 6 million one-letter lines took 5 GB).
    With `html_tags`, the text may hold HTML tags a copy-paste left in it: they are taken out.
    What is taken out (each line's tags; a line of only emoji or invisible characters) is
    added to `removed`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    laid_out = split_one_line(text) if "\n" not in text.strip() else None
    text = laid_out if laid_out is not None else text
    count = text.count("\n") + 1
    if count > MAX_LINES:
        raise ImportRefused(f"page has too many lines ({count:,}; the limit is {MAX_LINES:,})")
    removed = [] if removed is None else removed
    out: list[Line] = []
    gap = 0
    was_paired = False  # the line before held English and its translation
    for raw in text.split("\n"):
        kept = raw.strip()
        if html_tags and "<" in kept:
            kept, tags = strip_html(kept)
            if tags:
                removed.append(" ".join(tags))
                kept = kept.strip()
        # A line of `<p>…</p><p>…</p>` is several lines: the block tags were taken out as breaks.
        for part in kept.split("\n") if "\n" in kept else (kept,):
            part = part.strip()
            respaced = False
            if part[1:2] == " " and part[3:4] == " ":  # a quick look before the real test: `T h e`
                rejoined = rejoin_spacing(part)
                part, respaced = (part, False) if rejoined is None else (rejoined, True)
            if not respaced and "  " not in part and (rejoined := respace(part)) is not None:
                part, respaced = rejoined, True  # spaced unevenly (`W i l d, unr ul y`): words from a word list
            norm = normalise(part) if part else ""
            if not norm:
                if part:
                    removed.append(part)
                gap += 1
                continue
            label, head = "", ""
            numbered = numbered_headline(norm) if norm[:1].isdigit() or norm[:1] in "【[" else None
            if numbered is not None:  # `1【Panda Twins Born…】市动物园…`: the story's number kept aside
                label, norm, _, head = numbered
            stories = split_stories(norm) if not norm.isascii() and not head else None
            # Each story after the first stands apart, as after a blank line: no stanza of pairs.
            # A bracketed headline ends where its brackets did, its translation after it.
            rest = _unbracketed(norm[len(head) :].strip()) if head else ""
            pieces = [(head, False), (rest, False)] if rest else stories or _line_pieces(norm)
            first_story = next((k for k, (_, opens) in enumerate(pieces) if opens), -1) if stories else -1
            # A line of English and its translation right under another such line: each line is a
            # paragraph of its own (as English lines are), not a sentence of one paragraph in pairs.
            # (Either language first: `日本語訳：… 英文：…` is a pair as well.)
            paired = len(pieces) > 1 and (language_of(pieces[0][0]) == "en") != (language_of(pieces[1][0]) == "en")
            first_gap = 1 if paired and was_paired and gap == 0 else gap
            english_at: int | None = None  # the line's English piece just before, if any
            for k, (piece, opens) in enumerate(pieces):
                lang = language_of(piece)
                pair_of = english_at if lang in _TRANSLATED else None
                out.append(Line(index=len(out), raw=raw, text=piece, gap=first_gap if k == 0 else int(opens),
                                lang=lang, respaced=respaced, stories=k == first_story, pair_of=pair_of,
                                part_label=label if k == 0 else "",
                                cut_without_stop=pair_of is not None and not head  # a bracket ends a headline
                                and not _EN_STOP.search(out[pair_of].text)))
                english_at = out[-1].index if lang == "en" else None
            gap, was_paired = 0, paired
    if laid_out is not None and out:
        out[0].one_line = True
    return out


_TRANSLATED = frozenset(("ja", "zh", "ko"))
_ENCLOSED = re.compile(r"^(?:【(?P<a>[^【】]+)】|\[(?P<b>[^\[\]]+)\]|[(（](?P<c>[^()（）]+)[)）])$")


def _unbracketed(text: str) -> str:
    """A headline's translation written in brackets of its own (`【市动物园…】`, `（…）`) without them."""
    m = _ENCLOSED.match(text)
    return next(g for g in m.groups() if g).strip() if m else text
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# English sentences, then their translation on the same line: the English starts as a
# sentence does and ends at a sentence's end; the translation starts in CJK script and ends
# as a sentence does. A title or a glossary entry does not end so on both sides.
_MIXED = re.compile(
    rf"^(?P<en>[A-Z\"“‘'][^{_CJK}]*?[.!?][\"”’)]?)\s*(?P<tr>[{_CJK}「『][^\n]*[。！？.!?」』])$"
)
MIXED_ENGLISH_WORDS = 4
# The same with no stop ending the English (`The bus will stop near the school from Monday 公車…。`):
# taken only for a longer English run and a translation with no Latin letter in it.
_MIXED_NO_STOP = re.compile(
    rf"^(?P<en>[A-Z\"“][^{_CJK}]*?[A-Za-z0-9)])\s*(?P<tr>[“「『]?[{_CJK}][^A-Za-z\n]*[。！？.!?」』])$"
)
MIXED_NO_STOP_WORDS = 6
_EN_STOP = re.compile(r"[.!?][\"”’)]?$")


def _line_pieces(text: str) -> list[tuple[str, bool]]:
    """A line's pieces, each with whether it opens a new part: its segments (a paragraph with its
    translation, entries, a rule, the next paragraph), each split into its English and translation."""
    segments = segment_line(text) or [(text, False)]
    return [
        (bit, opens and k == 0)
        for segment, opens in segments
        for k, bit in enumerate(bit for piece in split_mixed(segment) for bit in split_comment(piece))
    ]


def split_mixed(text: str) -> list[str]:
    """A line holding English and its translation (`The cats … summer. 市の猫たちは…。`, or
    chunks of each in turn), split at the change of script into the two; any other line as it is."""
    if text.isascii():
        return [text]  # no translation's script in it: nothing to split (and no pattern to try)
    if text[:1] in "[【〔(（" and P.EXAMPLE.match(text):
        return [text]  # `【例文】1. Many volunteers…`: an example under an entry, its label kept with it
    chunked = split_chunks(text)
    if chunked is not None:
        return list(chunked)
    if ":" in text or "：" in text:
        from library.importer.inlinelabels import split_labelled  # (labels.py reads this module's Line)

        labelled = split_labelled(text)
        if labelled is not None:
            return labelled
    m = _MIXED.match(text)
    words = MIXED_ENGLISH_WORDS
    if m is None:
        m, words = _MIXED_NO_STOP.match(text), MIXED_NO_STOP_WORDS
    if m is None:
        return [text]
    english, translated = m.group("en").strip(), m.group("tr").strip()
    if len(english.split()) < words or language_of(translated) not in ("ja", "zh", "ko"):
        return [text]
    return [english, translated]


def check_blocks(count: int) -> None:
    """ImportRefused for a lesson of more paragraphs and headings than MAX_BLOCKS."""
    if count > MAX_BLOCKS:
        raise ImportRefused(f"page has too many paragraphs ({count:,}; the limit is {MAX_BLOCKS:,})")
