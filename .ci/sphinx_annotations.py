"""Turn a Sphinx warnings file (``sphinx-build -w FILE``) into GitHub annotations, so each
warning shows on the changed line of a pull request.

    python .ci/sphinx_annotations.py WARNINGS_FILE [--root DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

WARNING = re.compile(
    r"^(?P<file>[^\s:][^:]*?):(?P<line>\d+)?:?\s*(?P<level>WARNING|ERROR|CRITICAL): "
    r"(?P<message>.*)$"
)


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def annotations(text: str, root: Path) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", raw)
        match = WARNING.match(line)
        if not match:
            continue
        path = Path(match["file"])
        try:
            path = path.resolve().relative_to(root.resolve())
        except ValueError:
            pass
        level = "warning" if match["level"] == "WARNING" else "error"
        location = f"file={_escape_property(str(path))}"
        if match["line"]:
            location += f",line={match['line']}"
        out.append(f"::{level} {location},title=Sphinx::{_escape(match['message'])}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warnings")
    parser.add_argument("--root", default=".")
    args = parser.parse_args(argv)
    path = Path(args.warnings)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    for annotation in annotations(text, Path(args.root)):
        print(annotation)
    return 0


if __name__ == "__main__":
    sys.exit(main())
