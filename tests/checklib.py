"""The compare-and-report helper of the region check scripts (run from .ci/checks/)."""
import sys


class Checks:
    def __init__(self, source):
        self.source = source  # what the expected values come from, e.g. "JSON"
        self.failures = []
        self.count = 0

    def check(self, what, got, want):
        self.count += 1
        if got != want:
            self.failures.append(f"{what}: got {got!r}, {self.source} says {want!r}")

    def finish(self, summary):
        if self.failures:
            print("\n".join(self.failures[:50]))
            sys.exit(1)
        print(f"{summary}: {self.count} checks passed")
