"""Fuzz every importer with structured hostile files: each must end in a lesson (or entries)
or one line saying why not, never a traceback, and leave the library as it was on refusal.

    python bench/fuzz.py                      # 1,000 examples for each importer
    python bench/fuzz.py --examples 200 --only html epub

The files are built, not only drawn as random bytes: pages with note markers, word lists,
mixed scripts, BOMs, odd line ends and huge lines; HTML with nested and unclosed markup,
entities and scripts; EPUBs whose zip entries, container, manifest, spine and XML are
each sometimes wrong; Markdown; tutor TSV and JSON; lesson packs; dictionary CSV.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from library import Library  # noqa: E402
from library.errors import ImportRefused  # noqa: E402
from library.study.dictionary import Dictionary, DictionaryError  # noqa: E402
from tests.helpers import dump  # noqa: E402  (the suite's before-and-after of a library file)

T = TypeVar("T")

# --- pieces pages are made of --------------------------------------------------------------
WORDS = "the park city river school market said new open rules students Japan China AI today".split()
CJK = (
    "日本の研究者は新しい規則について話しました。",
    "研究人员周一表示新的规定",
    "연구자들은 새로운 규칙을",
    "ｶﾀｶﾅ全角ＡＢＣ",
)
MARKERS = ("※1", "*1", "注1", "[1]", "(1)", "【注2】", "※", "【", "[")
HOSTILE = (
    "<img src='/dev/zero'>", "&lt;img src=x&gt;", "&#0;", "&#x110000;", "&bogus;", "**", "__", "*a ", "__a ",
    "![a", "[a](", "<http://a", "((", "【", "\u202e", "\u200b", "\ufeff", "\x00", "\x07", "\ud7ff", "😀", "\u3000",
    "Source: http://x.org/(a", "出典:", "http://", "    ", "\t", "=HYPERLINK(\"x\")", "\\", '"', "'",
)  # fmt: skip
LINE_ENDS = ("\n", "\r\n", "\r", "\n\n", "\u2028", "\x85")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "shift_jis", "gb18030", "cp1252", "utf-32")

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(lambda w: " ".join(w).capitalize() + ".")
hostile = st.sampled_from(HOSTILE)
huge = st.tuples(st.sampled_from(HOSTILE + tuple(WORDS)), st.integers(100, 4000)).map(lambda t: t[0] * t[1])
short_text = st.one_of(sentence, st.sampled_from(CJK), hostile, st.text(max_size=30))
page_line = st.one_of(
    sentence,
    sentence,
    st.sampled_from(CJK),
    st.tuples(st.sampled_from(MARKERS), st.sampled_from(CJK)).map(" ".join),  # a note
    st.tuples(st.sampled_from(WORDS), st.sampled_from(("n.", "(v.)", ":", "–", "=")), st.sampled_from(CJK)).map(
        " ".join
    ),  # a word-list entry
    st.sampled_from(("Words in This Story", "単語リスト", "Vocabulary:", "Share | Tweet | Print", "和訳")),
    st.lists(st.one_of(sentence, hostile, st.sampled_from(CJK)), min_size=1, max_size=6).map(" ".join),
    hostile,
    huge,
    st.text(max_size=40),
    st.just(""),
)


def _encode(text: str, encoding: str) -> bytes:
    """`text` in `encoding`, characters it cannot hold left out (as a page saved in it would)."""
    return text.encode(encoding, errors="ignore")


@st.composite
def text_page(draw: st.DrawFn) -> tuple[bytes, str]:
    """A plain-text learner page, encoded, sometimes with a BOM, sometimes cut or flipped."""
    lines = draw(st.lists(page_line, max_size=30))
    text = "".join(line + draw(st.sampled_from(LINE_ENDS)) for line in lines)
    data = _encode(text, draw(st.sampled_from(ENCODINGS)))
    return _damaged(draw, data), draw(st.sampled_from(("page.txt", "page", "page.TXT")))


def _damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` as it is, cut short, or with a few bytes changed."""
    how = draw(st.sampled_from(("as is", "as is", "cut", "flip")))
    if how == "cut" and data:
        return data[: draw(st.integers(0, len(data)))]
    if how == "flip" and data:
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 4))):
            out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
        return bytes(out)
    return data


# --- HTML ------------------------------------------------------------------------------------
TAGS = ("div", "p", "span", "b", "strong", "a", "h1", "h2", "li", "ul", "td", "tr", "table", "dt", "dd", "dl",
        "article", "main", "header", "footer", "figure", "figcaption", "script", "style", "iframe", "img", "br",
        "blockquote", "pre", "svg", "template", "textarea", "title", "noscript", "select")  # fmt: skip
ATTRS = ("", ' class="share"', ' class="article-body"', " hidden", ' role="main"', ' href="http://x.org/a"',
         ' href="javascript:x()"', ' src="/dev/zero"', ' id="comments"', ' aria-hidden="true"', ' style="x:1"',
         ' href="file:///etc/passwd"', ' title="a>b"')  # fmt: skip
ENTITIES = ("&amp;", "&lt;", "&gt;", "&nbsp;", "&#x1F600;", "&#99999999;", "&bogus;", "&", "&#", "&#x;")


@st.composite
def element(draw: st.DrawFn, inner: str) -> str:
    """One element around `inner`, its closing tag sometimes left out."""
    tag = draw(st.sampled_from(TAGS))
    close = "" if draw(st.integers(0, 4)) == 0 else f"</{tag}>"
    return f"<{tag}{draw(st.sampled_from(ATTRS))}>{inner}{close}"


html_content = st.recursive(
    st.one_of(sentence, st.sampled_from(CJK), st.sampled_from(ENTITIES), hostile, st.just("<!-- open")),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4).map("".join).flatmap(lambda s: element(s)),
        st.lists(inner, min_size=1, max_size=4).map("".join),
    ),
    max_leaves=25,
)


@st.composite
def html_markup(draw: st.DrawFn) -> str:
    """An HTML page: a head, a body of nested content, now and then nested thousands deep."""
    body = draw(html_content)
    if draw(st.integers(0, 9)) == 0:
        tag, depth = draw(st.sampled_from(("div", "span", "b", "li", "table"))), draw(st.integers(500, 3000))
        body = f"<{tag}>" * depth + body + draw(st.sampled_from(("", f"</{tag}>" * depth)))
    charset = draw(st.sampled_from(("", '<meta charset="utf-8">', '<meta charset="bogus">', '<meta charset="utf-16">')))
    return f"<!DOCTYPE html><html><head>{charset}<title>{draw(short_text)}</title></head><body>{body}</body></html>"


@st.composite
def html_page(draw: st.DrawFn) -> tuple[bytes, str]:
    """A saved web page."""
    data = _encode(draw(html_markup()), draw(st.sampled_from(("utf-8", "utf-8", "utf-16", "shift_jis"))))
    return _damaged(draw, data), draw(st.sampled_from(("page.html", "page.htm", "page.xhtml")))


# --- EPUB ------------------------------------------------------------------------------------
def _member(archive: zipfile.ZipFile, name: str, data: str | bytes) -> None:
    """Add a member dated the same every run: the same drawn file is then the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = archive.compression
    archive.writestr(info, data)


XML_TRAPS = (
    "",
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    "<unclosed>",
    "\x00",
)


@st.composite
def epub_book(draw: st.DrawFn) -> tuple[bytes, str]:
    """An EPUB whose container, package, manifest, spine and chapters are each sometimes wrong: the
    parts to break are drawn first, so the simplest draw is a whole book with hostile chapters."""
    broken = draw(st.sets(st.sampled_from(PARTS), max_size=4))

    def pick(part: str, good: T, bad: st.SearchStrategy[T]) -> T:
        return draw(bad) if part in broken else good

    chapters = draw(st.lists(html_markup(), min_size=1 if "chapters" not in broken else 0, max_size=3))
    names = [f"c{i}.xhtml" for i in range(len(chapters))]
    hrefs = [pick("hrefs", n, st.sampled_from((n, "missing.xhtml", "../../x.xhtml", "/abs.xhtml", ""))) for n in names]
    media = st.sampled_from(("application/xhtml+xml", "text/html", ""))
    items = "".join(
        f'<item id="i{i}" href="{h}" media-type="{pick("media", "application/xhtml+xml", media)}"/>'
        for i, h in enumerate(hrefs)
    )
    ids = [f"i{i}" for i in range(len(names))]
    spine_ids = pick("spine", ids, st.lists(st.sampled_from([*ids, "nope"]), max_size=6))
    refs = "".join(f'<itemref idref="{r}"/>' for r in spine_ids)
    trap = pick("xml", "", st.sampled_from(XML_TRAPS))
    encoding = pick("encoding", "utf-8", st.sampled_from(("utf-8", "utf-16", "shift_jis", "bogus")))
    opf = (
        f'<?xml version="1.0" encoding="{encoding}"?>{trap}<package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        f"<metadata><title>{draw(short_text)}</title></metadata><manifest>{items}</manifest><spine>{refs}</spine>"
        + pick("package_end", "</package>", st.sampled_from(("</package>", "", "</package><x>")))
    )
    opf_path = pick("opf_path", "OEBPS/content.opf", st.sampled_from(("../content.opf", "none.opf")))
    container = (
        '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        f'<rootfile full-path="{opf_path}"/></rootfiles></container>'
    )
    out = io.BytesIO()
    method = draw(st.sampled_from((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)))
    with zipfile.ZipFile(out, "w", compression=method) as z:
        if pick("mimetype", True, st.booleans()):
            _member(z, "mimetype", pick("mimetype", "application/epub+zip", st.sampled_from(("text/plain", ""))))
        if "container" not in broken or draw(st.booleans()):
            _member(z, "META-INF/container.xml", pick("container", container, st.sampled_from(("<container", ""))))
        _member(z, "OEBPS/content.opf", _encode(opf, "utf-8" if encoding == "bogus" else encoding))
        for name, markup in zip(names, chapters, strict=True):
            _member(z, f"OEBPS/{name}", markup.encode("utf-8", errors="ignore"))
    data = out.getvalue()
    return (_damaged(draw, data) if "zip" in broken else data), "book.epub"


PARTS = ("chapters", "hrefs", "media", "spine", "xml", "encoding", "package_end", "opf_path", "mimetype",
         "container", "zip")


# --- Markdown, tutor TSV and JSON ------------------------------------------------------------
md_line = st.one_of(
    page_line,
    st.tuples(st.sampled_from(("#", "##", "######", "#######", "  #")), short_text).map(" ".join),
    st.sampled_from(("===", "---", "***", "```", "~~~", "> quote", "- item", "1. item", "    code", "---")),
    st.tuples(st.sampled_from(("**", "__", "*", "`", "![", "[", "<b>", "<http://")), sentence).map("".join),
    st.sampled_from(("[link](http://x.org/a_(b))", "![img](pic.png)", "[a]( b", 'title: "x', "<span>", "  ")),
)
md_page = st.tuples(st.lists(md_line, max_size=30), st.sampled_from(LINE_ENDS)).map(
    lambda t: ("---\ntitle: 'A page'\n---\n" if len(t[0]) % 3 == 0 else "") + t[1].join(t[0])
)
tsv_line = st.one_of(
    st.lists(short_text, min_size=1, max_size=5).map("\t".join),
    st.tuples(
        st.sampled_from(("#title", "#lang", "#heading", "#note", "#word", "#caption", "# comment", "#TITLE:", "#")),
        st.lists(short_text, max_size=5),
    ).map(lambda t: "\t".join([t[0], *t[1]])),
    huge,
)
json_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**30), st.floats(), short_text, huge
)
json_value = st.recursive(
    json_scalar, lambda v: st.one_of(st.lists(v, max_size=3), st.dictionaries(short_text, v, max_size=3)), max_leaves=8
)
block = st.one_of(
    sentence,
    st.fixed_dictionaries(
        {"text": st.one_of(sentence, json_value)},
        optional={
            "kind": st.sampled_from(("paragraph", "heading", "list", 3)),
            "translation": json_value,
            "translations": st.one_of(st.dictionaries(st.sampled_from(("ja", "zh", "")), json_value), json_value),
        },
    ),
    json_value,
)
note = st.fixed_dictionaries(
    {"marker": st.one_of(st.sampled_from(MARKERS), json_value), "text": st.one_of(sentence, json_value)},
    optional={
        "anchor": st.one_of(
            short_text, st.fixed_dictionaries({"block": st.one_of(st.integers(-3, 5), json_value), "text": short_text})
        ),
        "source_url": json_value,
    },
)
json_lesson = st.fixed_dictionaries(
    {"blocks": st.one_of(st.lists(block, max_size=5), json_value)},
    optional={"title": json_value, "translation_language": json_value, "notes": st.one_of(st.lists(note), json_value),
              "glossary": st.one_of(st.lists(st.dictionaries(st.sampled_from(("term", "pos", "translation")),
                                                             json_value)), json_value),
              "captions": json_value, "caption": json_value},
)  # fmt: skip


@st.composite
def tutor_file(draw: st.DrawFn, kind: str) -> tuple[bytes, str]:
    """A Markdown page, a tutor TSV or a JSON lesson."""
    if kind == "markdown":
        return _damaged(draw, _encode(draw(md_page), draw(st.sampled_from(ENCODINGS)))), "page.md"
    if kind == "tsv":
        text = "\n".join(draw(st.lists(tsv_line, max_size=20)))
        return _damaged(draw, _encode(text, draw(st.sampled_from(ENCODINGS)))), "lesson.tsv"
    doc = json.dumps(draw(json_lesson), ensure_ascii=draw(st.booleans()))
    return _damaged(draw, doc.encode("utf-8", errors="surrogatepass")), "lesson.json"


# --- lesson packs and dictionaries -----------------------------------------------------------
@st.composite
def lesson_pack(draw: st.DrawFn) -> tuple[bytes, str]:
    """A .studypack: a manifest whose version, entries, names and checksums are sometimes wrong,
    members that are pages (or nested EPUBs), edits that are JSON of any shape."""
    import hashlib

    sources = [draw(st.one_of(text_page(), html_page(), epub_book()))[0] for _ in range(draw(st.integers(0, 3)))]
    members = {f"l{i}/source": data for i, data in enumerate(sources)}
    entries: list[Any] = []
    for i, data in enumerate(sources):
        entry: dict[str, Any] = {
            "title": draw(short_text),
            "source": draw(st.sampled_from((f"l{i}/source", f"l{i}/source", "l0/source", "missing", "../x", 7))),
            "source_name": draw(st.sampled_from(("page.txt", "page.html", "book.epub", "", "x/../y.txt"))),
        }
        if draw(st.booleans()):
            entry["sha256"] = draw(st.sampled_from((hashlib.sha256(data).hexdigest(), "0" * 64, 5)))
        if draw(st.booleans()):
            entry["edits"] = f"l{i}/edits.json"
            members[f"l{i}/edits.json"] = json.dumps(draw(json_value)).encode()
        entries.append(entry if draw(st.integers(0, 6)) else draw(json_value))
    manifest: Any = {
        "format": draw(st.sampled_from(("study-reader-pack", "other", 1))),
        "version": draw(st.one_of(st.sampled_from((1, 1, 0, -1, 2, 10**50, "1")), json_value)),
        "lessons": entries if draw(st.integers(0, 5)) else draw(json_value),
    }
    if not draw(st.integers(0, 9)):
        manifest = draw(json_value)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        if draw(st.integers(0, 9)):
            _member(z, "manifest.json", json.dumps(manifest))
        for name, data in members.items():
            _member(z, name, data)
        if not draw(st.integers(0, 9)):
            _member(z, draw(st.sampled_from(("../../escaped.txt", "/abs.txt", "a/../../b"))), b"x")
    return _damaged(draw, out.getvalue()), "lessons.studypack"


csv_cell = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(CJK), short_text, huge, st.sampled_from(('"', '""', "a,b", "a\nb", "=1+1"))
)


@st.composite
def dictionary_file(draw: st.DrawFn) -> tuple[bytes, str]:
    """A learner's dictionary: CSV or TSV rows of English, Japanese, reading and note, quoted or not."""
    sep = draw(st.sampled_from((",", "\t")))
    rows = draw(st.lists(st.lists(csv_cell, max_size=5), max_size=20))
    if draw(st.booleans()):
        rows.insert(0, ["english", "japanese", "reading", "note"])
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    for row in rows:
        writer.writerow(row)
    text = buffer.getvalue()
    if draw(st.booleans()):
        text = text.replace('"', draw(st.sampled_from(('"', "", '""'))), draw(st.integers(0, 3)))
    data = _encode(text, draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "cp932", "latin-1"))))
    return _damaged(draw, data), "words.csv" if sep == "," else "words.tsv"


STRATEGIES: dict[str, st.SearchStrategy[tuple[bytes, str]]] = {
    "text": text_page(),
    "html": html_page(),
    "epub": epub_book(),
    "markdown": tutor_file("markdown"),
    "tsv": tutor_file("tsv"),
    "json": tutor_file("json"),
    "pack": lesson_pack(),
    "dictionary": dictionary_file(),
}


# --- running them ----------------------------------------------------------------------------
class Target:
    """A library and a dictionary in a folder, made again when imports have filled them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runs = 0
        self.library: Library | None = None
        self.dictionary = Dictionary(folder / "dictionary.db")

    def open(self) -> Library:
        """The library, a fresh one every 25 imports (comparing dumps stays quick)."""
        if self.library is None or self.runs % 25 == 0:
            self.close()
            self.library = Library(self.folder / f"library{self.runs}.db")
        self.runs += 1
        return self.library

    def close(self) -> None:
        """Close the library."""
        if self.library is not None:
            self.library.close()
            self.library = None


def attempt(kind: str, target: Target, data: bytes, name: str) -> str:
    """Import one file; its outcome in a word and a reason, or AssertionError (or the
    exception itself) when it ended any other way than a lesson or one line."""
    lib = target.open()
    path = target.folder / name
    path.write_bytes(data)
    db_path = target.folder / "dictionary.db" if kind == "dictionary" else Path(str(lib.path))
    before = dump(db_path)
    try:
        if kind == "pack":
            lib.packs.import_pack(path)
        elif kind == "dictionary":
            target.dictionary.import_file(path)
        else:
            lib.lessons.import_bytes(data, name)
    except (ImportRefused, DictionaryError) as exc:
        message = str(exc)
        assert message.strip() and "\n" not in message and "Traceback" not in message, repr(message)
        assert dump(db_path) == before, "a refused file changed the library"
        return "refused: " + " ".join(message.split()[:4])
    return "imported"


# Files take milliseconds to a second (a page nested 3,000 deep, a 4,000-piece line): no
# deadline; nothing is kept between runs; big and slow examples are the point, not a fault.
settings.register_profile(
    "importer-fuzz", deadline=None, database=None, suppress_health_check=list(HealthCheck), print_blob=True
)


def fuzz(kind: str, examples: int, folder: Path, derandomize: bool = False, shrink: bool = True) -> Counter[str]:
    """Run `examples` files of one kind; the outcomes counted. Raises on the first bad one
    (hypothesis shrinks it first, unless told not to, and prints it)."""
    target = Target(folder)
    outcomes: Counter[str] = Counter()

    phases = tuple(Phase) if shrink else (Phase.explicit, Phase.reuse, Phase.generate)

    @settings(settings.get_profile("importer-fuzz"), max_examples=examples, derandomize=derandomize, phases=phases)
    @given(STRATEGIES[kind])
    def run(file: tuple[bytes, str]) -> None:
        outcomes[attempt(kind, target, *file)] += 1

    try:
        run()
    finally:
        target.close()
    return outcomes


def main(argv: list[str] | None = None) -> int:
    """Fuzz the importers named (all by default); print what ran and any failure."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=1000, help="files per importer (default 1000)")
    parser.add_argument("--only", nargs="+", choices=sorted(STRATEGIES), help="these importers only")
    args = parser.parse_args(argv)
    failed = []
    for kind in args.only or list(STRATEGIES):
        start = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder:
            try:
                outcomes = fuzz(kind, args.examples, Path(folder))
            except Exception as exc:  # a failure to report, after hypothesis has printed its input
                failed.append(kind)
                print(f"{kind}: FAILED: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}", flush=True)
                for failure in getattr(exc, "exceptions", [exc]):  # hypothesis groups distinct failures
                    notes = " ".join(getattr(failure, "__notes__", []))
                    print(f"  {type(failure).__name__}: {str(failure)[:200]}; {notes[:600]}", flush=True)
                continue
        seconds = time.perf_counter() - start
        total = sum(outcomes.values())
        common = ", ".join(f"{n} {what}" for what, n in outcomes.most_common(4))
        print(f"{kind}: {total} files in {seconds:.1f} s, none failed ({common})", flush=True)
    print("failed: " + ", ".join(failed) if failed else "every importer held")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
