"""Words a worksheet never offers as distractors: offensive, sexual, violent or otherwise sensitive
words that cefrpy's list levels like any other (a pupil should not meet "rape" or "suicide" as a
wrong answer to a gap in a lesson about trains). Lemmas; a form is refused through its lemma, and a
word beginning with one of `EXCLUDED_STEMS` is refused whatever follows."""

from __future__ import annotations

EXCLUDED = frozenset("""
abortion abuse abuser addict addiction alcoholic arse ass assault bastard behead bitch bleed bloody
bomb bomber booze breast brothel cancer cannabis casualty cocaine condom corpse crap cripple damn dead
death depressed depression die disabled disease divorce drunk dumb erotic ethnic execute execution
fag fetish funeral genital genocide grave grief gun harass harassment hell heroin holocaust
homosexual hooker hostage idiot illegal incest injured injury insane intercourse jihad kidnap kill
killer lesbian lunatic lust lynch marijuana massacre masturbate mental molest moron murder murderer
naked nazi negro nude obese orgasm overdose paedophile pedophile penis pervert piss poison porn
pornography pregnancy pregnant prostitute prostitution racial racism racist rape rapist religion
retard semen sex sexism sexual sexy shit shoot shooting slaughter slave slavery slut stab stabbing
stripper stupid suicidal suicide terrorism terrorist tits torture toxic ugly vagina victim violence
violent vomit weapon whore wound
""".split())

EXCLUDED_STEMS = ("fuck", "shit", "porn", "rape", "nigg", "fagg", "masturb", "sodom", "paedo", "pedo")


def excluded(word: str, lemma: str = "") -> bool:
    """Whether a word (or its lemma) is one a worksheet must not offer."""
    lower, base = word.lower(), (lemma or word).lower()
    return lower in EXCLUDED or base in EXCLUDED or lower.startswith(EXCLUDED_STEMS)
