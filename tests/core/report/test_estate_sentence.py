"""The summary's first sentence counts the estate as a person would write it: one server is
not "1 on Exchange 2019" with "one of them" after it, and five servers of one version are
"all on Exchange 2016", not "5 on Exchange 2016"."""

from __future__ import annotations

from datetime import date

import pytest

from planner.core.knowledge import load_knowledge
from planner.core.model import Estate, Server
from planner.core.report.summary import summary_paragraphs
from planner.core.report.wording import load_wording
from planner.pipeline import make_plan
from tests.core.scheduler.builders import settings


def _first(names: tuple[str, ...], build: str, lang: str) -> str:
    estate = Estate(servers=tuple(Server(n, roles=("Mailbox",), build=build) for n in names))
    knowledge = load_knowledge()
    plan = make_plan(estate, (), settings(as_of=date(2026, 12, 7), start=date(2026, 12, 7),
                                          language=lang), knowledge=knowledge)
    return summary_paragraphs(plan, knowledge, load_wording(lang))[0]


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "runs one Exchange server (Exchange 2019). It no longer receives security updates"),
    ("de", "betreibt einen Exchange-Server (Exchange 2019). Er erhält keine Sicherheitsupdates"),
])
def test_one_server(lang: str, said: str) -> None:
    text = _first(("EX01",), "15.2.1748.10", lang)
    assert said in text and "1 " not in text.split("(")[1].split(")")[0]


@pytest.mark.parametrize(("lang", "said"), [("en", "all on Exchange 2016"),
                                            ("de", "alle mit Exchange 2016")])
def test_servers_of_one_version(lang: str, said: str) -> None:
    assert said in _first(("EX01", "EX02", "EX03"), "15.1.2507.6", lang)


def _summary(as_of: date, start: date, lang: str, printed: date) -> str:
    """The summary of a one-server plan as of ``as_of``, in a report dated ``printed``."""
    estate = Estate(servers=(Server("EX01", roles=("Mailbox",), build="15.2.1748.10"),))
    knowledge = load_knowledge()
    plan = make_plan(estate, (), settings(as_of=as_of, start=start, language=lang),
                     knowledge=knowledge)
    return " ".join(summary_paragraphs(plan, knowledge, load_wording(lang), printed))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_as_of_date_after_the_reports_date_is_said_in_the_summary(lang: str) -> None:
    """A report printed on 07.12.2026 for a plan as of 25.03.2027 says whose "today" it
    shows (its state today and actions now are the plan's as-of date's)."""
    estate = Estate(servers=(Server("EX01", roles=("Mailbox",), build="15.2.1748.10"),))
    knowledge = load_knowledge()
    plan = make_plan(estate, (), settings(as_of=date(2027, 3, 25), start=date(2027, 3, 29),
                                          language=lang), knowledge=knowledge)
    words = load_wording(lang)
    later = " ".join(summary_paragraphs(plan, knowledge, words, date(2026, 12, 7)))
    assert words.date(date(2027, 3, 25)) in later and words.date(date(2026, 12, 7)) in later
    same_day = summary_paragraphs(plan, knowledge, words, date(2027, 3, 25))
    assert words.date(date(2026, 12, 7)) not in " ".join(same_day)
    assert len(same_day) == len(summary_paragraphs(plan, knowledge, words, date(2026, 12, 7))) - 1


@pytest.mark.parametrize(("lang", "overdue"), [("en", "overdue"), ("de", "überfällig")])
def test_an_as_of_date_weeks_before_the_reports_date_is_said_to_be_old(
        lang: str, overdue: str) -> None:
    """A review: the cover said 7 Dec 2026, "the state today" 20 Nov 2026, and "to do now"
    listed tasks due before the 7th, with no word that the state was 17 days old."""
    as_of = date(2026, 11, 20)
    old = _summary(as_of, as_of, lang, date(2026, 12, 7))
    assert "17" in old and overdue in old and load_wording(lang).date(as_of) in old
    # a week is no news: the same plan printed a week later says nothing of the kind
    assert overdue not in _summary(as_of, as_of, lang, date(2026, 11, 27))
