"""A step that names a build it requires names it precisely: the release and its build number
from the build list, "or a later update" (a review read "RTM Aug26SU or later", which told the
customer neither the build to look for nor whether Aug26SU itself was enough)."""

from __future__ import annotations

import re

import pytest

from planner.core.plan import Proposal
from planner.core.rules.inplace import latest_se_build
from tests.core.rules.proposing import knowledge, plan
from tests.core.rules.test_baseline_su import estate

_BUILD = re.compile(r"15\.\d\.\d+\.\d+")
_LATER = {"en": "or a later update", "de": "oder ein späteres Update"}


@pytest.fixture(scope="module")
def proposal() -> Proposal:
    return plan(estate())


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_title_that_names_a_release_names_its_build(proposal: Proposal,
                                                          lang: str) -> None:
    """Each step whose title names a release the build list knows says that release's build
    (a release not yet published, as SE CU2, has no build to name; a bare CU names its line)."""
    known = {r.release for r in knowledge().builds if r.product == "SE" or " " in r.release}
    checked = 0
    for step in proposal.steps:
        title = step.title(lang)
        said = step.title_message
        if said is not None and said.value("release") in known:
            release, build = said.value("release"), said.value("build")
            assert build and _BUILD.fullmatch(build), (step.id, said)
            assert f"{release} ({build})" in title, title
            checked += 1
        assert "(or later)" not in title and "(oder neuer)" not in title
    assert checked


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_in_place_upgrade_names_the_se_update_and_its_build(proposal: Proposal,
                                                                lang: str) -> None:
    latest = latest_se_build(knowledge())
    assert latest is not None
    build, release = latest
    upgrades = [s for s in proposal.steps if s.kind == "inplace_upgrade"]
    assert upgrades
    for step in upgrades:
        title = step.title(lang)
        assert f"SE {release} ({build}) {_LATER[lang]}" in title, title
        assert _BUILD.search(title)
