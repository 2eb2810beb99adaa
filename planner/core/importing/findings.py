"""Every problem the importer can report: stable codes, severities and en/de texts.

Keeping the texts in one table keeps codes stable and both languages side by side. Call
:func:`finding` with the code, the location and the message parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.core.bilingual import in_language
from planner.core.catalogue import catalogue
from planner.core.importing.transport_findings import TRANSPORT_FINDINGS
from planner.core.model import Finding, Severity
from planner.core.outline import target_label

__all__ = ["CATALOG", "Counted", "FieldName", "Where", "Worded", "finding"]

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

CATALOG: dict[str, tuple[Severity, str, str]] = {
    "IMPORT-FILE-MISSING": (E, "The file does not exist or cannot be opened: {detail}",
                            "Die Datei fehlt oder lässt sich nicht öffnen: {detail}"),
    "IMPORT-FILE-EMPTY": (E, "The file is empty.", "Die Datei ist leer."),
    "IMPORT-FILE-UNSUPPORTED": (
        E, "Not a spreadsheet, CSV, text report or HealthChecker XML ({detail}); nothing read.",
        "Keine Tabelle, CSV-Datei, Textbericht oder HealthChecker-XML ({detail}); nichts gelesen."),
    "IMPORT-FILE-UNREADABLE": (E, "The file could not be read: {detail}",
                               "Die Datei ließ sich nicht lesen: {detail}"),
    "IMPORT-FILE-TOO-LARGE": (
        E, "The file would unpack to {detail}; refused as a safety measure.",
        "Die Datei würde sich auf {detail} entpacken; aus Sicherheitsgründen abgelehnt."),
    "IMPORT-WORKBOOK-REFUSED": (
        E, "Not read as a safety measure: {detail}. An inventory is far smaller; save the "
        "workbook again (or as CSV) after removing stray cells far below or right of the data.",
        "Aus Sicherheitsgründen nicht gelesen: {detail}. Ein Bestand ist viel kleiner; Mappe "
        "neu speichern (oder als CSV), nachdem verstreute Zellen weit unter oder rechts der "
        "Daten entfernt sind."),
    "IMPORT-SHEET-TOO-LARGE": (
        E, "The sheet spans {detail}; not read. Remove stray cells far below or right of the "
        "table (Ctrl+End shows the last one).",
        "Das Blatt umfasst {detail}; nicht gelesen. Verstreute Zellen weit unter oder rechts "
        "der Tabelle entfernen (Strg+Ende zeigt die letzte)."),
    "IMPORT-TEXT-TOO-LARGE": (
        E, "The file holds {detail} MB of text; refused as a safety measure. An inventory or "
        "report is far smaller: split the file or remove unrelated lines.",
        "Die Datei enthält {detail} MB Text; aus Sicherheitsgründen abgelehnt. Ein Bestand "
        "oder Bericht ist viel kleiner: Datei aufteilen oder fremde Zeilen entfernen."),
    "IMPORT-ENCODING-UNKNOWN": (
        E, "The text is neither UTF-8 nor Windows-1252 (perhaps Shift-JIS or Cyrillic); names "
        "with other letters will be wrong. Save the file as UTF-8 and import it again.",
        "Der Text ist weder UTF-8 noch Windows-1252 (vielleicht Shift-JIS oder kyrillisch); "
        "Namen mit anderen Buchstaben werden falsch. Datei als UTF-8 speichern und neu "
        "importieren."),
    "IMPORT-ENCODING-BAD-LINES": (
        W, "Read as UTF-8, but these lines hold bytes that are not UTF-8 (shown as �): {detail}.",
        "Als UTF-8 gelesen, aber diese Zeilen enthalten Bytes, die kein UTF-8 sind (als � "
        "gezeigt): {detail}."),
    "IMPORT-ENCODING-WINDOWS": (INFO, "Read as Windows-1252 (the file is not UTF-8).",
                                "Als Windows-1252 gelesen (die Datei ist kein UTF-8)."),
    "IMPORT-CSV-QUOTE-UNCLOSED": (
        E, "A quote opens a cell here and does not close before the next row; the quote was "
        "read as text and the following rows as rows. Check this row.",
        "Ein Anführungszeichen öffnet hier eine Zelle und schließt nicht vor der nächsten "
        "Zeile; es wurde als Text gelesen, die folgenden Zeilen als Zeilen. Zeile prüfen."),
    "IMPORT-ROW-TOO-WIDE": (E, "The row has more than {detail} cells; the rest was not read.",
                            "Die Zeile hat mehr als {detail} Zellen; der Rest wurde nicht "
                            "gelesen."),
    "IMPORT-TABLE-TOO-LONG": (
        E, "The table has more than {detail} rows; only the first {detail} were read. An "
        "Exchange inventory is far smaller: split the file or remove unrelated rows.",
        "Die Tabelle hat mehr als {detail} Zeilen; nur die ersten {detail} wurden gelesen. Ein "
        "Exchange-Bestand ist viel kleiner: Datei aufteilen oder fremde Zeilen entfernen."),
    "IMPORT-SHEET-UNRECOGNISED": (
        W, "No known column headers found; nothing imported from here. Map the columns by hand.",
        "Keine bekannten Spaltenüberschriften gefunden; nichts übernommen. Spalten bitte "
        "manuell zuordnen."),
    "IMPORT-COLUMNS-IGNORED": (INFO, "Columns not used: {detail}",
                               "Nicht verwendete Spalten: {detail}"),
    "IMPORT-COLUMN-GUESSED": (
        INFO, "Column \"{header}\" read as \"{field}\" ({confidence:.0%} sure); check the "
        "mapping.",
        "Spalte \"{header}\" als \"{field}\" gelesen ({confidence:.0%} sicher); Zuordnung "
        "prüfen."),
    "IMPORT-ROW-EXAMPLE": (INFO, "Template example row skipped.",
                           "Beispielzeile der Vorlage übersprungen."),
    "IMPORT-PROJECT-LOGO": (
        W, "The Project sheet names a logo file; ignored. The report's logo comes only from "
        "your own settings, never from a customer's file.",
        "Das Projektblatt nennt eine Logodatei; ignoriert. Das Logo des Berichts kommt nur aus "
        "den eigenen Einstellungen, nie aus einer Kundendatei."),
    "IMPORT-ROW-TOTAL": (INFO, "Total row skipped (it sums up the rows above).",
                         "Summenzeile übersprungen (sie fasst die Zeilen darüber zusammen)."),
    "IMPORT-ROW-NO-NAME": (W, "Row has data but no {field}; skipped.",
                           "Zeile hat Daten, aber kein Feld {field}; übersprungen."),
    "IMPORT-VALUE-INVALID": (W, "\"{value}\" is not a valid {kind}; value ignored.",
                             "\"{value}\" ist kein gültiger Wert ({kind}); ignoriert."),
    "IMPORT-VALUE-TOO-LONG": (
        W, "A cell in \"{header}\" is longer than {limit} characters (\"{value}…\"): no name "
        "or note is that long, perhaps a broken line or quote; value ignored.",
        "Eine Zelle in \"{header}\" ist länger als {limit} Zeichen (\"{value}…\"): kein Name "
        "und keine Notiz ist so lang, vielleicht eine kaputte Zeile oder ein Anführungszeichen; "
        "ignoriert."),
    "IMPORT-VALUE-IMPLAUSIBLE": (
        E, "\"{value}\" in \"{header}\" is outside 0 to {limit} (bytes in a GB column?); "
        "value ignored.",
        "\"{value}\" in \"{header}\" liegt außerhalb von 0 bis {limit} (Bytes in einer "
        "GB-Spalte?); ignoriert."),
    "IMPORT-PS-TYPENAME": (
        W, "PowerShell wrote the type name \"{value}\" instead of the values. Re-export with "
           "@{{n='{header}';e={{$_.{header} -join ';'}}}} in Select-Object.",
        "PowerShell hat den Typnamen \"{value}\" statt der Werte geschrieben. Neu exportieren "
        "mit @{{n='{header}';e={{$_.{header} -join ';'}}}} in Select-Object."),
    "IMPORT-LIST-TRUNCATED": (
        W, "PowerShell cut the list in \"{header}\" short (\"{value}\"): the entries after "
           "the last complete one are missing. Re-export after $FormatEnumerationLimit = -1, "
           "or with @{{n='{header}';e={{$_.{header} -join ';'}}}} in Select-Object.",
        "PowerShell hat die Liste in \"{header}\" gekürzt (\"{value}\"): die Einträge nach "
        "dem letzten vollständigen fehlen. Nach $FormatEnumerationLimit = -1 neu exportieren "
        "oder mit @{{n='{header}';e={{$_.{header} -join ';'}}}} in Select-Object."),
    "IMPORT-ROLE-UNKNOWN": (W, "Unknown server role \"{value}\"; ignored.",
                            "Unbekannte Serverrolle \"{value}\"; ignoriert."),
    "IMPORT-CONNECTOR-TYPE-UNKNOWN": (
        W, "Connector type \"{value}\" is unknown; row skipped (use send, receive, "
           "edge_subscription, exo_inbound or exo_outbound).",
        "Connectortyp \"{value}\" ist unbekannt; Zeile übersprungen (send, receive, "
        "edge_subscription, exo_inbound oder exo_outbound verwenden)."),
    "IMPORT-CONNECTOR-IGNORED": (
        INFO, "Exchange Online connector of type \"{value}\" does not concern on-premises servers; "
           "ignored.",
        "Exchange-Online-Connector vom Typ \"{value}\" betrifft keine lokalen Server; ignoriert."),
    "IMPORT-DUPLICATE": (W, "{target} appears more than once in this table; rows merged.",
                         "{target} steht mehrfach in dieser Tabelle; Zeilen zusammengeführt."),
    "IMPORT-CONFLICT": (
        W, "{target}: {field} is \"{kept}\" in {kept_at} but \"{other}\" here; kept \"{kept}\".",
        "{target}: {field} ist \"{kept}\" in {kept_at}, hier aber \"{other}\"; \"{kept}\" "
        "behalten."),
    "IMPORT-BUILD-MORE-PRECISE": (
        INFO, "{target}: the build is \"{kept}\" in {kept_at} but \"{other}\" here, which shows "
        "the update level; the more precise \"{other}\" is used.",
        "{target}: Der Build ist \"{kept}\" in {kept_at}, hier aber \"{other}\" mit dem "
        "Update-Stand; der genauere Build \"{other}\" wird verwendet."),
    "IMPORT-BUILD-MISSING": (E, "Server {name} has no build; the migration path cannot be chosen.",
                             "Server {name} hat keinen Build; der Migrationsweg ist offen."),
    "IMPORT-BUILD-UNPARSEABLE": (E, "Server {name}: build \"{value}\" is not a build number.",
                                 "Server {name}: \"{value}\" ist keine Buildnummer."),
    "IMPORT-BUILD-UNCERTAIN": (W, "Server {name}: {detail}", "Server {name}: {detail}"),
    "IMPORT-ROLES-MISSING": (W, "Server {name} has no roles; add Mailbox or Edge so the right "
                                "path is chosen.",
                             "Server {name} hat keine Rollen; Mailbox oder Edge ergänzen, damit "
                             "der richtige Weg gewählt wird."),
    "IMPORT-DAG-UNLISTED": (W, "DAG {name} is named by servers but not listed; created from them.",
                            "DAG {name} wird von Servern genannt, ist aber nicht aufgeführt; "
                            "aus ihnen erzeugt."),
    "IMPORT-REF-UNKNOWN-SERVER": (W, "{target} names server {name}, which is not in the inventory.",
                                  "{target} nennt den Server {name}, der im Bestand fehlt."),
    "IMPORT-REF-UNKNOWN-DAG": (W, "{target} names DAG {name}, which is not in the inventory.",
                               "{target} nennt die DAG {name}, die im Bestand fehlt."),
    "IMPORT-REF-UNKNOWN-CONNECTOR": (
        W, "{target} names connector {name}, which is not in the inventory.",
        "{target} nennt den Connector {name}, der im Bestand fehlt."),
    "IMPORT-SITE-UNLISTED": (
        INFO, "Site {name} is used by servers but not listed; holidays come from the project "
           "settings.",
        "Standort {name} wird von Servern genutzt, ist aber nicht aufgeführt; Feiertage aus den "
        "Projekteinstellungen."),
    "IMPORT-HYBRID-INFERRED": (
        INFO, "The organization is treated as hybrid; connectors to Exchange Online: {detail}.",
        "Die Organisation wird als hybrid behandelt; Connectoren zu Exchange Online: {detail}."),
    "IMPORT-EXO-UNKNOWN-SERVER": (
        W, "Exchange Online reports server {name}, which is not in the inventory.",
        "Exchange Online meldet den Server {name}, der im Bestand fehlt."),
    "IMPORT-EXO-BUILD-DIFFERS": (
        W, "Exchange Online saw build {other} on {name}; the inventory says {value}.",
        "Exchange Online sah auf {name} den Build {other}; im Bestand steht {value}."),
    "IMPORT-HEALTHCHECKER-PARTIAL": (
        W, "HealthChecker file read only partly: {detail}.",
        "HealthChecker-Datei nur teilweise gelesen: {detail}."),
    "IMPORT-PROJECT-KEY": (W, "Project setting \"{value}\" is not a valid key; ignored.",
                           "Projekteinstellung \"{value}\" ist kein gültiger Schlüssel; "
                           "ignoriert."),
    "IMPORT-NOTHING": (E, "Nothing could be read from the given files.",
                       "Aus den angegebenen Dateien ließ sich nichts lesen."),
    **TRANSPORT_FINDINGS,
}


@dataclass(frozen=True)
class Where:
    """A location in the input: file, sheet and 1-based row."""

    file: str = ""
    sheet: str = ""
    row: int | None = None

    def text(self, lang: str) -> str:
        """The place in words of ``lang``: ``inventory.xlsx › Servers › Zeile 4``."""
        row = catalogue(lang)("common.row_n", n=self.row) if self.row is not None else ""
        return " › ".join(p for p in (self.file, self.sheet, row) if p)

    def label(self) -> str:
        """Short text such as ``inventory.xlsx › Servers › row 4``."""
        parts = [self.file, self.sheet, f"row {self.row}" if self.row is not None else ""]
        return " › ".join(p for p in parts if p)


def finding(code: str, where: Where | None = None, column: str = "", target: str = "",
            **params: Any) -> Finding:
    """The finding for a catalog code, with its texts filled in."""
    severity, en, de = CATALOG[code]
    params.setdefault("target", target)
    w = where or _NOWHERE
    return Finding(severity, code, en.format(**_worded(params, "en")),
                   de.format(**_worded(params, "de")), file=w.file,
                   sheet=w.sheet, row=w.row, column=column, target=target)


@dataclass(frozen=True)
class FieldName:
    """An inventory field as a finding names it: ``FieldName("connector", "address_spaces")``
    reads "address spaces" / "Adressräume", never the record field's code."""

    entity: str
    name: str

    def text(self, lang: str) -> str:
        """The field's display name in ``lang`` (``vocabulary.field.<entity>.<name>``)."""
        return catalogue(lang)(f"vocabulary.field.{self.entity}.{self.name}")


@dataclass(frozen=True)
class Counted:
    """A count with its noun, worded per language from the catalogue's plural forms.

    ``Counted("transport.count.message", 1)`` reads "1 message" / "1 Nachricht", and with 3
    "3 messages" / "3 Nachrichten": a finding's text never needs "message(s)".
    """

    key: str
    count: int

    def text(self, lang: str) -> str:
        """The count and its noun in ``lang``, the number in the language's format."""
        words = catalogue(lang)
        return words.plural(self.key, self.count, number=words.number(self.count, 0))


@dataclass(frozen=True)
class Worded:
    """A parameter already worded per language (a text the knowledge base gives in both)."""

    en: str
    de: str

    def text(self, lang: str) -> str:
        """The wording for ``lang``."""
        return in_language(lang, self.en, self.de)


_NOWHERE = Where()
_PER_LANGUAGE = (Counted, Where, Worded, FieldName)


def _worded(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """The parameters as a reader of ``lang`` sees them: counts with their nouns, places in
    words, and a target such as ``server:EX01`` as "Server EX01" (never the code)."""
    out = params  # copied only when something changes: thousands of findings come at once
    for key, value in params.items():
        if isinstance(value, _PER_LANGUAGE):
            out = out if out is not params else dict(params)
            out[key] = value.text(lang)
    target = out.get("target")
    if isinstance(target, str) and ":" in target:
        out = {**out, "target": target_label(target, lang)}
    return out
