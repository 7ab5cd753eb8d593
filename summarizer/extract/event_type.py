"""The event type the lead's own words settle, over the model's answer (lexicon [events], tests/phrasings/events.tsv
and event_types.tsv)."""

from __future__ import annotations

import re
from functools import cache

from summarizer.contract.event import ACCIDENTAL_TYPES, EventType
from summarizer.lang import (
    Lexicon,
    english,
    explosion_without_fighting,
    mishap_or_attack,
    names_explosion,
    names_natural_hazard,
    names_weather,
    protest_or_riot,
)


def settle_event_type(lead: str, lx: Lexicon | None, answered: EventType) -> EventType:
    """The model's event type, unless the lead says otherwise in words:
    - harm nobody meant whose lead names a natural hazard is a disaster ('earthquake', 'sismo', 'भूकंप'), not an
      accident; a 'disaster' whose lead names a mishap ('stampede', 'incendio') and no natural hazard is an
      accident, unless it names weather too ('a wall collapsed in the rains': the rains may be the event, and the
      model's choice stands);
    - a lead that names a mishap or a hazard ('bus falls into gorge ... the accident', 'incendio', 'भगदड़') and no
      attack is harm nobody meant, whatever type of harm done on purpose the model gave;
    - harm to people protesting or rioting ('police opened fire on protesters', 'émeutes') is a protest or a riot,
      not violence against civilians, nor harm nobody meant where the lead names no mishap and no natural hazard;
    - harm nobody meant whose lead names an attack and an explosion, and no mishap, hazard or fighting ('Attentati
      di Bali: erano kamikaze ... l'esplosione'), is explosions/remote violence;
    - a 'battle' or 'violence against civilians' whose lead names an explosion and no fighting ('a blast at a rally',
      'دھماکا') is explosions/remote violence: nobody fought, and a bomb is remote violence whoever it struck (ACLED's
      convention, and every gold label of the corpus).
    """
    hazard = names_natural_hazard(lead, lx)
    if answered == "accident" and hazard:
        return "disaster"
    if answered == "disaster" and not hazard and mishap_or_attack(lead, lx)[0] is not None \
            and not names_weather(lead, lx):
        return "accident"
    if answered not in ACCIDENTAL_TYPES and answered != "other":
        mishap, attack = mishap_or_attack(lead, lx)
        if attack is None and (mishap is not None or hazard):
            return "disaster" if hazard else "accident"
    if answered in ACCIDENTAL_TYPES and not hazard and explosion_without_fighting(lead, lx):
        mishap, attack = mishap_or_attack(lead, lx)
        if attack is not None and mishap is None:
            return "explosion_remote_violence"
    if answered == "violence_against_civilians" and (crowd := protest_or_riot(lead, lx)) is not None:
        return crowd
    if answered in ACCIDENTAL_TYPES and not hazard and mishap_or_attack(lead, lx)[0] is None \
            and (crowd := protest_or_riot(lead, lx)) is not None:
        return crowd  # 'Security forces killed a protester ... in mass anti-government protests': no mishap, no hazard
    if answered in ("battle", "violence_against_civilians") and explosion_without_fighting(lead, lx):
        return "explosion_remote_violence"
    return answered


_ENGLISH_ENDINGS = ("", "s", "es", "ed", "ing", "er", "ers")  # 'bomb', 'bombing', 'bomber'; not 'Bombeiros'


def attack_told(generated: str, lead: str, lx: Lexicon | None, settled: EventType) -> str | None:
    """The attack an English headline or summary tells ('26 People Killed in Mumbai Massacre', 'a bomb attack') where
    the article tells harm nobody meant (`settled` is accidental) and its lead names no attack: the model wrote of an
    event of its own (over a Hindi report of a bus fire); None otherwise. The words are the English lexicon's attack
    words as whole words (their endings aside), `_told_attack_words`; for a natural disaster whose lead names no
    explosion, its explosion words too ('a violent explosion' over a Hindi report of a lightning strike)."""
    if settled not in ACCIDENTAL_TYPES or mishap_or_attack(lead, lx)[1] is not None:
        return None
    words = _told_attack_words()
    if settled == "disaster" and names_natural_hazard(lead, lx) and not names_explosion(lead, lx):
        words += english().explosions
    text = " " + " ".join(re.findall(r"[a-z]+", generated.casefold())) + " "
    return next((word for word in words if any(f" {word}{end} " in text for end in _ENGLISH_ENDINGS)), None)


@cache
def _told_attack_words() -> tuple[str, ...]:
    """The English lexicon's attack words but those of a protest or a riot, which may follow any event, and those
    an accident may be told with too (`also_accidents`: 'explosives' at a fireworks factory or a mine)."""
    en = english()
    return tuple(w for w in en.attacks if protest_or_riot(w, en) is None and w not in en.also_accidents)
