"""An executable skills matrix: YAML data that is validated, rendered and assessed.

The core (:mod:`.model`, :mod:`.loader`, :mod:`.table`, :mod:`.assessment`) knows nothing of
Sphinx; :mod:`.ext` is the Sphinx extension and :mod:`.cli` the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict:
    from .ext import setup_extension  # noqa: PLC0415 (keep the CLI free of Sphinx imports)

    setup_extension(app)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
