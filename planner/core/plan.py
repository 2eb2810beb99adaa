"""Steps, schedules and plans: the records that flow from the rules to the exports.

The rules produce a :class:`Proposal` (undated steps with reasons); the scheduler turns it
into a :class:`Schedule`; a :class:`Plan` bundles everything an export or the GUI shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import TypeVar

from planner.core.catalogue import catalogue, record_text
from planner.core.explanation import Driver, Message, Reason
from planner.core.model import Estate, Finding
from planner.core.settings import Decisions, Settings
from planner.core.vocabulary import MigrationPath, Phase

__all__ = [
    "BaselineEvidence",
    "BookedPart",
    "Dependency",
    "Exposure",
    "MigrationPath",
    "Objective",
    "Pause",
    "Phase",
    "Plan",
    "Proposal",
    "Schedule",
    "ScheduledStep",
    "ServerAssessment",
    "ServerToday",
    "SnappedPin",
    "StageAnchor",
    "Step",
    "step_about",
]


_T = TypeVar("_T")


def _first_by_id(pairs: Iterable[tuple[str, _T]]) -> dict[str, _T]:
    """Records by id; of two with one id the first, as a scan from the start finds it."""
    index: dict[str, _T] = {}
    for key, record in pairs:
        index.setdefault(key, record)
    return index


@dataclass(frozen=True)
class Dependency:
    """A link to a predecessor step, MS Project style (FS/SS/FF/SF with a lag in days)."""

    step_id: str
    type: str = "FS"
    lag_days: int = 0


@dataclass(frozen=True)
class Step:
    """One unit of work on one target, with its reason."""

    id: str  # stable across re-plans, e.g. "inplace:EX01"
    title_en: str
    title_de: str
    kind: str  # e.g. "license_check", "ad_prep", "inplace_upgrade", "mailbox_moves"
    phase: Phase
    target: str  # "org", "server:EX01", "dag:DAG1", "site:Berlin", "connector:..."
    duration_days: int
    rule: str  # id of the rule that proposed it
    why_en: str  # the fact that triggered it, in plain words
    why_de: str
    predecessors: tuple[Dependency, ...] = ()
    command: str = ""  # the Microsoft command or checklist line, when there is one
    source: str = ""  # knowledge-base source of the rule's fact
    needs_window: bool = False  # must fall on a maintenance window day
    resources: tuple[str, ...] = ()  # exclusive resources: "dag:DAG1", "server:EX01"
    needs_consultant: bool = True  # False: the customer does it
    exits_exo_view: tuple[str, ...] = ()  # servers that stop being judged when this finishes
    milestone: bool = False
    deadline: date | None = None  # must finish by (e.g. the SE CU that refuses old versions)
    # the AD site whose holidays the step keeps when its target is no server of the estate
    # (new SE servers, their DAG, a group: the site of the servers they replace)
    site: str = ""
    # a step that runs unattended (a mailbox move batch): the consultant is held only for
    # the first ``setup_days`` and the last ``completion_days`` working days of it (half
    # days count: the scheduler books consultants in half days)
    unattended: bool = False
    setup_days: float = 0.0
    completion_days: float = 0.0
    # the customer wants the batch completed in a maintenance window: its last day (the
    # completion) falls on a window day, the batch syncing on its own until then
    complete_in_window: bool = False
    # who does it when not a consultant: a catalogue role ("exo_admin", exo.owner) or the
    # team the inventory names (a relay client's owner); "" = the customer
    owner: str = ""
    # The title and reason as data, rendered from the catalogues per language; a step
    # without them (an older project file) shows its title_*/why_* pair.
    title_message: Message | None = None
    reason: Reason | None = None

    @property
    def consultant_days(self) -> float:
        """Working days the step books its consultant (or the customer) for: all of them, or
        an unattended step's set-up and completion."""
        held = self.setup_days + self.completion_days
        return held if self.unattended and held < self.duration_days else self.duration_days

    def home_site(self, estate: Estate) -> str | None:
        """The site whose holidays the step keeps: its server's or DAG's, else the site the
        rules gave it (new servers, new DAGs and groups: the servers they replace), else
        none (the project's region). The scheduler and MS Project's calendars ask this."""
        kind, _, name = self.target.partition(":")
        server = estate.server(name) if kind in ("server", "group") else None
        dag = estate.dag(name) if kind in ("dag", "group") and server is None else None
        if dag is not None and dag.members:
            server = estate.server(dag.members[0])
        if server is not None and server.site:
            return server.site
        if self.site:
            return self.site
        return name or None if kind == "site" else None

    def server(self) -> str:
        """The server the step works on ("" for org-, DAG-, site- or group-wide steps)."""
        kind, _, name = self.target.partition(":")
        return name if kind == "server" else ""

    def title(self, lang: str = "en") -> str:
        """The title in the requested language."""
        return record_text(lang, self.title_message, (self.title_en, self.title_de))

    def why(self, lang: str = "en") -> str:
        """The reason in the requested language."""
        return record_text(lang, self.reason, (self.why_en, self.why_de))

    def command_in(self, lang: str = "en") -> str:
        """The command with its comments and checklist lines in the requested language."""
        return catalogue(lang).command(self.command) if self.command else ""


@dataclass(frozen=True)
class ServerAssessment:
    """What the planner concluded about one server."""

    name: str
    product: str  # "2013", "2016", "2019", "SE" or "" when unknown
    release: str  # e.g. "CU14 Oct25SU"
    build: str  # normalised build number, e.g. "15.2.1544.36"
    path: MigrationPath
    judged_by_exo: bool
    supported: bool
    reason_en: str = ""  # an older project file's text; new plans carry ``explanation``
    reason_de: str = ""
    explanation: Message | None = None

    def reason(self, lang: str = "en") -> str:
        """Why this path, in the requested language."""
        return record_text(lang, self.explanation, (self.reason_en, self.reason_de))


def step_about(step_id: str) -> str:
    """What a step id names for people: its last part that is not a batch number
    ("sbs:moves:DAG1:2" -> "DAG1"); "–" for an id with no such part."""
    parts = [p for p in step_id.split(":")[1:] if p and not p.isdigit()]
    return parts[-1] if parts else "–"


@dataclass(frozen=True)
class Proposal:
    """The rules' output: ordered, undated steps with reasons."""

    steps: tuple[Step, ...] = ()
    servers: tuple[ServerAssessment, ...] = ()
    waves: tuple[tuple[str, ...], ...] = ()  # step ids per topological generation
    findings: tuple[Finding, ...] = ()

    def step(self, step_id: str) -> Step | None:
        """The step with this id."""
        return self._by_id.get(step_id)

    def title_of(self, step_id: str, lang: str) -> str:
        """The step's title; for an id the plan does not hold (a pin or a saved reason that
        outlived its step) what the id names, never the id itself."""
        step = self.step(step_id)
        return step.title(lang) if step is not None else step_about(step_id)

    @cached_property
    def _by_id(self) -> dict[str, Step]:
        # Built once per proposal: drawing a plan asks per dependency (a scan was quadratic).
        return _first_by_id((s.id, s) for s in self.steps)


@dataclass(frozen=True)
class BookedPart:
    """Part of an unattended step that holds its consultant: the set-up at its start or the
    completion at its end (dates inclusive; ``days`` counts half days as 0.5)."""

    part: str  # "setup" | "completion"
    start: date
    end: date
    days: float


@dataclass(frozen=True)
class ScheduledStep:
    """A step's dates (inclusive) and who does it, with what drove the start date."""

    step_id: str
    start: date
    end: date
    consultant: str = ""  # "" when the customer does it
    driver: Driver = field(default_factory=Driver)  # rendered by planner.core.explain_text
    # an unattended step (a move batch): the parts its consultant is held; the days between
    # run on their own. Empty: the step holds whoever does it from start to end.
    booked: tuple[BookedPart, ...] = ()

    def unattended_run(self) -> tuple[date, date] | None:
        """The first and last day (inclusive) the step runs without anyone, or None."""
        setup = [b for b in self.booked if b.part == "setup"]
        completion = [b for b in self.booked if b.part == "completion"]
        first = max(b.end for b in setup) + timedelta(days=1) if setup else self.start
        last = min(b.start for b in completion) - timedelta(days=1) if completion else self.end
        return (first, last) if self.booked and first <= last else None

    @property
    def driver_kind(self) -> str:
        """start|predecessor|window|holiday|absence|freeze|pin|deadline|resource."""
        return self.driver.kind


@dataclass(frozen=True)
class Pause:
    """A tenant-wide enforcement pause: whole days, both ends inclusive."""

    start: date
    end: date
    days: int


@dataclass(frozen=True)
class StageAnchor:
    """A stage whose first day Exchange Online's report gives, in clock days counted from
    first detection: from it the stage table runs on until the next reported stage."""

    offset: int
    stage: int


@dataclass(frozen=True)
class Exposure:
    """The days one judged server spends in each enforcement stage under the plan."""

    server: str
    first_detected: date
    cutover: date | None  # the day it leaves Exchange Online's view; None = never in plan
    days_in_stage: tuple[int, ...]  # index 0 = stage 1
    paused_days: int = 0
    first_detected_source: str = ""  # "exo_report" | "settings" | "baseline"
    anchors: tuple[StageAnchor, ...] = ()  # stages the report dates (none: the stage table)


@dataclass(frozen=True)
class Objective:
    """What the schedule reached, in the lexicographic order it was optimised."""

    blocked_days: int
    throttled_days: int
    pause_days: int
    finish: date | None
    status: str  # "optimal" | "feasible" | "infeasible" | "unscheduled"
    gap: float = 0.0
    reason_en: str = ""  # an older project file's text; new plans carry ``explanation``
    reason_de: str = ""
    # why no plan exists, or which servers still get blocked ("" when nothing bounds it)
    explanation: Message | None = None
    # the blocked, throttled and pause days no plan beats (lexicographically), as far as
    # proven: what ``gap`` is measured against (empty: not known)
    floor: tuple[int, ...] = ()

    def reason(self, lang: str = "en") -> str:
        """What bounds the result, in the requested language."""
        return record_text(lang, self.explanation, (self.reason_en, self.reason_de))


@dataclass(frozen=True)
class SnappedPin:
    """A pin on a day its step may not start (weekend, holiday, no window, a freeze it
    would straddle, before the plan start), moved to the first day it can: the GUI says so."""

    step_id: str
    asked: date
    used: date


@dataclass(frozen=True)
class Schedule:
    """Dated steps, pauses and exposure, and the objective reached."""

    steps: tuple[ScheduledStep, ...] = ()
    pauses: tuple[Pause, ...] = ()
    exposure: tuple[Exposure, ...] = ()
    objective: Objective = field(
        default_factory=lambda: Objective(0, 0, 0, None, "unscheduled")
    )
    snapped_pins: tuple[SnappedPin, ...] = ()

    def for_step(self, step_id: str) -> ScheduledStep | None:
        """The dates of one step."""
        return self._by_step.get(step_id)

    @cached_property
    def _by_step(self) -> dict[str, ScheduledStep]:
        # Built once per schedule: views ask per step and per repaint, and a scan each
        # time made drawing a plan of a few hundred servers take seconds (quadratic).
        return _first_by_id((s.step_id, s) for s in self.steps)


@dataclass(frozen=True)
class ServerToday:
    """Where one judged server stands with Exchange Online on the plan's as-of date."""

    server: str
    stage: int  # 0 = not detected yet
    kind: str  # "none" | "report" | "throttle" | "block" | "paused" | "gone"
    since: date | None  # first day of this stage (or of the pause)
    next_stage: int | None  # the stage that follows if nothing else happens
    next_kind: str
    next_date: date | None
    rating: str  # "red" | "amber" | "green": what it means for the server's mail today
    first_detected: date | None = None
    cutover: date | None = None  # the day the plan takes it out of Exchange Online's view


@dataclass(frozen=True)
class BaselineEvidence:
    """Exchange Online's report shows the baseline of a release line is not what we know."""

    server: str
    build: str
    key: str  # the knowledge override it implies, e.g. "baseline.2016.CU23"
    value: str  # its value: the oldest build the report accepts; "" = no override proposed
    cause: str  # "judged_compliant" | "recommends_other"
    recommended: tuple[str, ...] = ()
    # Why no override is proposed: "no_build_of_product" (no row recommends a build of this
    # product) or "none_above_build" (none newer than the judged build); "" when there is one.
    why: str = ""


@dataclass(frozen=True)
class Plan:
    """Everything the exports and the GUI show for one estate."""

    estate: Estate
    settings: Settings
    decisions: Decisions
    findings: tuple[Finding, ...]
    proposal: Proposal
    schedule: Schedule
    as_of: date | None = None  # the plan's "today"
    knowledge_as_of: date | None = None  # the knowledge the plan was made with (incl. overlay)
    knowledge_id: str = ""  # that knowledge's fingerprint ("" in files of older versions)
    baseline_evidence: tuple[BaselineEvidence, ...] = ()
    today: tuple[ServerToday, ...] = ()  # per judged server, its state on ``as_of``

    @property
    def counted_from(self) -> date:
        """The first day the plan's throttled and blocked days count from: its as-of date
        where that lies before the start (a server blocked today is blocked from today),
        else the start."""
        if self.as_of is not None and self.as_of < self.settings.start:
            return self.as_of
        return self.settings.start
