"""Dictionary senses figures: how many common news words, each in a sentence of its own, get an
acceptable first Japanese sense from the JMdict table (the sense the glosses over hard words, the
lookup card and the level report show first). Needs the jamdict-data package.

    python bench/senses.py [--misses] [--table PATH] [--heldout]

The accept lists were written before the ranking was tuned to them: each holds the Japanese words a
learner reading that sentence could take as the word's meaning there. The table is built in a
temporary folder unless --table names one built already. --heldout measures the second set of
sentences (bench/senses_heldout.py) instead: the ranking is tuned on these CASES, never on it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from library.study.dictionary import Dictionary, jmdict_source_path  # noqa: E402
from library.study.sentence_pos import pos_in_sentence  # noqa: E402

# (sentence, the word in it, the first senses acceptable there)
CASES: list[tuple[str, str, set[str]]] = [
    ("The government promised a swift response to the floods.", "swift",
     {"迅速", "速い", "素早い", "敏速", "即座", "早い", "速やか"}),
    ("According to the report, prices rose again.", "According",
     {"によると", "に依ると", "に拠ると", "によれば", "に依れば", "に拠れば", "依ると", "拠ると"}),
    ("The region has seen sustained growth this decade.", "sustained",
     {"持続", "持続的", "継続的", "長期的", "絶え間ない", "持続的な", "継続"}),
    ("The hospital is running at full capacity.", "capacity",
     {"容量", "能力", "収容力", "定員", "収容能力", "キャパシティ", "キャパシティー", "生産能力", "収容人数"}),
    ("She could barely hear the speaker over the crowd.", "barely",
     {"辛うじて", "かろうじて", "ほとんど", "殆ど", "やっと", "ようやく", "ぎりぎり", "僅かに", "わずかに"}),
    ("The price of olive oil has doubled.", "olive", {"オリーブ", "橄欖", "オリーブ油"}),
    ("The soil lost its moisture during the heatwave.", "moisture",
     {"湿気", "水分", "湿り", "湿度", "水気", "潤い", "湿り気", "湿気る"}),
    ("Local authorities closed the roads after the storm.", "authorities",
     {"当局", "官庁", "当局者", "官憲", "行政", "お上", "関係当局"}),
    ("Residents can apply for help online.", "can", {"できる", "出来る", "得る", "可能", "ことができる"}),
    ("Trade barriers hurt small exporters.", "barriers",
     {"障壁", "障害", "壁", "障害物", "バリア", "バリアー", "防壁", "関税障壁"}),
    ("The situation remains unstable after the vote.", "unstable", {"不安定"}),
    ("The bridge runs across the river.", "across",
     {"横切って", "横切る", "渡って", "を渡って", "横断", "越えて", "向こう側", "を横切って", "向こう"}),
    ("The economy grew slowly last year.", "economy", {"経済", "景気"}),
    ("The election will be held in May.", "election", {"選挙"}),
    ("The new policy worries teachers.", "policy", {"政策", "方針", "施策"}),
    ("The country faces a deep crisis.", "crisis", {"危機", "難局", "重大局面", "クライシス"}),
    ("Growth slowed in the second quarter.", "Growth", {"成長", "増加", "発展", "伸び"}),
    ("Inflation hit its highest level in years.", "Inflation",
     {"インフレ", "インフレーション", "物価上昇", "通貨膨張"}),
    ("The bank raised its interest rate again.", "rate", {"率", "割合", "金利", "利率", "レート", "歩合"}),
    ("The city cut its budget for schools.", "budget", {"予算", "予算案"}),
    ("The country owes a large debt to its neighbours.", "debt", {"借金", "負債", "債務", "借り"}),
    ("The minister resigned on Friday.", "resigned", {"辞任", "辞職", "辞める", "退任", "辞する"}),
    ("Lawmakers will vote on the bill next week.", "vote", {"投票", "票決", "採決", "投じる", "票"}),
    ("The court rejected the request.", "court", {"裁判所", "法廷", "法院", "裁判"}),
    ("The court rejected the request.", "rejected",
     {"拒否", "却下", "拒絶", "断る", "退ける", "斥ける", "否決", "拒む", "棄却"}),
    ("Trade between the two countries fell.", "Trade", {"貿易", "取引", "商売", "通商", "交易", "商業"}),
    ("Food prices rose sharply in March.", "prices", {"価格", "値段", "物価", "値", "相場"}),
    ("Food prices rose sharply in March.", "sharply",
     {"急激", "急", "急に", "大幅", "大幅に", "著しく", "激しく", "急激に", "急速に"}),
    ("The plan had a significant impact on farmers.", "significant",
     {"重要", "重大", "著しい", "大きな", "有意", "意義深い", "かなり", "相当", "顕著", "大きい"}),
    ("The plan had a significant impact on farmers.", "impact", {"影響", "衝撃", "インパクト", "効果"}),
    ("The recovery was slower than expected.", "recovery", {"回復", "復興", "立ち直り", "復旧"}),
    ("Unemployment fell for the third month.", "Unemployment", {"失業", "失業率"}),
    ("Workers went on strike over pay.", "strike", {"ストライキ", "スト", "同盟罷業", "罷業"}),
    ("Thousands joined the protest in the capital.", "protest", {"抗議", "デモ", "抗議運動", "異議"}),
    ("Police arrested a suspect on Tuesday.", "suspect", {"容疑者", "被疑者"}),
    ("There is little evidence of fraud.", "evidence", {"証拠", "根拠", "形跡", "証し", "証"}),
    ("There is little evidence of fraud.", "fraud", {"詐欺", "不正", "ごまかし"}),
    ("The company denied the claims.", "claims", {"主張", "申し立て", "申立て", "請求", "要求", "言い分"}),
    ("The company denied the claims.", "denied", {"否定", "否認", "拒否", "打ち消す", "否む"}),
    ("The two sides reached an agreement.", "agreement", {"合意", "協定", "同意", "一致", "契約", "取り決め"}),
    ("The troops withdrew from the border.", "troops", {"部隊", "軍隊", "兵", "兵士", "軍", "兵力", "隊"}),
    ("The troops withdrew from the border.", "border", {"国境", "境界", "境", "国境線", "境目"}),
    ("Families fled the conflict in the north.", "conflict", {"紛争", "衝突", "対立", "争い", "戦争", "抗争"}),
    ("Refugees crossed into the neighbouring country.", "Refugees", {"難民", "避難民", "亡命者", "避難者"}),
    ("The country sent aid to the region.", "aid", {"援助", "支援", "救援", "助け", "扶助"}),
    ("The country sent aid to the region.", "region", {"地域", "地方", "地帯", "地区", "区域"}),
    ("The drought ruined the harvest.", "drought", {"干ばつ", "干魃", "旱魃", "日照り", "旱"}),
    ("Emissions from cars must fall.", "Emissions", {"排出", "排出量", "放出", "排気", "排ガス"}),
    ("Renewable energy is cheaper now.", "Renewable", {"再生可能", "再生可能エネルギー", "更新可能"}),
    ("The supply of gas is limited.", "supply", {"供給", "補給", "供給量"}),
    ("The region faces a water shortage.", "shortage", {"不足", "欠乏", "払底", "品不足"}),
    ("Demand for oil fell last month.", "Demand", {"需要", "要求", "需要量"}),
    ("Shares in the firm fell on Monday.", "firm", {"会社", "企業", "商社", "商会", "事務所"}),
    ("Despite the rain, the match went ahead.", "Despite",
     {"にもかかわらず", "にも拘らず", "にも拘わらず", "拘らず", "拘わらず", "にも関わらず", "関わらず"}),
    ("Nearly half the voters stayed home.", "Nearly",
     {"ほとんど", "殆ど", "ほぼ", "略", "大体", "約", "大方", "近く", "およそ", "凡そ"}),
    ("Officials said the road was closed.", "Officials",
     {"役人", "当局者", "職員", "公務員", "官僚", "係員", "関係者", "官吏", "役員"}),
    ("The firm announced new jobs in the north.", "announced", {"発表", "公表", "告知", "公示", "告げる"}),
    ("Experts warned of more storms.", "warned", {"警告", "注意", "戒める", "警戒", "注意する"}),
    ("Experts warned of more storms.", "Experts", {"専門家", "エキスパート", "熟練者", "達人", "識者"}),
    ("The storm caused severe damage to homes.", "damage", {"損害", "被害", "損傷", "ダメージ", "損失"}),
    ("The storm caused severe damage to homes.", "severe",
     {"厳しい", "深刻", "激しい", "重い", "ひどい", "酷い", "重大", "甚大", "猛烈"}),
    ("Two people were injured in the crash.", "injured", {"負傷", "怪我", "けが", "傷つく", "傷付く", "傷"}),
    ("Residents were told to stay indoors.", "Residents", {"住民", "居住者", "住人", "在住者"}),
    ("Rescue teams searched the area.", "Rescue", {"救助", "救出", "救援", "救命", "救難"}),
    ("The city will ban cars from the centre.", "ban", {"禁止", "禁じる", "禁ずる", "禁止する"}),
    ("The law protects the rights of workers.", "rights", {"権利", "人権", "権"}),
    ("Sales continued to decline this year.", "decline",
     {"減少", "衰退", "低下", "下落", "衰える", "減る", "下がる", "落ち込む", "減退"}),
]


def first_sense(dictionary: Dictionary, sentence: str, word: str) -> tuple[str, str, str | None]:
    """The first sense's headword and gloss for the word where it stands, and its part of speech there."""
    at = sentence.index(word)
    pos = pos_in_sentence(sentence[:at], word, sentence[at + len(word):])
    found = dictionary.first_senses([word], {word: pos}, {word: sentence}).get(word)
    card = dictionary.lookup(word, pos=pos, sentence=sentence).senses
    if found is not None and card and card[0].headword != found.headword:
        raise SystemExit(f"{word}: the gloss ({found.headword}) and the card ({card[0].headword}) disagree")
    return (found.headword, found.gloss, pos) if found else ("", "", pos)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every word whose first sense is not accepted")
    parser.add_argument("--all", action="store_true", help="print every word's first sense")
    parser.add_argument("--table", type=Path, help="a JMdict table built already (jmdict-en-ja.db)")
    parser.add_argument("--heldout", action="store_true", help="measure the held-out sentences instead")
    args = parser.parse_args()
    cases = CASES
    if args.heldout:
        from bench import senses_heldout

        cases = senses_heldout.CASES
    with tempfile.TemporaryDirectory() as tmp:
        table = args.table or Path(tmp) / "jmdict-en-ja.db"
        dictionary = Dictionary(Path(tmp) / "dictionary.db", table=table)
        if args.table is None:
            if jmdict_source_path() is None:
                print("jamdict-data is not installed: no JMdict to measure")
                return 1
            dictionary.build_jmdict()
        good = 0
        for sentence, word, accepted in cases:
            headword, gloss, pos = first_sense(dictionary, sentence, word)
            ok = headword in accepted
            good += ok
            if args.all or (args.misses and not ok):
                print(f"{'ok  ' if ok else 'MISS'} {word:<13} ({pos or '-'}) {headword} — {gloss}")
        print(f"acceptable first senses: {good} of {len(cases)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
