"""What a project file is called and what goes wrong with one: the suffix and ProjectError.

Apart from :mod:`planner.core.project` (which re-exports both) so the desktop app can name
project files and catch their errors without loading the project's records: the empty
window starts without them (start-up time, ``tests/gui/test_start_imports.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.core.catalogue import catalogue
from planner.core.errors import ProjectFileError
from planner.core.explanation import Message, message

__all__ = ["FILE_SUFFIX", "ProjectError"]

FILE_SUFFIX = ".seplan"


class ProjectError(ProjectFileError):
    """A project file cannot be read or written: ``problem`` is ``project_errors.<kind>``
    with the file's name (what a screen shows, in the reader's language); the text, for
    logs and the terminal, is English, names the whole path and adds the technical
    ``detail`` when there is one."""

    problem: Message

    def __init__(self, path: Path | str, kind: str, detail: str = "",
                 **fields: Any) -> None:
        self.problem = message(f"project_errors.{kind}", file=Path(path).name, **fields)
        text = catalogue("en").render(message(f"project_errors.{kind}", file=str(path),
                                              **fields))
        super().__init__(f"{text} ({detail})" if detail else text)
