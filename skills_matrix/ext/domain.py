"""The ``matrix`` domain: skills, responsibilities, roles and levels as link targets.

Definitions are recorded per document (so parallel reads merge and incremental builds
forget them), resolved by ``{matrix:skill}`` and friends, and listed on an index page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from ..diagnostics import Code
from .locale import _
from .warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

OBJECT_TYPES = ("skill", "responsibility", "role", "level")
OPTIONAL_LINK = "skills_matrix_optional"
"""A ``pending_xref`` flag: shown as plain text, without a warning, when nothing defines it."""


class Definition(NamedTuple):
    docname: str
    anchor: str
    title: str


def anchor(objtype: str, ident: str) -> str:
    return f"{objtype}-{ident}"


def search_anchor(target: str) -> str:
    """A second id on each definition, for the search index.

    Sphinx's index shortens an anchor of the form ``<type>-<name>`` to ``-``, and its search
    page rebuilds it from the *display* name: "skill-Prompt design", which exists nowhere.
    An anchor of another form is kept as it is.
    """
    return f"matrix-{target}"


def link(objtype: str, ident: str, title: str, *, optional: bool = False) -> pending_xref:
    """A reference to a definition, showing *title*."""
    node = pending_xref(
        "",
        nodes.inline(title, title),
        refdomain="matrix",
        reftype=objtype,
        reftarget=ident,
        refexplicit=True,
        refwarn=not optional,
    )
    if optional:
        node[OPTIONAL_LINK] = True
    return node


class MatrixIndex(Index):
    name = "index"
    localname = _("Skills matrix index")
    shortname = _("skills matrix")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        content: dict[str, list[IndexEntry]] = {}
        objects = self.domain.data["objects"]
        label = {name: kind.lname for name, kind in self.domain.object_types.items()}
        for (objtype, ident), (docname, anchor_, title) in sorted(
            objects.items(), key=lambda item: item[1].title.casefold()
        ):
            if docnames and docname not in docnames:
                continue
            letter = title[:1].upper()
            content.setdefault(letter, []).append(
                IndexEntry(title, 0, docname, anchor_, str(label[objtype]), "", ident)
            )
        return sorted(content.items()), False


class MatrixDomain(Domain):
    name = "matrix"
    label = _("Skills matrix")
    object_types = {
        "skill": ObjType(_("skill"), "skill"),
        "responsibility": ObjType(_("responsibility"), "responsibility"),
        "role": ObjType(_("role"), "role"),
        "level": ObjType(_("level"), "level"),
    }
    # a title given in the text is text, not code (the id alone is replaced by the title)
    roles = {t: XRefRole(innernodeclass=nodes.inline) for t in OBJECT_TYPES}
    indices = [MatrixIndex]
    initial_data = {"objects": {}, "pages": set(), "scripted": set()}

    @property
    def objects(self) -> dict[tuple[str, str], Definition]:
        return self.data.setdefault("objects", {})

    @property
    def pages(self) -> set[str]:
        """The documents that render matrix data (they get its stylesheet)."""
        return self.data.setdefault("pages", set())

    @property
    def scripted(self) -> set[str]:
        """The documents with a self-assessment (they get its scripts)."""
        return self.data.setdefault("scripted", set())

    def note_page(self, scripted: bool = False) -> None:
        self.pages.add(self.env.docname)
        if scripted:
            self.scripted.add(self.env.docname)

    def note_object(self, objtype: str, ident: str, title: str, node: nodes.Element) -> None:
        """Record that the current document defines *ident*, and give *node* its anchor."""
        key = (objtype, ident)
        if key in self.objects:
            other = self.objects[key]
            warn(
                Code.DUPLICATE,
                f"the {objtype} {ident!r} is already defined in {other.docname}; this "
                "definition is ignored",
                node,
            )
            return
        target = anchor(objtype, ident)
        node["ids"] += [target, search_anchor(target)]
        self.objects[key] = Definition(self.env.docname, target, title)

    def clear_doc(self, docname: str) -> None:
        self.pages.discard(docname)
        self.scripted.discard(docname)
        for key, definition in list(self.objects.items()):
            if definition.docname == docname:
                del self.objects[key]

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        docnames = set(docnames)
        self.pages.update(otherdata["pages"] & docnames)
        self.scripted.update(otherdata["scripted"] & docnames)
        for key, definition in otherdata["objects"].items():
            if definition.docname in docnames:
                self.objects[key] = definition

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        definition = self.objects.get((typ, target))
        if definition is None:
            return None
        if not node.get("refexplicit"):
            contnode = nodes.inline(definition.title, definition.title)
        return make_refnode(
            builder, fromdocname, definition.docname, definition.anchor, contnode, definition.title
        )

    def reference(
        self, builder: Builder, fromdocname: str, objtype: str, ident: str, title: str
    ) -> nodes.Node:
        """A link to the definition of *ident*, or its title as text where none exists."""
        definition = self.objects.get((objtype, ident))
        if definition is None:
            return nodes.Text(title)
        return make_refnode(
            builder,
            fromdocname,
            definition.docname,
            definition.anchor,
            nodes.Text(title),
            definition.title,
        )

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for objtype in OBJECT_TYPES:
            ref = self.resolve_xref(env, fromdocname, builder, objtype, target, node, contnode)
            if ref is not None:
                results.append((f"matrix:{objtype}", ref))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        # priority 0: a search finds the definition before the pages that mention it
        for (objtype, ident), definition in self.objects.items():
            target = search_anchor(definition.anchor)
            yield (ident, definition.title, objtype, definition.docname, target, 0)


def _plain_text_when_undefined(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """Headers of generated tables link to definitions only where the project has them."""
    return contnode if node.get(OPTIONAL_LINK) else None


def setup_domain(app: Sphinx) -> None:
    app.add_domain(MatrixDomain)
    app.connect("missing-reference", _plain_text_when_undefined)
