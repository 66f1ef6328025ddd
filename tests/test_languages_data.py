"""A framework's own texts in another language, the gettext route: the gettext builder writes
the matrix's template beside the pages' (``skills-matrix.pot``), a translator's
``locale/LANG/LC_MESSAGES/skills-matrix.po`` translates it, and a build in that language shows
the translated titles in tables, role pages and the form's data; an English build is the same
byte for byte with the translation there or not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from .conftest import ROOTS, build_warnings

TRANSLATED = {
    "Planning": "Planung",
    "Testing": "Testen",
    "Senior Engineer": "Senior-Ingenieurin",
    "Practitioner": "Praktikerin",
    "Deliver": "Liefern",
    "Plans and delivers own tasks.": "Plant und liefert die eigenen Aufgaben.",
}


def _project(tmp_path: Path, name: str = "ladder") -> Path:
    srcdir = tmp_path / name
    shutil.copytree(ROOTS / "test-ladder", srcdir)
    return srcdir


def _translate(template: Path, srcdir: Path, language: str = "de") -> Path:
    """What a translator does with the template: a catalog of the language, some of it
    translated (the rest stays as the data says it)."""
    with template.open("rb") as file:
        catalog = read_po(file, locale=language)
    for message in catalog:
        if message.id in TRANSLATED:
            message.string = TRANSLATED[message.id]
    target = srcdir / "locale" / language / "LC_MESSAGES" / "skills-matrix.po"
    target.parent.mkdir(parents=True)
    with target.open("wb") as file:
        write_po(file, catalog)
    return target


def test_the_gettext_builder_writes_the_matrix_template(make_app, tmp_path):
    app = make_app("gettext", srcdir=_project(tmp_path))
    app.build()
    assert not build_warnings(app)
    with (Path(app.outdir) / "skills-matrix.pot").open("rb") as file:
        template = read_po(file)
    said = {m.id for m in template if m.id}
    assert set(TRANSLATED) <= said
    assert "Runs one-to-ones and growth plans for their team." in said  # a role's note
    assert "planning" not in said and "https://example.org/estimation" not in said  # ids, links
    assert all(m.locations == [("_data/skills-matrix.yaml", None)] for m in template if m.id)


def test_a_translated_matrix_in_every_page_and_the_form(make_app, tmp_path):
    pot = make_app("gettext", srcdir=_project(tmp_path, "source"))
    pot.build()
    srcdir = _project(tmp_path)
    _translate(Path(pot.outdir) / "skills-matrix.pot", srcdir)
    app = make_app(
        "html", srcdir=srcdir, confoverrides={"language": "de", "locale_dirs": ["locale"]}
    )
    app.build()
    assert not build_warnings(app)
    out = Path(app.outdir)
    roles = (out / "roles.html").read_text(encoding="utf-8")
    ladder = (out / "ladder.html").read_text(encoding="utf-8")
    for page in (roles, ladder):
        assert "Planung" in page and "Senior-Ingenieurin" in page
        # the generated links and cells (the pages' own headings are the page route's)
        assert "<span>Planning</span>" not in page and "<span>Senior Engineer</span>" not in page
    assert "Plant und liefert die eigenen Aufgaben." in roles
    published = json.loads((out / "skills-matrix.json").read_text(encoding="utf-8"))
    skills = {s["id"]: s for s in published["skills"]}
    assert skills["planning"]["title"] == "Planung" and skills["planning"]["id"] == "planning"
    assert skills["architecture"]["title"] == "Architecture"  # not translated: as the data says


def test_a_translation_edited_rebuilds_the_pages_that_use_the_data(make_app, tmp_path):
    pot = make_app("gettext", srcdir=_project(tmp_path, "source"))
    pot.build()
    srcdir = _project(tmp_path)
    catalog = _translate(Path(pot.outdir) / "skills-matrix.pot", srcdir)
    overrides = {"language": "de", "locale_dirs": ["locale"]}
    make_app("html", srcdir=srcdir, confoverrides=overrides).build()
    text = catalog.read_text(encoding="utf-8").replace('"Planung"', '"Planen"')
    catalog.write_text(text, encoding="utf-8")
    again = make_app("html", srcdir=srcdir, confoverrides=overrides)
    again.build()
    assert "Planen" in (Path(again.outdir) / "roles.html").read_text(encoding="utf-8")
    assert "Planung" not in (Path(again.outdir) / "ladder.html").read_text(encoding="utf-8")


def test_an_english_build_is_the_same_with_a_translation_there(make_app, tmp_path):
    plain = make_app("html", srcdir=_project(tmp_path, "plain"))
    plain.build()
    pot = make_app("gettext", srcdir=_project(tmp_path, "source"))
    pot.build()
    srcdir = _project(tmp_path, "with-locale")
    _translate(Path(pot.outdir) / "skills-matrix.pot", srcdir)
    english = make_app("html", srcdir=srcdir, confoverrides={"locale_dirs": ["locale"]})
    english.build()
    built = sorted(
        p.relative_to(plain.outdir) for p in Path(plain.outdir).rglob("*") if p.is_file()
    )
    assert built == sorted(
        p.relative_to(english.outdir) for p in Path(english.outdir).rglob("*") if p.is_file()
    )
    for name in built:
        if name.suffix in (".html", ".json", ".js", ".css"):
            assert (Path(plain.outdir) / name).read_bytes() == (
                Path(english.outdir) / name
            ).read_bytes(), name
