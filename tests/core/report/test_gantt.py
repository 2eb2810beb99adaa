"""The report's Gantt: weeks under months, a today line, links, pauses above freezes and
labels that tell rows apart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from planner.core.plan import Plan
from planner.core.report.figure import Box, Label, Segment, text_width
from planner.core.report.gantt import (
    FREEZE_COLOUR,
    LINK_COLOUR,
    PAUSE_COLOUR,
    TODAY_COLOUR,
    fit_label,
    gantt_figures,
    label_fits,
)
from planner.core.report.wording import load_wording
from tests.sample_plans import sample_plan


def test_pauses_are_drawn_above_freezes_and_today_is_a_line(plan_de: Plan) -> None:
    today = plan_de.schedule.pauses[0].start
    fig = gantt_figures(plan_de, load_wording("de"), today)[0]
    kinds = [i.fill for i in fig.items if isinstance(i, Box) and i.h > 20
             and i.fill in (PAUSE_COLOUR, FREEZE_COLOUR)]  # the bands, not the legend
    assert FREEZE_COLOUR in kinds and PAUSE_COLOUR in kinds
    assert kinds.index(PAUSE_COLOUR) > max(i for i, k in enumerate(kinds) if k == FREEZE_COLOUR)
    # a strip of the freeze on top of the pause band: a pause over the year end hides none
    boxes = [i for i in fig.items if isinstance(i, Box)]
    pause = next(n for n, i in enumerate(boxes) if i.fill == PAUSE_COLOUR and i.h > 20)
    assert any(i.fill == FREEZE_COLOUR and i.h <= 10 and i.y == boxes[pause].y
               for i in boxes[pause + 1:])
    assert any(isinstance(i, Segment) and i.stroke == TODAY_COLOUR for i in fig.items)
    texts = [i.text for i in fig.items if isinstance(i, Label)]
    assert "Stichtag " + load_wording("de").date(today) in texts


def test_the_head_shows_months_and_iso_weeks(plan_de: Plan) -> None:
    fig = gantt_figures(plan_de, load_wording("de"))[0]
    texts = [i.text for i in fig.items if isinstance(i, Label)]
    weeks = [t for t in texts if t.startswith("KW ")]
    assert len(weeks) >= 4
    assert any(t.startswith("Okt") or t.startswith("Nov") for t in texts)
    english = gantt_figures(plan_de, load_wording("en"))[0]
    assert any(i.text.startswith("W") and i.text[1:].isdigit() for i in english.items
               if isinstance(i, Label))


def test_links_between_steps_are_drawn() -> None:
    fig = gantt_figures(sample_plan("mixed"), load_wording("de"))[0]
    assert sum(isinstance(i, Segment) and i.stroke == LINK_COLOUR for i in fig.items) >= 3


def test_long_labels_keep_what_tells_rows_apart() -> None:
    rows = tuple(f"Postfächer von BER-EX16-01 nach BER-EX16-01-SE verschieben (Stapel {n}/3)"
                 for n in (1, 2, 3))
    fitted = [fit_label(t, rows, 120) for t in rows]
    assert len(set(fitted)) == 3
    assert all(f.endswith(f"(Stapel {n}/3)") and text_width(f, 6.6) <= 120
               for n, f in zip((1, 2, 3), fitted, strict=True))
    assert fit_label("Kurz", rows, 120) == "Kurz"


def test_a_long_gantt_fills_its_pages_before_it_continues(plan_de: Plan) -> None:
    steps = plan_de.proposal.steps
    more = tuple(replace(s, id=f"{s.id}#{n}") for n in range(2) for s in steps)
    dated = {s.step_id: s for s in plan_de.schedule.steps}
    sched = tuple(replace(dated[s.id.split("#")[0]], step_id=s.id) for s in more
                  if s.id.split("#")[0] in dated)
    plan = replace(plan_de, proposal=replace(plan_de.proposal, steps=more),
                   schedule=replace(plan_de.schedule, steps=sched))
    figs = gantt_figures(plan, load_wording("de"), date(2026, 10, 20))
    assert len(figs) >= 2 and figs[0].height >= figs[-1].height
    assert all(f.height >= figs[0].height - 14 for f in figs[:-1])


def test_rows_with_different_titles_read_differently_on_every_sample() -> None:
    # the move batches (1/4 … 4/4) are not next to each other when other steps start between
    # them; the first batch lost its "(1/4)" (messy sample)
    for name in ("mixed", "mixed-messy-de", "mixed-powershell"):
        plan = sample_plan(name)
        for lang in ("de", "en"):
            for fig in gantt_figures(plan, load_wording(lang)):
                labels = [i.text.split("  ", 1)[1] for i in fig.items
                          if isinstance(i, Label) and i.x == 8 and "  " in i.text]
                assert len(labels) > 5
                assert len(set(labels)) == len(labels), (name, lang, sorted(labels))


def test_a_shortened_label_keeps_whole_words_and_fits_one_row_on_every_sample() -> None:
    # 'HealthChecker un … FAB-EDGE01' (a word cut before the dots) and 'HealthCheck … FAB-EX01
    # und FAB-EX02', which the step before the upgrade and the one after both could carry
    # (small sample): the opening keeps whole words, as many as tell the row apart
    for name in ("small", "mixed", "legacy", "mixed-messy-de", "mixed-powershell"):
        plan = sample_plan(name)
        for lang in ("de", "en"):
            for fig in gantt_figures(plan, load_wording(lang)):
                labels = [i.text.split("  ", 1)[1] for i in fig.items
                          if isinstance(i, Label) and i.x == 8 and "  " in i.text]
                titles = {s.title(lang) for s in plan.proposal.steps}
                for label in (t for t in labels if " … " in t):
                    opening = label.split(" … ", 1)[0]
                    fitting = [t for t in titles if label_fits(label, t)]
                    assert len(fitting) == 1, (name, lang, label, fitting)
                    assert fitting[0][len(opening)] == " ", (name, lang, label)


def test_week_labels_never_overlap_across_a_53_week_year() -> None:
    """2026 has an ISO week 53: labelling every second week by its number put KW 53 and
    KW 1 side by side, one over the other."""
    from planner.core.report.figure import text_width
    from planner.core.report.time_axis import TimeAxis

    words = load_wording("de")
    for days in (120, 250, 400):  # one, two, four weeks a label
        first = date(2026, 11, 2)
        axis = TimeAxis(first, first + timedelta(days=days), 100.0, 400.0)
        labels = sorted((i for i in axis.draw_months_and_weeks(0, 20, 100, words)
                         if isinstance(i, Label) and i.text.startswith("KW ")),
                        key=lambda i: i.x)
        assert len(labels) >= 3
        for a, b in pairwise(labels):
            assert a.x + text_width(a.text, 5.6) <= b.x, (days, a.text, b.text)
