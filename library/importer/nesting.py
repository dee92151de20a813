"""Markup nested deeper than any article needs is flattened before the HTML parser sees it.

The parser's cost per element grows with the depth it is opened at (200,000 nested `<div>`s
took minutes), so tags opened beyond `MAX_DEPTH` are taken out, with their closing tags:
their text stays, and a block tag leaves a line break so paragraphs stay apart.
"""

from __future__ import annotations

import re

from library.limits import MAX_HTML_DEPTH

# Tags that never hold others, and tags the parser closes by itself when the next one
# opens (<p><p> are siblings): neither deepens the tree.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot colgroup caption".split()
)
_BLOCK = frozenset(
    "div section article main blockquote ul ol dl h1 h2 h3 h4 h5 h6 pre table figure figcaption "
    "center address header footer nav aside form".split()
)
# Content the parser reads as text, not tags.
_RAW = frozenset("script style textarea title xmp noscript iframe noembed noframes template".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)|<!--")
# The same tags as tokens found in one pass (for measuring the depth): (slash, name, slash
# before ">"), or a comment's start or end. A tag runs to the next ">" (or the end), as the
# parser reads it, so every match succeeds and the next begins where it ended: linear.
_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)(?:>|\Z)|(<!--|-->)")


def flatten(markup: str, limit: int = MAX_HTML_DEPTH) -> str:
    """`markup` with tags beyond `limit` levels deep taken out; the same string when it is
    not that deep (nearly every page, found by counting its tags first)."""
    if markup.count("<") <= limit or _deepest(markup) <= limit:
        return markup
    out: list[str] = []
    depth = 0
    last = 0  # where the text not yet copied begins
    at = 0
    lower = markup.lower()
    while True:
        m = _TAG.search(markup, at)
        if m is None:
            break
        if m.group(0) == "<!--":
            end = markup.find("-->", m.end())
            at = len(markup) if end < 0 else end + 3
            continue
        close, name = m.group(1) == "/", m.group(2).lower()
        end = markup.find(">", m.end())
        end = len(markup) if end < 0 else end + 1
        at = end
        if not close and name in _RAW:
            stop = lower.find(f"</{name}", end)
            at = len(markup) if stop < 0 else stop
            continue
        if name in _FLAT or markup[end - 2 : end] == "/>":
            continue
        if close:
            deep = depth > limit
            depth = max(0, depth - 1)
        else:
            depth += 1
            deep = depth > limit
        if deep:
            out.append(markup[last : m.start()])
            out.append("<br>" if name in _BLOCK else "")
            last = end
    if not out:
        return markup
    out.append(markup[last:])
    return "".join(out)


def _deepest(markup: str) -> int:
    """How deep `flatten` finds the markup nested (the same rules, counted only): a quick
    pass over tokens the pattern finds, so an ordinary page is not copied."""
    depth = deepest = 0
    raw = ""  # the raw-text element we are in, or "-" in a comment
    for close, name, empty, comment in _TOKEN.findall(markup):
        if raw:
            if (comment == "-->" and raw == "-") or (close and name.lower() == raw):
                raw = ""
            continue
        if comment:
            raw = "-" if comment == "<!--" else ""
            continue
        name = name.lower()
        if name in _FLAT or empty:
            continue
        if close:
            depth = max(0, depth - 1)
        elif name in _RAW:
            raw = name
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest
