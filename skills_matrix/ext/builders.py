"""What the builder at hand can show, said once for every feature that asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.builders import Builder


def is_epub(builder: Builder) -> bool:
    """An EPUB: HTML written as XHTML (XML, so every end tag), read where no script runs, and
    checked by epubcheck, which wants inline SVG declared in the package."""
    return builder.name.startswith("epub")
