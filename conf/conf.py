"""Sphinx configuration of the AI Engineer site (``sphinx-build -c conf docs OUT``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))

# -- Project -----------------------------------------------------------------------------------
project = "What is an AI Engineer?"
author = "The skills-matrix contributors"
# The site is the contributors'; the article it republishes is its author's.
copyright = "2024–2026, the skills-matrix contributors; the article, its author"  # noqa: A001
import skills_matrix  # noqa: E402

version = release = skills_matrix.__version__
REPOSITORY = os.environ.get("SITE_REPOSITORY", "ai-engineer-docs/skills-matrix")
"""``owner/name`` on GitHub, for edit-this-page links (CI sets it from its own repository)."""

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "notfound.extension",
    "skills_matrix",
    "frontmatter",
    "first_paint",
    "icon_fonts",
    "book_cards",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_data", "Thumbs.db", ".DS_Store"]
nitpicky = True
# The landing page's card icons are decoration: LaTeX output goes without them.
suppress_warnings = ["design.fa-build"]
# The article and the data are shown with the characters their authors typed.
smartquotes = False
today_fmt = "%Y-%m-%d"

# -- MyST --------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_title_to_header = True
myst_heading_anchors = 3

# -- The skills matrix -------------------------------------------------------------------------
skills_matrix_data = "_data/skills-matrix.yaml"

# -- Hosting ---------------------------------------------------------------------------------
# Read the Docs gives each build (pull-request previews included) its canonical URL; GitHub
# Pages builds set SITE_URL. The default is the Pages address of the repository.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL",
    os.environ.get(
        "SITE_URL", f"https://{REPOSITORY.split('/')[0]}.github.io/{REPOSITORY.split('/')[1]}/"
    ),
)
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
ogp_site_url = html_baseurl
ogp_site_name = "What is an AI Engineer?"
ogp_type = "article"
ogp_enable_meta_description = False  # frontmatter.py writes it from each page's description
ogp_social_cards = {"enable": False}  # no generated images: they would need matplotlib
# Absolute links on the 404 page: it is served for any missing path.
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"
notfound_context = {
    "title": "Page not found",
    "body": "<h1>Page not found</h1><p>This page does not exist, or no longer does. Start "
    f"again from the <a href='{notfound_urls_prefix}index.html'>home page</a>, or search the "
    "site.</p>",
}

# -- Link check ------------------------------------------------------------------------------
# Bounded and honest: see .ci/linkcheck.py, which also bounds the whole run.
linkcheck_timeout = 20
# Sphinx retries only links it counts as broken, and counts a timeout as broken only when
# told to: so timeouts are retried (3 attempts in all), and a link still timing out after
# them is reported broken, with "timed out" in its details.
linkcheck_report_timeouts_as_broken = True
linkcheck_retries = 3
# Waits asked for by a 429 without Retry-After double up to this bound; a numeric
# Retry-After is obeyed however long, which is why .ci/linkcheck.py bounds the whole run.
linkcheck_rate_limit_timeout = 120.0
linkcheck_workers = 5
linkcheck_ignore = [
    # LinkedIn answers automated requests with HTTP 999, which Sphinx counts as working: these
    # links would pass whether or not the posting still exists, so they are reported as
    # ignored instead, and the pages show the day each posting was cited.
    r"https://www\.linkedin\.com/",
]
linkcheck_allowed_redirects = {
    r"https://github\.com/.*": r"https://github\.com/login.*",
}

# -- HTML --------------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = "What is an AI Engineer?"
html_short_title = "AI Engineer"
templates_path = ["_templates"]
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_css_files = ["site.css"]
html_js_files = [("header.js", {"defer": "defer"})]
html_last_updated_fmt = "%Y-%m-%d"
html_copy_source = False
html_show_sourcelink = False
# Wide tables get the whole width: no sidebars beside them; nor does a page with no section of
# pages to navigate (the sidebar would say "Section Navigation" over nothing).
WIDE_PAGES = [
    "index",
    "article",
    "matrix/index",
    "roles/index",
    "am-i-an-ai-engineer",
    "assess-yourself",
    "your-team",
]
html_sidebars = dict.fromkeys(WIDE_PAGES, [])

_owner, _, _repo = REPOSITORY.partition("/")
BOOKS = (("PDF", "downloads/ai-engineer.pdf"), ("EPUB", "downloads/ai-engineer.epub"))
"""The site as books, where ``nox -s publish`` puts them beside the hosted site. Only a build
that says they are there (SITE_BOOKS=1, as that session does) links to them."""
html_context = {
    "github_user": _owner,
    "github_repo": _repo,
    "github_version": "main",
    "doc_path": "docs",
    "default_mode": "auto",
    "books": BOOKS if os.environ.get("SITE_BOOKS") == "1" else (),
}
ROLE_PAGES = sorted(f"roles/{page.stem}" for page in (HERE.parent / "docs" / "roles").glob("*.md"))
html_theme_options = {
    "navbar_align": "left",
    # one header row from 1024 px: short link titles (docs/index.md), search as a button,
    # the source link in the footer
    "navbar_persistent": [],
    "navbar_end": ["search-button", "theme-switcher"],
    "header_links_before_dropdown": 7,
    "use_edit_page_button": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "secondary_sidebar_items": {
        "**": ["page-toc"],
        # pages whose wide tables need the room the page's table of contents would take
        **dict.fromkeys(["matrix/index", "assess-yourself", *ROLE_PAGES], []),
    },
    "article_footer_items": ["edit-this-page"],
    "footer_start": ["copyright", "books"],
    "footer_center": ["navbar-icon-links"],
    "footer_end": ["last-updated"],
    "icon_links": [
        {
            "name": "Source on GitHub",
            "url": f"https://github.com/{REPOSITORY}",
            "icon": "fa-brands fa-github",
        },
    ],
}

# The PDF (nox -s pdf): LuaLaTeX with the FreeFont faces, and Symbola for every character
# they lack (the article's 🙂 among them), so that every character of the site prints. Words
# in tables are not hyphenated: a level's name reads whole ("Practitioner").
latex_engine = "lualatex"
epub_basename = "ai-engineer"
latex_documents = [("index", "ai-engineer.tex", project, author, "manual")]
latex_elements = {
    # chapters start on the next page, not the next right-hand one: no blank pages between
    "extraclassoptions": "openany,oneside",
    "fontpkg": r"""
\directlua{luaotfload.add_fallback("smfallback", {"Symbola:mode=harf;"})}
\setmainfont{FreeSerif}[RawFeature={fallback=smfallback}]
\setsansfont{FreeSans}[RawFeature={fallback=smfallback}]
\setmonofont{FreeMono}[RawFeature={fallback=smfallback}]
""",
    "preamble": r"""
\usepackage{etoolbox}
\AtBeginEnvironment{longtable}{\hyphenpenalty=10000\footnotesize}
\AtBeginEnvironment{tabulary}{\hyphenpenalty=10000}
\AtBeginEnvironment{tabular}{\hyphenpenalty=10000}
\setlength{\tymin}{2.2cm}
""",
}

# pydata-sphinx-theme leaves a first visit's colour theme "auto" until its deferred script runs,
# and its colours and borders hang on the resolved theme: the page is first painted without
# them and moves as they arrive. Resolve it before the first paint, as that script will.
RESOLVE_THEME = """(function () {
  var root = document.documentElement;
  if (!root.dataset.theme || root.dataset.theme === "auto") {
    root.dataset.theme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
})();"""


def setup(app):
    app.add_js_file(None, body=RESOLVE_THEME, priority=100)
