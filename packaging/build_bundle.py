"""Build the one-folder desktop bundle with PyInstaller and report its size.

Usage: python packaging/build_bundle.py [--onefile] [--dist DIR]
Run it with the project's virtual environment (``packaging/dev.py`` creates it); it
installs PyInstaller there when missing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def folder_size(path: Path) -> int:
    """Bytes below a folder (or of one file)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def ensure_pyinstaller() -> None:
    """Install PyInstaller into this interpreter's environment when it is missing."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6"])


def build(dist: Path, onefile: bool) -> Path:
    """Run PyInstaller on packaging/planner.spec; return the bundle's path."""
    ensure_pyinstaller()
    work = ROOT / "build" / "pyinstaller"
    env = dict(os.environ, PLANNER_ONEFILE="1" if onefile else "0")
    spec = ROOT / "packaging" / "planner.spec"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(spec)]
    subprocess.check_call(cmd, cwd=ROOT, env=env)
    target = dist / "planner"  # a folder, or the one executable
    if not onefile:
        shutil.copy2(ROOT / "packaging" / "planner.desktop", target / "planner.desktop")
        render_icon(ROOT / "resources" / "icons" / "app.svg", target / "planner.png")
    return target


def render_icon(svg: Path, png: Path, size: int = 256) -> None:
    """The application icon as a PNG for the .desktop entry (rendered offscreen with Qt)."""
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter, Qt\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication([])\n"
        f"img = QImage({size}, {size}, QImage.Format.Format_ARGB32)\n"
        "img.fill(Qt.GlobalColor.transparent)\n"
        "p = QPainter(img)\n"
        "QSvgRenderer(sys.argv[1]).render(p)\n"
        "p.end()\n"
        "sys.exit(0 if img.save(sys.argv[2]) else 1)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.check_call([sys.executable, "-c", code, str(svg), str(png)], env=env)


def main() -> int:
    """Build and print where the bundle is and how large it is."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--onefile", action="store_true", help="one executable instead of a folder")
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder")
    args = parser.parse_args()
    target = build(Path(args.dist), args.onefile)
    size = folder_size(target)
    print(f"bundle: {target}")
    print(f"size: {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
