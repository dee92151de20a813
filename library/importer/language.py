"""Which language a translation line is in, where its code points alone cannot tell.

Kana says Japanese and Hangul says Korean; a line of Han characters only could be either
Japanese or Chinese. Three kinds of evidence decide it, strongest first: characters only one
of the two writes (発 単 気 訳 are Japanese forms, 们 这 說 們 Chinese ones); the lines around it
(a heading of kanji between Japanese lines is Japanese); and, where neither tells, a language
identifier (py3langid, loaded on the first such line of an import, never at start-up).
"""

from __future__ import annotations

import functools
from typing import Any

from library.importer.normalise import script_counts
from library.importer.split import Line

# Shinjitai and kokuji: Japanese forms that neither Simplified nor Traditional Chinese writes.
JAPANESE_ONLY = frozenset(
    "発単気変対図読広払売続転済経験険関戦権観歳県価労働込畑峠枠辺沢浜桜薬様楽駅覚鉄実営栄帰拠挙"
    "乗雑剤銭歩渋悪圧焼児黒囲訳従効処総絵応歴団勧歓両満鉱検値徴巻髪戻涙駆択姫亜粋斎円舗伝齢帯庁"
    "鶏麺仏拝穂恵徳聴弾顔緑郷"
)
# Simplified and Traditional forms that Japanese does not write.
CHINESE_ONLY = frozenset(
    "们这说发对经个给书时过还没吗呢进问样么为从让认该关现开应边东车长门见两业产动电报员华县乐议记语"
    "读计设视觉织级网页题实种卖铺驶达岁钱买处线带压厅鸡铁价药气传团围总险验变欢观权龄办帮很您她吧啊"
    "這說們嗎麼臺灣與戰國學體發經變實讀圖廣關氣區聽將點賣鋪駛站會來裡邊兩萬號歲錢樣從讓應對當處縣"
    "帶壓廳燈聲舊雙麵雞鐵價藥醫畫傳團圍總險驗歡觀權寫齡爲辦幫"
    "载乘试测驾间听讲话请谢银场热饭馆飞鸟鱼马龙风极义专丽举乡亲仅众优伤侧儿况减击创别务劳势单卫历响图坏"
    "块备复头岛币师广庆张强归录忆态怀恶战户扩护拥择换无显术杂构标树桥检楼汇汉济灾爱环疗监确础离积称稳竞"
    "笔签简类粮红约纪纳练组细终绍结络统继续维综绿编联职胜脑节获营虽补规讨训论证评识诉词调谈质购费资转轻"
    "较辆运远连适选递释针销错闻阶际陆随难项须领频额饮"
)
CJK = ("ja", "zh", "ko")
# Neighbours decide only for a short line or one that is not a sentence: a Chinese sentence
# between Japanese lines (a page with both translations) has characters of its own to tell.
NEIGHBOUR_MAX_CHARS = 20
# The identifier leans to Chinese on short kanji lines (of 13 Japanese headlines of kanji only
# it read 11 as Chinese, most above 0.8): only a confident Japanese answer moves the line.
IDENTIFIER_JA = 0.9


def han_only(text: str) -> bool:
    """Whether a CJK text has Han characters and no kana or Hangul (its script cannot tell)."""
    _latin, kana, han, hangul = script_counts(text)
    return han > 0 and kana == 0 and hangul == 0


def by_characters(text: str) -> str:
    """'ja' or 'zh' when the text writes forms only one of them uses, more of one than the other; else ''."""
    ja = sum(1 for c in text if c in JAPANESE_ONLY)
    zh = sum(1 for c in text if c in CHINESE_ONLY)
    return "ja" if ja > zh else "zh" if zh > ja else ""


def settle_languages(lines: list[Line]) -> None:
    """Settle the language of every Han-only line (in place) by weighing its characters, its
    length and its neighbours; where they balance the identifier decides, and the line's
    `lang_confidence` says how sure it was."""
    cjk = [ln for ln in lines if ln.lang in CJK]
    han = [ln.lang == "zh" and han_only(ln.text) for ln in cjk]
    if not any(han) or all(han):
        return  # no Han-only line, or no line of kana or Hangul to weigh them against: Chinese
    own = [
        _own_evidence(ln.text) if h else KANA_LINE if ln.lang == "ja" else 0.0 for ln, h in zip(cjk, han, strict=True)
    ]
    both = any(v > 0 for v in own) and any(v < 0 for v in own)
    # A page with Chinese sentences of its own may hold both translations: there the lines
    # around a Han sentence say nothing of it.
    chinese = any(h and v <= HAN_SENTENCE - FORM for h, v in zip(han, own, strict=True))
    for k, line in enumerate(cjk):
        if not han[k]:
            continue
        sentence = own[k] <= HAN_SENTENCE and _is_sentence(line.text)
        score = own[k] + (0.0 if chinese and sentence else NEIGHBOUR * sum(_side_signs(own, k)))
        if score:
            line.lang = "ja" if score > 0 else "zh"
        elif both:
            lang, confidence = identify(line.text)
            line.lang = "ja" if lang == "ja" and confidence >= IDENTIFIER_JA else "zh"
            line.lang_confidence = round(confidence if lang == line.lang else 1.0 - confidence, 2) if lang else 0.5


# Evidence, in favour of Japanese (negative: of Chinese): each form only one of them writes;
# a Han-only sentence (Japanese prose writes kana); a line with kana; each neighbour's side.
FORM = 2.0
HAN_SENTENCE = -1.0
KANA_LINE = 3.0
NEIGHBOUR = 1.5


def _own_evidence(text: str) -> float:
    """What a Han-only line says of itself: its Japanese-only and Chinese-only forms, its length."""
    ja = sum(1 for c in text if c in JAPANESE_ONLY)
    zh = sum(1 for c in text if c in CHINESE_ONLY)
    return FORM * (ja - zh) + (HAN_SENTENCE if _is_sentence(text) else 0.0)


def _side_signs(own: list[float], k: int) -> list[int]:
    """+1 or -1 for the nearest line on each side of position k that leans one way."""
    out = []
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(own) and not own[j]:
            j += step
        if 0 <= j < len(own):
            out.append(1 if own[j] > 0 else -1)
    return out


def _is_sentence(text: str) -> bool:
    """A Han line long enough, or punctuated, to be a sentence rather than a heading."""
    return len(text) > NEIGHBOUR_MAX_CHARS or any(c in "。！？，" for c in text)


def identify(text: str) -> tuple[str, float]:
    """('ja' or 'zh', probability) from the language identifier; ('', 0.0) where it is not installed."""
    identifier = _identifier()
    if identifier is None:
        return "", 0.0
    lang, probability = identifier.classify(text)
    return str(lang), float(probability)


@functools.cache
def _identifier() -> Any:
    """py3langid's model (about 1 s and 30 MB to load), limited to the two languages in question."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["ja", "zh"])
    return identifier
