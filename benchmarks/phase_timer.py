"""A Sphinx extension for the benchmarks: prints, at the end of a build, the seconds spent on
the documents themselves (from reading the first to the end of writing), leaving out Python
and Sphinx starting up. Both benchmark projects load it, so it costs both the same."""

import sys
import time


def setup(app):
    marks = {}
    app.connect(
        "env-before-read-docs",
        lambda app, env, docs: marks.setdefault("start", time.perf_counter()),
    )
    app.connect(
        "build-finished",
        lambda app, exc: print(
            f"phase-timer {time.perf_counter() - marks.get('start', time.perf_counter()):.6f}",
            file=sys.stderr,
        ),
    )
    return {"parallel_read_safe": True, "parallel_write_safe": True}
