"""The CLI's one-line summary says the day its throttled and blocked days count from."""

from __future__ import annotations

import pytest

from planner.cli import main
from planner.pipeline import load_inputs, make_plan
from tests.paths import SMALL


@pytest.mark.parametrize(("lang", "said"), [("en", "from {day}: days with blocked mail"),
                                            ("de", "ab dem {day}: Tage mit blockierter Mail")])
def test_the_summary_names_the_first_counted_day(capsys: pytest.CaptureFixture[str],
                                                 lang: str, said: str) -> None:
    from planner.core.catalogue import catalogue

    main(["plan", str(SMALL), "--lang", lang])
    out = capsys.readouterr().out
    inputs = load_inputs([SMALL])
    day = make_plan(inputs.estate, inputs.findings, inputs.settings).counted_from
    assert said.format(day=catalogue(lang).date(day)) in out
