"""The planner's own errors: one small tree under :class:`PlannerError`.

A ``PlannerError`` is something a person can fix (a damaged file, a wrong setting, an
impossible plan); its message names the file and the place. Every other exception is a bug:
the CLI and the GUI log it with its traceback and say so, instead of calling it bad input.
"""

from __future__ import annotations

import errno
import logging

from planner.core.catalogue import catalogue
from planner.core.explanation import Message, message

__all__ = [
    "InfeasiblePlanError",
    "InputError",
    "KnowledgeError",
    "OutputFileError",
    "PlannerError",
    "ProjectFileError",
    "SettingsError",
    "ValueParseError",
    "error_words",
    "os_problem",
]

# planner.core.log_file's logger (that module imports this one, so it is named, not imported)
LOG = logging.getLogger("planner")


class PlannerError(Exception):
    """A problem the user can fix; the message says what and where (in English, for logs
    and the terminal). ``problem``, when set, says it as a catalogue message, which the GUI
    shows in the reader's language."""

    problem: Message | None = None


class InputError(PlannerError):
    """An inventory, mapping or build text the planner cannot read."""


class ValueParseError(InputError, ValueError):
    """A typed value (a number, a size, a date, yes/no) that is not one; its text is the
    value. Still a ValueError, but a caller catches this, so a ValueError from a bug inside
    a parser is not reported as bad input."""


class KnowledgeError(PlannerError):
    """A knowledge data file (or a project's override of it) is broken."""


class SettingsError(PlannerError):
    """A settings value is missing or wrong; ``source`` is the file, ``key`` the dotted key,
    ``problem`` what is wrong as a message (``settings_errors.*``) that a finding words in
    the reader's language (the text itself is English, for logs and the terminal)."""

    def __init__(self, message: str, source: str = "", key: str = "",
                 problem: Message | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.key = key
        self.problem = problem


class ProjectFileError(PlannerError):
    """A project file cannot be read or written."""


class OutputFileError(PlannerError, OSError):
    """An export or save cannot be written; nothing was left behind (still an OSError).
    The text names the whole path, in English (logs, the terminal); ``problem`` says it
    with the file's name in the reader's language (``common.output_error.<kind>``)."""

    def __init__(self, text: str, problem: Message | None = None) -> None:
        super().__init__(text)
        self.problem = problem


class InfeasiblePlanError(PlannerError):
    """The steps cannot be planned at all (they wait for each other in a cycle)."""

    def __init__(self, problem: Message | str) -> None:
        if isinstance(problem, Message):
            self.problem = problem
            problem = catalogue("en").render(problem)  # English for logs and the terminal
        super().__init__(problem)


def os_problem(exc: OSError) -> Message:
    """Why the system would not open or write a file, in the reader's words
    (``common.os_error.<kind>``); the system's own text, in the system's language, is logged."""
    for kind, cause in (("not_found", FileNotFoundError), ("no_access", PermissionError),
                        ("folder", IsADirectoryError)):
        if isinstance(exc, cause):
            return message(f"common.os_error.{kind}")
    if exc.errno == errno.ENOSPC:
        return message("common.os_error.disk_full")
    LOG.info("the system refused a file: %s: %s", type(exc).__name__, exc)
    return message("common.os_error.other")


def error_words(exc: BaseException, lang: str) -> str:
    """An error for people in ``lang``: a planner error's ``problem`` message when it has
    one, a system's ``OSError`` as :func:`os_problem` words it, a bug as a bug (its text and
    traceback belong in the log file, which the caller writes), else the error's English text."""
    problem = getattr(exc, "problem", None)
    if problem is None and isinstance(exc, OSError) and not isinstance(exc, PlannerError):
        problem = os_problem(exc)
    if problem is None and not isinstance(exc, PlannerError | OSError):
        problem = message("common.bug")
    return catalogue(lang).render(problem) if isinstance(problem, Message) else str(exc)
