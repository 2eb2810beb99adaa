"""Screenshots of the real window for the README: run under Xvfb with the xcb platform.

    xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python packaging/screenshot.py --pages estate graph \\
        --size 1600x1000 --lang de --out resources/docs/screenshots

Imports the mixed sample, waits for the plan (real pipeline, on the worker thread), shows
each page and saves a grab of the screen area of the window as ``workbench-<page>.png``
(with ``--tag``: ``<tag>-<page>.png``). ``--empty`` first grabs the window before the import
(``<tag>-empty.png``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _wait(app: object, condition: object, seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not condition():  # type: ignore[operator]
        QApplication.processEvents()
        time.sleep(0.05)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", nargs="+", default=["estate", "graph"])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "docs" / "screenshots")
    parser.add_argument("--lang", default="en", choices=["en", "de"])
    parser.add_argument("--sample", type=Path,
                        default=ROOT / "resources" / "samples" / "mixed" / "inventory.xlsx")
    parser.add_argument("--select", default="", help="graph node to select, e.g. server:EX01")
    parser.add_argument("--size", default="1340x840", help="window size, e.g. 1024x700")
    parser.add_argument("--tag", default="workbench", help="file name prefix")
    parser.add_argument("--empty", action="store_true", help="also grab the empty window")
    return parser.parse_args()


def _grab(app: object, window: Any, page: str, args: argparse.Namespace) -> None:
    """Show one page and save the screen area of the window as ``workbench-<page>.png``."""
    from PySide6.QtWidgets import QApplication

    view = window.show_page(page)
    if page == "graph" and args.select and hasattr(view, "select_node"):
        # the graph is laid out on the worker and drawn in slices: select once it is there
        _wait(app, lambda: args.select in getattr(view, "items", {}), 30)
        view.view.fit()
        view.select_node(args.select)
    _wait(app, lambda: False, 1.5)
    frame = window.frameGeometry()
    image = QApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(),
                                                    frame.height())
    target = args.out / f"{args.tag}-{page}.png"
    image.save(str(target))
    print(f"wrote {target} ({image.width()}x{image.height()})")


def main() -> int:
    """Take the screenshots; returns the exit code."""
    args = _arguments()
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)  # leave the user's settings alone
    from planner.gui.app import create_application
    from planner.gui.i18n import install_translators
    from planner.gui.import_flow import import_into_document
    from planner.gui.main_window import MainWindow

    app = create_application()
    install_translators(app, args.lang)
    window = MainWindow()
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.empty:
        _wait(app, lambda: False, 1.0)
        empty = argparse.Namespace(**{**vars(args), "tag": args.tag + "-empty"})
        _grab(app, window, "estate", empty)
    problem = import_into_document(window.document, [args.sample])
    if problem:
        print(problem, file=sys.stderr)
        return 1
    _wait(app, lambda: window.document.plan_is_current and not window.document.busy, 120)
    args.out.mkdir(parents=True, exist_ok=True)
    for page in args.pages:
        _grab(app, window, page, args)
    window.document.set_project(window.document.project)  # nothing unsaved: quit quietly
    window.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(30_000)  # as the app does: no job outlives it
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
