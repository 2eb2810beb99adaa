"""Write an output file by writing a temporary file beside it and renaming it into place.

Every export and every save goes through :func:`replace_file`: the old file stays intact
until the new one is complete and on disk, a failed or empty write leaves nothing behind and
raises :class:`~planner.core.errors.OutputFileError` naming the file, a symbolic link is
followed (its target is written, the link stays), and temporary files a killed save left
beside the target are removed on the next save. :func:`xml_legal` removes the characters XML
forbids, for every XML and HTML output.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path

from planner.core.errors import OutputFileError, os_problem
from planner.core.explanation import Message, message
from planner.core.log_file import LOG

__all__ = ["all_or_none", "refuse_overwriting", "replace_file", "replace_text", "xml_legal"]

_SUFFIX = ".partial"
# Inside :func:`all_or_none`: the finished temporary files and their targets, renamed at its end
_HELD: ContextVar[list[tuple[Path, Path]] | None] = ContextVar("held_outputs", default=None)
# C0 controls except tab, newline and carriage return; lone surrogates; U+FFFE and U+FFFF.
# Excel stores such characters as "_x000B_" and spreadsheet readers hand them back decoded.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_legal(text: str) -> str:
    """The text without characters that make an XML (or HTML) document ill-formed."""
    return _XML_ILLEGAL.sub("", text)


def replace_text(target: Path | str, text: str | Iterable[str]) -> Path:
    """Write ``text`` (or its pieces, one after another) as UTF-8 to ``target`` through
    :func:`replace_file`."""

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)

    return replace_file(target, write)


def replace_file(target: Path | str, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file, then rename it over ``target``; the path written.

    Raises OutputFileError when the folder is missing, ``write`` fails or writes nothing.
    """
    path = _final_path(Path(target))
    if _is_special(path):
        return _write_through(path, target, write)
    folder = path.parent
    if not folder.is_dir():
        if folder.exists():  # "out.xlsx/plan.xlsx": a file where its folder belongs
            raise OutputFileError(f"{target}: cannot write: {folder} is a file, not a folder",
                                  message("common.output_error.folder_is_file",
                                          file=path.name, folder=folder.name))
        raise OutputFileError(f"{target}: cannot write: the folder {folder} does not exist",
                              message("common.output_error.no_folder", file=path.name))
    _remove_leftovers(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_SUFFIX, dir=folder)
    except OSError as exc:
        raise OutputFileError(f"{target}: cannot write: {exc.strerror or exc}",
                              _cannot_write(path, exc)) from exc
    os.close(fd)
    partial = Path(name)
    try:
        write(partial)
        if partial.stat().st_size == 0:
            raise _Empty("nothing was written (is the disk full?)")
        _sync(partial)
        _permit_like(partial, path)
        held = _HELD.get()
        if held is not None:
            held.append((partial, path))
            return path
        os.replace(partial, path)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError | RuntimeError):
            raise OutputFileError(f"{target}: cannot write: {_reason(exc)}",
                                  _cannot_write(path, exc)) from exc
        raise
    _sync_folder(folder)
    return path


@contextlib.contextmanager
def all_or_none() -> Iterator[None]:
    """Outputs written inside replace their targets together when the block ends, or, when
    it fails, none does: a report that failed after the workbook was written had left a new
    workbook beside the old report, deliverables of two different plans."""
    held: list[tuple[Path, Path]] = []
    token = _HELD.set(held)
    try:
        yield
    except BaseException:
        for partial, _ in held:
            partial.unlink(missing_ok=True)
        raise
    finally:
        _HELD.reset(token)
    for n, (partial, path) in enumerate(held):
        try:
            os.replace(partial, path)
        except OSError as exc:  # the folder vanished or turned read-only meanwhile
            for rest, _ in held[n:]:
                rest.unlink(missing_ok=True)
            raise OutputFileError(f"{path}: cannot write: {_reason(exc)}",
                                  _cannot_write(path, exc)) from exc
        _sync_folder(path.parent)


def refuse_overwriting(outputs: Iterable[Path | str], inputs: Iterable[Path | str]) -> None:
    """Raise OutputFileError when an output would replace one of the input files, a file
    inside an input folder (a transport log among the logs read), or another output."""
    sources = [Path(p) for p in inputs if Path(p).exists()]
    written: dict[Path, str] = {}
    for output in outputs:
        out = Path(output)
        final = _final_path(out).resolve()
        if final in written:  # --json plan.out --xlsx plan.out: the second would replace it
            raise OutputFileError(f"{output}: given for two outputs",
                                  message("common.output_error.twice", file=out.name))
        written[final] = str(output)
        for source in sources:
            same = out.exists() and os.path.samefile(out, source)
            inside = source.is_dir() and out.exists() and final.is_relative_to(source.resolve())
            if same or inside or final == source.resolve():
                raise OutputFileError(f"{output}: refusing to overwrite the input file {source}",
                                      message("common.output_error.is_input", file=out.name))


def _final_path(path: Path) -> Path:
    """The file a (chain of) symbolic link(s) points to; the path itself otherwise."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _is_special(path: Path) -> bool:
    """A device or pipe (``/dev/null``, ``/dev/stdout``, a FIFO): renaming over it would
    replace the device node by a plain file, which as root breaks the whole machine."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_through(path: Path, target: Path | str, write: Callable[[Path], object]) -> Path:
    """Fill a temporary file elsewhere, then copy it into the device or pipe at ``path``."""
    try:
        with tempfile.TemporaryDirectory(prefix="planner-") as folder:
            partial = Path(folder) / f"output{_SUFFIX}"
            write(partial)
            with partial.open("rb") as source, path.open("wb") as sink:
                shutil.copyfileobj(source, sink)
    except (OSError, RuntimeError) as exc:
        raise OutputFileError(f"{target}: cannot write: {_reason(exc)}",
                              _cannot_write(path, exc)) from exc
    return path


def _permit_like(partial: Path, path: Path) -> None:
    """Give the new file the old one's permissions, or a new file's usual ones (umask):
    mkstemp makes it readable by its owner only, which hid deliverables from colleagues."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        mode = 0o666 & ~mask
    with contextlib.suppress(OSError):  # a file system without modes (FAT, some shares)
        os.chmod(partial, mode)


def _remove_leftovers(path: Path) -> None:
    """Temporary files of earlier saves of this file that were killed before the rename."""
    patterns = (f".{path.name}.*{_SUFFIX}", f".{path.name}.*.tmp", f"{path.name}{_SUFFIX}")
    for pattern in patterns:
        for leftover in path.parent.glob(pattern):
            with contextlib.suppress(OSError):  # another process may hold it: leave it
                leftover.unlink()


class _Empty(OSError):
    """The writer wrote nothing (a full disk that did not say so)."""


def _cannot_write(path: Path, exc: BaseException) -> Message:
    """Why ``path`` was not written, in the reader's words (the system's text is logged)."""
    if isinstance(exc, _Empty):
        return message("common.output_error.empty", file=path.name)
    if not isinstance(exc, OSError):
        LOG.info("cannot write %s: %s: %s", path.name, type(exc).__name__, exc)
    cause = os_problem(exc) if isinstance(exc, OSError) else message("common.os_error.other")
    return message("common.output_error.cannot_write", file=path.name, cause=cause)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _sync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders, which is fine.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
