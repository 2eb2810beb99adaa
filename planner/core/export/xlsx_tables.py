"""The plain table sheets: Estate (what was imported), Findings, Assumptions (and sources)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from xlsxwriter.workbook import Workbook

from planner.core.build_lists import build_list_status
from planner.core.calendar import holiday_regions_text
from planner.core.catalogue import catalogue
from planner.core.decision_dates import customer_decisions
from planner.core.export.cells import SheetWriter, Styles, row_height, text_lines
from planner.core.export.xlsx_layout import (
    CELL,
    ExportContext,
    date_text,
    header_row,
    print_setup,
    section,
    title_block,
)
from planner.core.fact_words import build_list_words, knowledge_name, value_words
from planner.core.model import Severity
from planner.core.outline import finding_area, finding_place
from planner.core.settings import holiday_entry
from planner.core.step_source import rule_title, source_words
from planner.core.transport_listing import Listing, flow_listing, relay_listing
from planner.core.vocabulary import COLOURS, PATHS, SEVERITIES, STAGE_KINDS

__all__ = ["write_assumptions_sheet", "write_estate_sheet", "write_findings_sheet"]

_SEVERITY_COLOURS = {code: t.tint for code, t in SEVERITIES.items()}
_WRAP_WIDTH = 45  # the widest a fitted column gets on these sheets
# The assumptions sheet's columns, wrapped, so its tables print one page wide at 8 pt or more
# (fitted to their longest text they took two pages across, one of them a lone column). The
# value column is the widest the page allows beside the others: it holds commands, which wrap
# only at spaces and slashes (nothing may be inserted: a command must copy as it is).
_ASSUMPTION_WIDTHS: Mapping[int, float] = {0: 27, 1: 27, 2: 27, 3: 11, 4: 19, 5: 31, 6: 15,
                                           7: 11}
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
# The findings sheet's message and place columns, wrapped: a log finding's place names the
# server, connector and client ("Transport logs of EX01 › receive connector … › client …").
_MESSAGE_WIDTH, _WHERE_WIDTH = 70, 40


def _table(writer: SheetWriter, row: int, heads: Sequence[str],
           rows: Iterable[Sequence[object]], wrap: Sequence[int] = (),
           filter_: bool = False, widths: Mapping[int, float] | None = None,
           **extra: Any) -> int:
    """A header and its rows from ``row``; returns the first free row after a blank one."""
    header_row(writer, row, heads, widths=widths)
    last = row
    for last, values in enumerate(rows, start=row + 1):
        for col, value in enumerate(values):
            props: dict[str, Any] = {**CELL, **extra}
            if col in wrap:
                props["text_wrap"] = True
            writer.put(last, col, value, **props)
        lines = max((text_lines(str(values[c]), (widths or {}).get(c, _WRAP_WIDTH))
                     for c in wrap if c < len(values)), default=1)
        if lines > 1:
            writer.sheet.set_row(last, row_height(lines))
    if filter_:
        writer.sheet.autofilter(row, 0, last, len(heads) - 1)
    return last + 2


def _join(values: Iterable[object]) -> str:
    return ", ".join(str(v) for v in values)


def _number(value: float | int | None) -> object:
    return "" if value is None else value


def write_estate_sheet(book: Workbook, styles: Styles, ctx: ExportContext) -> None:
    """Servers with the planner's assessment, then sites, DAGs, databases, connectors, ..."""
    sheet = book.add_worksheet(ctx.text("sheet.estate"))
    writer, t = SheetWriter(sheet, styles), ctx.text
    title_block(writer, ctx, "title.estate")
    heads = [t(f"col.{k}") for k in ("name", "fqdn", "site", "roles", "build", "product",
                                     "release", "path", "judged", "supported", "os", "dag",
                                     "mailboxes", "data_gb", "notes")]
    section(writer, 3, t("section.servers"))
    row = _table(writer, 4, heads, _server_rows(ctx), wrap=(14,), filter_=True)
    sheet.freeze_panes(5, 1)
    for key, cols, values in _estate_tables(ctx):
        if values:
            section(writer, row, t(f"section.{key}"))
            row = _table(writer, row + 1, [t(f"col.{c}") for c in cols], values)
    # Relay clients with what the transport logs saw, and the mail flows (transport_listing).
    for title, listing in _transport_tables(ctx):
        if listing.rows:
            section(writer, row, title)
            row = _table(writer, row + 1, list(listing.head), [list(r) for r in listing.rows])
    writer.fit_columns(minimum=8, maximum=_WRAP_WIDTH, fixed={14: _WRAP_WIDTH})
    print_setup(sheet, ctx, t("sheet.estate"), (4, 4), widths=writer.column_widths.values())


def _server_rows(ctx: ExportContext) -> list[list[object]]:
    """One row per server: the inventory's columns with the planner's assessment."""
    assessed = {a.name.lower(): a for a in ctx.plan.proposal.servers}
    rows: list[list[object]] = []
    for s in ctx.plan.estate.servers:
        a = assessed.get(s.name.lower())
        rows.append([s.name, s.fqdn, s.site, _join(s.roles), s.build,
                     a.product if a else "", a.release if a else "",
                     ctx.text(PATHS[a.path].label_key) if a else "",
                     ctx.yes_no(a.judged_by_exo if a else s.judged_by_exo),
                     ctx.yes_no(a.supported) if a else "", s.os, s.dag,
                     _number(s.mailbox_count), _number(s.mailbox_data_gb), s.notes])
    return rows


def _estate_tables(ctx: ExportContext) -> list[tuple[str, list[str], list[list[object]]]]:
    """(section key, column keys, rows) of the estate's other records, in sheet order."""
    estate = ctx.plan.estate
    return [
        ("sites", ["name", "country", "subdivision", "internet_facing"],
         [[s.name, s.country, s.subdivision, ctx.yes_no(s.internet_facing)]
          for s in estate.sites]),
        ("dags", ["name", "members", "witness"],
         [[d.name, _join(d.members), d.witness] for d in estate.dags]),
        ("databases", ["name", "server", "dag", "size_gb", "mailboxes"],
         [[d.name, d.server, d.dag, _number(d.size_gb), _number(d.mailbox_count)]
          for d in estate.databases]),
        ("connectors", ["name", "type", "servers", "address_spaces", "smart_hosts", "fqdn",
                        "bindings", "remote_ip_ranges", "permission_groups"],
         [[c.name, ctx.text(f"connector_type.{c.type.value}"), _join(c.servers),
           _join(c.address_spaces), _join(c.smart_hosts), c.fqdn, _join(c.bindings),
           _join(c.remote_ip_ranges), _join(c.permission_groups)] for c in estate.connectors]),
        ("namespaces", ["name", "services", "servers", "load_balancer", "certificate"],
         [[n.name, _join(n.services), _join(n.servers), n.load_balancer, n.certificate]
          for n in estate.namespaces]),
    ]


def _transport_tables(ctx: ExportContext) -> list[tuple[str, Listing]]:
    estate, lang = ctx.plan.estate, ctx.lang
    return [(ctx.text("section.relay_clients"),
             relay_listing(estate, lang, ctx.plan.proposal.steps)),
            (catalogue(lang)("transport.flow_title"), flow_listing(estate, lang))]


def write_findings_sheet(book: Workbook, styles: Styles, ctx: ExportContext) -> None:
    """Every finding, errors first, with where it was found."""
    sheet = book.add_worksheet(ctx.text("sheet.findings"))
    writer, t = SheetWriter(sheet, styles), ctx.text
    title_block(writer, ctx, "title.findings")
    # the area a finding comes from, never its code (a support reference, not for customers);
    # one place column, as the report has it: a cell of an input file, the transport logs
    # that show it, or the entity it concerns. Separate file/sheet/row/column columns stood
    # empty for every finding but the importer's, and a PMO read them as lost data.
    heads = [t(f"col.{k}") for k in ("severity", "area", "message", "where")]
    header_row(writer, 3, heads)
    findings = sorted(ctx.plan.findings, key=lambda f: _SEVERITY_ORDER.get(f.severity, 3))
    if not findings:
        writer.put(4, 0, t("section.no_findings"), measure=False, italic=True)
    for row, f in enumerate(findings, start=4):
        writer.put(row, 0, catalogue(ctx.lang)(SEVERITIES[f.severity.value].label_key), bold=True,
                   bg_color=_SEVERITY_COLOURS.get(f.severity, COLOURS["paper"]), **CELL)
        text, where = f.message(ctx.lang), finding_place(f, ctx.lang)
        for col, value in enumerate((finding_area(f, ctx.lang), text, where), start=1):
            writer.put(row, col, value, text_wrap=col >= 2, **CELL)
        sheet.set_row(row, row_height(max(text_lines(text, _MESSAGE_WIDTH),
                                          text_lines(where, _WHERE_WIDTH))))
    sheet.autofilter(3, 0, max(3 + len(findings), 4), len(heads) - 1)
    sheet.freeze_panes(4, 0)
    writer.fit_columns(minimum=6, maximum=30, fixed={2: _MESSAGE_WIDTH, 3: _WHERE_WIDTH})
    print_setup(sheet, ctx, t("sheet.findings"), (3, 3), widths=writer.column_widths.values())


def _plain(value: object, lang: str) -> object:
    """A fact's value as a cell value: dates and numbers stay typed, yes/no in the language,
    text values (``side_by_side``) in words, the rest as written."""
    if isinstance(value, bool):
        return catalogue(lang)("common.yes" if value else "common.no")
    if isinstance(value, date | int | float) or value is None:
        return value
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, str | list | tuple | set | frozenset):
        return value_words(catalogue(lang), value)
    return str(value)


def _fmt_date(ctx: ExportContext, d: date) -> str:
    return date_text(d, ctx.lang)


def _settings_rows(ctx: ExportContext) -> list[list[object]]:
    s, t = ctx.plan.settings, ctx.text
    pauses = "; ".join(f"{_fmt_date(ctx, d)} +{n}" for d, n in s.fixed_pauses or ())
    detected = "; ".join(f"{k}: {_fmt_date(ctx, v)}" for k, v in s.first_detected.items())
    return [
        [t("setting.customer"), s.customer or ctx.plan.estate.organization.customer],
        [t("setting.company"), s.company], [t("setting.version"), s.plan_version],
        [t("setting.start"), s.start],
        [t("setting.calendar"), holiday_regions_text(s, ctx.plan.estate, ctx.lang)],
        [t("setting.working_holidays"), "; ".join(
            _fmt_date(ctx, e) if isinstance(e := holiday_entry(h), date) else e
            for h in s.working_holidays) or t("setting.none")],
        [t("setting.language"),  # the plan's language, named in the workbook's language
         catalogue(s.language).locale.get_language_name(catalogue(ctx.lang).locale)],
        [t("setting.maintenance_days"), _join(t(f"weekday_short.{d.lower()}")
                                              for d in s.maintenance_days)],
        [t("setting.complete_moves"),
         catalogue(ctx.lang)("common.yes" if s.complete_moves_in_window else "common.no")],
        [t("setting.pause_days_used"), "; ".join(f"{y}: {n}" for y, n in
                                                 sorted(s.pause_days_used.items()))],
        [t("setting.first_detected"), detected],
        [t("setting.fixed_pauses"), pauses or t("setting.none")],
        [t("setting.throughput"), s.throughput_gb_per_day or t("setting.default")],
        [t("setting.solver_limit"), s.solver_time_limit_s],
    ]


def _objective_rows(ctx: ExportContext) -> list[list[object]]:
    o, t = ctx.plan.schedule.objective, ctx.text
    status = f"report.status_{o.status}"
    words = catalogue(ctx.lang)
    return [[t("setting.status"), words(status) if words.has(status) else o.status],
            [t("setting.finish"), o.finish or ""],
            [t("setting.blocked_days", day=words.date(ctx.plan.counted_from)), o.blocked_days],
            [t("setting.throttled_days", day=words.date(ctx.plan.counted_from)),
             o.throttled_days],
            [t("setting.pause_days"), o.pause_days], [t("setting.gap"), o.gap],
            [t("setting.reason"), o.reason(ctx.lang)]]


def _decision_rows(ctx: ExportContext) -> list[list[object]]:
    """The consultant's decisions in words: steps by title, paths and rules by name (a pin
    on a step the plan no longer has is a finding, not an assumption of this plan)."""
    d, t = ctx.plan.decisions, ctx.text
    dated_ids = {*d.pins, *d.not_before}  # titles of those only: 8,000 steps are not free
    titles = {s.id: s.title(ctx.lang) for s in ctx.plan.proposal.steps if s.id in dated_ids}

    def path(value: str) -> str:
        return t(PATHS[value].label_key) if value in PATHS else value.replace("_", " ")

    def dated(table: Mapping[str, date]) -> str:
        return "; ".join(f"{titles[k]}: {_fmt_date(ctx, v)}"
                         for k, v in sorted(table.items(), key=lambda kv: kv[1]) if k in titles)

    rows: list[list[object]] = [
        [t("setting.excluded"), _join(sorted(d.excluded_servers))],
        [t("setting.paths"), "; ".join(f"{k}: {path(v)}" for k, v in d.paths.items())],
        [t("setting.disabled_rules"),
         _join(sorted(rule_title(r, ctx.knowledge, ctx.lang) for r in d.disabled_rules))],
        [t("setting.pins"), dated(d.pins)],
        [t("setting.not_before"), dated(d.not_before)],
        [t("setting.repoint"), _join(sorted(d.repoint_exo_connector))],
        [t("setting.new_servers"), "; ".join(f"{k}: {v}" for k, v in d.new_servers.items())],
    ]
    return [r for r in rows if r[1]]


def _customer_decision_rows(ctx: ExportContext) -> list[list[object]]:
    """The customer's decisions with the day the plan needs each by and their task ids, as
    the report's decisions table has them (planner.core.decision_dates)."""
    words = catalogue(ctx.lang)
    rows: list[list[object]] = []
    for d in customer_decisions(ctx.plan, ctx.knowledge,
                                lambda kind: words.has(f"report.decision.{kind}")):
        if d.pause is not None:
            start, end, days = d.pause
            text = words.plural("report.decision_pause", days, start=words.date(start),
                                end=words.date(end))
        else:
            text = words.plural(f"report.decision.{d.kind}", len(d.step_ids),
                                names=words.names(list(d.targets)))
        ids = sorted(ctx.outline.ids[i] for i in d.step_ids if i in ctx.outline.ids)
        rows.append([text, d.due, _join(ids)])
    return rows


def _knowledge_parts(ctx: ExportContext) -> list[tuple[str, list[str], list[list[object]]]]:
    k, s = ctx.knowledge, ctx.plan.settings
    Rows = list[list[object]]
    words = catalogue(ctx.lang)

    def cite(source: str) -> str:
        return source_words(words, source)

    durations: Rows = [[knowledge_name(words, kind),
                        _plain(s.durations.get(kind, f.value), ctx.lang), cite(f.source),
                        f.as_of, f.value if kind in s.durations else ""]
                       for kind, f in sorted(k.durations.items())]
    # the last day of the stage, as the report's "0–29" (the data's end_day is exclusive:
    # "Until day 30" beside the report's 29 read as a day's difference between deliverables)
    stages: Rows = [[st.number, st.start_day, "" if st.end_day is None else st.end_day - 1,
                     ctx.text(STAGE_KINDS[st.kind].label_key),
                     st.action(ctx.lang),
                     st.smtp, cite(st.source), st.as_of] for st in k.policy.stages]
    baselines: Rows = [[b.product, b.line, b.min_build, b.effective_from, cite(b.source), b.as_of]
                       for b in k.policy.baselines]
    facts: Rows = [[knowledge_name(words, f.key), _plain(f.value, ctx.lang),
                    cite(f.source), f.as_of, _confidence(ctx.lang, f.confidence),
                    f.remark(ctx.lang),
                    _plain(f.overridden_from, ctx.lang) if f.overridden_from is not None
                    else ""]
                   for f in sorted(k.facts.values(), key=lambda f: f.key)]
    status = build_list_status(k.builds)
    if status is not None:  # first: what every build number of the plan rests on, how current
        facts.insert(0, [words("report.build_list"), build_list_words(words, status),
                         cite(status.source), status.as_of, _confidence(ctx.lang, "primary"),
                         "", ""])
    return [
        ("durations", ["kind", "working_days", "source", "as_of", "overridden"], durations),
        ("stages", ["stage", "from_day", "to_day", "kind", "action", "smtp", "source", "as_of"],
         stages),
        ("baselines", ["product", "line", "min_build", "effective", "source", "as_of"],
         baselines),
        ("facts", ["key", "value", "source", "as_of", "confidence", "note", "overridden"],
         facts),
    ]


def _confidence(lang: str, confidence: str) -> str:
    key = f"report.confidence_{confidence}"
    return catalogue(lang)(key) if catalogue(lang).has(key) else ""


def write_assumptions_sheet(book: Workbook, styles: Styles, ctx: ExportContext) -> None:
    """Settings, decisions, the objective reached, and every knowledge fact with its source."""
    sheet = book.add_worksheet(ctx.text("sheet.assumptions"))
    writer, t, s = SheetWriter(sheet, styles), ctx.text, ctx.plan.settings
    title_block(writer, ctx, "title.assumptions")
    kv = [t("col.key"), t("col.value")]
    row = 3
    blocks: list[tuple[str, list[str], list[list[object]]]] = [
        ("settings", kv, _settings_rows(ctx)),
        ("consultants", [t("col.name"), t("setting.days_per_week"), t("setting.absent")],
         [[c.name, c.days_per_week, "; ".join(f"{_fmt_date(ctx, a)} – {_fmt_date(ctx, b)}"
                                              for a, b in c.absent)] for c in s.consultants]),
        ("freezes", [t("col.start"), t("col.finish"), t("col.name")],
         [[f.start, f.end, f.name] for f in s.freezes]),
        ("customer_decisions", [catalogue(ctx.lang)(f"report.{k}")
                                for k in ("col_decision", "col_deadline", "col_no")],
         _customer_decision_rows(ctx)),
        ("decisions", kv, _decision_rows(ctx)),
        ("objective", kv, _objective_rows(ctx)),
    ]
    blocks += [(key, [t("col.stage", n="").strip() if c == "stage" else t(f"col.{c}")
                      for c in cols], rows) for key, cols, rows in _knowledge_parts(ctx)]
    for key, heads, rows in blocks:
        if rows:
            section(writer, row, t(f"section.{key}"))
            row = _table(writer, row + 1, heads, rows, wrap=tuple(_ASSUMPTION_WIDTHS),
                         widths=_ASSUMPTION_WIDTHS, align="left")
    writer.fit_columns(fixed=_ASSUMPTION_WIDTHS)
    print_setup(sheet, ctx, t("sheet.assumptions"), (0, 1),
                widths=writer.column_widths.values())

