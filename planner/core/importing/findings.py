"""Every problem the importer can report: stable codes and severities.

The words are the catalogues' ``findings.<CODE>`` (``resources/text/<lang>/findings.toml``):
a finding carries its code and the facts it names as typed fields, and the edges word it
per language. Call :func:`finding` with the code, the location and the facts; a count with
its noun is a :class:`Counted`, a field's name a :class:`FieldName`, a place a
:class:`Where`, a target such as ``server:EX01`` its kind's words ("Server EX01").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import MISSING, dataclass
from dataclasses import fields as fields_of
from typing import Any

from planner.core.explanation import Field, Message, message
from planner.core.importing.transport_findings import TRANSPORT_SEVERITIES
from planner.core.model import Finding, LogPlace, Severity
from planner.core.outline import target_message

__all__ = ["SEVERITIES", "Counted", "FieldName", "Where", "finding", "named_findings", "percent"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

SEVERITIES: dict[str, Severity] = {
    "IMPORT-FILE-MISSING": E,
    "IMPORT-FILE-EMPTY": E,
    "IMPORT-FILE-UNSUPPORTED": E,
    "IMPORT-FILE-UNREADABLE": E,
    "IMPORT-FILE-PACKED": E,
    "IMPORT-XML-REFUSED": E,
    "IMPORT-FILE-TOO-LARGE": E,
    "IMPORT-PIPE-TOO-LARGE": E,
    "IMPORT-FILE-GIVEN-TWICE": W,
    "IMPORT-ZIP-SEALED": E,
    "IMPORT-WORKBOOK-REFUSED": E,
    "IMPORT-SHEET-TOO-LARGE": E,
    "IMPORT-SHEET-HIDDEN": W,
    "IMPORT-RECORD-CUT-OFF": W,
    "IMPORT-CELL-ERRORS": W,
    "IMPORT-FORMULAS-UNCALCULATED": W,
    "IMPORT-TEXT-TOO-LARGE": E,
    "IMPORT-ENCODING-UNKNOWN": E,
    "IMPORT-ENCODING-BAD-LINES": W,
    "IMPORT-ENCODING-WINDOWS": INFO,
    "IMPORT-CSV-QUOTE-UNCLOSED": E,
    "IMPORT-ROW-TOO-WIDE": E,
    "IMPORT-ROW-MORE-CELLS": W,
    "IMPORT-TABLE-TOO-LONG": E,
    "IMPORT-SHEET-UNRECOGNISED": W,
    "IMPORT-TABLE-EMPTY": W,
    "IMPORT-COLUMNS-IGNORED": INFO,
    "IMPORT-COLUMN-NO-HEADER": W,
    "IMPORT-COLUMN-GUESSED": INFO,
    "IMPORT-ROW-EXAMPLE": INFO,
    "IMPORT-PROJECT-LOGO": W,
    "IMPORT-SETTINGS-OVER-SHEET": INFO,
    "IMPORT-ROW-TOTAL": INFO,
    "IMPORT-ROW-NO-NAME": W,
    "IMPORT-SERVER-NAME-INVALID": E,
    "IMPORT-NAME-LOOKS-TWICE": E,
    "IMPORT-NAME-MIXED-SCRIPT": W,
    "IMPORT-DAG-NAME-INVALID": E,
    "IMPORT-WITNESS-INVALID": E,
    "IMPORT-NAMESPACE-INVALID": E,
    "IMPORT-RELAY-HOSTS-SPLIT": W,
    "IMPORT-RELAY-NAME-TWICE": W,
    "IMPORT-FQDN-TWICE": W,
    "IMPORT-VALUE-INVALID": W,
    "IMPORT-VALUE-TOO-LONG": W,
    "IMPORT-VALUE-IMPLAUSIBLE": E,
    "IMPORT-DATE-IMPLAUSIBLE": E,
    "IMPORT-NUMBER-AMBIGUOUS": W,
    "IMPORT-DATE-AMBIGUOUS": W,
    "IMPORT-PS-TYPENAME": W,
    "IMPORT-LIST-TRUNCATED": W,
    "IMPORT-IP-RANGE-INVALID": W,
    "IMPORT-ROLE-UNKNOWN": W,
    "IMPORT-CONNECTOR-TYPE-UNKNOWN": W,
    "IMPORT-CONNECTOR-IGNORED": INFO,
    "IMPORT-DUPLICATE": W,
    "IMPORT-CONFLICT": W,
    "IMPORT-BUILD-MORE-PRECISE": INFO,
    "IMPORT-BUILD-MISSING": E,
    "IMPORT-BUILD-UNPARSEABLE": E,
    "IMPORT-BUILD-TOO-OLD": E,
    "IMPORT-BUILD-UNCERTAIN": W,
    "IMPORT-ROLES-MISSING": W,
    "IMPORT-DAG-UNLISTED": W,
    "IMPORT-DAG-MEMBER-TWICE": W,
    "IMPORT-REF-UNKNOWN-SERVER": W,
    "IMPORT-REF-UNKNOWN-DAG": W,
    "IMPORT-REF-UNKNOWN-CONNECTOR": W,
    "IMPORT-SITE-UNLISTED": INFO,
    "IMPORT-HYBRID-INFERRED": INFO,
    "IMPORT-EXO-UNKNOWN-SERVER": W,
    "IMPORT-EXO-BUILD-DIFFERS": W,
    "IMPORT-HEALTHCHECKER-PARTIAL": W,
    "IMPORT-HEALTHCHECKER-SEVERAL": W,
    "IMPORT-PROJECT-KEY": W,
    "IMPORT-PROJECT-SETTING": E,
    "IMPORT-NOTHING": E,
    **TRANSPORT_SEVERITIES,
}


@dataclass(frozen=True)
class Where:
    """A location in the input: file, sheet and 1-based row."""

    file: str = ""
    sheet: str = ""
    row: int | None = None

    def message(self) -> Message:
        """The place as a message (``common.place.<parts>``): file, sheet and row in the
        reader's words."""
        parts = {"file": self.file, "sheet": self.sheet,
                 "row": str(self.row) if self.row is not None else ""}
        present = {k: v for k, v in parts.items() if v}
        return message("common.place." + ("_".join(present) or "none"), **present)


def finding(code: str, where: Where | None = None, column: str = "", target: str = "", *,
            log_place: LogPlace | None = None, **facts: Any) -> Finding:
    """The finding for a code of :data:`SEVERITIES`, with the facts its text names (and,
    for a finding of the transport logs, where in them it was seen)."""
    # records made directly (not through a message or their constructors): an import may
    # make tens of thousands of findings, and a constructor call per field cost a tenth of it
    fields = [_one_slot(k, "text", v) if type(v) is str else _field(k, v) for k, v in facts.items()]
    if target and "target" not in facts:
        fields.append(_field("target", _target(target) if ":" in target else target))
    w = where or _NOWHERE
    record = _new(Finding)
    state = record.__dict__
    state.update(_FINDING_DEFAULTS)
    state["severity"] = SEVERITIES[code]
    state["code"] = code
    state["file"] = w.file
    state["sheet"] = w.sheet
    state["row"] = w.row
    state["column"] = column
    state["target"] = target
    if log_place is not None:
        state["log_place"] = log_place
    state["fields"] = tuple(fields)
    return record  # type: ignore[no-any-return]


def named_findings(code: str, kind: str, places: Sequence[tuple[str, str, int | None, str, str]],
                   **facts: Any) -> list[Finding]:
    """``finding(code, Where(file, sheet, row), column=column, target=f"{kind}:{name}",
    name=name, **facts)`` for each ``(file, sheet, row, column, name)``, made in one pass:
    the fields of ``facts`` are made once and shared, and the name's field is also the one
    in the target's words (records are immutable). Thousands of servers or DAGs each get
    one. A record's dict holds only the fields set here: the others read their defaults,
    which a dataclass keeps as class attributes (the same record, see :mod:`frozen`)."""
    key = _TARGET_KEYS.get(kind)
    if key is None:
        _target(f"{kind}:x")  # looks the kind's words up once
        key = _TARGET_KEYS.get(kind)
    if not key:  # a kind without words: as finding() words it
        return [finding(code, Where(file, sheet, row), column=column, target=f"{kind}:{name}",
                        name=name, **facts) for file, sheet, row, column, name in places]
    shared = tuple(finding(code, **facts).fields)
    severity = SEVERITIES[code]
    prefix = f"{kind}:"
    out = []
    for file, sheet, row, column, name in places:
        # written out, not a helper per record: fields set one by one into each new dict
        # take half the time of a dict given whole or of a call per record
        named = _new(Field)
        state = named.__dict__
        state["name"] = "name"
        state["text"] = name
        words = _new(Message)
        state = words.__dict__
        state["key"] = key
        state["fields"] = (named,)
        target = _new(Field)
        state = target.__dict__
        state["name"] = "target"
        state["message"] = words
        record = _new(Finding)
        state = record.__dict__
        state["severity"] = severity
        state["code"] = code
        state["file"] = file
        state["sheet"] = sheet
        state["row"] = row
        state["column"] = column
        state["target"] = prefix + name
        state["fields"] = (named, *shared, target)
        out.append(record)
    return out


def _target(target: str) -> Message | str:
    """:func:`~planner.core.outline.target_message`, its catalogue key looked up once per
    kind (findings name thousands of servers)."""
    kind, _, name = target.partition(":")
    key = _TARGET_KEYS.get(kind)
    if key is None:
        sample = target_message(f"{kind}:x")
        key = sample.key if isinstance(sample, Message) and sample.fields == (
            Field("name", text="x"),) else ""
        if len(_TARGET_KEYS) < 256:  # kinds are few; a hostile file must not grow this
            _TARGET_KEYS[kind] = key
    if not key:
        return target_message(target)
    record = _new(Message)
    state = record.__dict__
    state["key"] = key
    state["fields"] = (_one_slot("name", "text", name),)
    return record  # type: ignore[no-any-return]


_TARGET_KEYS: dict[str, str] = {}


def percent(fraction: float) -> Message:
    """A share such as 0.69 as the language writes it: "69%", "69 %" (``common.percent``)."""
    return message("common.percent", value=round(fraction * 100))


@dataclass(frozen=True)
class FieldName:
    """An inventory field as a finding names it: ``FieldName("connector", "address_spaces")``
    reads "address spaces" / "Adressräume", never the record field's code."""

    entity: str
    name: str

    def message(self) -> Message:
        """The field's display name (``vocabulary.field.<entity>.<name>``)."""
        return message(f"vocabulary.field.{self.entity}.{self.name}")


@dataclass(frozen=True)
class Counted:
    """A count with its noun, worded per language from the catalogue's plural forms.

    ``Counted("transport.count.message", 1)`` reads "1 message" / "1 Nachricht", and with 3
    "3 messages" / "3 Nachrichten": a finding's text never needs "message(s)".
    """

    key: str
    count: int

    def message(self) -> Message:
        """The count and its noun (the plural form chosen by the count)."""
        return message(self.key, count=self.count, number=self.count)


_NOWHERE = Where()
# Findings, fields and messages are made by filling a new instance's __dict__: the same
# frozen record (equal, hashable, the same repr) as its constructor makes, without a call
# per field (see :mod:`frozen`). The names set below are always the classes' own.
_new = object.__new__
_FINDING_DEFAULTS = {f.name: f.default for f in fields_of(Finding) if f.default is not MISSING}
_FIELD_DEFAULTS = {f.name: f.default for f in fields_of(Field) if f.default is not MISSING}


def _one_slot(name: str, slot: str, value: Any) -> Field:
    """``Field(name, **{slot: value})``, made directly."""
    record = _new(Field)
    state = record.__dict__
    state.update(_FIELD_DEFAULTS)
    state["name"] = name
    state[slot] = value
    return record  # type: ignore[no-any-return]


def _field(name: str, value: Any) -> Field:
    """A fact as a message field: places, counts and field names as messages, a yes/no as
    the language's word, the rest typed as :func:`message` types it."""
    if type(value) is str:  # most facts: a name or a cell's text
        return _one_slot(name, "text", value)
    if type(value) is Message:  # a target, a reason
        return _one_slot(name, "message", value)
    return message("", **{name: _typed(value)}).fields[0]


def _typed(value: Any) -> Any:
    if isinstance(value, Where | FieldName | Counted):
        return value.message()
    if isinstance(value, bool):
        return message("common.yes" if value else "common.no")
    return value
