"""Regenerate every audit-corpus document and its expected verdicts (deterministic bytes).
Usage: python3 generate.py [a01 a07 …]. Stops at the first document whose worked-out
verdicts differ from what its author meant."""

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from expected import CORPUS, Mismatch, write  # noqa: E402


def main():
    only = sys.argv[1:]
    for f in sorted((Path(__file__).parent / "docs").glob("a[0-9]*.py")):
        if only and not any(o in f.stem for o in only):
            continue
        mod = importlib.import_module(f"docs.{f.stem}")
        try:
            write(mod.DOC)
        except Mismatch as e:
            sys.exit(f"{f.stem}: {e}")
        mod.build(CORPUS / mod.DOC.source)
        print(f.stem)


if __name__ == "__main__":
    main()
