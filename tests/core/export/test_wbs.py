"""The outline that Excel and MS Project share: numbering, order and predecessor notation."""

from __future__ import annotations

from planner.core.outline import build_outline, predecessor_text, target_label
from planner.core.plan import Dependency, Phase, Plan


def test_predecessor_notation_follows_ms_project() -> None:
    links = [(12, Dependency("a")), (14, Dependency("b", "SS", 2)), (3, Dependency("c", "FF", -1))]
    assert predecessor_text(links, "en") == "12FS;14SS+2d;3FF-1d"
    assert predecessor_text(links, "de") == "12EA;14AA+2T;3EE-1T"
    assert predecessor_text([], "en") == ""


def test_outline_is_phase_then_target_then_step(plan: Plan) -> None:
    outline = build_outline(plan, "en")
    levels = [r.level for r in outline.rows]
    assert levels[0] == 1 and levels[1] == 2 and levels[2] == 3
    assert [r.id for r in outline.rows] == list(range(1, len(outline.rows) + 1))
    assert len(outline.ids) == len(plan.proposal.steps)
    phases = [r.phase for r in outline.rows if r.level == 1]
    assert phases == sorted(phases, key=list(Phase).index)
    for row in outline.rows:
        if row.level == 3:
            parent = next(r for r in reversed(outline.rows[: row.id - 1]) if r.level == 2)
            assert row.wbs.startswith(parent.wbs + ".")
            assert parent.start is not None and row.start is not None and parent.end
            assert parent.start <= row.start and row.end and row.end <= parent.end


def test_predecessors_point_at_the_rows_of_their_steps(plan: Plan) -> None:
    outline = build_outline(plan, "en")
    by_id = {r.id: r for r in outline.rows}
    row = next(r for r in outline.rows if r.step and r.step.id == "sbs:EXSE-02:install")
    ((task_id, _),) = outline.links(row)
    assert by_id[task_id].step is not None and by_id[task_id].step.id == "sbs:EXSE-01:install"
    assert outline.predecessors(row, "en") == f"{task_id}SS+2d"


def test_targets_read_like_words() -> None:
    assert target_label("server:EX01", "de") == "Server EX01"
    assert target_label("org", "de") == "Organisation"
    assert target_label("dag:DAG1", "en") == "DAG DAG1"
    assert target_label("weird:thing", "en") == "thing"
    # a finding about a milestone names the milestone, not its id ("se_cu_blocking")
    assert target_label("milestone:se_cu_blocking", "de") == "Meilenstein"
    assert target_label("milestone:se_cu_blocking", "en") == "Milestone"
