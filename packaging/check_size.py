"""Check a frozen one-folder build against the size budget and the list of excluded Qt parts.

    python packaging/check_size.py dist/r1desk            # exit 1 when over budget
    python packaging/check_size.py dist/r1desk.app --budget-mib 190

Budgets are MiB of unpacked files (what the installed app takes on disk). Measured on Linux
(PySide6 6.11, Python 3.11): 139 MiB; see packaging/README.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

BUDGET_MIB = {"linux": 150, "win32": 170, "darwin": 190}
# Nothing of these may be in the bundle: r1desk uses Qt Widgets only.
FORBIDDEN = ("WebEngine", "Qt6Qml", "Qt6Quick", "QtQml", "QtQuick", "Multimedia")


def measure(folder: Path) -> tuple[int, list[tuple[int, str]]]:
    sizes = [
        (path.stat().st_size, path.relative_to(folder).as_posix())
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    ]
    return sum(size for size, _ in sizes), sorted(sizes, reverse=True)


def unwanted(names: list[str]) -> list[str]:
    """Excluded Qt parts, and Qt translations for languages r1desk does not ship."""
    shipped = {
        "qtbase_" + name.rsplit("/r1desk_", 1)[1]
        for name in names
        if "r1desk/translations/r1desk_" in name and name.endswith(".qm")
    }
    return [
        name
        for name in names
        if any(part in "/" + name for part in FORBIDDEN)
        or (
            "PySide6/" in name
            and "/translations/" in name
            and name.rsplit("/", 1)[1] not in shipped
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--budget-mib", type=float, default=BUDGET_MIB.get(sys.platform, 150))
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder")

    total, files = measure(args.folder)
    print(
        f"{args.folder}: {total / 2**20:.1f} MiB in {len(files)} files "
        f"(budget {args.budget_mib:.0f} MiB)"
    )
    for size, name in files[:10]:
        print(f"  {size / 2**20:6.1f} MiB  {name}")

    failures = unwanted([name for _, name in files])
    for name in failures[:20]:
        print(f"excluded part shipped anyway: {name}", file=sys.stderr)
    if total > args.budget_mib * 2**20:
        print(f"over budget by {(total / 2**20) - args.budget_mib:.1f} MiB", file=sys.stderr)
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
