"""Developer tool: refresh ``resources/i18n/planner_<lang>.ts`` and compile the ``.qm``.

``pyside6-lupdate`` finds ``self.tr("…")`` and ``QCoreApplication.translate("Ctx", "…")``,
but not the modules' ``_tr("…")`` shorthand (column titles are the core's vocabulary).
This tool runs lupdate, adds those texts to their contexts, and runs lrelease::

    .venv/bin/python -m planner.gui.i18n_catalogue          # every planner_<lang>.ts there is
    .venv/bin/python -m planner.gui.i18n_catalogue fr       # a new language: makes planner_fr.ts

A new language's ``.ts`` lists every text untranslated; translate it (``pyside6-linguist``)
and run the tool again to compile its ``.qm``.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET  # our own catalogue, not customer input
from pathlib import Path

from planner.core.resources import resource_path

__all__ = ["catalogue_languages", "extra_texts", "update_catalogue"]

_GUI = Path(__file__).resolve().parent
# English is the source language of the widgets' texts: its catalogue holds only the plural
# forms of the %n texts; every other language is translated in full.
_LUPDATE_OPTIONS = {"en": ["-pluralonly"]}
# a comment may stand between the two lines (gantt_data.py's: its texts had fallen out of
# the German catalogue, "W50" and "Pause 55 d" on a German Gantt)
_CONTEXT = re.compile(r'def _tr\(text: str\) -> str:\s+(?:#[^\n]*\s+)*'
                      r'return QCoreApplication\.translate\("(\w+)"')


def _shorthand_texts(path: Path) -> list[tuple[str, str]]:
    source = path.read_text(encoding="utf-8")
    match = _CONTEXT.search(source)
    if not match:
        return []
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "_tr" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append((match.group(1), node.args[0].value))
    return found


def extra_texts() -> list[tuple[str, str]]:
    """(context, source text) pairs lupdate cannot see."""
    pairs: list[tuple[str, str]] = []
    for path in sorted(_GUI.rglob("*.py")):
        pairs += _shorthand_texts(path)
    return list(dict.fromkeys(pairs))


def _merge(ts: Path, pairs: list[tuple[str, str]]) -> None:
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    for name, text in pairs:
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        message = next((m for m in context.findall("message") if m.findtext("source") == text),
                       None)
        if message is None:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", type="unfinished")
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            if translation.text:
                del translation.attrib["type"]
            else:
                translation.set("type", "unfinished")
    ET.indent(tree)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def update_catalogue(lang: str = "de") -> Path:
    """lupdate, add the shorthand texts, lrelease; returns the .qm path.

    English, the source language, gets only the ``%n`` texts (their plural forms).
    """
    bin_dir = Path(sys.executable).parent
    ts = resource_path("i18n", f"planner_{lang}.ts")
    qm = ts.with_suffix(".qm")
    sources = [str(p) for p in sorted(_GUI.rglob("*.py"))]
    options = _LUPDATE_OPTIONS.get(lang, [])
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *sources, *options,
                    "-target-language", lang, "-ts", str(ts)], check=True)
    if "-pluralonly" not in options:  # a translated language: it gets the shorthand texts too
        _merge(ts, extra_texts())
    subprocess.run([str(bin_dir / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    return qm


def catalogue_languages() -> list[str]:
    """The languages that have a Qt catalogue (``planner_<lang>.ts``)."""
    return sorted(p.stem.removeprefix("planner_")
                  for p in resource_path("i18n").glob("planner_*.ts"))


if __name__ == "__main__":
    for language in sys.argv[1:] or catalogue_languages():
        print(update_catalogue(language))
