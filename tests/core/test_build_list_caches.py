"""Look-ups found once per build list answer for the list they are given.

The rules parse the build list once (``builds._rows_of``) and find the newest SE build once
(``inplace.latest_se_build``) rather than per server and step; a project that overrides the
build list in the same process (the GUI keeps one process for many projects) must get
answers from its own list, never from the one asked before.
"""

from __future__ import annotations

from dataclasses import replace

from planner.core.builds import identify
from planner.core.knowledge import load_knowledge
from planner.core.rules.inplace import latest_se_build


def test_a_projects_own_build_list_is_answered_from_itself() -> None:
    standard = load_knowledge()
    newest = latest_se_build(standard)
    assert newest is not None
    se = [b for b in standard.builds if b.product == "SE"]
    top = max(se, key=lambda b: tuple(int(p) for p in b.build.split(".")))
    parts = top.build.split(".")
    later = ".".join([*parts[:3], str(int(parts[3]) + 1)])
    extra = replace(top, release="Test SU", build=later)
    own = replace(standard, builds=(*standard.builds, extra))
    assert latest_se_build(own) == (later, "Test SU")
    assert latest_se_build(standard) == newest  # and back: not the other project's answer
    assert identify(later, own).release == "Test SU"
    assert identify(later, standard).release != "Test SU"
    assert identify(later, own).release == "Test SU"


def test_an_equal_copy_of_the_list_gives_the_same_answers() -> None:
    standard = load_knowledge()
    copy = replace(standard, builds=tuple(list(standard.builds)))
    assert latest_se_build(copy) == latest_se_build(standard)
    build = standard.builds[0].build
    assert identify(build, copy) == identify(build, standard)
