"""A figure's scope (contract.event.Scope): typed when code makes or reads it, one string in the published JSON."""

from __future__ import annotations

import pytest

from summarizer.contract.event import WHOLE_EVENT, Scope

PLACES = ["Panjgur", "Mastung", "Gwadar", "Dera Ismail Khan"]


@pytest.mark.parametrize(("written", "kind", "place", "site"), [
    (WHOLE_EVENT, "whole_event", None, None),
    ("", "whole_event", None, None),
    ("Panjgur", "place", "Panjgur", None),
    ("Mastung jail", "site", "Mastung", "jail"),
    ("Gwadar (a camp)", "site", "Gwadar", "a camp"),
    ("Dera Ismail Khan police station", "site", "Dera Ismail Khan", "police station"),
    ("a district jail", "site", None, "a district jail"),
])
def test_a_written_scope_reads_back_to_its_parts_and_writes_the_same(written: str, kind: str, place: str | None,
                                                                      site: str | None) -> None:
    scope = Scope.read(written, PLACES)
    assert (scope.kind, scope.place, scope.site) == (kind, place, site)
    assert str(scope) == (written or WHOLE_EVENT)


def test_a_place_the_summary_does_not_list_is_a_site_not_placed() -> None:
    assert Scope.read("Mastung jail", []) == Scope("site", None, "Mastung jail")


def test_made_scopes_write_the_published_forms() -> None:
    assert str(Scope.at(None)) == WHOLE_EVENT and Scope.at(None).whole_event
    assert str(Scope.at("Mastung", "jail", joined=True)) == "Mastung jail"
    assert str(Scope.at("Gwadar", "a camp")) == "Gwadar (a camp)"
    assert str(Scope.at(None, "a camp", joined=True)) == "a camp"
    assert Scope.read("Gwadar (a camp)").label("people killed") == "people killed (Gwadar (a camp))"
    assert Scope.whole().label("people killed") == "people killed"
