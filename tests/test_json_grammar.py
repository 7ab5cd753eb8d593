"""The embedded model's JSON grammar: a string can hold no raw control character (a raw newline in a string made
the JSON parser reject a whole overview answer of a real article)."""

from __future__ import annotations

import json

import pytest

from summarizer.backends.llama import forbid_control_characters
from summarizer.llm.passes import OverviewAnswer

llama_grammar = pytest.importorskip("llama_cpp.llama_grammar")


def _char_rule() -> str:
    grammar = llama_grammar.LlamaGrammar.from_json_schema(json.dumps(OverviewAnswer.model_json_schema()),
                                                          verbose=False)
    return next(line for line in grammar._grammar.splitlines() if line.startswith("char ::="))


def test_json_strings_exclude_control_characters() -> None:
    forbid_control_characters(llama_grammar)
    rule = _char_rule()
    assert r"\x00-\x1F" in rule and r"\x7F" in rule
    assert '"\\\\" (["\\\\/bfnrt]' in rule  # escapes (\n written as backslash-n) stay allowed


def test_the_rule_is_set_once_whatever_the_calls() -> None:
    forbid_control_characters(llama_grammar)
    forbid_control_characters(llama_grammar)
    assert _char_rule().count(r"\x00-\x1F") == 1
