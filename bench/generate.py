"""Generated lessons for the benchmark: realistic size and shape, in the plain-text page form."""

from __future__ import annotations

import random

WORDS = (
    "the a of to in and that for is on with as was by at from it be has have are this not but they his her "
    "their which said new year people government city country school students farmers scientists water "
    "energy market police health research report study program plan officials company workers children "
    "families community village river ocean forest climate weather election minister president court "
    "hospital doctors teachers university technology internet phone computer money price food rice coffee "
    "train station bridge road museum library festival music artist history culture language island "
    "mountain desert animals birds fish trees plants garden summer winter spring morning evening week month "
    "important different local national international public private small large young old early late "
    "quickly slowly carefully recently finally however because although while during after before across"
).split()
NAMES = "Kenji Maria Ahmed Lin Sato Garcia Okafor Nguyen Rossi Kim Tanaka Silva Berg Novak Haddad".split()
PLACES = "Osaka Lima Nairobi Hanoi Oslo Quito Dakar Perth Busan Sapporo Porto Accra Cusco Izmir".split()
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
KANJI = "日本語学校先生時間年月週今後前中国人大小水火木金土山川田町村市県都道府新古高安長短明暗"
POS = ["n.", "v.", "adj.", "adv."]


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.5:
        words[rng.randrange(n)] = rng.choice(NAMES)
    if rng.random() < 0.4:
        words[rng.randrange(n)] = rng.choice(PLACES)
    if rng.random() < 0.3:
        words[rng.randrange(n)] = str(rng.randint(2, 2030))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(2, 4)))


def _japanese(rng: random.Random, english: str) -> str:
    names = [w.strip(".,") for w in english.split() if w.strip(".,") in NAMES + PLACES or w.strip(".").isdigit()]
    body = "".join(rng.choice(KANJI) + rng.choice(KANA) for _ in range(max(20, len(english) // 5)))
    parts = [
        body[i : i + 25] + (f"{names[k]}" if k < len(names) else "") for k, i in enumerate(range(0, len(body), 25))
    ]
    return "、".join(parts) + "。"


def lesson_text(seed: int, paragraphs: int = 18) -> str:
    """One page: title, caption, paragraphs with headings, Japanese translations, notes, a word list."""
    rng = random.Random(seed)
    title = " ".join(w.capitalize() for w in (rng.choice(WORDS) for _ in range(rng.randint(5, 9))))
    title += f" in {rng.choice(PLACES)} {seed}"
    caption = f"FILE - {_sentence(rng, 12)} (AP Photo/{rng.choice(NAMES)})"
    out = [title, "", caption, "", caption, ""]
    paras = []
    for i in range(paragraphs):
        if i and i % 7 == 0:
            out += [" ".join(w.capitalize() for w in (rng.choice(WORDS) for _ in range(3))), ""]
        p = _paragraph(rng)
        paras.append(p)
        out += [p, ""]
    terms = rng.sample([w for w in WORDS if len(w) > 5], 4)
    out += ["", "Words in This Story", ""]
    out += [f"{t} \u2013 {rng.choice(POS)} {_sentence(rng, 7).rstrip('.')}" for t in terms]
    out += ["", "", ""]
    # Translations interleaved after every other paragraph would change the page shape; the
    # common blog shape is the reference page's: notes and some translations after the article.
    for k, term in enumerate(terms[:3], 1):
        out += [
            f"※{k}「{_japanese(rng, '')[:6]}({term})」とは、{_japanese(rng, '')} 出典:https://example.jp/{term}",
            "",
            "",
        ]
    for p in rng.sample(paras, 4):
        out += [_japanese(rng, p), "", "", ""]
    return "\n".join(out) + "\n"


def big_lesson_text(words: int = 100_000, seed: int = 7) -> str:
    """A long English-only text (a book), about `words` words."""
    rng = random.Random(seed)
    out = [f"A Long Book of {rng.choice(PLACES)}", ""]
    count = 0
    chapter = 1
    while count < words:
        if count // 5000 >= chapter:
            out += [f"Chapter {chapter + 1}", ""]
            chapter += 1
        p = _paragraph(rng)
        count += len(p.split())
        out += [p, ""]
    return "\n".join(out) + "\n"
