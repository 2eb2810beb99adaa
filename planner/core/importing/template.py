"""The inventory template: one sheet per entity, explained headers, validation, a Project sheet.

``write_template(path)`` writes the empty template with one example row per sheet (marked so
the importer skips it). The bundled samples are written by the same function with real rows,
so the samples are always in the template's current shape.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from planner.core.importing.schema import ENTITIES, EXAMPLE_MARKER, Entity, FieldSpec
from planner.core.replace_file import replace_file
from planner.core.vocabulary import COLOURS

__all__ = ["DEFAULT_PROJECT", "EXAMPLE_ROWS", "PROJECT_SHEET", "flatten_project", "write_template"]

PROJECT_SHEET = "Project"
_FIXED_TIME = datetime(2026, 1, 1)  # fixed document dates keep generated files reproducible

EXAMPLE_ROWS: dict[str, dict[str, Any]] = {
    "organization": {"customer": "Contoso GmbH", "hybrid": "yes",
                     "tenant": "contoso.onmicrosoft.com", "forest": "contoso.local"},
    "site": {"name": "Berlin", "internet_facing": "yes", "country": "DE", "subdivision": "BE",
             "timezone": "Europe/Berlin"},
    "server": {"name": "EX01", "fqdn": "ex01.contoso.local", "site": "Berlin",
               "roles": "Mailbox", "build": "15.2.1748.39", "os": "Windows Server 2022",
               "dag": "DAG01", "virtual": "yes", "mailbox_count": 850, "mailbox_data_gb": 1200},
    "dag": {"name": "DAG01", "members": "EX01; EX02", "witness": "FS01"},
    "database": {"name": "DB01", "dag": "DAG01", "size_gb": 600, "mailbox_count": 420},
    "connector": {"name": "Outbound to Office 365", "type": "send", "servers": "EX01; EX02",
                  "address_spaces": "contoso.mail.onmicrosoft.com", "cloud_mail_enabled": "yes"},
    "relay_client": {"name": "Scanner 2. OG", "host": "10.1.2.50", "connector": "Relay",
                     "server": "EX01", "owner": "IT Betrieb"},
    "namespace": {"name": "mail.contoso.com", "services": "OWA; EAS; EWS; MAPI",
                  "servers": "EX01; EX02", "load_balancer": "LB01",
                  "certificate": "mail.contoso.com"},
    "exo_report": {"server_fqdn": "ex01.contoso.com", "build": "15.2.1748.39",
                   "first_detected": date(2026, 3, 2)},
}

DEFAULT_PROJECT: dict[str, Any] = {
    "project": {"customer": "Contoso GmbH", "start": date(2026, 12, 1), "country": "DE",
                "subdivision": "BY", "language": "de"},
    "consultants": [{"name": "Consultant 1", "days_per_week": 5}],
    "freezes": [{"name": "Jahresende", "start": date(2026, 12, 21), "end": date(2027, 1, 6)}],
    "windows": {"maintenance_days": ["Sat"]},
    "calendar": {"working_holidays": ""},
}

_PROJECT_HELP: dict[str, tuple[str, str]] = {
    "project.customer": ("Customer name", "Kundenname"),
    "project.start": ("Earliest start of the work", "Frühester Arbeitsbeginn"),
    "project.country": ("Country for holidays (ISO code)", "Land für Feiertage (ISO-Code)"),
    "project.subdivision": ("State for holidays, e.g. BY", "Bundesland für Feiertage, z. B. BY"),
    "project.language": ("Report language: de or en", "Berichtssprache: de oder en"),
    "windows.maintenance_days": ("Maintenance window days, a list",
                                 "Wartungsfenster-Tage, eine Liste"),
    "calendar.working_holidays": ("Public holidays the customer works, separated by ';'",
                                  "Feiertage, an denen der Kunde arbeitet, getrennt durch ';'"),
}


def flatten_project(table: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Nested settings as (dotted key, value) rows; list items get 1-based indexes."""
    rows: list[tuple[str, Any]] = []
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            rows.extend(flatten_project(value, dotted + "."))
        elif isinstance(value, list | tuple) and value and isinstance(value[0], Mapping):
            for i, item in enumerate(value, start=1):
                rows.extend(flatten_project(item, f"{dotted}.{i}."))
        elif isinstance(value, list | tuple):
            rows.append((dotted, "[" + ", ".join(_toml_scalar(v) for v in value) + "]"))
        else:
            rows.append((dotted, value))
    return rows


def _toml_scalar(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):  # nested arrays, e.g. a consultant's absent ranges
        return "[" + ", ".join(_toml_scalar(v) for v in value) + "]"
    return str(value)


def write_template(
    path: Path,
    rows: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    project: Mapping[str, Any] | None = None,
) -> None:
    """Write the inventory workbook; without ``rows`` each sheet gets one marked example row.
    Raises OutputFileError naming the file when it cannot be written (nothing is left)."""
    replace_file(path, lambda partial: _write_book(partial, rows, project))


def _write_book(path: Path, rows: Mapping[str, Sequence[Mapping[str, Any]]] | None,
                project: Mapping[str, Any] | None) -> None:
    book = xlsxwriter.Workbook(str(path), {"default_date_format": "yyyy-mm-dd"})
    book.set_properties({"title": "Exchange inventory", "created": _FIXED_TIME})
    styles = _styles(book)
    for ent in ENTITIES:
        sheet_rows = list(rows.get(ent.key, ())) if rows is not None else None
        _write_entity_sheet(book, styles, ent, sheet_rows)
    _write_project_sheet(book, styles, DEFAULT_PROJECT if project is None else project)
    book.close()


def _styles(book: Any) -> dict[str, Any]:
    return {
        "header": book.add_format({"bold": True, "bg_color": COLOURS["accent"],
                                   "font_color": COLOURS["paper"], "border": 1}),
        "example": book.add_format({"italic": True, "font_color": COLOURS["example"]}),
        "example_date": book.add_format({"italic": True, "font_color": COLOURS["example"],
                                         "num_format": "yyyy-mm-dd"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "plain": None,
    }


def _write_entity_sheet(book: Any, styles: dict[str, Any], ent: Entity,
                        rows: list[Mapping[str, Any]] | None) -> None:
    sheet = book.add_worksheet(ent.sheet)
    for col, spec in enumerate(ent.fields):
        sheet.write_string(0, col, spec.title, styles["header"])
        sheet.write_comment(0, col, _comment(spec), {"x_scale": 2, "y_scale": 1.5})
        sheet.set_column(col, col, max(12, len(spec.title) + 4))
        if spec.choices:
            sheet.data_validation(1, col, 5000, col, {
                "validate": "list", "source": list(spec.choices),
                "error_type": "warning",
                "input_title": spec.title[:32], "input_message": spec.help_de[:255],
            })
    sheet.freeze_panes(1, 0)
    example = rows is None
    data = [EXAMPLE_ROWS.get(ent.key, {})] if rows is None else rows
    for r, record in enumerate(data, start=1):
        for col, spec in enumerate(ent.fields):
            _write_value(sheet, r, col, record.get(spec.name), styles, example)
        if example:
            sheet.write_string(r, len(ent.fields), EXAMPLE_MARKER, styles["example"])


def _comment(spec: FieldSpec) -> str:
    required = " (required / Pflicht)" if spec.required else ""
    return f"{spec.title}{required}\nEN: {spec.help_en}\nDE: {spec.help_de}"


def _write_value(sheet: Any, row: int, col: int, value: Any, styles: dict[str, Any],
                 example: bool) -> None:
    if value is None or value == "":
        return
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        value = "yes" if value else "no"
    if isinstance(value, date):
        fmt = styles["example_date"] if example else styles["date"]
        sheet.write_datetime(row, col, datetime(value.year, value.month, value.day), fmt)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, styles["example"] if example else None)
    else:
        sheet.write_string(row, col, str(value), styles["example"] if example else None)


def _write_project_sheet(book: Any, styles: dict[str, Any], project: Mapping[str, Any]) -> None:
    sheet = book.add_worksheet(PROJECT_SHEET)
    for col, title in enumerate(("Key", "Value", "Description / Beschreibung")):
        sheet.write_string(0, col, title, styles["header"])
    sheet.write_comment(0, 0, "Dotted keys as in the settings TOML; list items are numbered "
                              "(consultants.1.name).\nPunkt-Schlüssel wie in der TOML-Datei; "
                              "Listeneinträge sind nummeriert.", {"x_scale": 2, "y_scale": 1.5})
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 24)
    sheet.set_column(2, 2, 60)
    for r, (key, value) in enumerate(flatten_project(project), start=1):
        sheet.write_string(r, 0, key)
        _write_value(sheet, r, 1, value, styles, example=False)
        help_en, help_de = _PROJECT_HELP.get(key, ("", ""))
        if help_en:
            sheet.write_string(r, 2, f"{help_en} / {help_de}")
