"""Nothing but styles between a page and its first paint.

Sphinx, the theme and sphinx-design put their scripts in every page's head as classic
scripts: the browser stops reading the page until each one is fetched and run, a round trip
apiece on a phone, and none of them draws anything the reader sees first. Here every script
file is deferred (deferred scripts run in document order once the page is read), and each
inline script that follows a deferred one becomes a module, deferred too, so that it still
runs after the script it depends on (``DOCUMENTATION_OPTIONS.pagename = ...`` after
``documentation_options.js``). Inline scripts before every file, such as the one resolving the
colour theme before the first paint (conf.py), stay where they are and run at once.

The search page is left as the theme writes it: its search scripts, which the theme adds
after these, run at once and need them.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

WAITS = ("defer", "async")


def defer_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Rewrite the page's ``script_files`` (Sphinx sorts them by priority after this event,
    which keeps the order set here)."""
    if app.builder.format != "html" or pagename == "search" or "script_files" not in context:
        return
    scripts, deferred = [], False
    for js in sorted(context["script_files"], key=lambda js: js.priority):
        attributes = dict(js.attributes)
        if js.filename:
            if not any(wait in attributes for wait in WAITS):
                attributes["defer"] = "defer"
            deferred = True
        elif deferred and "type" not in attributes:
            attributes["type"] = "module"
        scripts.append(type(js)(js.filename, priority=js.priority, **attributes))
    context["script_files"] = scripts


def setup(app: Sphinx) -> dict[str, Any]:
    # after the theme, which adds its own inline scripts in this event
    app.connect("html-page-context", defer_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
