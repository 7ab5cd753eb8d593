"""The grammatical subject in front of a verb: shared by figure attribution and statement reading.

Both need the same thing: 'Four officials told Reuters', 'India swiftly rejected', 'X, a banned group, claimed',
'X reinforced that accusation, asserting ...'. Each caller then cleans the subject for its own purpose.
"""

from __future__ import annotations

import re

# where a subject can start: the sentence start, punctuation, or a conjunction opening a clause
_BOUNDARY = re.compile(r".*(?:^|[,;:–—“”\"]|\b(?:after|that|as|when|while|because|before|since|and|but|where|"
                       r"with|then|if|though|although|which|who|what)\b)\s*", re.IGNORECASE | re.DOTALL)
# auxiliaries and adverbs between a subject and its verb ('has also repeatedly accused')
_BETWEEN = re.compile(r"(?:\s+(?:has|have|had|also|initially|later|earlier|previously|reportedly|not|independently|"
                      r"officially|again|once|swiftly|briefly|repeatedly|strongly|firmly|quickly))+$", re.IGNORECASE)
_LEADING_ADVERBIAL = re.compile(r"^(?:(?:On|In|At|By|Earlier|Later|Meanwhile|However|Separately)\b[^,]{0,25},\s*)")
_FIRST_VERB = re.compile(r"\s+(?:[a-z]+ed|said|says|told|tells|has|have|had|is|was|were|are)\b")


def subject_before(text: str, verb_start: int, *, skip_apposition: bool = False) -> tuple[str, str]:
    """(text before the subject, subject) for the verb at `verb_start`; the subject may be empty.

    With `skip_apposition`, 'X, a banned group, claimed' gives X rather than the apposition.
    """
    head = _BETWEEN.sub("", text[:verb_start].rstrip())
    if skip_apposition:
        head = re.sub(r",[^,]{3,80},$", "", head)
    m = _BOUNDARY.match(head)
    cut = m.end() if m else 0
    return head[:cut], head[cut:]


def main_subject(text: str, verb_start: int) -> str | None:
    """The subject of the main clause for a participle after a comma ('X reinforced it, asserting ...')."""
    if not (text[:verb_start].rstrip().endswith(",")
            and text[verb_start : verb_start + 40].split()[0].endswith("ing")):
        return None
    body = _LEADING_ADVERBIAL.sub("", text)
    clause = body.split(",", 1)[0]
    verb = _FIRST_VERB.search(clause)
    who = (clause[: verb.start()] if verb else clause).strip()
    if not who or len(who.split()) > 8 or not re.search(r"[A-Z]", who):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE) if who[0].islower() else who
