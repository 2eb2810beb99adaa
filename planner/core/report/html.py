"""The customer report as HTML, from the jinja2 template in resources/report (autoescaped)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from string import Template

import jinja2

from planner.core.knowledge import Knowledge
from planner.core.plan import Plan
from planner.core.replace_file import xml_legal
from planner.core.report.context import ReportContext, build_context
from planner.core.resources import resource_path
from planner.core.vocabulary import COLOURS

__all__ = ["TocEntry", "render_context_html", "render_report_html"]


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # autoescape=True for every template: customer data (server names, notes) is never markup.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("report"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# A name such as MUC-EX19-01 or EX0001-SE: parts joined by hyphens, one of them with a digit.
_NAME = re.compile(r"(?<![\w-])(?=[\w-]*\d)\w+(?:-\w+)+(?![\w-])")
_TEXT = re.compile(r">([^<]+)<")
WORD_JOINER = "\u2060"


def keep_names_whole(html: str) -> str:
    """Glue the hyphens of names (servers, builds, dates) in the body's text with a word joiner.

    Qt's line breaking breaks after any hyphen, so a server name in a narrow column read
    "MUC-" on one line and "EX19-01" on the next. The joiner is invisible and leaves the
    PDF's text as written; a word with no digit ("SE-Server") may still break at its hyphen.
    """
    head, body = html.split("<body", 1) if "<body" in html else ("", html)
    return head + "<body" * bool(head) + _TEXT.sub(_glue_text, body)


def _glue_text(text: re.Match[str]) -> str:
    return ">" + _NAME.sub(lambda name: name.group(0).replace("-", "-" + WORD_JOINER),
                           text.group(1)) + "<"


@dataclass(frozen=True)
class TocEntry:
    """A line of the table of contents: heading level (1, 2), its text and page number."""

    level: int
    title: str
    page: int


def render_context_html(context: ReportContext, mode: str = "browser",
                        toc: Sequence[TocEntry] | None = None) -> str:
    """Render a built context; ``mode`` "qt" leaves figure placeholders for the PDF painter.

    ``toc`` adds a table of contents page after the cover; the PDF painter knows the page
    numbers only after a first layout, so it passes an empty one first, then the real one.
    """
    env = _environment()
    css = _stylesheet()
    values = {f.name: getattr(context, f.name) for f in fields(context)}
    # a cell's control character (Excel's _x000B_) would make the page ill-formed
    html = xml_legal(env.get_template("report.html.j2").render(**values, css=css, mode=mode,
                                                               toc=toc))
    return keep_names_whole(html) if mode == "qt" else html


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    """report.css with the vocabulary's colours filled in for its ``$role`` names."""
    text = resource_path("report", "report.css").read_text(encoding="utf-8")
    return Template(text).substitute(COLOURS)


def render_report_html(plan: Plan, knowledge: Knowledge, lang: str,
                       today: date | None = None) -> str:
    """The whole report as one self-contained HTML page (figures as inline SVG)."""
    return render_context_html(build_context(plan, knowledge, lang, today))
