"""A small JMdict database in the layout the `jamdict-data` package ships (the tables the build reads),
written by hand: a few entries whose priority tags, senses and kanji grades the ranking is tested on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# (kanji or "", kana, kanji priority tags, kana priority tags, senses: [(English glosses, POS, misc)])
Entry = tuple[str, str, str, str, list[tuple[list[str], str, str]]]

NOUN = "noun (common) (futsuumeishi)"
SURU = "noun or participle which takes the aux. verb suru"
GODAN = "Godan verb with 'ru' ending"
ADVERB = "adverb (fukushi)"
ADJECTIVE = "adjective (keiyoushi)"
ICHIDAN = "Ichidan verb"
NA_ADJECTIVE = "adjectival nouns or quasi-adjectives (keiyodoshi)"
EXPRESSION = "expressions (phrases, clauses, etc.)"

ENTRIES: list[Entry] = [
    ("自治", "じち", "ichi1,news1,nf02", "ichi1,news1,nf02",
     [(["self-government", "autonomy"], NOUN, ""), (["local (governmental) autonomy"], NOUN, "abbreviation")]),
    ("自主性", "じしゅせい", "", "", [(["autonomy", "independence"], NOUN, "")]),
    ("自主権", "じしゅけん", "", "", [(["autonomy"], NOUN, "")]),
    ("", "オートノミー", "", "", [(["autonomy"], NOUN, "")]),
    ("米", "こめ", "ichi1", "ichi1", [(["(husked grains of) rice"], NOUN, ""), (["staple (product, etc.)"], NOUN, "")]),
    ("ご飯", "ごはん", "ichi1,news2,nf47", "ichi1,news2,nf47", [(["cooked rice"], NOUN, ""), (["meal"], NOUN, "")]),
    ("米穀", "べいこく", "news1,nf14", "news1,nf14", [(["rice"], NOUN, "")]),
    ("飯米", "はんまい", "", "", [(["rice"], NOUN, "")]),
    ("米", "よね", "", "", [(["88 years old"], NOUN, ""), (["rice"], NOUN, "archaism")]),
    ("", "アクセス", "", "gai1", [(["access (e.g. to a computer)"], NOUN, ""), (["to access"], SURU, "")]),
    ("参入", "さんにゅう", "news1,nf10", "news1,nf10", [(["entry (into a market)", "access"], NOUN, "")]),
    ("住所", "じゅうしょ", "ichi1,news1,nf03", "ichi1,news1,nf03",
     [(["address (e.g. of house)", "residence"], NOUN, "")]),
    ("演説", "えんぜつ", "ichi1,news1,nf05", "ichi1,news1,nf05", [(["speech", "address"], SURU, "")]),
    ("呼び掛ける", "よびかける", "ichi1", "ichi1", [(["to call out to", "to address"], GODAN, "")]),
    ("", "プライバシー", "", "gai1", [(["privacy"], NOUN, "")]),
    ("予約", "よやく", "ichi1,news1,nf07", "ichi1,news1,nf07", [(["reservation", "booking"], SURU, ""),
                                                              (["to reserve"], SURU, "")]),
    ("", "モデル", "", "gai1", [(["model"], NOUN, "")]),
    ("模型", "もけい", "ichi1,news1,nf16", "ichi1,news1,nf16", [(["model", "dummy"], NOUN, "")]),
    ("客車", "きゃくしゃ", "news1,nf30", "news1,nf30", [(["passenger car", "carriage"], NOUN, "")]),
    # One pair per rule of the ranking: each first entry would come first without its rule.
    ("", "バタン", "ichi1", "ichi1", [(["bang", "crash"], ADVERB, "onomatopoeic or mimetic word")]),
    ("衝突", "しょうとつ", "ichi1,news1,nf10", "ichi1,news1,nf10", [(["collision", "crash"], SURU, "")]),
    ("親", "おや", "ichi1", "ichi1", [(["parent"], NOUN, ""), (["dealer"], NOUN, "")]),
    ("販売業者", "はんばいぎょうしゃ", "news1,nf20", "news1,nf20", [(["dealer"], NOUN, "")]),
    ("", "インベスター", "", "", [(["investor"], NOUN, "")]),
    ("投資者", "とうししゃ", "", "", [(["investor"], NOUN, "")]),
    ("中止", "ちゅうし", "ichi1,news1,nf03", "ichi1,news1,nf03", [(["suspension", "stoppage"], SURU, "")]),
    ("休止", "きゅうし", "ichi1,news1,nf03", "ichi1,news1,nf03", [(["suspension"], SURU, "")]),
    ("紐", "ひも", "ichi1", "ichi1", [(["string"], NOUN, ""), (["restrictions", "strings attached"], NOUN, "")]),
    ("制限", "せいげん", "ichi1,news1,nf02", "ichi1,news1,nf02", [(["restriction", "limitation"], SURU, "")]),
    # A verb under the noun a suru-noun glosses, an adverb under its adjective: news senses first.
    ("下げる", "さげる", "ichi1,news1,nf07", "ichi1,news1,nf07",
     [(["to hang", "to suspend", "to wear (e.g. decoration)"], ICHIDAN, ""), (["to lower", "to reduce"], ICHIDAN, "")]),
    ("", "ひしひし", "", "ichi1", [(["acutely (feel)", "keenly", "severely"], ADVERB, "")]),
    ("厳しい", "きびしい", "ichi1,news1,nf18", "ichi1,news1,nf18", [(["severe", "strict", "rigid"], ADJECTIVE, "")]),
    ("取り消す", "とりけす", "ichi1,news1,nf23", "ichi1,news1,nf23", [(["to cancel", "to withdraw"], GODAN, "")]),
    ("", "やめる", "", "", [(["to cancel", "to abandon"], ICHIDAN, "")]),
    ("解除", "かいじょ", "ichi1,news1,nf03", "ichi1,news1,nf03", [(["cancellation", "lifting (sanctions)"], SURU, "")]),
    # A word's sense for its part of speech in the sentence, and the word as one synonym among many.
    ("遺体", "いたい", "ichi1,news1,nf05", "ichi1,news1,nf05", [(["corpse", "remains"], NOUN, "")]),
    ("残る", "のこる", "ichi1,news1,nf10", "ichi1,news1,nf10", [(["to remain", "to be left"], GODAN, "")]),
    ("", "たくらむ", "", "ichi1", [(["to scheme", "to plan", "to play a trick"], GODAN, "")]),
    ("計画", "けいかく", "ichi1,news1,nf01", "ichi1,news1,nf01", [(["plan", "project", "scheme"], SURU, "")]),
    ("策略", "さくりゃく", "news2,nf40", "news2,nf40", [(["scheme", "tactic"], NOUN, "")]),
    ("洗う", "あらう", "ichi1", "ichi1",
     [(["to wash"], GODAN, ""), (["to inquire into", "to investigate"], GODAN, "")]),
    ("調査", "ちょうさ", "ichi1,news1,nf01", "ichi1,news1,nf01", [(["investigation", "examination"], SURU, "")]),
    ("", "うたう", "ichi1", "ichi1", [(["to declare", "to express", "to state", "to insist"], GODAN, "")]),
    ("主張", "しゅちょう", "ichi1,news1,nf02", "ichi1,news1,nf02", [(["claim", "insistence"], SURU, "")]),
    ("手前", "てまえ", "ichi1,news1,nf15", "ichi1,news1,nf15",
     [(["before one", "in front of"], NOUN, ""), (["skill", "dexterity", "artistry", "ingenuity"], NOUN, "")]),
    ("知略", "ちりゃく", "", "", [(["ingenuity", "resourcefulness"], NOUN, "")]),
    ("惜しむ", "おしむ", "ichi1", "ichi1", [(["to be frugal", "to be sparing"], GODAN, "")]),
    ("質素", "しっそ", "ichi1,news1,nf25", "ichi1,news1,nf25", [(["modest", "frugal"], NA_ADJECTIVE, "")]),
    # The word itself, plain, before the word narrowed by a qualifier or as one of many synonyms.
    ("植民地", "しょくみんち", "ichi1,news1,nf07", "ichi1,news1,nf07", [(["(immigrant) community"], NOUN, "")]),
    ("群集", "ぐんしゅう", "ichi1", "ichi1",
     [(["crowd", "community", "group", "herd", "gathering", "assembly"], SURU, "")]),
    ("", "コミュニティ", "", "gai1", [(["community"], NOUN, "")]),
    ("長閑", "のどか", "ichi1", "ichi1", [(["tranquil", "calm", "quiet", "peaceful"], NA_ADJECTIVE,
                                         "word usually written using kana alone")]),
    ("宥める", "なだめる", "ichi1", "ichi1", [(["to soothe", "to calm", "to pacify"], ICHIDAN,
                                            "word usually written using kana alone")]),
    ("穏やか", "おだやか", "ichi1,news1,nf10", "ichi1,news1,nf10",
     [(["calm", "quiet", "gentle", "peaceful", "mild"], NA_ADJECTIVE, "")]),
    ("低い", "ひくい", "ichi1,news2,nf38", "ichi1,news2,nf38",
     [(["low (height, position, level, etc.)"], ADJECTIVE, ""), (["lower"], ADJECTIVE, "")]),
    # A verb whose gloss has its particle: "to compensate for" is found under compensate.
    ("補う", "おぎなう", "ichi1,news2,nf43", "ichi1,news2,nf43", [(["to compensate for"], GODAN, "")]),
    ("補償", "ほしょう", "ichi1,news1,nf10", "ichi1,news1,nf10", [(["compensation", "reparation"], SURU, "")]),
    # The word narrowed by what follows it ("court (e.g. tennis)") after the word itself; a compound of the
    # plain word (オリーブ色) gives it its place; a later sense counts as less common; a bird that is a noun.
    ("雨燕", "あまつばめ", "", "", [(["swift (any bird of family Apodidae)"], NOUN,
                                      "word usually written using kana alone")]),
    ("素早い", "すばやい", "ichi1,news1,nf13", "ichi1,news1,nf13", [(["quick", "swift"], ADJECTIVE, "")]),
    ("", "コート", "", "ichi1", [(["court (e.g. tennis, basketball)"], NOUN, "")]),
    ("裁判所", "さいばんしょ", "ichi1,news1,nf04", "ichi1,news1,nf04", [(["court", "courthouse"], NOUN, "")]),
    ("オリーブ色", "オリーブいろ", "spec1", "spec1", [(["olive (colour, color)", "olive brown"], NOUN, "")]),
    ("", "オリーブ", "", "", [(["olive"], NOUN, "")]),
    ("汗", "あせ", "ichi1,news1,nf05", "ichi1,news1,nf05", [(["sweat", "perspiration"], NOUN, ""),
                                                        (["moisture", "condensation"], NOUN, "")]),
    ("湿気", "しっけ", "ichi1,news1,nf19", "ichi1,news1,nf19", [(["moisture", "humidity"], NOUN, "")]),
    # An adjectival noun glossed by its noun of quality ("instability") serves for the adjective.
    ("揺れ動く", "ゆれうごく", "ichi1", "ichi1", [(["to be unsettled", "to be unstable"], GODAN, "")]),
    ("不安定", "ふあんてい", "ichi1,news1,nf14", "ichi1,news1,nf14",
     [(["instability", "insecurity"], NA_ADJECTIVE, "")]),
    # A plural with a sense of its own; a participle's own sense; a phrase under its first word; a modal.
    ("権威", "けんい", "ichi1,news1,nf06", "ichi1,news1,nf06", [(["authority", "power"], NOUN, "")]),
    ("当局", "とうきょく", "ichi1,news1,nf01", "ichi1,news1,nf01",
     [(["authorities", "relevant authorities"], NOUN, "")]),
    ("受ける", "うける", "ichi1", "ichi1", [(["to sustain (damage)", "to incur (a loss)"], ICHIDAN, "")]),
    ("持続的", "じぞくてき", "ichi1", "ichi1", [(["continuous", "sustained"], NA_ADJECTIVE, "")]),
    ("調和", "ちょうわ", "ichi1,news1,nf10", "ichi1,news1,nf10", [(["harmony", "accord"], SURU, "")]),
    ("に依ると", "によると", "spec1", "spec1", [(["according to (someone)"], EXPRESSION,
                                             "word usually written using kana alone")]),
    ("缶", "かん", "ichi1,news1,nf06", "ichi1,news1,nf06", [(["can", "tin"], NOUN, "")]),
    ("得る", "える", "ichi1", "ichi1", [(["to be able to ...", "can ..."], ICHIDAN, "")]),
    # A word in its own right ("fell") before the lemma it could also be ("fall", whose noun is 秋).
    ("秋", "あき", "ichi1,news1,nf02", "ichi1,news1,nf02", [(["autumn", "fall"], NOUN, "")]),
    ("切り倒す", "きりたおす", "news2,nf40", "news2,nf40", [(["to fell", "to cut down"], GODAN, "")]),
    # A gloss with brackets inside its brackets is still found under its word.
    ("犬", "いぬ", "ichi1", "ichi1", [(["dog (Canis (lupus) familiaris)"], NOUN, "")]),
    # Of two senses as common by their tags, the Japanese word more common in running text (wordfreq's list).
    ("体積", "たいせき", "ichi1", "ichi1", [(["capacity", "volume"], NOUN, "")]),
    ("能力", "のうりょく", "ichi1", "ichi1", [(["capacity", "ability"], NOUN, "")]),
    # ... the list's count being the word's first sense's: a later one gets none of it (次 is "next").
    ("次", "つぎ", "ichi1", "ichi1", [(["next"], NOUN, ""), (["station"], NOUN, "")]),
    ("停留所", "ていりゅうじょ", "ichi1", "ichi1", [(["stop (bus, tram, etc.)", "station"], NOUN, "")]),
    # A noun glossed only by adjectives is no person; a clause's subject before its verb is a noun.
    ("公", "おおやけ", "ichi1", "ichi1", [(["official", "governmental", "formal"], NOUN, "")]),
    ("係員", "かかりいん", "ichi1,news1,nf10", "ichi1,news1,nf10",
     [(["person in charge", "official", "attendant"], NOUN, "")]),
    # A word between a determiner and a verb's past form is the verb's noun ("the firm fell").
    ("強固", "きょうこ", "ichi1,news1,nf20", "ichi1,news1,nf20", [(["firm", "strong", "solid"], NA_ADJECTIVE, "")]),
    ("商会", "しょうかい", "news1,nf30", "news1,nf30", [(["firm", "company"], NOUN, "")]),
    # "I'm fine": the adjective after a linking verb's contraction.
    ("罰金", "ばっきん", "ichi1,news1,nf05", "ichi1,news1,nf05", [(["fine", "penalty"], NOUN, "")]),
    ("立派", "りっぱ", "ichi1", "ichi1", [(["splendid", "fine", "handsome"], NA_ADJECTIVE, "")]),
    # "getting off" is no sense of "getting" alone (the verb's -ing with its adverb), as "according to" is.
    ("下車", "げしゃ", "ichi1,news1,nf02", "ichi1,news1,nf02",
     [(["alighting (from a train)", "getting off"], SURU, "")]),
    ("手に入れる", "てにいれる", "", "", [(["to get", "to obtain"], ICHIDAN, "")]),
    # A word whose senses belong to different fields of the news: its sentence says which is meant.
    ("付け", "つけ", "ichi1", "ichi1", [(["bill", "bill of sale", "payment invoice"], NOUN, "")]),
    ("法案", "ほうあん", "news1,nf05", "news1,nf05", [(["bill (law)", "measure"], NOUN, "")]),
    ("植物", "しょくぶつ", "ichi1,news1,nf05", "ichi1,news1,nf05", [(["plant", "vegetation"], NOUN, "")]),
    ("工場", "こうじょう", "ichi1,news1,nf04", "ichi1,news1,nf04",
     [(["factory", "plant", "mill", "workshop"], NOUN, "")]),
    ("文", "ぶん", "ichi1", "ichi1", [(["sentence"], NOUN, "")]),
    ("刑", "けい", "ichi1,news1,nf12", "ichi1,news1,nf12", [(["penalty", "sentence", "punishment"], NOUN, "")]),
    ("患者", "かんじゃ", "ichi1,news1,nf03", "ichi1,news1,nf03", [(["patient"], NOUN, "")]),
    ("気長", "きなが", "ichi1", "ichi1", [(["patient", "unhurried"], NA_ADJECTIVE, "")]),
    # The everyday word glossed only with a noun before it, and an old word of no list glossed as the word.
    ("大臣", "だいじん", "ichi1,news1,nf02", "ichi1,news1,nf02", [(["cabinet minister"], NOUN, "")]),
    ("大殿", "おとど", "", "", [(["minister (of government)", "noble"], NOUN, ""),
                             (["nobleman's residence"], NOUN, "archaism")]),
    # The verb of a plural subject ("Farmers plant rice").
    ("植える", "うえる", "ichi1", "ichi1", [(["to plant", "to grow"], ICHIDAN, "")]),
    # An everyday word's colloquial later sense, after the word of that sense.
    ("別荘", "べっそう", "ichi1,news1,nf08", "ichi1,news1,nf08",
     [(["holiday house", "villa"], NOUN, ""), (["prison", "jail"], NOUN, "colloquialism")]),
    ("刑務所", "けいむしょ", "news1,nf08", "news1,nf08", [(["prison", "penitentiary"], NOUN, "")]),
    # A verb JMdict glosses only by its noun.
    ("再選", "さいせん", "news1,nf15", "news1,nf15", [(["re-election"], SURU, "")]),
]
# JMdict's `field` of a sense, by the sense's first gloss: a card game's "dealer".
FIELDS = {"dealer": "card games"}
# KANJIDIC2 school grades for the kanji above (1–6 primary school, 8 secondary).
GRADES = {"自": 2, "治": 4, "主": 3, "性": 5, "権": 6, "米": 2, "飯": 4, "穀": 6, "参": 4, "入": 1, "住": 3,
          "所": 3, "演": 5, "説": 4, "呼": 6, "掛": 8, "予": 3, "約": 4, "客": 3, "車": 1,
          "模": 6, "型": 5, "衝": 8, "突": 8, "親": 2, "販": 8, "売": 2, "業": 3, "者": 3, "投": 3,
          "資": 5, "中": 1, "止": 2, "休": 1, "紐": 8, "制": 5, "限": 5, "下": 1, "厳": 6, "取": 3,
          "消": 3, "解": 5, "除": 6, "遺": 6, "体": 2, "残": 4, "計": 2, "画": 2, "策": 6, "略": 5,
          "洗": 6, "調": 3, "査": 5, "張": 5, "手": 1, "前": 2, "知": 2, "惜": 8, "質": 5, "素": 5,
          "植": 3, "民": 4, "地": 2, "群": 4, "集": 3, "長": 2, "閑": 8, "宥": 8, "穏": 8, "補": 6, "償": 8, "低": 4,
          "早": 1, "裁": 6, "判": 5, "色": 2, "汗": 8, "湿": 8, "気": 1, "揺": 8, "動": 3, "不": 4,
          "安": 3, "定": 3, "威": 8, "当": 2, "局": 3, "受": 3, "持": 3, "続": 4, "的": 4, "和": 3, "依": 8,
          "缶": 8, "得": 5, "犬": 1, "秋": 2, "切": 2, "倒": 8, "積": 4, "能": 5, "力": 1, "公": 2, "係": 3,
          "員": 3, "強": 2, "固": 4, "商": 3, "会": 2, "罰": 8, "金": 1, "立": 1, "派": 6,
          "次": 3, "停": 5, "留": 5, "付": 4, "法": 4, "案": 4, "物": 3, "工": 2, "場": 2, "文": 1, "刑": 8,
          "患": 8, "大": 1, "臣": 4, "殿": 8, "再": 5, "選": 4, "別": 4, "荘": 8, "務": 5}

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE Entry (idseq INTEGER NOT NULL UNIQUE);
CREATE TABLE Kana (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT, nokanji BOOLEAN);
CREATE TABLE KNP (kid INTEGER, text TEXT);
CREATE TABLE Kanji (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT);
CREATE TABLE KJP (kid INTEGER, text TEXT);
CREATE TABLE Sense (ID INTEGER PRIMARY KEY, idseq INTEGER);
CREATE TABLE SenseGloss (sid INTEGER, lang TEXT, gend TEXT, text TEXT);
CREATE TABLE pos (sid INTEGER, text TEXT);
CREATE TABLE misc (sid INTEGER, text TEXT);
CREATE TABLE field (sid INTEGER, text TEXT);
CREATE TABLE character (ID INTEGER PRIMARY KEY AUTOINCREMENT, literal TEXT NOT NULL, stroke_count INTEGER,
                        grade TEXT, freq TEXT, jlpt TEXT);
"""


def write_mini_jmdict(path: Path, version: str = "test-1") -> Path:
    """Write the small JMdict database to `path`; `version` is its jmdict.version."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(str(path))
    try:
        conn.executescript(SCHEMA)
        conn.execute("INSERT INTO meta VALUES ('jmdict.version', ?)", [version])
        sid = 0
        for n, (kanji, kana, kanji_prio, kana_prio, senses) in enumerate(ENTRIES, 1):
            idseq = 1_000_000 + n
            conn.execute("INSERT INTO Entry VALUES (?)", [idseq])
            kid = conn.execute("INSERT INTO Kana (idseq, text) VALUES (?, ?)", [idseq, kana]).lastrowid
            conn.executemany("INSERT INTO KNP VALUES (?, ?)", [(kid, t) for t in kana_prio.split(",") if t])
            if kanji:
                jid = conn.execute("INSERT INTO Kanji (idseq, text) VALUES (?, ?)", [idseq, kanji]).lastrowid
                conn.executemany("INSERT INTO KJP VALUES (?, ?)", [(jid, t) for t in kanji_prio.split(",") if t])
            for glosses, pos, misc in senses:
                sid += 1
                conn.execute("INSERT INTO Sense VALUES (?, ?)", [sid, idseq])
                conn.executemany("INSERT INTO SenseGloss VALUES (?, 'eng', NULL, ?)", [(sid, g) for g in glosses])
                conn.execute("INSERT INTO pos VALUES (?, ?)", [sid, pos])
                if misc:
                    conn.execute("INSERT INTO misc VALUES (?, ?)", [sid, misc])
                if glosses[0] in FIELDS and kanji == "親":
                    conn.execute("INSERT INTO field VALUES (?, ?)", [sid, FIELDS[glosses[0]]])
        grades = [(k, str(g)) for k, g in GRADES.items()]
        conn.executemany("INSERT INTO character (literal, grade) VALUES (?, ?)", grades)
        conn.commit()
    finally:
        conn.close()
    return path
