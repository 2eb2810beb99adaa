"""The pause's texts read right in both languages: a pause that holds no server, a pause
needed now, a cutover with no float, a one-day pause and every fixed-pause error.

Each text is read with the grammar test's checks (plurals, German cases, holes such as
"für –", "0 days before") and the cases that used to read wrong are named.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest

from planner.core.catalogue import catalogue
from planner.core.errors import SettingsError
from planner.core.knowledge import Knowledge, load_knowledge
from planner.core.model import Estate, ExoReport, Server
from planner.core.pause_policy import check_fixed_pauses
from planner.core.plan import Plan
from planner.core.report.risk_register import plan_risks
from planner.core.report.summary import summary_paragraphs
from planner.core.report.wording import load_wording
from planner.core.settings import Decisions, Settings
from planner.pipeline import make_plan
from tests.core.rules.test_grammar import PROBLEMS_DE, PROBLEMS_EN
from tests.core.scheduler.builders import settings

AS_OF, START = date(2026, 12, 4), date(2026, 12, 7)


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    """The shipped knowledge base."""
    return load_knowledge()


def _estate(build: str, detected: date | None) -> Estate:
    reports = (ExoReport("ex01.contoso.com", build, detected),) if detected else ()
    return Estate(servers=(Server("EX01", fqdn="ex01.contoso.com", roles=("Mailbox",),
                                  build=build),), exo_reports=reports)


# EX01 (2016 CU23 Apr24HU) keeps its build until its migration: these texts are about the
# pauses that needs; its security update to the baseline (rule exo_baseline_su) ends the
# enforcement on the first Saturday and would need few or none
KEEP = Decisions(disabled_rules=frozenset({"exo_baseline_su"}))


@pytest.fixture(scope="module")
def plans(knowledge: Knowledge) -> dict[str, Plan]:
    """A blocked server (pause needed now, cutover on the pause's last day), a fixed pause
    no judged server needs (an SE estate) and a one-day fixed pause."""
    base = settings(as_of=AS_OF, start=START)
    return {
        "blocked": make_plan(_estate("15.1.2507.39", date(2024, 3, 28)), (), base,
                             decisions=KEEP, knowledge=knowledge),
        "unused": make_plan(_estate("15.2.2562.17", None), (),
                            replace(base, fixed_pauses=((date(2026, 12, 8), 10),)),
                            decisions=KEEP, knowledge=knowledge),
        "one day": make_plan(_estate("15.1.2507.39", date(2026, 10, 1)), (),
                             replace(base, fixed_pauses=((date(2026, 12, 8), 1),)),
                             decisions=KEEP, knowledge=knowledge),
        # only reported on the as-of date, the pause counted from then: needed now
        "reported": make_plan(_estate("15.1.2507.39", date(2026, 11, 14)), (),
                              settings(as_of=AS_OF, start=AS_OF), decisions=KEEP,
                              knowledge=knowledge),
        # the plan starts before its as-of date: said in the summary, not only the appendix
        "past": make_plan(_estate("15.1.2507.39", date(2026, 11, 14)), (),
                          settings(as_of=START, start=AS_OF), decisions=KEEP, knowledge=knowledge),
    }


def _errors(lang: str) -> Iterator[str]:
    policy = load_knowledge().policy
    cases = [(((date(2026, 12, 8), 30), (date(2026, 12, 20), 10)), 0),  # overlap
             (((date(2026, 12, 8), 20),), 85),  # budget: 85 used + 20
             (((date(2026, 11, 2), 5),), 0),  # before the plan start
             (((date(2026, 12, 8), 1),) * 6, 0),  # too many
             (((date(2027, 1, 4), 91),), 0)]  # too long
    for fixed, used in cases:
        s = Settings(start=START, language=lang, fixed_pauses=fixed,
                     pause_days_used={2026: used})
        with pytest.raises(SettingsError) as error:
            check_fixed_pauses(s, policy)
        # the error is a message; its text (str) is English for logs, screens render it
        assert error.value.problem is not None
        yield catalogue(lang).render(error.value.problem)


def _texts(plans: dict[str, Plan], knowledge: Knowledge, lang: str) -> Iterator[str]:
    for plan in plans.values():
        for step in plan.proposal.steps:
            if step.kind == "pause":
                yield step.title(lang)
                yield step.why(lang)
        yield from (f.message(lang) for f in plan.findings if f.code.startswith("PAUSE-"))
        words = load_wording(lang)
        yield from (r.title for r in plan_risks(plan, knowledge, words))
        yield from summary_paragraphs(plan, knowledge, words)
    yield from _errors(lang)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_pause_text_reads_right(plans: dict[str, Plan], knowledge: Knowledge,
                                      lang: str) -> None:
    problems = PROBLEMS_DE if lang == "de" else PROBLEMS_EN
    texts = list(_texts(plans, knowledge, lang))
    found = [f"{kind}: …{m.group(0)}… in {text!r}" for text in texts
             for kind, rx in problems.items() if (m := rx.search(text))]
    assert not found, "\n".join(found)
    assert len(texts) > 12


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["This fixed pause currently holds back no judged server",
            "the pause budget of 90 days a year",
            "ends on 16 Jan 2027, the day the enforcement pause ends",
            "Request enforcement pause 1 (1 day) on 8 Dec 2026", "8 Dec 2026 to 8 Dec 2026, 1 day",
            "is blocked on 43 days under this plan and never only throttled"]),
    ("de", ["Diese feste Pause hält derzeit keinen geprüften Server auf",
            "auf das Pausenbudget von 90 Tagen im Jahr",
            "endet am 16.01.2027, dem Tag, an dem die Durchsetzungspause endet",
            "Durchsetzungspause 1 (1 Tag) am 08.12.2026 beantragen",
            "08.12.2026 bis 08.12.2026, 1 Tag", "an 43 Tagen blockiert und an keinem Tag nur"]),
])
def test_the_cases_that_read_wrong_read_right(plans: dict[str, Plan], knowledge: Knowledge,
                                              lang: str, expected: list[str]) -> None:
    # 43 blocked days: 40 from the plan start and 3 from the as-of date (Friday) on, which
    # the plan counts too (a server blocked on the as-of date is blocked from then)
    everything = "\n".join(_texts(plans, knowledge, lang))
    for text in expected:
        assert text in everything, text


@pytest.mark.parametrize(("lang", "said"), [("en", "Attention: The plan starts on 4 Dec 2026"),
                                            ("de", "Achtung: Der Plan beginnt am 04.12.2026")])
def test_a_plan_starting_before_its_as_of_date_says_so_in_the_summary(
        plans: dict[str, Plan], knowledge: Knowledge, lang: str, said: str) -> None:
    paragraphs = summary_paragraphs(plans["past"], knowledge, load_wording(lang))
    assert any(p.startswith(said) for p in paragraphs), paragraphs
    assert not any("Attention" in p or "Achtung" in p
                   for p in summary_paragraphs(plans["reported"], knowledge, load_wording(lang)))


def test_the_summary_names_the_first_rejections_before_the_complete_block(
        plans: dict[str, Plan], knowledge: Knowledge) -> None:
    """The first 550s (the first blocking stage) come a month before the complete block;
    the summary names that day, not only the last stage's."""
    first = date(2026, 11, 14) + timedelta(days=60)  # stage 5 of the shipped table
    text = " ".join(summary_paragraphs(plans["reported"], knowledge, load_wording("en")))
    assert "From 13 Jan 2027 Exchange Online already rejects part of this mail" in text
    assert first == date(2027, 1, 13)
    german = " ".join(summary_paragraphs(plans["reported"], knowledge, load_wording("de")))
    assert "Schon ab dem 13.01.2027 weist Exchange Online einen Teil dieser E-Mails ab" in german
