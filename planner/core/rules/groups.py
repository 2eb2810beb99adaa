"""Side-by-side groups: old Mailbox servers that are replaced (or retired) together.

Servers that share a DAG move together to one new SE DAG (versions never mix in one DAG);
a standalone server is a group of its own. By default every old server gets one new SE
server (``Decisions.new_servers`` changes that, 0 = retire without a replacement).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from planner.core.explanation import Message, message
from planner.core.model import Server
from planner.core.plan import MigrationPath, Phase, Step
from planner.core.rules.assess import product_name
from planner.core.rules.base import Context, ServerFacts, make_step
from planner.core.rules.estate_facts import data_volume_gb
from planner.core.rules.legacy2013 import legacy_servers, move_target
from planner.core.rules.takeover import Takeover, takeover_for
from planner.core.settings import DEFAULT_NEW_SERVER_PATTERN, is_server_name

__all__ = ["Group", "group_fields", "group_reason", "group_step", "name_problems",
           "new_edge_name", "new_server_sites", "side_by_side_groups"]


@dataclass(frozen=True)
class Group:
    """Old servers replaced together and the names of their new SE servers."""

    key: str  # the old DAG name, or the server name for a standalone server
    old: tuple[ServerFacts, ...]
    new: tuple[str, ...]  # placeholder names of the new SE servers
    old_dag: str
    data_gb: float | None
    # Exchange 2013 servers whose mailboxes and relay clients move onto this group first,
    # and per each the member that took them (its mail flow and system mailboxes move on
    # from there to the new servers)
    inherits: tuple[ServerFacts, ...] = ()
    via: tuple[str, ...] = ()
    # Without new servers: the SE servers that take over (None when there are none at all).
    takeover: Takeover | None = None
    # per new server the AD site of the old server it replaces (its holidays)
    new_sites: tuple[str, ...] = ()

    def holders(self, names: Iterable[str]) -> list[str]:
        """The members that hold these servers' work now: a member itself, or the member
        that took an inherited 2013 server's connectors and mailboxes."""
        wanted = {n.split(".", 1)[0].lower() for n in names}
        took = {old.name.lower(): via for old, via in zip(self.inherits, self.via, strict=False)}
        found = [s.name for s in self.old if s.name.lower() in wanted]
        found += [took[n] for n in sorted(wanted) if n in took]
        return list(dict.fromkeys(found))

    def carried(self) -> list[Server]:
        """The members as the group moves them: each with the system mailboxes of the 2013
        servers it took (a review's public folders, moved off 2013 to a 2016 member, were
        never moved on to SE)."""
        out = []
        for member in self.old:
            took = [old.server for old, via in zip(self.inherits, self.via, strict=False)
                    if via == member.name]
            every = (member.server, *took)
            out.append(replace(
                member.server,
                arbitration_mailboxes=_sum_counts([x.arbitration_mailboxes for x in every]),
                public_folder_mailboxes=_sum_counts([x.public_folder_mailboxes for x in every])))
        return out

    @property
    def new_dag(self) -> str:
        """Name of the new SE DAG ("" when one new server, or none, needs no DAG)."""
        if not self.new or (not self.old_dag and len(self.new) < 2):
            return ""
        return f"{self.old_dag or self.key}-SE"

    @property
    def replaced(self) -> bool:
        """False when the group is retired and its mailboxes go to other SE servers."""
        return bool(self.new)

    @property
    def targets(self) -> tuple[str, ...]:
        """The servers that receive the group's mailboxes and mail flow."""
        return self.new or (self.takeover.names if self.takeover else ())

    def successors(self, olds: Iterable[str]) -> tuple[str, ...]:
        """The new servers at the sites of these old ones (names or FQDNs, any case); all
        the group's targets when none is there (a retired group, a name the group does not
        hold). A relay connector, a relay client or a send connector of one site moves to
        the new servers there, not to every new server of a DAG spread over sites (a
        review: Vienna's anonymous relay opened on Zürich's new server too)."""
        wanted = {o.split(".", 1)[0].lower() for o in olds}
        sites = {s.server.site.lower() for s in (*self.old, *self.inherits)
                 if s.name.lower() in wanted}
        mine = tuple(n for n, site in zip(self.new, self.new_sites, strict=False)
                     if site.lower() in sites)
        return mine or self.targets


def _wanted(ctx: Context, s: ServerFacts) -> int:
    """How many new SE servers replace ``s`` (the consultant's number, else one)."""
    if s.path is MigrationPath.DECOMMISSION:
        return 0
    wanted = next((n for k, n in ctx.decisions.new_servers.items()
                   if k.lower() == s.name.lower()), 1)
    return max(0, int(wanted))


class _Namer:
    """New server names from the project's pattern, numbered per site, never twice."""

    def __init__(self, ctx: Context) -> None:
        self.pattern = ctx.settings.new_server_pattern or DEFAULT_NEW_SERVER_PATTERN
        self.per_site: dict[str, int] = {}
        self.taken = {s.name.lower() for s in ctx.estate.servers}
        # the consultant's names; one that an existing server has is not used (the GUI and
        # rename_new_server refuse it, a hand-edited file may still say so)
        self.renames = {k.lower(): v for k, v in ctx.settings.new_server_names.items()
                        if v.lower() not in self.taken}
        self.used: set[str] = set()  # proposed names whose rename was applied

    def _renamed(self, proposed: str) -> str:
        wanted = self.renames.get(proposed.lower())
        if wanted and wanted.lower() not in self.taken:
            self.used.add(proposed.lower())
            return wanted
        return proposed

    def names(self, s: ServerFacts, count: int) -> list[str]:
        site = s.server.site or "SITE"
        out = []
        for i in range(1, count + 1):
            n = self.per_site[site] = self.per_site.get(site, 0) + 1
            name = self.pattern.format(old=s.name, site=site.replace(" ", "-"), n=n, i=i)
            if count > 1 and not any(f in self.pattern for f in ("{n", "{i")):
                name = f"{name}{i}"  # several replacements of one server need a number
            while name.lower() in self.taken:
                name = f"{name}-{i}"
            name = self._renamed(name)
            self.taken.add(name.lower())
            out.append(name)
        return out


def _volume(ctx: Context, members: list[ServerFacts], dag: str) -> float | None:
    """The group's mailbox data, counted once.

    A DAG's databases hold the same data as its members' mailbox figures, so the DAG-level
    databases only count when some member has no figure of its own.
    """
    parts = [data_volume_gb(ctx.estate, s.server) for s in members]
    known = [p for p in parts if p is not None]
    if known and len(known) == len(parts):
        return sum(known)
    dag_only = [db.size_gb for db in ctx.estate.databases
                if dag and db.dag.lower() == dag.lower() and not db.server
                and db.size_gb is not None]
    if dag_only:
        # Member figures here come from server-bound databases, not from the DAG's ones.
        server_dbs = [p for s, p in zip(members, parts, strict=True)
                      if p is not None and s.server.mailbox_data_gb is None]
        return sum(dag_only) + sum(server_dbs)
    return sum(known) if known else None


def name_problems(ctx: Context) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What is wrong with the names of the plan's new servers, from one naming pass:

    * the consultant's renames (proposed name, his name) that name no new server of the
      plan: the pattern or the number of new servers changed since, or his name is taken;
    * new servers (replaced server, name) whose name Windows does not take: more than 15
      characters, or other than letters, digits and hyphens. The default pattern
      ``{old}-SE`` makes 16 characters of a 13-character name, a site "München" an umlaut.
    """
    namer = _Namer(ctx)
    given: list[tuple[str, str]] = []
    for g in side_by_side_groups(ctx):
        for s in g.old:
            given += [(s.name, n) for n in namer.names(s, _wanted(ctx, s))]
    for s in ctx.planned(MigrationPath.SIDE_BY_SIDE):
        if s.server.is_edge:
            given += [(s.name, n) for n in namer.names(s, 1)]
    unused = [(k, v) for k, v in ctx.settings.new_server_names.items()
              if k.lower() not in namer.used]
    return unused, [(old, name) for old, name in given if not is_server_name(name)]


def new_edge_name(ctx: Context, edge: ServerFacts) -> str:
    """The new SE Edge that replaces ``edge``, named by the project's pattern.

    Numbers continue after the new Mailbox servers of the same site, so a pattern such as
    "{site}-EXSE{n:02}" never names two servers alike.
    """
    namer = _Namer(ctx)
    for g in side_by_side_groups(ctx):
        for s in g.old:
            namer.names(s, _wanted(ctx, s))
    edges = [s for s in ctx.planned(MigrationPath.SIDE_BY_SIDE) if s.server.is_edge]
    for s in edges:
        name = namer.names(s, 1)[0]
        if s.name == edge.name:
            return name
    return f"{edge.name}-SE"


def new_server_sites(ctx: Context, g: Group) -> list[tuple[str, str]]:
    """Each new SE server of ``g`` with the site of the old server it replaces."""
    sites = [s.server.site for s in g.old for _ in range(_wanted(ctx, s))]
    return list(zip(g.new, sites, strict=True))


def side_by_side_groups(ctx: Context) -> list[Group]:
    """Groups of Mailbox servers on the side-by-side path, or retired 2016/2019/SE servers."""
    # several rules ask, some per group: built once per proposal
    if "side_by_side_groups" not in ctx.memo:
        ctx.memo["side_by_side_groups"] = tuple(_groups(ctx))
    return list(ctx.memo["side_by_side_groups"])


def _groups(ctx: Context) -> list[Group]:
    members = [s for s in ctx.planned(MigrationPath.SIDE_BY_SIDE, MigrationPath.DECOMMISSION)
               if not s.server.is_edge and s.product != "2013"]
    by_key: dict[str, list[ServerFacts]] = {}
    for s in members:
        by_key.setdefault((s.server.dag or s.name).lower(), []).append(s)
    groups = []
    namer = _Namer(ctx)
    for items in by_key.values():
        dag = items[0].server.dag
        pairs = [(n, s.server.site) for s in items for n in namer.names(s, _wanted(ctx, s))]
        new = [n for n, _ in pairs]
        taken = _inherited(ctx, items)
        inherits, via = [old for old, _ in taken], [member for _, member in taken]
        volume = _volume(ctx, items, dag)
        extra = [data_volume_gb(ctx.estate, s.server) for s in inherits]
        if volume is not None and any(x is not None for x in extra):
            volume += sum(x for x in extra if x is not None)
        groups.append(Group(dag or items[0].name, tuple(items), tuple(new), dag, volume,
                            tuple(inherits), tuple(via),
                            new_sites=tuple(site for _, site in pairs)))
    return _with_takeovers(ctx, groups)


def _with_takeovers(ctx: Context, groups: list[Group]) -> list[Group]:
    """Groups without new servers learn which SE servers take over from them."""
    new = [(n, g.old[0].server.site, f"sbs:databases:{g.key}") for g in groups for n in g.new]
    return [g if g.replaced else replace(g, takeover=takeover_for(ctx, g.old, new))
            for g in groups]


def _sum_counts(counts: list[int | None]) -> int | None:
    """A sum of counts, None (unknown) when one is unknown and none is known."""
    known = [c for c in counts if c]
    return sum(known) if known or all(c is not None for c in counts) else None


def _inherited(ctx: Context, members: list[ServerFacts]) -> list[tuple[ServerFacts, str]]:
    """Exchange 2013 servers whose mailboxes the legacy rule moves onto these servers, each
    with the member that takes them."""
    if "inherited_by" not in ctx.memo:  # asked per group: every 2013 server's target once
        by_target: dict[str, list[tuple[int, ServerFacts, str]]] = {}
        for n, old in enumerate(legacy_servers(ctx)):
            target = move_target(ctx, old)
            if target is not None:
                by_target.setdefault(target.name, []).append((n, old, target.name))
        ctx.memo["inherited_by"] = by_target
    found = [hit for m in dict.fromkeys(m.name for m in members)
             for hit in ctx.memo["inherited_by"].get(m, ())]
    return [(old, via) for _, old, via in sorted(found, key=lambda hit: hit[0])]  # legacy order


_SBS = "steps.side_by_side"  # the catalogue section of the side-by-side rule's texts
# Path reasons that end "...; new SE servers replace it", untrue with 0 new servers: each has
# a "<key>_retired" wording without that clause.
_REPLACED_BY_NEW = ("steps.server.why_2016", "steps.server.why_os")


def _path_reason(g: Group, why: Message) -> Message:
    if g.replaced or why.key not in _REPLACED_BY_NEW:
        return why
    return Message(f"{why.key}_retired", why.fields)


def group_reason(g: Group, only: ServerFacts | None = None) -> Message | None:
    """Own wording when the side-by-side rule's "Exchange 2016" reason does not fit.

    A 2019 server on an old operating system, or a server the consultant sent down this path
    or retires without a replacement, is explained by its own path reason; ``None`` keeps the
    rule's text.
    """
    olds = [only] if only is not None else list(g.old)
    if g.replaced and all(s.product == "2016" and s.path is MigrationPath.SIDE_BY_SIDE
                          for s in olds):
        if len({s.info.number if s.info else None for s in olds}) == 1:
            return None
        # the rule's reason names one build for all; these servers run different ones
        return message(f"{_SBS}.replaced_2016", count=len(olds), facts=[s.fact for s in olds])
    facts = [message(f"{_SBS}.server_path", fact=s.fact, why=_path_reason(g, s.why))
             for s in olds]
    if g.replaced:
        return message(f"{_SBS}.replaced", count=len(olds), facts=facts)
    if any(s.path is MigrationPath.SIDE_BY_SIDE for s in olds):
        facts.append(message(f"{_SBS}.zero_new"))
    where = (g.takeover.where(olds[0].server.site) if g.takeover
             else message(f"{_SBS}.to_plan_servers"))
    return message(f"{_SBS}.retired", count=len(olds), facts=facts, where=where)


def group_step(ctx: Context, g: Group, rule: str, id: str, kind: str, phase: Phase,
               target: str, title: Message, detail: Sequence[Message],
               fields: dict[str, Any], *, only: ServerFacts | None = None, **kw: Any) -> Step:
    """``make_step`` for a step of this group: its old servers' facts, then ``detail``, with
    the group's own reason where needed (which already states the facts)."""
    own = group_reason(g, only)
    facts = [] if own is not None else [s.fact for s in ([only] if only else g.old)]
    if only is not None and only.info is not None:
        # the rule's reason names this server's build, not the group's first server's (a
        # review: "Decommission LON-EX16-02" said it runs LON-EX16-01's Nov24SUv2)
        fields = {**fields, "release": product_name(only.info), "build": str(only.info.number)}
    return make_step(ctx, rule, id, kind, phase, target, title,
                     [*facts, *detail], fields, own, **kw)


def group_fields(g: Group) -> dict[str, Any]:
    """Fields of the rule's reason: the old servers, the first one's release and build."""
    first = g.old[0]
    info = first.info
    return {"server": [s.name for s in g.old],
            "release": product_name(info) if info else "",
            "build": str(info.number) if info else "", "count": len(g.old)}
