"""Importer findings word their counts with real plurals in both languages, never "(s)"."""

from __future__ import annotations

import re

import pytest

from planner.core.catalogue import catalogue
from planner.core.importing.findings import SEVERITIES, Counted, finding

FAKE_PLURAL = re.compile(r"\w\((s|e|en|n|es)\)")


def test_no_finding_text_carries_a_bracket_plural() -> None:
    texts = [(code, str(catalogue(lang).message(f"findings.{code}")))
             for code in SEVERITIES for lang in ("en", "de")]
    bad = [(code, text) for code, text in texts if FAKE_PLURAL.search(text)]
    assert bad == []


@pytest.mark.parametrize(("count", "en", "de"), [
    (1, "1 malformed line skipped in 1 log file", "1 fehlerhafte Zeile in 1 Protokolldatei"),
    (1234, "1,234 malformed lines skipped in 2 log files",
     "1.234 fehlerhafte Zeilen in 2 Protokolldateien"),
])
def test_counted_nouns_follow_the_count_in_each_language(count: int, en: str, de: str) -> None:
    files = 1 if count == 1 else 2
    found = finding("LOGS-MALFORMED", count=Counted("transport.count.malformed_line", count),
                    files=Counted("transport.count.log_file", files), first="RECV1.LOG")
    assert found.message("en").startswith(en) and found.message("de").startswith(de)
