"""Check that a change to the importer leaves what it imports byte for byte the same.

Imports every sample, every ``tests/estates`` folder (all its files together, and each
file alone), ``tests/data``, every hostile file of ``tests/hardening``, the import
benchmark's 20,000 rows and a set of messy workbooks and CSV files made here from seeds
(duplicates, conflicts, FQDNs, totals, blank and example rows, bad values, numbers in text
columns, several tables per sheet, DAG and site sheets), and writes each result as JSON:
the estate, the findings (code, place, facts), the mappings and the Project sheet's
settings. Run it on the tree before a change and after it, then compare:

    PYTHONPATH=<old tree> python tests/benchmarks/import_snapshot.py write /tmp/before
    PYTHONPATH=.          python tests/benchmarks/import_snapshot.py write /tmp/after
    python tests/benchmarks/import_snapshot.py compare /tmp/before /tmp/after

``compare`` names every case whose JSON differs and exits 1 if any does. Not a test (it
takes a minute and compares two trees).
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xlsxwriter

from planner.core.importing import import_files
from planner.core.importing.schema import EXAMPLE_MARKER
from planner.core.knowledge import load_knowledge
from planner.core.plain import to_plain
from tests.benchmarks.bench_import import _write as write_benchmark_files
from tests.hardening.hostile_files import write_all as write_hostile_files

# the input files of this tree; the planner that reads them is the one on PYTHONPATH
ROOT = Path(__file__).resolve().parents[2]

_SKIP = {".py", ".toml", ".md"}


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix not in _SKIP
                  and not p.name.startswith("."))


def _fixed_cases() -> Iterator[tuple[str, list[Path]]]:
    folders = [*sorted(p for p in (ROOT / "resources" / "samples").iterdir() if p.is_dir()),
               *sorted(p for p in (ROOT / "tests" / "estates").iterdir() if p.is_dir()),
               ROOT / "tests" / "data"]
    for folder in folders:
        files = _files(folder)
        label = folder.relative_to(ROOT).as_posix()
        yield label, files
        if len(files) > 1:
            for f in files:
                yield f"{label}/{f.name}", [f]
    yield "samples/mixed-transport-logs.zip", [ROOT / "resources" / "samples" /
                                               "mixed-transport-logs.zip"]


# -- messy inputs made from seeds ---------------------------------------------------------

_SERVER_HEADERS = [
    ["Servername", "Standort", "Rolle(n)", "Exchange-Version", "Betriebssystem", "DAG", "VM?",
     "Anzahl Postfächer", "Postfachdaten", "Bemerkung"],
    ["Name", "Site", "Roles", "Build", "OS", "DAG", "Virtual", "Mailboxes", "MailboxDataGB",
     "Notes"],
]
_BUILDS = ["15.2.1748.39", "15.1.2507.61", "15.2.1544.36", "Version 15.2 (Build 1118.7)",
           "15.0.1497.48", "15.2.1258.12", "bogus", "15.2", "", "Version 15.1 (Build 2507.6)"]
_ROLES = ["Postfach", "Mailbox", "Mailbox, ClientAccess", "Edge", "Edge-Transport", "", "Hub",
          "Mailbox; Edge", "System.Object[]", "Unbekannt"]
_SITES = ["Berlin", "München", "Hamburg", " Köln ", "Default-First-Site-Name", "", "BER\u00a0"]
_SIZES = ["12,5 GB", "1,1 TB", "1100 GB", "13421772800", "abc", "", 42, 42.0, "0,5", "-3"]
_MAILBOXES = ["100", 100, 100.0, True, "1.234", "1,234", "x", "", "2000000", None]
_BOOLS = ["ja", "nein", "yes", "no", "x", True, False, 1, 0, "", "vielleicht"]
_NOTES = ["", "", "", "Altlast", "EX01", 7, 7.0, "=SUM(A1)", "<b>fett</b>", "a" * 1200]


def _name(rng: random.Random, i: int) -> Any:
    roll = rng.random()
    if roll < 0.04:
        return f"ex{i % 40:04d}.corp.example.com"  # an FQDN, often a duplicate
    if roll < 0.07:
        return f"EX{i % 30:04d}"  # a duplicate in another spelling
    if roll < 0.09:
        return rng.choice(["Summe", "Gesamt:", "Total", "Σ", "Anzahl 12", ""])
    if roll < 0.10:
        return rng.choice([1234, 12.5, True, " ", "\u00a0EX9\u00a0"])
    return f"EX{i:04d}"


def _server_row(rng: random.Random, i: int) -> list[Any]:
    if rng.random() < 0.03:
        return [None] * 10  # a blank row
    if rng.random() < 0.02:
        return [EXAMPLE_MARKER] + [None] * 9
    if rng.random() < 0.02:
        return ["", "", "", "", "", "", "", 2110, "", ""]  # a total without a name
    return [_name(rng, i), rng.choice(_SITES), rng.choice(_ROLES), rng.choice(_BUILDS),
            rng.choice(["Windows Server 2019", "Windows Server 2012 R2", ""]),
            rng.choice(["", f"DAG{i // 4:02d}", f"DAG{i % 3:02d}", "dag01"]),
            rng.choice(_BOOLS), rng.choice(_MAILBOXES), rng.choice(_SIZES), rng.choice(_NOTES)]


def _sheet_rows(rng: random.Random, count: int) -> list[list[Any]]:
    header = rng.choice(_SERVER_HEADERS)
    columns = list(range(10))
    if rng.random() < 0.5:  # some columns left out or moved
        rng.shuffle(columns)
        columns = columns[: rng.randint(3, 10)]
        if 0 not in columns and rng.random() < 0.7:
            columns.insert(0, 0)
    rows: list[list[Any]] = []
    if rng.random() < 0.4:
        rows += [["Exchange-Inventar Fabrikam AG"], ["Stand: 03.11.2026"], []]
    rows.append([header[c] for c in columns])
    for i in range(count):
        full = _server_row(rng, i)
        rows.append([full[c] for c in columns])
        if rng.random() < 0.01:
            rows.append([header[c] for c in columns])  # a repeated header (paged export)
    return rows


def _dag_rows(rng: random.Random) -> list[list[Any]]:
    rows: list[list[Any]] = [["Name", "Members", "Witness"]]
    for d in range(rng.randint(0, 5)):
        members = "; ".join(f"EX{rng.randint(0, 60):04d}" for _ in range(rng.randint(0, 4)))
        rows.append([rng.choice([f"DAG{d:02d}", f"dag{d:02d}", "DAG99"]), members,
                     rng.choice(["", "FSW01"])])
    return rows


def _site_rows(rng: random.Random) -> list[list[Any]]:
    rows: list[list[Any]] = [["Site", "InternetFacing", "Country", "State"]]
    for site in rng.sample(_SITES, 3):
        rows.append([site, rng.choice(_BOOLS), rng.choice(["DE", "de", "Deutschland", ""]),
                     rng.choice(["BY", "Bayern", ""])])
    return rows


def _write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                           "strings_to_numbers": False})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    book.close()


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return f'"{text}"' if ";" in text or '"' in text else text


def _write_csv(path: Path, rows: list[list[Any]]) -> None:
    path.write_text("\n".join(";".join(map(_csv_cell, r)) for r in rows) + "\n",
                    encoding="utf-8")


def _messy_cases(folder: Path, seeds: int = 40) -> Iterator[tuple[str, list[Path]]]:
    for seed in range(seeds):
        rng = random.Random(seed)
        count = rng.choice([5, 30, 120, 400])
        main = _sheet_rows(rng, count)
        if rng.random() < 0.3:  # a second table further down the same sheet
            main += [[], ["Weitere Server"], *_sheet_rows(rng, 20)]
        sheets = {"Server": main}
        if rng.random() < 0.6:
            sheets["DAGs"] = _dag_rows(rng)
        if rng.random() < 0.5:
            sheets["Sites"] = _site_rows(rng)
        xlsx = folder / f"messy-{seed}.xlsx"
        _write_xlsx(xlsx, sheets)
        csv = folder / f"messy-{seed}.csv"
        _write_csv(csv, _sheet_rows(random.Random(seed + 1000), count))
        yield f"messy/{seed}.xlsx", [xlsx]
        yield f"messy/{seed}.csv", [csv]
        yield f"messy/{seed}.xlsx+csv", [xlsx, csv]  # the same servers from two sources


def _cases(folder: Path) -> Iterator[tuple[str, list[Path]]]:
    yield from _fixed_cases()
    hostile = folder / "hostile"
    hostile.mkdir()
    for path in sorted(write_hostile_files(hostile)):
        yield f"hostile/{path.name}", [path]
    bench = folder / "bench"
    bench.mkdir()
    xlsx, csv = write_benchmark_files(bench, 20_000)
    yield "bench/inventory.xlsx", [xlsx]
    yield "bench/inventory.csv", [csv]
    messy = folder / "messy"
    messy.mkdir()
    yield from _messy_cases(messy)


def _snapshot(paths: list[Path], knowledge: Any) -> str:
    result = import_files(paths, knowledge=knowledge)
    plain = {"estate": to_plain(result.estate), "findings": to_plain(result.findings),
             "mappings": to_plain(result.mappings), "settings": to_plain(result.settings_table),
             "places": to_plain(result.settings_places)}
    return json.dumps(plain, ensure_ascii=False, indent=1, default=repr)


def write(out: Path) -> None:
    """Import every case and write its JSON to ``out`` (one file per case)."""
    out.mkdir(parents=True, exist_ok=True)
    knowledge = load_knowledge()
    with tempfile.TemporaryDirectory() as tmp:
        count = 0
        for label, paths in _cases(Path(tmp)):
            name = hashlib.sha1(label.encode()).hexdigest()[:12]
            text = f"{label}\n{_snapshot(paths, knowledge)}\n"
            (out / f"{name}.json").write_text(text, encoding="utf-8")
            count += 1
    print(f"{count} cases written to {out}")


def compare(before: Path, after: Path) -> int:
    """Name each case whose JSON differs; 1 if any does (or is missing on one side)."""
    old = {p.name: p.read_bytes() for p in before.glob("*.json")}
    new = {p.name: p.read_bytes() for p in after.glob("*.json")}
    differ = sorted(n for n in old.keys() | new.keys() if old.get(n) != new.get(n))
    for name in differ:
        label = (old.get(name) or new.get(name) or b"").split(b"\n", 1)[0].decode()
        print(f"DIFFERS: {label} ({name})")
    print(f"{len(old)} cases before, {len(new)} after, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
