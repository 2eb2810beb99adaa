"""A sender seen on a few days of the logs is told by its rhythm and its runs (Thames &
Shannon's review: a monthly payroll run read "138.9 a day")."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta

import pytest

from planner.core.catalogue import catalogue
from planner.core.model import RelayClient
from planner.core.resources import resource_path
from planner.core.send_rhythm import rhythm_of, runs_of


def _days(first: date, *gaps: int) -> tuple[date, ...]:
    out = [first]
    for gap in gaps:
        out.append(out[-1] + timedelta(days=gap))
    return tuple(out)


@pytest.mark.parametrize(("gaps", "rhythm"), [
    ((7, 7), "weekly"), ((7, 8, 6), "weekly"), ((14,), "fortnightly"),
    ((31, 28, 31), "monthly"), ((30,), "monthly"),  # paydays move with weekends
    ((3, 11), ""), ((7, 30), ""), ((), "")])
def test_the_gaps_between_runs_make_the_rhythm(gaps: tuple[int, ...], rhythm: str) -> None:
    assert rhythm_of(_days(date(2026, 1, 26), *gaps)) == rhythm


def test_runs_say_the_messages_of_a_run() -> None:
    payroll = RelayClient("payroll", messages=8400, logged_days=90,
                          run_days=_days(date(2026, 10, 27), 30))
    runs = runs_of(payroll)
    assert runs is not None
    assert (runs.count, runs.per_run, runs.rhythm, runs.logged_days) == (2, 4200, "monthly", 90)
    assert runs_of(RelayClient("printer", messages=500, messages_per_day=25.0)) is None


def test_every_rhythm_of_the_data_has_words_in_every_language() -> None:
    with resource_path("importing", "transport_logs.toml").open("rb") as handle:
        names = [r["name"] for r in tomllib.load(handle)["rhythm"]]
    assert names
    for lang in ("en", "de"):
        words = [catalogue(lang)(f"transport.rhythm.{name}") for name in names]
        assert all(w and "rhythm" not in w for w in words), words
