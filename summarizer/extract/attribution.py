"""Who said it: attribution phrases read by code ('X said', ', said X', 'according to X', 'X told Reuters').

A pronoun speaker ('he said') is resolved to the last named speaker of the sentences before it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from summarizer.lang import Lexicon, english, fold_in_place, is_about_harm, outcomes_named, per_lexicon
from summarizer.text.clauses import main_subject, subject_before
from summarizer.text.parse import Sentence, ends_abbreviation, find_numbers, is_number_word, split_sentences

_VERBS = "|".join(english().speech_verbs)  # lang/data/en.toml, [reader]
_PRONOUN = re.compile(  # lang/data/en.toml, [attribution]: 'he', 'they', 'their statement'
    r"^(?:{}|(?:{})\s+(?:{}))$".format(*("|".join(map(re.escape, sorted(words))) for words in (
        english().source_pronouns, english().source_possessives, english().source_documents))), re.IGNORECASE)
# a name's characters: not a clause break, but the period of an initial ('U.S. Central Command') is part of it
_NAME_CHAR = r"(?:[^,.;]|(?<=\b[A-Z])\.)"
_NAME_END = r"(?=\s*(?:[,;]|(?<!\b[A-Z])\.|$))"
_ACCORDING = re.compile(  # lang/data/en.toml, [attribution] source_after: 'according to', 'has learned from'
    r"\b(?:{})\s+(?P<who>{}{{2,80}}?){}".format(
        "|".join(re.escape(w) for w in sorted(english().source_after, key=len, reverse=True)), _NAME_CHAR, _NAME_END),
    re.IGNORECASE)
# a passive verb of telling and its agent ('All three deaths were confirmed by a medical source at the hospital'), not
# one denied before it ('figures that have not been officially confirmed by the authorities': `_NEGATED_BEFORE`)
_TOLD_BY = re.compile(r"\b(?:were|was|been|is|are)\s+(?:\w+ly\s+)?(?:confirmed|announced|reported)\s+by\s+"
                      rf"(?P<who>(?:the\s+)?{_NAME_CHAR}{{2,80}}?){_NAME_END}", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|yet to)\s+(?:\w+\s+)?$|n[’']t\s+(?:\w+\s+)?$", re.IGNORECASE)
_INVERTED = re.compile(r"[,–—][”\"’']?\s*(?:said|added)\s+"
                       rf"(?P<who>(?!(?:that|to)\b)(?:the\s+)?{_NAME_CHAR}{{2,100}}?){_NAME_END}")
_SUBJECT = re.compile(rf"\b(?:{_VERBS})\b")
# the sentence's subject, an apposition, then its verb
_APPOSED = re.compile(r"^(?P<subject>[^,“”\"«»]{2,60}),[^,“”\"«»]{3,90},\s*$")
# a person's name set off by commas after a title too long to be a source ('El coordinador nacional de Protección
# Civil de la Secretaría de Gobernación, Luis Felipe Puente, confirmó'): two to five capitalised words
_TITLED_NAME = re.compile(r"^(?P<title>[^,“”\"«»]{2,160}),\s*"
                          r"(?P<name>[A-ZÀ-Þ][\w’'.-]+(?:\s+[A-ZÀ-Þ][\w’'.-]+){1,4}),\s*$")
_PASSIVE_AFTER = re.compile(r"\s+to\s+(?:be|have)\b")
_DETERMINER_BEFORE = re.compile(rf"\b(?:{'|'.join(map(re.escape, english().determiners))})\s+$", re.IGNORECASE)
_NOT_VERB = re.compile(rf"\b(?:{'|'.join(map(re.escape, english().not_verbs))})$", re.IGNORECASE)
_SPEAKER_ENDS = english().speaker_ends
_CIRCUMSTANCE = re.compile(rf"\s+(?:{'|'.join(map(re.escape, english().speaker_circumstances))})\b.*$",
                           re.IGNORECASE | re.DOTALL)
_FINITE = re.compile(r"\b(?:was|were|is|are|has|have|had|been)\b")  # lower case: a clause, not a name
_NOBODY = frozenset(english().no_speakers)
_NOT_A_SOURCE = re.compile(r"^(?:it|this|that|which|who|there|reuters could not)$", re.IGNORECASE)
_DISCOURSE = re.compile(r"^(?:Meanwhile|However|Earlier|Later|Separately|Also|Still|Instead|Moreover|"
                        r"Further(?:more)?|"
                        r"Additionally|Elsewhere|Overnight|Yesterday|Today|Tonight|Nevertheless|Then|Now|Previously|"
                        r"On\s+\w+|In\s+\w+|By\s+\w+|At\s+\w+)$")


# 'according to the latest figures from the ministry': the ministry gave them, not the figures
_DOCUMENT = re.compile(r"^(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:figures|data|statistics|tally|count|"
                       r"statements?|reports?|numbers|toll|estimates?|bulletins?)\s+(?:released\s+|issued\s+|published\s+)?"
                       r"(?:from|by|of)\s+(?=\S)", re.IGNORECASE)


# a dateline before the sentence's subject ('SANAA, Yemen (AP) -- Doctors say'): not part of the source
_DATELINE_LEAD = re.compile(r"^(?:[^()]{0,60}\([^()]{1,40}\)|[A-Z][A-Z .,'’]{2,40})\s*(?:--|[-—–])\s+")


def _clean(who: str) -> str:
    who = who.strip(" ,;“”\"'.")
    who = _DATELINE_LEAD.sub("", who)
    who = _DOCUMENT.sub("", who)
    who = re.sub(r",?\s+who\b.*$", "", who).strip(" ,;")
    words = who.split()
    end = next((i for i, w in enumerate(words) if i > 0 and w.casefold() in _SPEAKER_ENDS), len(words))
    who = " ".join(words[:end])  # 'officials had already' -> 'officials'
    first, _, rest = who.partition(" ")
    return first + (" " + _CIRCUMSTANCE.sub("", " " + rest).strip() if rest else "")  # '... on a radio station'


# a closing name, its capitalised words maybe joined by 'of' or 'for' ('Ministry of Emergency Situations')
_TRAILING_NAME = re.compile(r"(?:^|\s)(?P<name>(?:[A-Z][\w’'.-]+\s+(?:(?:of|for)\s+)?){1,3}[A-Z][\w’'-]+)$")
_HEAD = re.compile(r"^(?P<head>.+?)\s+(?:of|from|at|in|with)\s", re.IGNORECASE)
MAX_SPEAKER_WORDS = 8


def _shortened(who: str) -> str | None:
    """A subject too long to be a speaker's name, cut to the name it holds: its closing name ('The prime minister of
    the island nation Amadou Diallo' -> 'Amadou Diallo'), else its head ('Dr Anil Perera of the district hospital in
    Matale' -> 'Dr Anil Perera')."""
    named = _TRAILING_NAME.search(who)
    if named:
        return named.group("name")
    head = _HEAD.match(who)
    return head.group("head") if head and len(head.group("head").split()) <= MAX_SPEAKER_WORDS else None


# a speaker's noun: any group's word or any actor's word of the English lexicon ('police', 'doctors', 'the army')
_SPEAKER_NOUN = re.compile(r"\b(?:{})\w*$".format("|".join(
    w for table in (english().reader_groups, english().actor_kinds) for _, words in table for w in words)),
    re.IGNORECASE)
_AND_BEFORE = re.compile(r"\band\s*$", re.IGNORECASE)


def _speaker_phrase(words: str) -> bool:
    """Whether words before a subject's 'and' are a speaker of their own ('Police', 'The Red Cross', 'Local
    officials'), not a clause ('The blast killed 12', 'A bomb went off'): a name or a group's or actor's noun at the
    end, no number, no harm word and no verb of saying or being."""
    tokens = words.split()
    if not 1 <= len(tokens) <= 5 or re.search(r"\d", words) or _FINITE.search(words) or _SUBJECT.search(words) \
            or is_about_harm(words) or _DISCOURSE.match(words):
        return False
    # a name's last word may open with a particle ('Mohammed el-Qoutbi', "Abdel d'Ouzzane")
    return re.match(r"(?:[a-z]{1,3}[-’'])?[A-Z]", tokens[-1]) is not None or _SPEAKER_NOUN.search(words) is not None


def _coordinated(before: str, subject: str) -> tuple[str, str]:
    """A subject whose 'and' joins two speakers keeps both ('Police and hospital officials say' -> 'Police and
    hospital officials'); an 'and' that opens a clause ('The blast killed 12 and officials said') cuts it there."""
    joined = _AND_BEFORE.search(before)
    if joined is None or not subject.strip():
        return before, subject
    head, first = subject_before(before, joined.start())
    if not _speaker_phrase(first.strip()):
        return before, subject
    return head, f"{first.strip()} and {subject.strip()}"


# a subject in a place ('Officials in Barangay Ucab, '), before the place's town or province
_PLACED = re.compile(r"(?:^|[.;:]\s*)(?P<who>[A-Z][a-z]+(?:\s+[a-z]+)?\s+(?:in|of)\s+(?:[A-Z][\w’'-]+\s*){1,3}),\s*$")


def _subject_before(text: str, verb_start: int) -> str | None:
    before, subject = subject_before(text, verb_start)
    if not subject.strip():  # 'The Red Cross, which had teams there, added': the subject before the apposition
        before, subject = subject_before(text, verb_start, skip_apposition=True)
        aside = re.search(r",\s*(?P<aside>[^,]{3,80}),\s*$", text[:verb_start].rstrip())
        if _DISCOURSE.match(subject.strip()) and aside is not None:
            subject = aside.group("aside")  # 'Further, medical sources at the field hospital, said': not 'Further'
    before, subject = _coordinated(before, subject)
    who = _clean(subject)
    named = re.search(r"(?:^|[,;–—]\s*)(?P<name>(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+),\s*$", before)
    if named and _names_a_place(before[: named.start("name")]):
        named = None  # 'near the Ugandan capital, Kampala, the country's deputy police spokesman': a place's name
    if named and who and who[0].islower() and not _DISCOURSE.match(named.group("name")):
        if len(f"{named.group('name')}, {who}".split()) > MAX_SPEAKER_WORDS:
            return named.group("name")  # 'Mohammad Aminifar, head of Medical Sciences University in Zahedan, ...'
        who = f"{named.group('name')}, {who}"  # 'Atta Khan, a senior police officer said' keeps the name
    placed = _PLACED.search(before)
    if placed and re.fullmatch(r"[A-Z][\w’'-]+", who) and not text[:verb_start].rstrip().endswith(","):
        who = f"{placed.group('who')}, {who}"  # 'Officials in Barangay Ucab, Itogon told': the town of the place
    words = who.split()
    if not words:
        return None
    return who if len(words) <= MAX_SPEAKER_WORDS else _shortened(who)


# a locative, then at most two words and a common noun, ending a phrase: 'near the Ugandan capital'
_LOCATIVE_NOUN = re.compile(r"\b(?:{})\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){{0,2}}[a-z][\w’'-]*$".format(
    "|".join(map(re.escape, english().locatives))), re.IGNORECASE)


def _names_a_place(before: str) -> bool:
    """Whether the name after `before` renames a place: the phrase before it, back to the last comma, ends in a
    locative and a common noun ('near the Ugandan capital, Kampala'; not 'died in Tarel, Atta Khan', nor 'In a
    statement attributed to its spokesperson, Jeeyand Baloch')."""
    head = before.rstrip(" ,;–—")
    segment = re.split(r"[,;–—]", head)[-1].strip()
    return before[len(head) :].strip().startswith(",") and _LOCATIVE_NOUN.search(segment) is not None \
        and segment.split()[-1].islower()


def usable_speaker(who: str, lx: Lexicon | None = None) -> bool:
    """A 'speaker' that holds a number or a harm word (of the article's language, when given: German 'die' is no
    English 'die') is a misread clause ('12 soldiers died'), not a name."""
    harm = bool(outcomes_named(who, lx)) if lx is not None else is_about_harm(who)
    return not (re.search(r"\d", who) or harm or len(who.split()) > MAX_SPEAKER_WORDS or _FINITE.search(who)
                or re.search(r"\b(?:was|were|is|are|has|have|had|been)$", who, re.IGNORECASE))


_PERSONAL = re.compile(r"^(?:he|she)$", re.IGNORECASE)
# a sentence opening with a name of two to five capitalised words and its verb ('President Donald Trump offered
# condolences'): the person a later 'he said' may mean
_NAMED_SUBJECT = re.compile(r"^(?P<name>(?:[A-Z][\w.’'-]*\s+){1,4}[A-Z][\w’'-]+)\s+(?=[a-z])")


def named_subject(text: str) -> str | None:
    """The name a sentence opens with as its subject ('President Donald Trump offered condolences ...' -> 'President
    Donald Trump'), None when it opens otherwise ('The wounded Americans were', 'On Truth Social, he')."""
    m = _NAMED_SUBJECT.match(text)
    if m is None or text[: m.end()].rstrip().endswith(("’s", "'s")):
        return None
    words = m.group("name").split()
    if words[0].casefold() in english().determiners or _DISCOURSE.match(words[0]) \
            or _DISCOURSE.match(" ".join(words[:2])):  # 'On Sunday Ana Brill visited'
        return None
    return m.group("name")


def attribution(sentence: Sentence, previous_speakers: list[str], person: str | None = None) -> str | None:
    """The speaker of a sentence's figures, as written; None when the sentence names none. A pronoun speaker is the
    last speaker before it, or for 'he' and 'she' the `person` named as a subject since (None: no one named)."""
    text = sentence.text
    candidates: list[str] = []
    for pattern in (_ACCORDING, _INVERTED):
        candidates += [_clean(m.group("who")) for m in pattern.finditer(text)]
    candidates += [_clean(m.group("who")) for m in _TOLD_BY.finditer(text)
                   if not _NEGATED_BEFORE.search(text[: m.start()])]
    subordinate: list[str] = []  # speakers of a clause set off from the main one, tried last
    for m in _SUBJECT.finditer(text):
        if _DETERMINER_BEFORE.search(text[: m.start()]) or _PASSIVE_AFTER.match(text, m.end()) \
                or _NOT_VERB.search(text[: m.end()]):
            continue  # 'Among the reported deaths, 504 were ...', 'said to be from', 'Early reports': nobody speaks
        who = main_subject(text, m.start()) or _subject_before(text, m.start())
        if who and _APPOSED.match(text[: m.start()]):
            candidates.insert(0, who)  # 'Four officials, speaking on condition of anonymity, said the attacks ...'
        elif who and in_subordinate_clause(text[: m.start()], english()):
            subordinate.append(who)  # '..., where militants last month claimed ..., the Red Cross said'
        elif who:
            candidates.append(who)
    for who in candidates + subordinate:
        if not who or _NOT_A_SOURCE.match(who) or who.casefold() in _NOBODY:  # 'No one immediately claimed'
            continue
        if _PRONOUN.match(who):
            if person is not None and _PERSONAL.match(who):
                return person
            own = _own_subject(text) if _POSSESSIVE.match(who) else None
            if own is not None:  # 'A committee investigating the violence found ..., according to its report'
                return own
            if previous_speakers:
                return previous_speakers[-1]
            continue
        if not re.search(r"[A-Za-z]{3,}", who) or who.lower().startswith(("in ", "on ", "at ")) \
                or who.split()[0].casefold() in english().first_person:  # '"I can confirm ...," Gezawa said'
            continue
        if not usable_speaker(who):  # a misread clause: another candidate of the sentence may be the speaker
            continue
        return who
    return None


# 'its report', 'their statement': a document of whoever the pronoun stands for
_POSSESSIVE = re.compile(r"^(?:{})\s".format("|".join(map(re.escape, english().source_possessives))), re.IGNORECASE)
# where a sentence's subject ends: a participle after it ('investigating'), or its verb (lang/data/en.toml, [reader])
_SUBJECT_END = re.compile(r"^(?:[a-z]+(?:ing|ed)|{})$".format("|".join(map(re.escape, sorted(english().subject_ends)))))


def _own_subject(text: str) -> str | None:
    """The subject a sentence opens with, as a source ('An Iraqi government committee investigating ... found that
    149 civilians were killed ..., according to its report' -> 'An Iraqi government committee'): the words before its
    first verb or participle, at most eight, with a capital and no count; None otherwise ('Twelve soldiers were
    killed, according to its statement': 'its' is someone named before)."""
    words = text.split()
    end = next((i for i, w in enumerate(words) if _SUBJECT_END.match(w.strip(",;:"))), None)
    if not end or end > 8:
        return None
    who = " ".join(words[:end]).strip(" ,")
    if not re.search(r"[A-Z]", who) or re.search(r"\d|[,;:“”\"]", who) or find_numbers(who, split_sentences(who)) \
            or outcomes_named(who, english()) or _PRONOUN.match(who) or not usable_speaker(who) \
            or not re.sub(r"^(?:the|an?)\b", "", who, flags=re.IGNORECASE).strip():  # 'An investigating committee'
        return None
    return who


_QUOTES = (("„", "“"), ("“", "”"), ("«", "»"))
_CLOSINGS, _CLOSINGS_DE = ("”", "»", '"'), ("“",)  # the marks that close a quotation; German „…“ closes with “


def in_subordinate_clause(before: str, lx: Lexicon) -> bool:
    """Whether a verb whose sentence reads `before` up to it stands in a clause that one of the lexicon's
    `subordinate_openers` opens ('..., where al-Qaida-linked militants last month' claimed; 'After police' said)."""
    words = re.split(r"[,;:–—]", before)[-1].split()
    return bool(words) and words[0].casefold() in lx.subordinate_openers


def _inside_quote(text: str, position: int) -> bool:
    """Whether `position` lies inside a quotation the text opens before it and has not closed."""
    before = text[:position]
    return any(before.count(opening) > before.count(closing) for opening, closing in _quote_marks(text)) \
        or before.count('"') % 2 == 1


def _quote_marks(text: str) -> tuple[tuple[str, str], ...]:
    """The quotation marks a text uses: German „…“ (whose closing mark opens an English quotation), else “…” and «…»."""
    return _QUOTES[:1] if _QUOTES[0][0] in text else _QUOTES[1:]


def open_quotations(texts: list[str]) -> list[bool]:
    """For each of an article's sentences in order, whether a quotation an earlier sentence opened is still open at
    its start ('The mayor said: “We are still counting.' then 'Thirty people died.' then 'Many more are hurt.”': the
    second and third). A paragraph of a long quotation opens with a mark of its own and only the last one closes it;
    straight double quotes open and close by turns."""
    marks = _quote_marks(" ".join(texts))
    opens = {opening for opening, _ in marks}
    closes = {closing for _, closing in marks}
    curly, straight = False, False
    out: list[bool] = []
    for text in texts:
        out.append(curly or straight)
        for ch in text:  # an opening mark while one is open is a new paragraph of the same quotation, not a nested one
            if ch in opens:
                curly = True
            elif ch in closes:
                curly = False
            elif ch == '"':
                straight = not straight
    return out


def named_after_quote(text: str, who: str) -> bool:
    """Whether a sentence that closes a quotation names its speaker after the closing mark ('... hurt,” the governor
    said.', '», a déclaré le maire.'), as opposed to inside it: the speaker then gave the whole quotation."""
    marks = [c for c in _CLOSINGS if c in text] or [c for c in _CLOSINGS_DE if c in text]
    if not marks:
        return False
    closing = min(text.find(c) for c in marks)
    tail = text[closing + 1 :]
    return who.casefold() in tail.casefold() or 1 < len(tail.split()) <= 4


def resumes_quote(previous: str, text: str) -> bool:
    """Whether `text` opens a quotation right after `previous` closed one and named its speaker in a short tail
    ('“Horrendous scene,” X said.' then '“Six deceased.'): one speaker's quotations, the speaker the previous
    sentence's."""
    marks = _quote_marks(previous + text)
    if not text.lstrip().startswith((*(opening for opening, _ in marks), '"')):
        return False
    closed = max((previous.rfind(closing) for _, closing in (*marks, ('"', '"'))), default=-1)
    if closed < 0 or _inside_quote(previous, len(previous)):
        return False
    tail = previous[closed + 1 :].strip()
    return tail.endswith(".") and 1 < len(tail.split()) <= 6


_STOP = re.compile(r"[,.;:!?()\[\]«»“”\"—–।۔]")


def _words_after(text: str, limit: int = 8) -> str:
    cut = _STOP.search(text)
    while cut is not None and cut.group(0) == "." and ends_abbreviation(text[: cut.start()]) \
            and text[cut.end() : cut.end() + 1] == " ":
        cut = _STOP.search(text, cut.end())  # 'a précisé M. Isah', 'said Dr. Ana Brill': a title's full stop
    return " ".join(text[: cut.start() if cut else len(text)].split()[:limit]).strip()


_SPACED_DASH = re.compile(r"(?<=\s)-(?=\s)")  # a hyphen set off by spaces is a dash


def _words_before(text: str, limit: int = 6) -> str:
    # 'District Police Officer (DPO) according to', 'Ministério dos Negócios Estrangeiros (MNE) do Governo português
    # explicou': a gloss in brackets is no clause's end
    text = re.sub(r"\s*\([^()]{1,40}\)(?=\s|$)", "", text)
    cuts = list(_STOP.finditer(text)) + list(_SPACED_DASH.finditer(text))  # 'Rio Claro (Folha) - A Polícia'
    return " ".join(text[max((c.end() for c in cuts), default=0) :].split()[-limit:]).strip()


@per_lexicon
def _qualifier_starts(lx: Lexicon) -> frozenset[str]:
    """The first words of the qualifiers a number may have before it ('mindestens', 'au', 'plus'), stopwords aside
    ('une' of 'une vingtaine de'): a figure begins."""
    firsts = (p.split()[0].casefold() for ps in lx.qualifiers_before.values() for p in ps if p.split())
    return frozenset(w for w in firsts if w not in lx.stopwords)


@per_lexicon
def _verb_starts(lx: Lexicon) -> re.Pattern[str]:
    """A verb of saying at the start of a text, as whole words ('fait état d’' may run into 'd’au')."""
    verbs = sorted(lx.source_verbs, key=len, reverse=True)
    return re.compile("|".join(re.escape(v) + (r"(?![^\W\d_])" if v[-1:].isalpha() else "") for v in verbs)
                      or r"(?!)", re.IGNORECASE)


def _opens_verb(words: list[str], lx: Lexicon) -> bool:
    """Whether a verb of saying starts at the first of `words` ('selon le ministre des Transports fait état d’au
    moins 30': the source ends before 'fait état')."""
    return _verb_starts(lx).match(" ".join(words)) is not None


def _last_word(text: str) -> str:
    """The last word of `text`, folded ('' for none)."""
    words = text.split()
    return words[-1].casefold() if words else ""


def _last_marker(before: str, markers: tuple[str, ...]) -> int | None:
    """Where the last of `markers` standing as a word of its own in `before` starts, or None."""
    found = [m.start() for marker in markers for m in re.finditer(rf"(?<!\S){re.escape(marker)}(?!\S)", before)]
    return max(found, default=None)


def _relative_head(before: str, lx: Lexicon) -> str | None:
    """The subject of a verb of saying that a relative clause sets off from it ('Faustino Miguens, que falava ao canal
    após uma reunião coordenada pela governadora de Luanda, Joana Lina, indicou que': 'Faustino Miguens', not the name
    that ends the clause; 'Mercredi matin, le Bureau national (BNGRC), qui compile ..., a annoncé que': the Bureau);
    None unless the words before the verb hold 'Name, que' after nothing but time words, and end in a comma."""
    for joint in re.finditer(r",\s*(\w+)", before):
        if joint.group(1).casefold() not in lx.relative_pronouns:
            continue
        if not re.search(r",\s*$", before[joint.start() + 1 :]):
            return None
        opens = before.rfind(",", 0, joint.start()) + 1
        head = before[opens : joint.start()].strip()
        bare = re.sub(r"\s*\([^()]*\)$", "", head)  # 'le Bureau national (BNGRC)'
        if _skip_leading(before[:opens], lx).strip(" ,") or not bare or len(bare.split()) > 12 or _STOP.search(bare):
            return None
        return head
    return None


def _coordinated_subject(before: str, lx: Lexicon) -> str | None:
    """The subject a verb of saying shares with the verb before it ('La maire Ana Brill a qualifié l'explosion
    d'urgence et a déclaré que ...': 'La maire Ana Brill'): when the words before it end with a joining word, the
    words of the clause up to its first auxiliary (`source_ends`), at most eight; None otherwise."""
    words = before.split()
    if not words or words[-1].casefold() not in lx.list_joiners:
        return None
    cuts = list(_STOP.finditer(before))
    clause = before[cuts[-1].end() if cuts else 0 :].split()
    aux = next((i for i, w in enumerate(clause) if w.casefold() in lx.source_ends), None)
    return " ".join(clause[:aux]) if aux is not None and 0 < aux <= 8 else None


def _after_last(words: str, bounds: frozenset[str]) -> str:
    """The words after the last of `bounds` ('तारेल में पुलिस' -> 'पुलिस'), or all of them."""
    split = words.split()
    last = max((i for i, w in enumerate(split) if w.casefold() in bounds), default=-1)
    return " ".join(split[last + 1 :])


def _between_aux(before: str, lx: Lexicon) -> str:
    """The subject of a clause-final verb of saying: the words between its auxiliary and it ('Das hat die örtliche
    Polizei am Samstag' -> 'die örtliche Polizei'), time words dropped; else the words before the auxiliary ('Die
    Polizei hat')."""
    words = before.split()
    aux = max((i for i, w in enumerate(words) if w.casefold() in lx.source_aux), default=None)
    if aux is None:
        return ""
    between = words[aux + 1 :]
    while between and between[-1].casefold().strip(",") in lx.source_skip:
        between.pop()
    return " ".join(between) if between else _words_before(" ".join(words[:aux]))


def _issuer(rest: str, lx: Lexicon) -> str:
    """'un balance publicado hoy por el INDH, ...' -> 'el INDH, ...': a document named first is not the source; whoever
    issued it is (the words after the first of `source_by` that follows the document word, within eight words); a
    document whose issuer is not named gives no source ('según el último balance')."""
    words = list(re.finditer(r"\S+", rest))[:8]
    phrase = next((i + 1 for i, w in enumerate(words) if re.search(r"[,;:.]$", w.group(0))), len(words))
    # 'sull’account Twitter dei Vigili del Fuoco': a document word may follow an elided preposition
    doc = next((i for i, w in enumerate(words[: min(4, phrase)])
                if re.split(r"[’']", w.group(0).casefold().strip(",."))[-1] in lx.source_documents), None)
    if doc is None:
        return rest
    by = next((w for w in words[doc + 1 :] if w.group(0).casefold() in lx.source_by), None)
    return rest[by.end() :] if by is not None else ""  # 'según el último balance': a document of no one named


def _document_issuer(text: str, lx: Lexicon) -> str | None:
    """The issuer of a document the sentence opens with, named as a passive's agent inside the commas that follow it
    ('Le bilan, communiqué par la gendarmerie, fait état de ...' -> 'la gendarmerie'; 'Ce bilan, donné jeudi matin
    par l'attaché de presse, ...'); None when the sentence opens otherwise ('El balance por las lluvias': no commas,
    'por' may be a cause)."""
    if not lx.source_agents or not lx.source_documents:
        return None
    opening = re.match(r"\s*(?:\S+\s+){0,2}?(?P<doc>[^\s,]+),\s+(?P<aside>[^,;.]{1,80}?)(?:,|$)", text)
    if opening is None or re.split(r"[’']", opening.group("doc").casefold())[-1] not in lx.source_documents:
        return None
    words = opening.group("aside").split()
    agent = next((i for i, w in enumerate(words) if w.casefold() in lx.source_agents), None)
    return " ".join(words[agent + 1 :]) or None if agent is not None else None


def _issuer_before(before: str, lx: Lexicon) -> str:
    """What stands before a source phrase in a language that names the source first, up to the issuer of a document
    named last ('پی ڈی ایم اے کی ابتدائی رپورٹ' -> 'پی ڈی ایم اے': a document word among the last three words, and
    before it one of `source_by`); all of it when it names no document."""
    words = list(re.finditer(r"\S+", before))
    doc = next((i for i in range(len(words) - 1, max(-1, len(words) - 4), -1)
                if words[i].group(0).casefold().strip(",.") in lx.source_documents), None)
    if doc is None:
        return before
    by = next((w for w in reversed(words[max(0, doc - 3) : doc]) if w.group(0).casefold() in lx.source_by), None)
    return before[: by.start()] if by is not None else before


_DAY_IN_BRACKETS = re.compile(r"\s*\(\d{1,2}\)")


def _inverts(before: str, lx: Lexicon) -> bool:
    """Whether the whole text before a verb of saying, or its part after the last comma, is one of the lexicon's words
    that put the subject after the verb ('Así lo informó la policía', 'dos personas muertas, así lo confirmó el
    presidente municipal', '..., lo ha riferito X')."""
    return re.split(r"[,;]", before)[-1].strip().casefold() in lx.source_inverters


def _past_verb(rest: str, lx: Lexicon) -> str:
    """`rest`, after a word of 'according to', without the verb of saying it may open with, whose subject follows:
    one of the lexicon's verbs ('según confirmó la policía'), or an auxiliary and its participle ('según ha confirmado
    la presidenta ...'); `rest` as it is otherwise."""
    lowered = rest.casefold()
    stripped = lowered.lstrip()
    for verb in sorted(lx.source_verbs, key=len, reverse=True):
        if stripped.startswith(verb.casefold()) and not stripped[len(verb) : len(verb) + 1].isalpha():
            return rest[len(lowered) - len(stripped) + len(verb) :]
    words = re.match(r"\s*(\S+)\s+(\S+)(?=\s)", rest)
    if words is not None and words.group(1).casefold() in lx.before_harm and words.group(2).isalpha() \
            and words.group(2).islower() and words.group(2) not in lx.stopwords:  # not 'selon toujours la police'
        return rest[words.end() :]
    return rest


def _skip_leading(rest: str, lx: Lexicon) -> str:
    """`rest` without the time words it starts with (', a indiqué mercredi la section italienne' -> 'la section
    italienne'), set off by commas or not (', ont rapporté, vendredi, des médias locaux'): the lexicon's source_skip."""
    skipped = False
    while (word := _skip_word(rest.lstrip(" ,"), lx)) is not None:
        rest, skipped = rest.lstrip(" ,")[len(word) :], True
        day = _DAY_IN_BRACKETS.match(rest)  # 'nesta segunda-feira (18)': the day of the month in brackets
        rest = rest[day.end() :] if day else rest
    return rest.lstrip(" ,") if skipped else rest  # ', vendredi, des médias locaux': the comma closing the time words


def _named_before_aside(before: str, lx: Lexicon) -> str | None:
    """The subject of a verb of saying that a sentence opens with, before an aside set off by commas that says who
    it is ('Jean Moulin, maire de Tarel, a déclaré', 'El coronel Roger Costas, jefe de la Policía de la zona, dijo'):
    with a capital, of six words at most; None otherwise."""
    apposed = _APPOSED.match(before)
    if apposed is None:
        return None
    subject, aside = apposed.group("subject").strip(), before[apposed.end("subject") + 1 :].strip(" ,")
    # an aside that opens with a capital is the name ('El gobernador, Nicolás García Bustos, dijo'): not this
    if not aside[:1].islower() or _names_person(aside, lx) or not re.search(r"[A-ZÀ-Þ]", subject) \
            or len(subject.split()) > 6 \
            or subject.split()[-1].casefold() in lx.source_documents:  # 'Le communiqué, publié mardi, indique'
        return None
    return subject


def _names_person(words: str, lx: Lexicon) -> bool:
    """Whether words hold a name of two capitalised words after a word that is not a stopword ('coronel Paulo
    Mendes'), not a place or body after one ('jefe de la Policía de la zona del Valle Bajo')."""
    split = words.split()
    return any(a[:1].isupper() and b[:1].isupper() and split[i - 1].casefold() not in lx.stopwords
               for i, (a, b) in enumerate(pairwise(split)) if i > 0)


def _ends_with_skip(words: list[str], lx: Lexicon) -> int:
    """How many of `words` a phrase of several words of the lexicon's source_skip closes them with ('à Xinhua', 'a
    Reuters': whom the source told), else 0."""
    said = " " + " ".join(words).casefold().rstrip(" ,")
    return max((len(phrase.split()) for phrase in lx.source_skip
                if " " in phrase and said.endswith(" " + phrase)), default=0)


def _skip_word(text: str, lx: Lexicon) -> str | None:
    """The lexicon's source_skip phrase `text` starts with, or None; a weekday after a stopword is one too ('informó
    el domingo la policía', 'a indiqué le samedi la police')."""
    found = next((w for w in sorted(lx.source_skip, key=len, reverse=True)
                  if text.casefold().startswith(w)
                  and (w.endswith(("'", "’")) or not text[len(w) : len(w) + 1].isalpha())), None)
    if found is None and lx.spaced:
        first, _, rest = text.partition(" ")
        day = next((d for d in _weekdays(lx) if rest.casefold().startswith(d)
                    and not rest[len(d) : len(d) + 1].isalpha()), None)
        if day is not None and first.casefold() in lx.stopwords:
            found = text[: len(first) + 1 + len(day)]
    return found


@per_lexicon
def _weekdays(lx: Lexicon) -> tuple[str, ...]:
    """Every weekday's name of the lexicon, casefolded, the longest first."""
    return tuple(sorted({d.casefold() for forms in lx.weekdays for d in forms}, key=len, reverse=True))


def _channel_at(said: str, lx: Lexicon) -> str | None:
    """The first of the lexicon's channels (in its order) that casefolded words open with ('dans un communiqué',
    'a través de', 'via'), or None."""
    return next((channel for channel in lx.source_channels
                 if said.startswith(channel) and not said[len(channel) : len(channel) + 1].isalpha()), None)


def _channel_then_said(said: str, lx: Lexicon) -> bool:
    """Whether the words after a verb of saying (casefolded) name a channel and then open what was said within eight
    words ('a través de la misma red social que ...', 'sur Twitter que ...'): the verb's subject stands before it."""
    channel = _channel_at(said, lx)
    if channel is None:
        return False
    words = [w.strip(",") for w in said[len(channel) :].split()[:8]]
    return any(w == c or (c.endswith(("'", "’")) and w.startswith(c)) for w in words for c in lx.complementizers)


def _opens_channel(words: list[str], lx: Lexicon) -> bool:
    """Whether `words` open with a channel of the lexicon: where a source named after its verb ends ('a indiqué le
    préfet Antoine Poussier dans un communiqué')."""
    return _channel_at(" ".join(words).casefold(), lx) is not None


def _after_noun(words: list[str], i: int, lx: Lexicon) -> bool:
    """Whether, in a language that writes its nouns with a capital, words[i] is in small letters after a noun and
    is no stopword: the clause's verb or what follows the source ('der Polizei fingen mehrere Waggons Feuer')."""
    word = words[i]
    return lx.nouns_capitalized and i > 0 and words[i - 1][:1].isupper() and word[:1].islower() \
        and word.casefold().strip(",.;:") not in lx.stopwords


def _opener(text: str, lx: Lexicon) -> str | None:
    """The lexicon's source opener a sentence starts with ('Così il sindaco.'), or None."""
    lowered = text.lstrip().casefold()
    return next((w for w in lx.source_openers if lowered.startswith(w) and not lowered[len(w) : len(w) + 1].isalpha()),
                None)


def points_back(text: str, lx: Lexicon) -> bool:
    """Whether a sentence opens by naming who said what stands before it: a source opener ('Così il sindaco.') or an
    inverter before its verb of saying ('Así lo informó la policía', 'C'est ce qu'a déclaré le préfet')."""
    return _opener(text, lx) is not None or says_it_back(text, lx)


def says_it_back(text: str, lx: Lexicon) -> bool:
    """Whether a sentence opens with a verb of saying whose object is what stands before it and whose subject
    follows ('Lo ha confermato il ministro, ...', 'Así lo informó la policía'): unlike an opener ('Così il governo
    ha deciso ...' may mean 'thus'), it points back whatever follows it."""
    lowered = text.lstrip().casefold()
    for phrase in lx.source_verbs:
        at = lowered.find(phrase.casefold())
        if at > 0 and lowered[:at].strip() in lx.source_inverters:
            return True
    return False


def closes_quote(text: str) -> bool:
    """Whether a sentence ends with a quotation's closing mark ('... Intervento in corso”.')."""
    return text.rstrip(" .!?").endswith((*_CLOSINGS, *_CLOSINGS_DE))


@per_lexicon
def _inverted_pronoun_patterns(lx: Lexicon) -> tuple[re.Pattern[str], ...]:
    """One pattern per verb of saying with a subject pronoun joined after it ('a-t-il indiqué', 'ont-elles précisé',
    'précise-t-il'): the pronoun between the verb's first word and the rest, or after a one-word verb."""
    if not lx.inverted_pronouns:
        return ()
    joined = "|".join(re.escape(p) for p in sorted(lx.inverted_pronouns, key=len, reverse=True))
    patterns = []
    for phrase in lx.source_verbs:
        first, _, rest = phrase.casefold().partition(" ")
        tail = rf"\s+{re.escape(rest)}" if rest else ""
        patterns.append(re.compile(rf"(?<!\w){re.escape(first)}(?P<pronoun>{joined}){tail}(?!\w)"))
    return tuple(patterns)


def _inverted_pronouns(lowered: str, lx: Lexicon) -> list[tuple[int, str]]:
    """(position, pronoun) of each verb of saying with a subject pronoun joined after it."""
    return [(m.start(), m.group("pronoun").rsplit("-", 1)[-1])
            for pattern in _inverted_pronoun_patterns(lx) for m in pattern.finditer(lowered)]


def lexicon_attribution(text: str, lx: Lexicon) -> str | None:
    """The source of a sentence in a language read by its lexicon: 'selon la police' -> 'la police',
    'पुलिस के अनुसार' -> 'पुलिस', ', dijo el ministro' -> 'el ministro'; None when there is none."""
    lowered = fold_in_place(text)
    skip = "|".join(re.escape(w) for w in sorted(lx.source_skip, key=len, reverse=True))

    def find(phrase: str) -> list[int]:
        p = phrase.casefold()
        first, _, rest = p.partition(" ")
        # time words may stand between a phrase's first word and the rest ('نے جمعے کو بتایا')
        pattern = re.escape(p) if not (rest and skip) else \
            rf"{re.escape(first)}(?:\s+(?:{skip}))*\s+{re.escape(rest)}"
        hits = [m.start() for m in re.finditer(pattern, lowered)]
        # whole words in a spaced script: no letter joined on at either end of a phrase that starts or ends with one
        return [h for h in hits if not lx.spaced or (
            (h == 0 or not p[0].isalpha() or not lowered[h - 1].isalpha())
            and (not p[-1].isalpha() or not lowered[h + len(p) : h + len(p) + 1].isalpha()))]

    candidates: list[tuple[int, str]] = []
    after_hits = [h for phrase in lx.source_after for h in find(phrase)]  # 'selon', 'según'
    opener = _opener(text, lx)
    if opener is not None:  # 'Così sull’account Twitter dei Vigili del Fuoco.'
        candidates.append((0, _words_after(_issuer(_skip_leading(text.lstrip()[len(opener) :], lx), lx))))
    issued = _document_issuer(text, lx)
    if issued is not None:  # 'Le bilan, communiqué par la gendarmerie, fait état de 4 morts'
        candidates.append((0, issued))
    for phrase in lx.source_after:  # 'según informó el Servicio Geológico': the verb is not the source
        candidates += [(h, _words_after(_issuer(_skip_leading(_past_verb(text[h + len(phrase) :], lx), lx), lx)))
                       for h in find(phrase) if _last_word(text[:h]) not in lx.not_source_after]
    for phrase in lx.source_before:
        candidates += [(h, _after_last(_words_before(_issuer_before(text[:h], lx), 4), lx.source_starts_after))
                       for h in find(phrase)]
    for phrase in lx.source_last_verbs:  # 'X ने 7 मौतों की पुष्टि की': the subject marked before what was said
        for h in find(phrase):
            marked = _last_marker(text[:h], lx.subject_markers)
            if marked is not None:
                candidates.append((marked, _after_last(_words_before(text[:marked], 4), lx.source_starts_after)))
    for phrase in lx.source_verbs:
        for h in find(phrase):
            if text[h + len(phrase) : h + len(phrase) + 1] == "-":
                continue  # 'précise-t-il': a pronoun joined on, read by _inverted_pronouns
            if _last_word(text[:h]) in lx.negations:
                continue  # 'ma le autorità non hanno confermato': a negated verb states nothing
            after = _skip_leading(text[h + len(phrase) :], lx)
            said = after.lstrip().casefold()  # 'declaró que ...': what was said follows, the subject stands before
            opens = any(said.startswith(w) and not said[len(w) : len(w) + 1].isalpha() for w in lx.complementizers) \
                or _channel_then_said(said, lx)
            # 'Der Chefarzt, Rahim Jaan, sagte, neun Leichen ...': what was said right after the verb's comma, the
            # subject before it
            rest = text[h + len(phrase) :]
            opens = opens or (re.match(r"\s*[,:]", rest) is not None
                              and _skip_word(rest.lstrip(" ,:"), lx) is None)  # not ', vendredi, des médias'
            inverted = (re.search(r"[,–—]\s*$", text[:h]) and not opens) \
                or _inverts(text[:h], lx)
            if not inverted:
                before = text[:h].rstrip(" ,–—")
                if _last_word(before) in lx.relative_pronouns:  # 'le ministre, qui a précisé', 'le communiqué qui
                    before = before[: before.rfind(" ")].rstrip(" ,–—") if " " in before else ""  # précise'
                    if any(a < h for a in after_hits):
                        continue  # 'selon ledit communiqué qui précise': the phrase before names the source
                if _last_word(before) in lx.passive_markers:
                    continue  # 'la avenida se reportó': it was reported, by no one named
                # the subject of a verb after 'que' stands after it ('Explicó que la avenida ...')
                head = _relative_head(text[:h], lx) or _coordinated_subject(before, lx) \
                    or _named_before_aside(text[:h], lx)
                candidates.append((h, head or _after_last(_words_before(before, 8), frozenset(lx.complementizers))))
                continue
            told = _words_after(after)
            apposed, titled = _APPOSED.match(text[:h]), _TITLED_NAME.match(text[:h])
            if titled is not None and len(titled.group("title").split()) > MAX_SPEAKER_WORDS \
                    and (re.search(r"\d", told) or outcomes_named(told, lx)):
                told = titled.group("name")  # the verb's subject is the name after a long title, the figure follows
            elif apposed is not None and (re.search(r"\d", told) or outcomes_named(told, lx)):
                # 'Un autre habitant, confirmant l’attaque, a évoqué un bilan de « 13 morts »': what follows the verb
                # is the figure, so the commas set off an aside after the verb's subject
                told = apposed.group("subject").strip()
            candidates.append((h, told))
    for h, pronoun in _inverted_pronouns(lowered, lx):  # '« ... 12 morts », a-t-il indiqué'
        candidates.append((h, pronoun))
    for phrase in lx.source_final_verbs:  # 'Das hat die örtliche Polizei am Samstag mitgeteilt'
        for h in find(phrase):
            if _last_word(text[:h]) not in lx.negations:  # 'hat die Polizei nicht bestätigt'
                candidates.append((h, _between_aux(text[:h], lx)))
    # a source named inside a quotation is the quoted speaker's own ('«... selon les survivants», a écrit X'): the
    # speaker outside it comes first; so does the speaker of the main clause before one of a subordinate clause
    for *_, who in sorted((_inside_quote(text, h), in_subordinate_clause(text[:h], lx), h, who)
                          for h, who in candidates):
        words = _skip_leading(who, lx).split()  # 'mais des témoins', 'aux journalistes le préfet'

        for i, word in enumerate(words):  # a source ends where the clause's verb or its figure begins
            if word.casefold() in lx.source_ends or any(ch.isdigit() for ch in word) or outcomes_named(word, lx) \
                    or word.casefold() in _qualifier_starts(lx) \
                    or is_number_word(word, lx) \
                    or _opens_verb(words[i:], lx) \
                    or _opens_channel(words[i:], lx) \
                    or _after_noun(words, i, lx):  # 'le préfet Antoine Poussier dans un communiqué'
                words = words[:i]
                break
        acronym = re.fullmatch(r"\((?P<short>[A-ZÀ-Þ][A-ZÀ-Þ0-9.&-]{1,11})\),?", words[-1]) if words else None
        if acronym is not None and len(words) - 1 > MAX_SPEAKER_WORDS:  # 'le Bureau national de gestion des
            words = [acronym.group("short")]  # risques et des catastrophes (BNGRC)': too long a name, its short one
        # 'le chef de la police de' cut short: not 'de'; 'die Bundespolizei am Dienstag (Ortszeit)': not the time
        while words and (words[-1].casefold() in lx.stopwords or words[-1].casefold().strip(",") in lx.source_skip
                         or re.fullmatch(r"\([^()]*\),?", words[-1])):
            words.pop()
        if (told_to := _ends_with_skip(words, lx)) and told_to < len(words):  # 'un responsable local à Xinhua'
            words = words[: len(words) - told_to]
        who = " ".join(words).strip(" '\"’").lstrip("-–—.:;·| ")  # '(MiMorelia.com).- El Gobierno'
        # a word with letters, not only stopwords: 'a' of 'apuntó a que' is no one
        named = any(ch.isalpha() for ch in who) and not all(w.casefold() in lx.stopwords for w in who.split())
        if who and named and who.casefold() not in lx.not_sources and usable_speaker(who, lx):
            return who
    return None


@per_lexicon
def _contrast_joiners(lx: Lexicon) -> re.Pattern[str]:
    """The lexicon's contrast joiners as whole words ('جبکہ', 'mientras que')."""
    words = "|".join(re.escape(w) for w in sorted(lx.contrast_joiners, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def part_attribution(text: str, at: int, lx: Lexicon) -> str | None:
    """The source named in the part of a sentence holding position `at`, where the sentence sets two reports side
    by side ('سماء ٹی وی کے مطابق دو شہری جاں بحق ہوئے جبکہ اے آر وائے کے مطابق ایک شہری جاں بحق ہوا': the second
    figure is ARY's); None when the sentence has no such joiner (`contrast_joiners`) or that part names no source."""
    if not lx.contrast_joiners:
        return None
    joins = list(_contrast_joiners(lx).finditer(text))
    if not joins:
        return None
    starts, ends = [0, *(j.end() for j in joins)], [*(j.start() for j in joins), len(text)]
    start, end = next(((a, b) for a, b in zip(starts, ends, strict=True) if at < b), (starts[-1], ends[-1]))
    part = text[start:end]
    if lx.code_reader:  # English: its own reader of the part ('..., while a local army chief put the number ... at 38')
        return attribution(Sentence(index=0, start=0, end=len(part), text=part), [])
    return lexicon_attribution(part, lx)
