"""The summary's recommendations: an Edge is replaced with a new subscription, not by moving
mailboxes (a review of Alpenglas read "Replace … and move the mailboxes: … LNZ-EDGE01")."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core.report.summary import recommendations, summary_paragraphs
from planner.core.report.wording import load_wording
from tests.sample_plans import estate_plan

ALPENGLAS = Path(__file__).resolve().parents[2] / "estates" / "alpenglas"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_an_edge_is_recommended_apart_from_the_mailbox_servers(lang: str) -> None:
    plan = estate_plan([ALPENGLAS / "inventory.xlsx"])
    words = load_wording(lang)
    lines = recommendations(plan, words)
    moves = next(x for x in lines if x.startswith(words("r_side_by_side").split("{")[0]))
    edge = next(x for x in lines if x.startswith(words("r_side_by_side_edge").split("{")[0]))
    assert "ZRH-EX16-01" in moves and "LNZ-EDGE01" not in moves
    assert "LNZ-EDGE01" in edge and "ZRH" not in edge


def test_a_server_the_pause_keeps_from_throttling_says_so() -> None:
    """Alpenglas: LNZ-EX19-02 "Throttled from 16 Dec 2026" (if nothing is done) beside
    "leaves before throttling" and an exit on 6 Feb 2027: the pause holds its clock back."""
    from planner.core.report.summary import deadlines
    from planner.pipeline import knowledge_for

    plan = estate_plan([ALPENGLAS / "inventory.xlsx", ALPENGLAS / "transport-logs",
                        ALPENGLAS / "exo-report.csv"])
    knowledge = knowledge_for(plan.settings)
    by_server = {d.server: d for d in deadlines(plan, knowledge)}
    held = by_server["LNZ-EX19-02"]
    assert held.worst_kind == "report" and held.cutover is not None
    assert held.cutover > held.throttle_from
    words = load_wording("en")
    text = " ".join(summary_paragraphs(plan, knowledge, words))
    # an assumption, not a fact: Microsoft has not documented that a pause stops the clock
    assert ("LNZ-EX19-02 ends on 6 Feb 2027, and no mail is throttled if, as this plan "
            "assumes, the enforcement pause holds its stage clock back: Microsoft has not "
            "documented that") in text
    assert "the enforcement pause holds its stage clock back, so" not in text


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "From {start} on, no mail to Exchange Online is throttled or blocked under this plan"),
    ("de", "Ab dem {start} werden nach diesem Plan keine E-Mails"),
])
def test_the_days_of_throttled_and_blocked_mail_say_where_they_count_from(
        lang: str, said: str) -> None:
    """Mercy Valley, a review: "0 days blocked" beside a server Exchange Online has rejected
    since before the plan starts read as a contradiction: the count says where it starts
    (the as-of date where that comes before the plan's start)."""
    from planner.pipeline import knowledge_for

    plan = estate_plan([ALPENGLAS / "inventory.xlsx", ALPENGLAS / "transport-logs",
                        ALPENGLAS / "exo-report.csv"])
    assert plan.schedule.objective.blocked_days == plan.schedule.objective.throttled_days == 0
    words = load_wording(lang)
    text = " ".join(summary_paragraphs(plan, knowledge_for(plan.settings), words))
    assert plan.counted_from == min(plan.as_of or plan.settings.start, plan.settings.start)
    assert said.format(start=words.date(plan.counted_from)) in text
