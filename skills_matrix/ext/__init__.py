"""The Sphinx extension: a thin layer over the pure core, one module per feature.

Each module has a ``setup_<feature>(app)``, as sphinx-design does: the configuration, the
build's data, the ``matrix`` domain, the deferred tables, the assets (stylesheet, scripts,
published JSON), and in ``directives/`` one module per directive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .assets import setup_assets
from .chart import setup_chart
from .config import setup_config
from .data import setup_data
from .directives.assessment import setup_assessment
from .directives.catalogue import setup_catalogue
from .directives.comparison import setup_comparison
from .directives.ladder import setup_ladder
from .directives.matrix_table import setup_matrix_table
from .directives.progress import setup_progress
from .directives.role import setup_role
from .directives.self_assessment import setup_self_assessment
from .directives.team import setup_team
from .domain import setup_domain
from .filters import setup_filters
from .locale import setup_locale
from .plain_text import setup_plain_text
from .table_nodes import setup_tables

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_extension(app: Sphinx) -> None:
    setup_config(app)
    setup_locale(app)
    setup_data(app)
    setup_domain(app)
    setup_tables(app)
    setup_filters(app)
    setup_matrix_table(app)
    setup_role(app)
    setup_catalogue(app)
    setup_comparison(app)
    setup_ladder(app)
    setup_assessment(app)
    setup_self_assessment(app)
    setup_team(app)
    setup_chart(app)
    setup_progress(app)
    setup_assets(app)
    setup_plain_text(app)
