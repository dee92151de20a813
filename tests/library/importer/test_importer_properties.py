"""Property-based tests of the importer: whatever it is given, it never crashes (ImportRefused is
the only way to say no) and never loses a non-blank line of a page it imports."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library.errors import ImportRefused
from library.importer import lesson_texts, parse_page, parse_text
from library.importer import patterns as P
from library.importer.decode import decode
from library.importer.normalise import content_key, normalise

EXAMPLES = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,  # the same examples on every CI run; a failure is reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    database=None,
)

WORDS = (
    "the city council said on Monday that new rules would limit access to open source models "
    "students farmers reporters scientists river market school China Japan Korea America AI chatbot"
).split()
JA = "日本の研究者は新しい規則について話しました。中国とアメリカの関係はオープンソースのモデルに影響します。"
ZH = "研究人员周一表示新的规定将限制对开源模型的访问中国和美国的关系"
KO = "연구자들은 월요일에 새로운 규칙이 모델에 대한 접근을 제한할 것이라고 말했습니다"
EMOJI = "😀📚🌏✨🔥👍"
MARKERS = ("※1", "※2", "[1]", "*1", "注1", "【注2】", "(3)")

english = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(lambda ws: " ".join(ws).capitalize() + ".")
cjk = st.sampled_from((JA, ZH, KO)).flatmap(
    lambda s: st.tuples(st.integers(0, len(s) - 1), st.integers(1, len(s))).map(lambda ab: s[ab[0] : ab[0] + ab[1]])
)
structured = st.one_of(
    st.tuples(st.sampled_from(MARKERS), cjk).map(" ".join),  # a note
    st.tuples(st.sampled_from(WORDS), st.sampled_from(("n.", "v.", "adj.", "(n.)", "–", ":", "=")), cjk).map(
        " ".join
    ),  # a word-list entry
    st.sampled_from(("Words in This Story", "単語リスト", "Vocabulary", "出典: https://example.com/a", "Share")),
    st.tuples(english, st.sampled_from(MARKERS), english).map(lambda t: f"{t[0][:-1]}{t[1]} {t[2]}"),  # inline ref
)
mixed = st.lists(st.one_of(english, cjk, st.sampled_from(EMOJI)), min_size=1, max_size=6).map(" ".join)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
line = st.one_of(english, english, cjk, cjk, structured, mixed, any_text, st.just(""), st.just("   \u3000"))
page_text = st.lists(line, min_size=0, max_size=30).map("\n".join)

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "shift_jis", "cp932", "euc_jp",
             "iso2022_jp", "gb18030", "big5", "euc_kr", "cp1252", "latin-1")  # fmt: skip


def lost_lines(text: str) -> list[str]:
    """The non-blank lines of `text` that the lesson parsed from it does not hold anywhere."""
    lesson = parse_text(text)
    held_texts = lesson_texts(lesson)
    # Fields side by side too: a line split in two (a heading and its translation) is held whole.
    held = "\0".join(content_key(t) for t in held_texts) + "\0" + content_key("".join(held_texts))
    held_tokens = set(re.findall(r"\w+", "\0".join(held_texts).casefold()))
    lost = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        norm = normalise(raw.strip())
        if not norm:
            continue
        keys = {content_key(norm), content_key(P.NOTE_REF.sub("", norm)), content_key(P.NOTE_START.sub("", norm))}
        if any(k in held for k in keys):
            continue
        if set(re.findall(r"\w+", norm.casefold())) <= held_tokens:
            continue  # every word is there, in another order (a word-list entry split into its fields)
        lost.append(raw)
    return lost


@EXAMPLES
@given(page_text)
def test_random_pages_never_crash_and_lose_no_line(text: str) -> None:
    try:
        assert lost_lines(text) == []
    except ImportRefused as exc:
        assert str(exc) and "\n" not in str(exc)


@EXAMPLES
@given(st.lists(st.one_of(mixed, structured, cjk), min_size=1, max_size=20).map("\n".join))
def test_mixtures_of_scripts_lose_no_line(text: str) -> None:
    try:
        assert lost_lines(text) == []
    except ImportRefused as exc:
        assert str(exc) and "\n" not in str(exc)


@EXAMPLES
@given(page_text, st.sampled_from(ENCODINGS), st.floats(0.0, 1.0), st.sampled_from(("\n", "\r\n", "\r")))
def test_random_encodings_and_truncations_never_crash(text: str, encoding: str, cut: float, newline: str) -> None:
    data = text.replace("\n", newline).encode(encoding, errors="replace")
    data = data[: int(len(data) * cut)] if cut < 0.98 else data
    try:
        decoded, _ = decode(data)
    except ImportRefused as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    try:
        assert lost_lines(decoded) == []  # whatever the decoder read, nothing of it is lost
    except ImportRefused as exc:
        assert str(exc) and "\n" not in str(exc)
    try:
        parse_page(data, "page.txt")
    except ImportRefused as exc:
        assert str(exc) and "\n" not in str(exc)


@EXAMPLES
@given(st.binary(max_size=600), st.sampled_from(("page.txt", "page.html", "page.md", "page.epub", "x.tsv", "")))
def test_random_bytes_never_crash(data: bytes, name: str) -> None:
    try:
        parse_page(data, name)
    except ImportRefused as exc:
        assert str(exc) and "\n" not in str(exc)
