"""Reading a casualty figure's group and outcome from the words around its number.

The number, its qualifier and its sentence come from `text.parse`; this module reads the head noun next to the
number (who was counted) and the nearest harm verb (what happened to them). The model is asked only what the
grammar of one sentence cannot tell: who gave the figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations
from typing import cast

from summarizer.contract.event import Group, Outcome
from summarizer.lang import Lexicon, english, harm_pattern, outcome_near, per_lexicon
from summarizer.text.parse import TENS, UNITS, NumberMention, Sentence, find_numbers, split_sentences

_EN = english()
# the English reader's words (lang/data/en.toml, [reader]): group -> one alternation of its regex fragments
_GROUP_WORDS: list[tuple[Group, str]] = [(cast(Group, g), "|".join(ps)) for g, ps in _EN.reader_groups]
_GROUP_RE = [(g, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for g, p in _GROUP_WORDS]
_OUTCOME_WORDS: list[tuple[Outcome, str]] = [(cast(Outcome, o), "|".join(ps)) for o, ps in _EN.reader_outcomes]
_OUTCOME_RE = [(o, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for o, p in _OUTCOME_WORDS]
_CLAUSE_STOP = re.compile(r"[;:—]|\bwhile\b|\bwhereas\b|\bbut\b")
# another count joined on ('15 bodies were recovered and 25 were injured'): the harm word after it is its own
_ANOTHER_COUNT = re.compile(r"(?:,|\band\b|\bwhile\b)\s+(?:\d|(?:another|many|several|dozens|scores|others|"
                            + "|".join(sorted({*UNITS, *TENS} - {"zero"}, key=len, reverse=True)) + r")\b)",
                            re.IGNORECASE)
_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|been|\w+ed)\b", re.IGNORECASE)
# a count with no noun whose state follows it at once ('five dead'); 'killed' is left out ('5 killed 3 ...')
_BARE_STATE = re.compile(r"\s+(dead|injured|wounded|hurt|missing)\b(?!\s+(?:people|persons|bodies))", re.IGNORECASE)
NOUN_REACH = 48  # characters after the number in which its head noun must start
VERB_REACH_AFTER = 90
VERB_REACH_BEFORE = 80
VAGUE_REACH = 40
AFTER_COMMA = 40  # characters a comma between a number and a harm word after it adds to their distance


@dataclass(frozen=True)
class Reading:
    group: Group | None
    outcome: Outcome | None
    group_text: str | None
    sure: bool = False  # the head noun follows the number and the harm verb is not done by them to others
    borrowed: bool = False  # no noun of its own: the group is the nearest one named before it ('... and 35 were hurt')


_ACTIVE_HARM = re.compile(
    r"^\s+(?:have\s+|has\s+|had\s+)?(?:also\s+)?(?:killed|shot|wounded|injured|abducted|kidnapped|captured|arrested|"
    r"attacked|ambushed|gunned|stormed|killing|shooting|wounding)\b(?:\s+(?:dead|down))?"
    r"\s+(?:\w+\s+){0,3}?(?:\d|(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|dozens|several|many|"
    r"their|his|her|its)\b|" + "|".join(p for _, p in _GROUP_WORDS) + r")", re.IGNORECASE)


def _group_after(text: str, mention: NumberMention, others: list[NumberMention]) -> tuple[Group, str, int] | None:
    after = text[mention.end : min(mention.sentence.end, mention.end + NOUN_REACH + 40)]
    best: tuple[int, Group, str, int] | None = None
    for group, pattern in _GROUP_RE:
        for m in pattern.finditer(after):
            if m.start() > NOUN_REACH:
                break
            gap = after[: m.start()]
            # a period ends the phrase, but not the period of an initial ('Two U.S. Army soldiers')
            if re.search(r"[,;:]|(?<!\b[A-Z])\.|\b(?:were|was|had|have|has|in|at|on|from|by|who|that)\b", gap) \
                    or _between(text, mention, others, mention.end, mention.end + m.start()):
                break  # '5 dead and eight others missing': 'others' is the head noun of 'eight', not of 5
            following = after[m.end() : m.end() + 20]
            # an adjective ('two militant hideouts', 'one police station'), not the head noun: a word without the
            # plural's -s before a plural noun, or before any other word when one thing is counted ('44 people
            # lost their lives' keeps 'people')
            next_word = re.match(r"\s+([a-z]{3,})", following)
            if not m.group(0).lower().endswith("s") and next_word and not re.match(
                    r"\s+(?:were|was|and|who|had|have|killed|dead|died|injured|wounded)\b", following) and (
                    mention.value == 1 or re.fullmatch(r"\w+[^s']s", next_word.group(1))):
                continue
            if best is None or m.start() < best[0] or (m.start() == best[0] and len(m.group(0)) > len(best[2])):
                best = (m.start(), group, m.group(0), m.end())
            break
    if best is None:
        return None
    _, group, _, end = best
    phrase = after[:end]
    # a mixed phrase ('police and security personnel', 'police personnel and security forces') counts as
    # security forces
    tail = after[end : end + 40]
    mixed = re.match(r"\s+and\s+(?:\w+\s+){0,2}?(?:security\s+)?(?:personnel|forces|troops|soldiers)\b", tail)
    if group in ("police", "soldiers", "security_forces") and (
            mixed or re.search(r"police.*security|security.*police", phrase, re.IGNORECASE)):
        end += mixed.end() if mixed else 0
        return "security_forces", after[:end].strip(), mention.end + end
    return group, phrase.strip(), mention.end + end


_RANGE = re.compile(r"\s*(?:and|to|or|-|–)\s*", re.IGNORECASE)  # 'between 700 and 850 people' is one count


def _other_counts(text: str, mention: NumberMention) -> list[NumberMention]:
    """The other counts of the mention's sentence (dates and years are not counts), read once per figure."""
    return [m for m in find_numbers(text, [mention.sentence]) if m.start != mention.start]


def _between(text: str, mention: NumberMention, others: list[NumberMention], start: int, end: int
             ) -> list[NumberMention]:
    """Those of `others` that lie wholly between `start` and `end`, a range's other end excepted."""
    return [m for m in others if m.raw_start >= start and m.end <= end
            and not _RANGE.fullmatch(text[min(m.end, mention.end) : max(m.raw_start, mention.raw_start)])]


def _said_by_noun(phrase: str) -> Outcome | None:
    """The outcome a counted noun phrase states itself: '15 bodies', '40 injured people' (not across 'and')."""
    if re.search(r",|\band\b|\bor\b", phrase):
        return None
    return next((o for o, pattern in _OUTCOME_RE if pattern.search(phrase)), None)


# a verb of saying in the active voice: the group named before it is the speaker, not the people counted after it
_SPEAKS = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )\b(?:"
                     + "|".join(english().speech_verbs) + r")\b", re.IGNORECASE)


def _group_before(text: str, mention: NumberMention) -> tuple[Group, str] | None:
    """The group named nearest before a number without a noun of its own ('Thirty gunmen were killed, while 11 were
    killed'), unless it speaks the number ('The prime minister put the toll at 12 dead and some 80 injured')."""
    before = text[mention.sentence.start : mention.raw_start]
    best: tuple[int, Group, str] | None = None
    for group, pattern in _GROUP_RE:
        for m in pattern.finditer(before):
            if _SPEAKS.search(before, m.end()):
                continue
            if best is None or m.start() > best[0]:
                best = (m.start(), group, m.group(0))
    return (best[1], best[2]) if best else None


def _groups_before(text: str, mention: NumberMention) -> set[Group]:
    """Every group named in the mention's sentence before it."""
    before = text[mention.sentence.start : mention.raw_start]
    return {group for group, pattern in _GROUP_RE if pattern.search(before)}


def _outcome_near(text: str, mention: NumberMention, from_pos: int, others: list[NumberMention]) -> Outcome | None:
    reach = VAGUE_REACH if mention.value is None else VERB_REACH_AFTER
    after = text[from_pos : min(mention.sentence.end, from_pos + reach)]
    stop = _CLAUSE_STOP.search(after)
    if stop:
        after = after[: stop.start()]
    other = _ANOTHER_COUNT.search(after)
    if other and _VERB.search(after[: other.start()]):  # not a list sharing one verb ('10 police and 11 civilians')
        after = after[: other.start()]
    before_start = max(mention.sentence.start, mention.raw_start - VERB_REACH_BEFORE)
    before = text[before_start : mention.raw_start]
    stop_before = list(_CLAUSE_STOP.finditer(before))
    if stop_before:
        before = before[stop_before[-1].end() :]
    before_start = mention.raw_start - len(before)
    counts_before = _between(text, mention, others, before_start, mention.raw_start)
    best: tuple[int, Outcome] | None = None
    for outcome, pattern in _OUTCOME_RE:
        m = pattern.search(after)
        while m is not None and _harms_next_count(text, from_pos + m.start(), from_pos + m.end(), others):
            m = pattern.search(after, m.end())  # 'the deaths of two soldiers and injuries to five others'
        # a harm word beyond a comma is another phrase's ('killing six people, injuring at least 70'): one before the
        # number with no comma between is nearer
        distance = m.start() + (AFTER_COMMA if "," in after[: m.start()] else 0) if m else 0
        if m and (best is None or distance < best[0]):
            best = (distance, outcome)
        for mb in pattern.finditer(before):
            if any(c.end <= before_start + mb.start() for c in counts_before) \
                    and re.search(r",|\b(?:and|while|with)\b", before[mb.end() :]):
                # '25 people were killed and 35 were injured', 'One person feared dead with three persons critically
                # injured': 'killed' and 'dead' are the first number's, not the second's
                continue
            if own_verb_joined(text, before_start + mb.end(), mention.raw_start):
                continue  # 'killed at least 112 and displaced 5,000 others': 'killed' is 112's
            distance = len(before) - mb.end() + 3  # words before weigh a little less than words after
            if best is None or distance < best[0]:
                best = (distance, outcome)
    return best[1] if best else None


# between a harm word and the count it is told of: a preposition ('injuries to five others', 'the deaths of two'), or
# nothing after a verb's -ing form ('injuring three')
_TO_COUNT = re.compile(r"\s+(?:to|of|for|among)\s+(?:the\s+)?", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _harms_next_count(text: str, start: int, end: int, others: list[NumberMention]) -> bool:
    """Whether the harm word between `start` and `end` is told of the count right after it ('and injury to another',
    'and injuries to five others', 'killing two and injuring three'), not of a number before it."""
    gap = _TO_COUNT.match(text, end) or (_SPACES.match(text, end) if text[start:end].casefold().endswith("ing")
                                         else None)
    if gap is None:
        return False
    return re.match(r"another\b", text[gap.end() :], re.IGNORECASE) is not None \
        or any(o.raw_start == gap.end() for o in others)


def own_verb_joined(text: str, start: int, end: int) -> bool:
    """Whether the text between a harm word or a count (ending at `start`) and a number (starting at `end`) joins on a
    verb of the number's own ('killed at least 112 and displaced 5,000 others', 'left 112 people dead and displaced
    hundreds of thousands of others', 'killing one guard and freeing about 200 inmates'): what was told before it is
    not told of the number."""
    return re.search(r"\b(?:and|while)\s+(?:(?:\w+\s+)?\w+ed|(?:\w+ly\s+)?\w{2,}ing)\b", text[start:end],
                     re.IGNORECASE) is not None


def read_description(description: str) -> Reading:
    """Group and outcome of a short English description a model wrote ('26 people killed', '3 police officers
    injured'); a description without a known group counts people."""
    mentions = find_numbers(description, split_sentences(description))
    if not mentions:
        return Reading(None, None, None)
    reading = read_figure(description, mentions[0])
    outcome = reading.outcome or _outcome_near(description, mentions[0], mentions[0].end,
                                               _other_counts(description, mentions[0]))
    if outcome is None:
        return Reading(None, None, None)
    return Reading(reading.group or "people", outcome, reading.group_text, sure=True)


def bare_count(description: str) -> Group | None:
    """The group of a description that says who and nothing of what happened ('4 people', '3 young men'); None when
    it says more ('12 people rescued') or names no group."""
    mentions = find_numbers(description, split_sentences(description))
    if len(mentions) != 1:
        return None
    found = _group_after(description, mentions[0], [])
    if found is None or description[found[2] :].strip(" .").strip():
        return None
    return found[0]


def reading_value(description: str) -> int | None:
    """The number a model's description states ('1 gunman killed' -> 1)."""
    mentions = find_numbers(description, split_sentences(description))
    return mentions[0].value if mentions else None


def realigned(values: list[int | None], stated: list[int | None], empty: list[bool]) -> list[int | None]:
    """For each number asked about, the index of the answer that describes it. A small model sometimes answers a
    question late, each answer describing the next question's number ('15' of 'domingo (15)' described as '4
    soldiers killed', 'quatro' as '13 people injured', '13' as 'none'): an answer that states another number than
    its own question's moves to the one question whose number it states, when that question's own answer states
    another number or reads nothing (`empty`); a question whose answer moved and that got none has no answer
    (None). Otherwise every question keeps its own answer."""
    questions = range(len(values))
    order: list[int | None] = list(questions)
    astray = [i for i in questions if stated[i] is not None and values[i] is not None and stated[i] != values[i]]
    for i in questions:
        if values[i] is None or not (i in astray or empty[i]):
            continue
        givers = [j for j in astray if j != i and stated[j] == values[i]]
        askers = [k for k in questions if values[k] == values[i] and (k in astray or empty[k])]
        if len(givers) == 1 and len(askers) == 1:
            order[i] = givers[0]
    moved = {j for i, j in enumerate(order) if j != i}
    return [None if j == i and i in moved else j for i, j in enumerate(order)]


def adds_up(total: int, value: int, others: list[int], most: int = 3) -> bool:
    """Whether `total` is `value` plus one to `most` of `others`: a model that added up the counts sharing one verb
    ('Two soldiers and one interpreter were killed' described as '3 people killed')."""
    return any(value + sum(chosen) == total
               for k in range(1, min(most, len(others)) + 1) for chosen in combinations(others, k))


def counted_mention(text: str, sentence: Sentence, value: int, noun: str) -> NumberMention | None:
    """A mention for people counted without a numeral: the noun phrase that names them in the sentence ('The
    gunman', 'a civilian interpreter'); None when the sentence does not name them so (the count is not trusted)."""
    chunk = text[sentence.start : sentence.end]
    head = noun.split()[-1] if noun.split() else ""
    stem = re.escape(head[: max(4, len(head) - 2)]) if head else ""
    m = re.search(rf"\b(?:(?:a|an|the|another|one|two|three)\s+)?(?:[\w-]+\s+){{0,2}}?{stem}\w*", chunk,
                  re.IGNORECASE) if stem else None
    if m is None:
        return None
    start, end = sentence.start + m.start(), sentence.start + m.end()
    return NumberMention(start, end, text[start:end], value, None, "exact", text[start:end], start, sentence)


def _singular(noun: str) -> bool:
    """Whether a group's noun names one person ('gunman', 'police officer'), not many ('gunmen', 'police')."""
    last = noun.split()[-1].casefold()
    return not any(last.endswith(w[1:]) if w.startswith("*") else last == w for w in _EN.not_singular)


_ONE_PERSON = re.compile(  # a determiner and up to two words before a group's noun, the noun's phrase ending there
    rf"\b(?:{'|'.join(map(re.escape, _EN.singular_determiners))})\s+(?:[\w’'-]+\s+){{0,2}}?"
    rf"(?P<noun>{'|'.join(p for _, p in _GROUP_WORDS)})"
    r"(?=\s*(?:[,.;:!?\"”’)]|$)|\s+(?:was|were|is|has|had|who|and|died|dies|also|later|remains|remained)\b)",
    re.IGNORECASE) if _EN.singular_determiners else None
_OUTCOME_ALT = "|".join(p for _, p in _OUTCOME_WORDS)
# what happens to the phrase: its passive verb after it ('The gunman, who ..., was later killed', '"a lone gunman,"
# who was subsequently engaged and killed'), a state or intransitive harm word right after it ('died'), or an
# active harm verb right before it ('killed the attacker')
_HAPPENS_PASSIVE = re.compile(
    r"(?:\s*,[^,.;]{1,80},\s*|[\s,\"”’]*(?:who\s+)?)"
    rf"(?:was|were|is|has been|had been|got|remains|remained)\s+(?:[\w-]+\s+){{0,3}}?(?P<o>{_OUTCOME_ALT})\b",
    re.IGNORECASE)
_HAPPENS_AFTER = re.compile(
    rf"\s*(?:,[^,.;]{{1,80}},\s*)?(?:also\s+|later\s+)?(?P<o>{_OUTCOME_ALT})\b", re.IGNORECASE)
_NEGATED = re.compile(rf"\b(?:{'|'.join(map(re.escape, _EN.negations))})\b|n[’']t\b", re.IGNORECASE)
_HAPPENS_BEFORE = re.compile(rf"\b(?P<o>{_OUTCOME_ALT})\s+$", re.IGNORECASE)
_JOINED = re.compile(rf"\s+(?:{'|'.join(map(re.escape, _EN.list_joiners))})\s+", re.IGNORECASE)


def singular_counts(text: str, sentence: Sentence, numbers: list[NumberMention]) -> list[tuple[NumberMention, Reading]]:
    """One person counted without a numeral, where the grammar is plain: a group's singular noun after a
    determiner ('The gunman, who has not been identified, died', 'partner forces killed the attacker') and a harm
    word that happens to it. Each is a mention of value 1 (the noun phrase) with code's reading; a phrase that does
    the harm ('The gunman killed two') or overlaps a number of the sentence is none."""
    if _ONE_PERSON is None:
        return []
    chunk = text[sentence.start : sentence.end]
    out: list[tuple[NumberMention, Reading]] = []
    done_to: tuple[int, re.Match[str]] | None = None  # where the last phrase a harm verb before it took ends
    for m in _ONE_PERSON.finditer(chunk):
        noun = m.group("noun")
        start, end = sentence.start + m.start(), sentence.start + m.end()
        if not _singular(noun) or any(n.raw_start < end and start < n.end for n in numbers):
            continue
        after = chunk[m.end() :]
        group = next(g for g, pattern in _GROUP_RE if pattern.fullmatch(noun))
        before = _HAPPENS_BEFORE.search(chunk[: m.start()])
        if before is None and done_to is not None and _JOINED.fullmatch(chunk[done_to[0] : m.start()]):
            before = done_to[1]  # 'killed a police officer and a civilian': the verb takes both
        happens = _HAPPENS_PASSIVE.match(after) \
            or (None if _ACTIVE_HARM.match(after) else _HAPPENS_AFTER.match(after)) \
            or before
        if happens is None:
            continue
        if happens is not before and _NEGATED.search(
                happens.group(0)[: happens.start("o") - happens.start()].rsplit(",", 1)[-1]):
            # 'The suspected shooter was not immediately captured': nothing happened to him ('The gunman, who has not
            # been identified, died' did)
            continue
        if happens is before:
            done_to = (m.end(), before)
        outcome = next(o for o, pattern in _OUTCOME_RE if pattern.fullmatch(happens.group("o")))
        written = text[start:end]
        mention = NumberMention(start, end, written, 1, None, "exact", written, start, sentence)
        out.append((mention, Reading(group, outcome, noun, sure=True)))
    return out


@per_lexicon
def _one_words_pattern(lx: Lexicon) -> re.Pattern[str] | None:
    if not lx.one_words:
        return None
    words = "|".join(re.escape(w) + (r"(?!\w)" if w[-1].isalpha() else "")  # 'un'altra'
                     for w in sorted(lx.one_words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})", re.IGNORECASE)


def is_partitive(text: str, end: int, lx: Lexicon) -> bool:
    """Whether the words after a count (ending at `end`) make it a part of people counted elsewhere ('l'une des
    victimes', 'varios de los muertos', 'mehrere der Verletzten'): the lexicon's `partitives`."""
    after = text[end : end + 40].lstrip().casefold()
    return any(after.startswith(p) and not after[len(p) : len(p) + 1].isalpha() for p in lx.partitives)


def indefinite_ones(text: str, sentence: Sentence, numbers: list[NumberMention], lx: Lexicon) -> list[NumberMention]:
    """One person counted by an indefinite article ('Ein Mann wurde getötet', 'un terzo disperso', 'uma aluna
    morreu'): the lexicon's `one_words` with a harm word after them within the language's reach in their clause,
    overlapping no number of the sentence, with no number before its harm word ('Un total de 20 muertos'),
    neither growing a toll by one ('ein weiteres Todesopfer') nor one of people counted elsewhere ('l'une des
    victimes'). Each is a mention of value 1 for the model to judge (a language without a code reader has no
    grammar of its own for it)."""
    pattern = _one_words_pattern(lx)
    if pattern is None:
        return []
    harm = harm_pattern(lx.code)
    ones = {w.casefold() for w in lx.one_words}
    out: list[NumberMention] = []
    for m in pattern.finditer(text, sentence.start, sentence.end):
        start, end = m.start(), m.end()
        following = text[end : end + 30].split()
        if any(n.raw_start < end and start < n.end for n in numbers) or any(
                w.casefold().strip(",.") in lx.another for w in following[:2]) or is_partitive(text, end, lx):
            continue  # 'ein weiteres Todesopfer', 'un primer balance', 'l'une des victimes'
        before = text[sentence.start : start].split()[-1:]
        if m.group(0).casefold() in lx.another and before and before[0].casefold() in ones:
            continue  # 'uma outra vítima mortal': 'outra' after an indefinite article grows a toll, as above
        if _deadly_thing(following[:3], lx):
            continue  # 'une bousculade mortelle', 'ein tödlicher Unfall': one deadly thing, no person
        if not _harm_right_before(text, sentence, start, lx):  # 'è morta una persona e altre nove ferite': its own
            first = harm.search(text, end, sentence.end) if harm is not None else None
            if first is not None and any(end <= n.raw_start < first.start() for n in numbers):
                continue  # 'Un total de 20 muertos': the number before the harm word counts
            if outcome_near(text, start, end, lx, words_before=0) is None:
                continue
        out.append(NumberMention(start, end, m.group(0), 1, None, "exact", m.group(0), start, sentence))
    return out


def _deadly_thing(words: list[str], lx: Lexicon) -> bool:
    """Whether the words after an indefinite article name a thing with its harm word beside it: the lexicon's things
    or a mishap or a natural hazard ('bousculade', 'Unfall', 'séisme'), right before or after a harm word ('une
    bousculade mortelle', 'ein tödlicher Unfall'). What the article counts then is the thing, not a person ('एक डूबे
    हुए व्यक्ति का शव' counts a body: no harm word beside 'डूबे')."""
    harm = harm_pattern(lx.code)
    if harm is None:
        return False
    folded = [w.casefold().strip(",.;:!?\"'«»()") for w in words]
    for i, word in enumerate(folded[:2]):
        thing = word in {t.casefold() for t in lx.things} or any(
            word.startswith(stem) for stem in (*lx.mishaps, *lx.natural_hazards, *lx.weather) if " " not in stem)
        beside = [folded[k] for k in (i - 1, i + 1) if 0 <= k < len(folded)]
        if thing and harm.search(word) is None and any(harm.search(b) for b in beside):
            return True
    return False


def _harm_right_before(text: str, sentence: Sentence, start: int, lx: Lexicon) -> bool:
    """Whether a harm word stands right before an indefinite article, or with one of the language's words of 'also'
    between, and nothing else ('Murió un policía', 'Ferito anche un carabiniere'; not 'Murieron en un accidente',
    not '3 morti, un ferito' whose own harm word follows)."""
    before = text[sentence.start : start].rstrip()
    words = before.split()
    if words and words[-1].casefold() in lx.also:
        before = before[: len(before) - len(words[-1])].rstrip()
    if not before or not before[-1].isalpha():
        return False
    return outcome_near(text, len(before) + sentence.start, len(before) + sentence.start, lx, words_after=0,
                        words_before=1) is not None


def read_figure(text: str, mention: NumberMention) -> Reading:
    """Group and outcome of one number, or None for either when the sentence does not tell."""
    others = _other_counts(text, mention)
    after = _group_after(text, mention, others)
    if after is not None:
        group, phrase, end = after
        named = _groups_before(text, mention) if re.fullmatch(r"others", phrase, re.IGNORECASE) else set()
        if len(named) == 1 and named != {"people"}:
            # 'Three soldiers were killed while five others were wounded': five soldiers (after 'Two soldiers and
            # one interpreter were killed', 'three others' are only people)
            group = next(iter(named))
        # a head noun that says what happened ('15 bodies') settles it, unless it names the whole of which the number
        # is a part and a later harm word tells what happened to the part ('Two of the injured later died'); else
        # the nearest harm word
        outcome = _said_by_noun(phrase)
        if outcome is not None and is_partitive(text, mention.end, english()):
            outcome = outcome_near(text, mention.start, mention.end, english(), words_before=0) or outcome
        outcome = outcome or _outcome_near(text, mention, end, others)
        doer = bool(_ACTIVE_HARM.match(text[end : mention.sentence.end]))
        return Reading(group, outcome, phrase, sure=not doer)
    before = text[max(mention.sentence.start, mention.raw_start - 30) : mention.raw_start]
    if re.search(r"\btoll\b(?:\s+\w+){0,2}\s+(?:of|to|at)\s*[“\"‘']?$", before, re.IGNORECASE):
        return Reading("people", "killed", "toll")
    following = text[mention.end : mention.end + 30]
    if re.match(r"\s+(?:were|was|had been|have been|are|more|others|of them|of those|dead|killed|injured|"
                r"wounded|[a-z]+ed\b|,)", following) or re.search(r"(?:reached|to)\s*$", before):
        prior = _group_before(text, mention)
        if prior is not None:
            outcome = _outcome_near(text, mention, mention.end, others)
            return Reading(prior[0], outcome, prior[1], borrowed=True)
        state = _BARE_STATE.match(following)
        if state is not None:  # '25 dead as bus falls', 'leaving five dead and eight missing'
            outcome = next(o for o, pattern in _OUTCOME_RE if pattern.fullmatch(state.group(1)))
            return Reading("people", outcome, None, sure=True)
    return Reading(None, None, None)


def refers_back(text: str, mention: NumberMention, lx: Lexicon) -> bool:
    """Whether the word right before a number makes it refer back to people already counted ('The five wounded
    troopers were taken to hospital', 'Les deux victimes étaient âgées de 18 et 36 ans'; lexicon refers_back)."""
    if not lx.refers_back or not lx.spaced:
        return False
    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, mention.raw_start - 30) : mention.raw_start])
    return before is not None and before.group(1).casefold() in lx.refers_back
