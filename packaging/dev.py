#!/usr/bin/env python3
"""Set up and run the planner, or its checks, from a fresh checkout. Standard library only.

    python3 packaging/dev.py run  [planner args]   set up, then open the GUI on the sample estate
    python3 packaging/dev.py test [pytest args]    set up, then ruff, mypy, lint-imports, pytest

Set-up is idempotent and fast when nothing is missing:
  1. a virtual environment in ./.venv (created when missing; an existing one is reused),
  2. ``pip install -e .[dev]`` when pyproject.toml changed or a dependency is missing,
  3. on Debian/Ubuntu, the system libraries Qt needs (and poppler-utils), installed with
     apt-get when running as root, otherwise printed as one command to run.
On Windows use ``py packaging\\dev.py run`` / ``py packaging\\dev.py test``.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
STAMP = VENV / ".planner-setup"
SAMPLE = ROOT / "resources" / "samples" / "mixed" / "inventory.xlsx"
OUT = ROOT / "out"

# Measured on a bare Debian bookworm (see the team's ecosystem notes). Alternatives: the first
# name that apt knows is installed (Debian 13 renamed libglib2.0-0 to libglib2.0-0t64).
DEBIAN_PACKAGES = (
    "libgl1", "libegl1", "libxkbcommon0", ("libglib2.0-0t64", "libglib2.0-0"), "libfontconfig1",
    "libfreetype6", "libdbus-1-3", "fonts-dejavu-core",
    # a real window (xcb); the misleading "xcb-cursor0 is needed" error hides the last two
    "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
    "poppler-utils",  # pdftoppm: look at the report's pages
)  # fmt: skip

# Runs inside the venv: are all declared requirements (and this package) installed?
_CHECK = r"""
import sys, tomllib, importlib.metadata as md
try:
    from pip._vendor.packaging.requirements import Requirement
except ImportError:
    sys.exit(1)
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
missing = []
for text in project["dependencies"] + project["optional-dependencies"]["dev"] + [project["name"]]:
    req = Requirement(text)
    if req.marker and not req.marker.evaluate():
        continue
    try:
        version = md.version(req.name)
    except md.PackageNotFoundError:
        missing.append(text)
        continue
    if req.specifier and not req.specifier.contains(version, prereleases=True):
        missing.append(f"{text} (installed {version})")
print("\n".join(missing))
sys.exit(1 if missing else 0)
"""


# import-linter has no ``python -m`` entry; call its click command (reads pyproject.toml).
_LINT_IMPORTS = "from importlinter.cli import lint_imports_command as c; c()"


def say(message: str) -> None:
    """One line of progress."""
    print(f"[dev] {message}", flush=True)


def venv_python() -> Path:
    """The interpreter inside ./.venv."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def is_debian() -> bool:
    """Debian or a derivative (Ubuntu ...), where apt and dpkg are available."""
    return sys.platform.startswith("linux") and Path("/etc/debian_version").exists()


def is_root() -> bool:
    """Running as root (apt-get may be used directly)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def run(command: Sequence[str | Path], env: dict[str, str] | None = None) -> int:
    """Run a command in the checkout, echoing it; returns the exit code."""
    say("$ " + " ".join(str(c) for c in command))
    return subprocess.call([str(c) for c in command], cwd=ROOT, env=env)


def apt_install(packages: list[str]) -> bool:
    """apt-get install as root; returns False when that is not possible."""
    if not is_root() or shutil.which("apt-get") is None:
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    wait = ["-o", "DPkg::Lock::Timeout=300"]  # another apt run (e.g. unattended upgrades)
    if run(["apt-get", *wait, "update", "-q"], env=env) != 0:
        return False
    command = ["apt-get", *wait, "install", "-y", "-q", "--no-install-recommends", *packages]
    return run(command, env=env) == 0


def _installed(names: list[str]) -> set[str]:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Status}\n", *names],
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        line.split(" ", 1)[0].split(":")[0]
        for line in result.stdout.splitlines()
        if line.endswith("install ok installed")
    }


def _known_to_apt(name: str) -> bool:
    result = subprocess.run(
        ["apt-cache", "policy", name], capture_output=True, text=True, check=False
    )
    return "Candidate:" in result.stdout and "Candidate: (none)" not in result.stdout


def ensure_system_libraries() -> None:
    """On Debian/Ubuntu, install the libraries Qt needs when they are missing."""
    if not is_debian() or shutil.which("dpkg-query") is None:
        return
    groups = [(p,) if isinstance(p, str) else p for p in DEBIAN_PACKAGES]
    have = _installed([name for group in groups for name in group])
    missing_groups = [group for group in groups if not have.intersection(group)]
    if not missing_groups:
        return
    missing = [next((n for n in g if _known_to_apt(n)), g[-1]) for g in missing_groups]
    say("missing system libraries for Qt: " + " ".join(missing))
    if not apt_install(missing):
        say("could not install them; please run:")
        say("  sudo apt-get install -y --no-install-recommends " + " ".join(missing))


def ensure_venv() -> Path:
    """Create ./.venv when missing (on Debian installing python3-venv if needed)."""
    python = venv_python()
    if python.exists():
        return python
    _create_venv()
    # A new venv's bundled pip may predate editable installs from pyproject.toml.
    if run([python, "-m", "pip", "install", "-q", "--upgrade", "pip"]) != 0:
        say("could not upgrade pip; continuing with the bundled one")
    return python


def _create_venv() -> None:
    python = venv_python()
    say(f"creating the virtual environment in {VENV}")
    command = [sys.executable, "-m", "venv", str(VENV)]
    if run(command) != 0 and is_debian():
        minor = f"python3.{sys.version_info.minor}-venv"
        say(f"venv failed; installing {minor} (Debian splits venv/ensurepip out)")
        shutil.rmtree(VENV, ignore_errors=True)  # a half-made venv we just created
        if not apt_install([minor, "python3-venv"]) or run(command) != 0:
            sys.exit("[dev] cannot create .venv: install python3-venv and try again")
    if not python.exists():
        sys.exit(f"[dev] cannot create the virtual environment in {VENV}")


def _setup_hash() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_dependencies(python: Path) -> None:
    """pip install -e .[dev] unless the stamp says this pyproject is already satisfied."""
    wanted = _setup_hash()
    if STAMP.exists() and STAMP.read_text(encoding="utf-8").strip() == wanted:
        return
    check = subprocess.run(
        [str(python), "-c", _CHECK], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if check.returncode != 0:
        missing = check.stdout.strip().replace("\n", ", ") or "pip's requirement parser"
        say(f"installing dependencies (missing: {missing})")
        if run([python, "-m", "pip", "install", "-q", "-e", ".[dev]"]) != 0:
            sys.exit("[dev] pip install failed; see the messages above")
    STAMP.write_text(wanted + "\n", encoding="utf-8")


def setup() -> Path:
    """Everything the two commands need; returns the venv's interpreter."""
    if sys.version_info < (3, 11):  # noqa: UP036 - the bootstrap may run on an older python3
        sys.exit(f"[dev] Python 3.11 or newer is needed (this is {platform.python_version()})")
    ensure_system_libraries()
    python = ensure_venv()
    ensure_dependencies(python)
    return python


def has_display() -> bool:
    """Whether a window can be shown (always on Windows/macOS; X11/Wayland on Linux)."""
    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return False
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def plan_on_sample(python: Path, why: str) -> int:
    """Without a usable display: run the CLI on the sample and say where the results are."""
    OUT.mkdir(exist_ok=True)
    outputs = {
        "--json": OUT / "plan.json",
        "--xlsx": OUT / "plan.xlsx",
        "--mspdi": OUT / "plan.xml",
        "--html": OUT / "report.html",
        "--pdf": OUT / "report.pdf",
    }
    for path in outputs.values():
        path.unlink(missing_ok=True)  # only list what this run wrote
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # the PDF is drawn with Qt
    args = [a for flag, path in outputs.items() for a in (flag, str(path))]
    code = run([python, "-m", "planner", "plan", SAMPLE, *args], env=env)
    if code != 0:
        say("the full set of outputs failed; writing the plan as JSON only")
        code = run([python, "-m", "planner", "plan", SAMPLE, "--json", outputs["--json"]], env=env)
    written = [str(p) for p in outputs.values() if p.exists()]
    if written:
        say(f"{why}, so the planner ran on the sample estate; results:")
        for name in written:
            say(f"  {name}")
    return code


def command_run(extra: list[str]) -> int:
    """Set up, then open the GUI (or, headless, plan the sample into ./out/)."""
    python = setup()
    if extra:
        return run([python, "-m", "planner", *extra])
    if has_display():
        code = run([python, "-m", "planner", "gui", SAMPLE])
        if code == 0:
            return 0
        # e.g. exit 2 (Qt libraries missing) or a Qt abort (no usable display)
        return plan_on_sample(python, f"the desktop application could not run (exit {code})")
    return plan_on_sample(python, "there is no display here")


def command_test(extra: list[str]) -> int:
    """Set up, then run every check; the exit code is non-zero if any check failed."""
    python = setup()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    checks: list[tuple[str, list[str | Path]]] = [
        ("ruff", [python, "-m", "ruff", "check", "planner", "tests", "packaging"]),
        ("mypy", [python, "-m", "mypy", "planner"]),
        ("lint-imports", [python, "-c", _LINT_IMPORTS]),
    ]
    failed = [name for name, command in checks if run(command, env=env) != 0]
    # both cores, a test file per worker (its module fixtures built once): measured
    # 2026-12-07, the whole suite in 287 s against 683 s in one process
    spread = [] if any(a == "-n" or a.startswith("-n") for a in extra) else [
        "-n", "2", "--dist", "loadfile"]
    code = run([python, "-m", "pytest", *spread, *extra], env=env)
    if code != 0:
        failed.append(f"pytest (exit {code})")
    say("all checks passed" if not failed else "FAILED: " + ", ".join(failed))
    return code or (1 if failed else 0)


def main(argv: list[str]) -> int:
    """Dispatch ``run`` or ``test``."""
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    if argv[0] == "run":
        return command_run(argv[1:])
    return command_test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
