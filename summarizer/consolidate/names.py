"""Name matching for consolidation: places and actors named differently by different outlets.

Rules (all generic, no names of any event built in):
- a name is normalised by case-folding, stripping accents and punctuation, and dropping a leading "the";
- a place name is also read without the local unit words of any lexicon around it ("Ludian County" is Ludian,
  "ضلع باجوڑ" is باجوڑ): outlets name a place with and without its unit;
- two place names are the same place when their normalised forms are equal, when their consonant skeletons are
  equal (transliteration variants such as a vowel swapped: "Xushki" / "Xoshki"), or when their similarity is
  at least SAME_PLACE (text.names, where every threshold is);
- two actor names are the same actor when a summary lists one as the other's alias, when one is an acronym of
  the other (initials of its words, ignoring "of", "the", "and"), or when their token-sorted similarity is at
  least SAME_ACTOR and both summaries gave the same kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz

from summarizer.contract.event import ActorKind, ActorRole, EventSummary
from summarizer.lang import lexicons
from summarizer.text.names import SAME_ACTOR, SAME_PLACE, fold, is_country_name, skeleton

_STOP = {"of", "the", "and", "for", "in", "a", "an"}
# the local unit words every place finder knows, in every language ('county', 'district', 'ضلع', 'जिले')
_UNITS = frozenset(fold(w) for lx in lexicons().values()
                   for w in (*lx.units_before, *lx.units_after, *lx.region_words, *lx.local_units))
# 'of', 'de', 'la': the words that may open a name before its unit ('the city of Tarel', 'la ciudad de Tarel')
_OF = frozenset(fold(w) for lx in lexicons().values() for w in (*lx.region_of, *lx.stopwords))


def place_core(name: str) -> str:
    """The folded name without unit words at either end ('Ludian County' -> 'ludian', 'the city of Tarel' ->
    'tarel'); the name itself when nothing else, or only a country's name ('Mexico City'), would be left."""
    words = fold(name).split()
    while len(words) > 1 and words[-1] in _UNITS:
        words.pop()
    while len(words) > 1 and (words[0] in _UNITS or (len(words) > 2 and words[0] in _OF and words[1] in _UNITS)):
        if words.pop(0) in _UNITS:  # 'the city of Tarel': the unit, then the words joining it to the name
            while len(words) > 1 and words[0] in _OF:
                words.pop(0)
    core = " ".join(words)
    return fold(name) if is_country_name(core) else core


def same_place_name(a: str, b: str) -> bool:
    na, nb = fold(a), fold(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    if na[0] != nb[0]:
        return False
    if len(na) >= 4 and len(nb) >= 4 and skeleton(na) == skeleton(nb) and abs(len(na) - len(nb)) <= 2:
        return True
    return fuzz.ratio(na, nb) >= SAME_PLACE


def acronym_of(short: str, long: str) -> bool:
    """True when `short` (as written, e.g. 'ABC') is the initials of `long`'s significant words."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    if not (2 <= len(letters) <= 6) or not short.replace(" ", "").replace(".", "").isupper():
        return False
    words = [w for w in fold(long).split() if w not in _STOP]
    return len(words) == len(letters) and "".join(w[0] for w in words) == letters.lower()


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, item: str) -> None:
        self.parent.setdefault(item, item)

    def find(self, item: str) -> str:
        self.add(item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Deterministic root: the lexically smaller one.
            low, high = sorted((ra, rb))
            self.parent[high] = low


class PlaceIndex:
    """All place spellings seen across a set of summaries, grouped into places."""

    def __init__(self, summaries: Iterable[EventSummary]) -> None:
        self._uf = UnionFind()
        self._spellings: dict[str, Counter[str]] = {}
        names: list[str] = []
        for summary in summaries:
            for place in summary.where.places:
                spellings = [place.name, place.normalized, *place.spellings]
                keys = [fold(s) for s in spellings if fold(s)]
                keys += [core for s in spellings if (core := place_core(s)) and core not in keys]
                for key in keys:
                    self._uf.add(key)
                    self._uf.union(keys[0], key)
                for spelling in spellings:
                    if fold(spelling):
                        self._spellings.setdefault(fold(spelling), Counter())[spelling] += 1
                names.extend(keys)
        unique = sorted(set(names))
        for i, a in enumerate(unique):
            for b in unique[i + 1 :]:
                if same_place_name(a, b):
                    self._uf.union(a, b)

    def key(self, name: str | None) -> str | None:
        """The place key of a name: a known place it matches, else its own normalised form (None if empty)."""
        n = fold(name)
        if not n:
            return None
        if n in self._uf.parent:
            return self._uf.find(n)
        for known in sorted(self._uf.parent):
            if same_place_name(n, known):
                return self._uf.find(known)
        return n

    def find_in(self, text: str | None) -> str | None:
        """The first known place named inside a longer text ('Mastung jail' -> key of Mastung), else None."""
        n = fold(text)
        if not n:
            return None
        words = n.split()
        best: tuple[int, int, str] | None = None
        for known in self._uf.parent:
            size = len(known.split())
            for i in range(len(words) - size + 1):
                window = " ".join(words[i : i + size])
                if window == known or (len(known) >= 4 and same_place_name(window, known)):
                    candidate = (i, -size, self._uf.find(known))
                    if best is None or candidate < best:
                        best = candidate
                    break
        return best[2] if best else None

    def spellings(self, key: str) -> list[str]:
        out: Counter[str] = Counter()
        for n, counter in self._spellings.items():
            if self._uf.find(n) == key:
                out.update(counter)
        return [s for s, _ in sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))]

    def display(self, key: str) -> str:
        spellings = self.spellings(key)
        return spellings[0] if spellings else key.title()


class ActorIndex:
    """All actor names and aliases seen across a set of summaries, grouped into actors."""

    def __init__(self, summaries: Iterable[EventSummary]) -> None:
        self._uf = UnionFind()
        self._kinds: dict[str, set[ActorKind]] = {}
        self._roles: dict[str, set[ActorRole]] = {}
        self._written: dict[str, Counter[str]] = {}
        self._primary: Counter[str] = Counter()
        for summary in summaries:
            for actor in summary.actors:
                self._primary[actor.name] += 1
                names = [actor.name, actor.normalized, *actor.aliases]
                keys = [fold(n) for n in names if fold(n)]
                for key in keys:
                    self._uf.add(key)
                    self._uf.union(keys[0], key)
                    self._kinds.setdefault(key, set()).add(actor.kind)
                    self._roles.setdefault(key, set()).update(actor.roles)
                for name in names:
                    if fold(name):
                        self._written.setdefault(fold(name), Counter())[name] += 1
        self._link_across()

    def _link_across(self) -> None:
        written = sorted(self._written)
        originals = {n: sorted(self._written[n]) for n in written}
        for i, a in enumerate(written):
            for b in written[i + 1 :]:
                if self._uf.find(a) == self._uf.find(b):
                    continue
                same_kind = bool(self._kinds.get(a, set()) & self._kinds.get(b, set()))
                if any(acronym_of(x, y) or acronym_of(y, x) for x in originals[a] for y in originals[b]) or (
                    same_kind and fuzz.token_sort_ratio(a, b) >= SAME_ACTOR
                ):
                    self._uf.union(a, b)

    def key(self, name: str | None) -> str | None:
        """The actor key of a name: a known actor it is, contains, or closely matches; else its normalised form."""
        n = fold(name)
        if not n:
            return None
        if n in self._uf.parent:
            return self._uf.find(n)
        words = set(n.split())
        contained = [k for k in self._uf.parent if set(k.split()) <= words and len(k) >= 3]
        if contained:
            return self._uf.find(max(contained, key=len))
        for known in sorted(self._uf.parent):
            if fuzz.token_set_ratio(n, known) >= SAME_ACTOR:
                return self._uf.find(known)
        for word in (name or "").split():
            for known, written in sorted(self._written.items()):
                if any(acronym_of(word, w) for w in written):
                    return self._uf.find(known)
        return n

    def members(self, key: str) -> list[str]:
        return sorted(n for n in self._uf.parent if self._uf.find(n) == key)

    def kinds(self, key: str) -> set[ActorKind]:
        return set().union(*(self._kinds.get(n, set()) for n in self.members(key)))

    def roles(self, key: str) -> set[ActorRole]:
        return set().union(*(self._roles.get(n, set()) for n in self.members(key)))

    def written_names(self, key: str) -> list[str]:
        out: Counter[str] = Counter()
        for n in self.members(key):
            out.update(self._written.get(n, Counter()))
        return [s for s, _ in sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))]

    def display(self, key: str) -> str:
        """The name summaries used most as the actor's main name; ties go to the longer (more complete) form."""
        names = self.written_names(key)
        if not names:
            return key
        return max(names, key=lambda s: (self._primary[s], len(s), s))

    def is_perpetrator_side(self, key: str | None) -> bool:
        """An actor that any summary called perpetrator or claimant, or a rebel group / militia."""
        if key is None:
            return False
        return bool(self.roles(key) & {"perpetrator", "claimant"}) or bool(
            self.kinds(key) & {"rebel_group", "militia"}
        )
