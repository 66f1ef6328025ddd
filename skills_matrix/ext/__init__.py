"""The Sphinx extension: a thin layer over the pure core.

One ``setup_<feature>(app)`` per module, as sphinx-design does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .assets import setup_assets
from .config import setup_config
from .data import setup_data
from .directives import setup_directives
from .domain import setup_domain
from .tables import setup_tables

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_extension(app: Sphinx) -> None:
    setup_config(app)
    setup_data(app)
    setup_domain(app)
    setup_tables(app)
    setup_directives(app)
    setup_assets(app)
