"""A target's words for people: a known kind in the reader's language, an unknown kind by
its readable name only, never a code ("server:", "sbs:send:")."""

from __future__ import annotations

import pytest

from planner.core.catalogue import catalogue
from planner.core.outline import target_label, target_message


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_code_words_reach_a_person(lang: str) -> None:
    assert target_label("server:EX01", lang) == "Server EX01"
    assert target_label("sbs:send:DAG001", lang) == "DAG001"
    assert target_label("send:DAG001", lang) == "DAG001"
    assert target_label("mystery:Outbound: EU", lang) == "Outbound: EU"
    for target in ("sbs:send:DAG001", "mystery:Outbound: EU", "server:EX01"):
        words = target_message(target)
        text = words if isinstance(words, str) else catalogue(lang).render(words)
        assert "sbs:" not in text and "send:" not in text and "server:" not in text
