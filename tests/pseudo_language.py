"""A third language made only of catalogues, as CONTRIBUTING's "Add a language" says.

``add_language`` copies English into ``resources/text/<lang>/`` with every text transformed
and writes ``resources/i18n/planner_<lang>.ts`` (every widget text of the German catalogue,
its English source transformed), compiled to ``.qm`` with ``pyside6-lrelease`` as
``planner.gui.i18n_catalogue`` does. Nothing in ``planner/`` changes.

``accented`` is the transform the GUI test uses: every ASCII letter becomes a look-alike
outside ASCII ("Estate" -> "Ḗşŧȧŧḗ"), so any English word left on a screen is ASCII and
easy to find, while fields (``{name}``, ``%1``, ``%n``), markup, entities, file patterns and
mnemonics stay as they are.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET  # our own catalogue, not customer input
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from planner.core.calendar import WorkCalendar
from planner.core.catalogue import catalogue
from planner.core.knowledge import Knowledge
from planner.core.model import Finding
from planner.core.plan import Plan
from planner.core.regions import countries, subdivisions
from tests.paths import ROOT

__all__ = ["PSEUDO_NAME", "accented", "add_language", "data_words", "lrelease", "pseudo_table",
           "references", "toml_text", "untranslated"]

_ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOOK_ALIKE = "ȧƀċḋḗƒġħīĵķŀḿńőṗʠŕşŧũṽẇẋẏẑȦƁĊḊḖƑĠĦĪĴĶĿḾŃŐṖɊŔŞŦŨṼẆẊẎẐ"
_MAP = str.maketrans(_ASCII, _LOOK_ALIKE)
# Left as they are: fields, Qt's %-arguments, markup, entities, file patterns (*.xlsx),
# a doubled & (a literal ampersand) and a mnemonic's & with its letter stays a mnemonic.
_KEEP = re.compile(r"\{[^{}]*\}|%L?\d+|%n|<[^<>]*>|&[a-zA-Z]+;|&&|\*(?:\.\w+)?|https?://\S+")
PSEUDO_NAME = "Ƥşḗũḋő"


def accented(text: str) -> str:
    """Every letter outside the kept tokens as its look-alike."""
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out += [text[last:match.start()].translate(_MAP), match.group(0)]
        last = match.end()
    out.append(text[last:].translate(_MAP))
    return "".join(out)


def pseudo_table(value: Any, transform: Callable[[str], str]) -> Any:
    """A catalogue table with every text transformed."""
    if isinstance(value, str):
        return transform(value)
    if isinstance(value, dict):
        return {k: pseudo_table(v, transform) for k, v in value.items()}
    return value


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def toml_text(table: dict[str, Any], prefix: str = "") -> list[str]:
    """A catalogue table as TOML lines (plural forms as inline tables)."""
    lines: list[str] = []
    subs = {k: v for k, v in table.items() if isinstance(v, dict)
            and not ({"zero", "one", "two", "few", "many", "other"} >= set(v) and "other" in v)}
    for key, value in table.items():
        if key in subs:
            continue
        if isinstance(value, dict):
            inner = ", ".join(f"{k} = {_quote(v)}" for k, v in value.items())
            lines.append(f"{_quote(key)} = {{ {inner} }}")
        else:
            lines.append(f"{_quote(key)} = {_quote(str(value))}")
    for key, value in subs.items():
        name = f"{prefix}.{_quote(key)}" if prefix else _quote(key)
        lines += ["", f"[{name}]", *toml_text(value, name)]
    return lines


def _add_text(text: Path, lang: str, transform: Callable[[str], str]) -> None:
    """Copy English, transform every text, name the language; English stays its fallback."""
    (text / lang).mkdir()
    for path in (text / "en").glob("*.toml"):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        if path.name == "language.toml":
            data = {k: v for k, v in data.items() if k != "fallback"}  # the recipe's step
            data["name"] = PSEUDO_NAME
        else:
            data = pseudo_table(data, transform)
        (text / lang / path.name).write_text("\n".join(toml_text(data)) + "\n", encoding="utf-8")


def _english_plurals(i18n: Path) -> dict[tuple[str, str], list[str]]:
    """English's own plural forms of the %n texts ("%n server(s)" -> "%n server", ...)."""
    forms: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(i18n / "planner_en.ts").getroot().iter("context"):
        for msg in context.iter("message"):
            found = [f.text or "" for f in msg.iter("numerusform")]
            if found:
                forms[(context.findtext("name") or "", msg.findtext("source") or "")] = found
    return forms


def _add_widget_texts(i18n: Path, lang: str, transform: Callable[[str], str]) -> Path:
    """planner_<lang>.ts: every message of the German catalogue, its source transformed."""
    tree = ET.parse(i18n / "planner_de.ts")
    root = tree.getroot()
    root.set("language", "en_GB")  # two plural forms, as English
    plurals = _english_plurals(i18n)
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            source = msg.findtext("source") or ""
            translation = msg.find("translation")
            assert translation is not None
            translation.attrib.pop("type", None)
            if msg.get("numerus") == "yes":
                for form, text in zip(translation.iter("numerusform"),
                                      plurals.get((name, source), [source, source]),
                                      strict=False):
                    form.text = transform(text)
            else:
                translation.text = transform(source)
    ts = i18n / f"planner_{lang}.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return ts


def lrelease() -> Path:
    """Qt's catalogue compiler from the environment the tests run in."""
    return Path(sys.executable).parent / "pyside6-lrelease"


def add_language(resources: Path, lang: str, transform: Callable[[str], str],
                 widgets: bool = True) -> Path:
    """A copy of the resources folder (data linked, catalogues copied) with ``lang`` added;
    ``widgets``: its Qt catalogue too."""
    resources.mkdir()
    for entry in (ROOT / "resources").iterdir():
        if entry.name in ("text", "i18n"):
            shutil.copytree(entry, resources / entry.name)
        else:
            (resources / entry.name).symlink_to(entry)
    _add_text(resources / "text", lang, transform)
    if not widgets:
        return resources
    ts = _add_widget_texts(resources / "i18n", lang, transform)
    subprocess.run([str(lrelease()), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   check=True)
    return resources


# --- finding what was not translated ---------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]{3,}")
# Markup, entities, colours and a naming pattern's fields ({site}, {n:02}) are not words.
_MARKUP = re.compile(r"<[^<>]*>|&[a-z]+;|\{\w+(?::\w+)?\}")
_CUT = re.compile(r"\S+…")  # an elided name: its start is data
# Abbreviations every language writes as they are.
NAMES = {"TLS", "SMTP", "DAG", "FQDN", "EXO", "NET", "EHLO", "GB"}


def strings(value: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Every text inside a record (dataclasses, tuples, dicts), as data shows it."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from strings(getattr(value, f.name), seen)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(k, seen)
            yield from strings(v, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from strings(v, seen)


def data_words(plan: Plan, knowledge: Knowledge, lang: str, extra: Iterable[str] = ()
               ) -> set[str]:
    """Words that are data: the estate and the settings (names the consultant typed), the
    plan's commands and builds, the knowledge's values and sources, public holidays, states
    and countries as the holidays package and CLDR name them in the language's locale,
    the names of days and months in its date format, and the files findings name."""
    settings = plan.settings
    data = [*strings(plan.estate), *strings(settings), *extra]
    data += [s.command for s in plan.proposal.steps]
    data += [f"{a.product} {a.release}" for a in plan.proposal.servers]
    data += [f"{f.value} {f.source}" for f in knowledge.facts.values()]
    data += [r.source for r in knowledge.rules.values()]
    data += [*strings(knowledge.builds), *strings(knowledge.policy)]
    calendar = WorkCalendar(settings.country, settings.subdivision, lang)
    data += calendar.holidays(settings.start, settings.start + timedelta(days=3 * 366)).values()
    data += [name for _code, name in subdivisions(settings.country)]
    data += [name for _code, name in countries(lang)]
    data += [f"{f.file} {f.sheet}" for f in plan.findings]
    # the plan's language as CLDR names it in the language's locale
    data.append(str(catalogue(settings.language).locale.get_language_name(catalogue(lang).locale)))
    locale = catalogue(lang).date_locale
    for width in ("abbreviated", "wide"):
        data += [*locale.days["format"][width].values(), *locale.months["format"][width].values()]
    return {w for text in data for w in _WORD.findall(text)} | NAMES


def references(plan: Plan, knowledge: Knowledge, findings: Iterable[Finding] = ()
               ) -> re.Pattern[str]:
    """Codes shown on purpose, for support or a settings file: finding codes (a tooltip's
    reference), fact and stage keys (what a settings file overrides), step ids (the
    workbook's last column, a stable reference). Removed before the words are read: their
    words are English on purpose."""
    codes = {f.code for f in [*plan.findings, *findings]} | set(knowledge.facts)
    codes |= {s.id for s in plan.proposal.steps}
    codes |= {f"stage.{s.number}.{name}" for s in knowledge.policy.stages
              for name in ("start_day", "end_day", "kind")}
    return re.compile("|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True)))


def untranslated(texts: Iterable[str], data: set[str], refs: re.Pattern[str]) -> list[str]:
    """Each text (``"where: text"``) with ASCII words that are not data, and the words."""
    found = []
    for text in dict.fromkeys(texts):
        body = text.partition(": ")[2] if ": " in text else text
        plain = _CUT.sub(" ", refs.sub(" ", _MARKUP.sub(" ", body)))
        words = sorted({w for w in _WORD.findall(plain) if w not in data})
        if words:
            at = [plain[max(0, plain.find(w) - 50):plain.find(w) + 30] for w in words[:3]]
            found.append(f"{words[:4]} in {text[:100]!r}: {at}")
    return found
