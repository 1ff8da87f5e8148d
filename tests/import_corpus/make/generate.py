"""Regenerate every corpus document and its expected summary (deterministic bytes)."""

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS, write_expected, write_refused  # noqa: E402


def main():
    only = sys.argv[1:]
    for f in sorted((Path(__file__).parent / "docs").glob("[dr][0-9]*.py")):
        if only and not any(o in f.stem for o in only):
            continue
        mod = importlib.import_module(f"docs.{f.stem}")
        if hasattr(mod, "DOC"):
            mod.build(CORPUS / mod.DOC.source)
            write_expected(mod.DOC)
        for case in getattr(mod, "REFUSED", []):
            case.make(CORPUS / case.source)
            write_refused(case.source, case.exit, case.message_contains, case.what)
        print(f.stem)


if __name__ == "__main__":
    main()
