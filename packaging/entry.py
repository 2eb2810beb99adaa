"""Entry point of the desktop bundle: the same CLI/GUI dispatcher as the `planner` command."""

from planner.cli import main

raise SystemExit(main())
