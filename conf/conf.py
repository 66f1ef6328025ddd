"""Sphinx configuration of the AI Engineer site (``sphinx-build -c conf docs OUT``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

# -- Project -----------------------------------------------------------------------------------
project = "What is an AI Engineer?"
author = "The skills-matrix contributors"
copyright = "2024–2026, the skills-matrix contributors"  # noqa: A001
REPOSITORY = os.environ.get("SITE_REPOSITORY", "ai-engineer-docs/skills-matrix")
"""``owner/name`` on GitHub, for edit-this-page links (CI sets it from its own repository)."""

extensions = [
    "myst_parser",
    "sphinx_design",
    "skills_matrix",
    "frontmatter",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_data", "Thumbs.db", ".DS_Store"]
nitpicky = True
# The article and the data are shown with the characters their authors typed.
smartquotes = False
today_fmt = "%Y-%m-%d"

# -- MyST --------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_title_to_header = True
myst_heading_anchors = 3

# -- The skills matrix -------------------------------------------------------------------------
skills_matrix_data = "_data/skills-matrix.yaml"

# -- HTML --------------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = "What is an AI Engineer?"
html_short_title = "AI Engineer"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_last_updated_fmt = "%Y-%m-%d"
html_copy_source = False
html_show_sourcelink = False
# Wide tables get the whole width: no sidebars beside them.
WIDE_PAGES = ["index", "article", "matrix/index", "roles/index", "am-i-an-ai-engineer"]
html_sidebars = dict.fromkeys(WIDE_PAGES, [])

_owner, _, _repo = REPOSITORY.partition("/")
html_context = {
    "github_user": _owner,
    "github_repo": _repo,
    "github_version": "main",
    "doc_path": "docs",
    "default_mode": "auto",
}
html_theme_options = {
    "navbar_align": "left",
    "header_links_before_dropdown": 6,
    "use_edit_page_button": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "secondary_sidebar_items": {
        "**": ["page-toc", "edit-this-page"],
        **dict.fromkeys(["matrix/index", "roles/index"], []),
    },
    "footer_start": ["copyright"],
    "footer_end": ["last-updated"],
    "icon_links": [
        {
            "name": "Source on GitHub",
            "url": f"https://github.com/{REPOSITORY}",
            "icon": "fa-brands fa-github",
        },
    ],
}
