"""Normalising names and classifying sources: spellings of one place, aliases of one actor, kinds of source."""

from __future__ import annotations

import re
import unicodedata

from .schema import FigureStatus, SourceKind

_VOWELS = set("aeiouy")


def fold(name: str) -> str:
    """Lower-case ASCII form without punctuation or a leading article."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def skeleton(name: str) -> str:
    """Consonant skeleton of a folded name: transliteration variants (Peshawer/Peshawar) share it."""
    folded = fold(name).replace(" ", "")
    if not folded:
        return ""
    out = [folded[0]]
    for ch in folded[1:]:
        if ch in _VOWELS or ch == out[-1]:
            continue
        out.append(ch)
    return "".join(out)


def same_place(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    return len(fa) >= 4 and len(fb) >= 4 and fa[0] == fb[0] and skeleton(a) == skeleton(b)


def acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in {"of", "the", "and", "for", "de"}]
    return "".join(w[0].upper() for w in words) if len(words) >= 2 else ""


def acronyms_in_text(text: str) -> dict[str, str]:
    """'Long Name (LN)' pairs stated in the article: acronym -> long name."""
    pairs: dict[str, str] = {}
    for m in re.finditer(r"((?:[A-Z][\w'’-]+\s+){1,6}[A-Z][\w'’-]+)\s+\(([A-Z]{2,8})\)", text):
        words = m.group(1).split()
        letters = m.group(2)
        for k in range(len(words)):
            if acronym(" ".join(words[k:])) == letters:
                pairs[letters] = " ".join(words[k:])
                break
    return pairs


def same_actor(a: str, b: str, known: dict[str, str]) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    ua, ub = a.strip().upper(), b.strip().upper()
    if (a.strip().isupper() and acronym(b) == ua) or (b.strip().isupper() and acronym(a) == ub):
        return True
    if acronym(a) and acronym(a) == acronym(b) and len(acronym(a)) >= 3 and fa.split()[-1] == fb.split()[-1]:
        return True
    for short, long in known.items():
        names = {fold(short), fold(long)}
        if fa in names and fb in names:
            return True
    # "Sarfraz Bugti" / "Sarfaraz Bugti" / "Bugti": same surname, compatible given names
    wa, wb = fa.split(), fb.split()
    return len(wa) >= 1 and len(wb) >= 1 and wa[-1] == wb[-1] and len(wa[-1]) >= 4 and (
        len(wa) == 1 or len(wb) == 1 or skeleton(wa[0]) == skeleton(wb[0]))


_SOURCE_RULES: list[tuple[str, SourceKind]] = [
    (r"\b(?:hospital|doctor|medic|health (?:official|department|worker)|rescue|ambulance|morgue)", "medical"),
    (r"\b(?:police|officer|constable|inspector|superintendent|counter[- ]?terrorism department|ctd)\b", "police"),
    (r"\b(?:army|military|troops|armed forces|ispr|media wing|general|brigadier|colonel|soldiers?|"
     r"frontier corps|paramilitary)\b", "military"),
    (r"\b(?:minister|ministry|government|governor|official|officials|authorit|administration|spokes\w+ for the "
     r"government|mayor|president|prime minister|chief minister|cabinet|state)\b", "government"),
    (r"\b(?:media|reuters|television|tv|broadcaster|newspaper|outlets?|reports?|agency|journalist|correspondent)\b",
     "media"),
]


def source_kind(source: str | None, perpetrators: list[str], known: dict[str, str]) -> SourceKind:
    if not source or not source.strip():
        return "unknown"
    if any(same_actor(source, p, known) or fold(p) in fold(source) for p in perpetrators if p):
        return "perpetrator"
    lowered = source.lower()
    for pattern, kind in _SOURCE_RULES:
        if re.search(pattern, lowered):
            return kind
    return "other"


_NOT_CONFIRMED = re.compile(r"\b(?:not\s+(?:been\s+)?(?:officially\s+|independently\s+)?(?:confirmed|verified)|"
                            r"unconfirmed|could\s+not\s+(?:be\s+)?(?:independently\s+)?(?:confirm|verif))", re.I)


def figure_status(kind: SourceKind, sentence: str) -> FigureStatus:
    """Status of a figure from who gave it and how its sentence frames it."""
    lowered = sentence.lower()
    if kind == "perpetrator" or re.search(r"\bclaim(?:ed|s|ing)?\s+(?:to\s+have\s+)?(?:it\s+had\s+)?kill", lowered):
        return "claimed"
    if re.search(r"\brevis\w*|\bupdated\s+(?:death\s+)?toll|\braised\s+the\s+(?:death\s+)?toll", lowered):
        return "revised"
    if _NOT_CONFIRMED.search(sentence) or re.search(r"\bdisputed?\b|\bdenied\b", lowered):
        return "disputed"
    if re.search(r"\bconfirm(?:ed|s)\b", lowered):
        return "confirmed"
    return "reported"
