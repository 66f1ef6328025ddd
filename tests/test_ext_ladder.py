"""A ladder with two tracks off a common trunk (tests/roots/test-ladder), on every builder:
the ladder tables, the roles' notes reachable from their cells, the role pages and the
assessment with its answer, evidence and next steps."""

from __future__ import annotations

import re

import pytest

from .conftest import build_warnings
from .test_ext_builders import output_text

BUILDERS = ["html", "latex", "text", "epub", "man"]


@pytest.fixture
def ladder_app(built_root):
    return lambda builder: built_root("ladder", builder)


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_renders_the_ladder_clean(ladder_app, builder):
    app = ladder_app(builder)
    warnings = build_warnings(app)
    if builder == "epub":  # epub's own checks of the project metadata
        warnings = "\n".join(
            w for w in warnings.splitlines() if "epub_" not in w and "conf value" not in w
        )
    assert warnings.strip() == "", warnings
    text = " ".join(output_text(app).split())
    for expected in (
        "Individual contributor",  # each ladder's track, named outside its table
        "Leading people.",  # a track's description
        "growth plans for their team",  # a role's note, below the ladder
        "Staff Engineer",
        "Where you stand",
        "Working towards",
        "New at Senior Engineer",
        "From Engineer",
        "(required)",
        "(counts twice)",  # a weight, said in words
        "(weight 3)",
        "Plans and sizes the team",  # a skill's descriptor at a level
        "after a slip",  # an example of a descriptor
        "Planned the Q3 migration",  # a profile's evidence
        "Origin: named by the source.",  # a skill's origin
        "Origin: the framework authors",
    ):
        assert expected in text, f"{builder}: {expected!r} missing"


def test_ladder_cells_link_to_the_notes(ladder_app):
    app = ladder_app("html")
    page = (app.outdir / "ladder.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="reference internal" href="#(ladder-[a-z-]+-\d+-note-\d+)"', page)
    assert links, "no cell links to a note"
    for target in links:
        assert f'id="{target}"' in page
    management = page[page.index("The Management ladder") :]
    header = management[: management.index("</thead>")]
    assert [re.sub("<[^>]+>", "", h) for h in re.findall(r"<th[^>]*>(.*?)</th>", header)] == [
        "Skill",
        "Engineer",
        "Senior Engineer",
        "Engineering Manager",
    ]


def html_text(app, name: str) -> str:
    """A page's text, tags dropped, white space folded."""
    page = (app.outdir / name).read_text(encoding="utf-8")
    body = page[page.index("<body") :]
    return " ".join(re.sub(r"<[^>]+>", " ", body).replace("&#8217;", "'").split())


def test_role_page_says_what_this_role_expects(ladder_app):
    app = ladder_app("html")
    text = html_text(app, "roles.html")
    senior = text[text.index("Senior Engineer ¶ Track") : text.index("Staff Engineer ¶ Track")]
    assert "Builds on Engineer . Next: Engineering Manager , Staff Engineer ." in senior
    assert "Sets the test strategy of their features." in senior  # the role's note
    assert "Plans and sizes the team's tasks." in senior  # else the skill's descriptor
    assert "Does it with help." in senior  # else the level's description


def test_assessment_leads_with_the_answer(ladder_app):
    app = ladder_app("html")
    text = html_text(app, "assessment.html").replace("&quot;", '"').replace("&amp;", "&")
    assert "Where you stand: Engineer ." in text
    assert "On the Individual contributor ladder: Engineer fits; next: Senior Engineer ." in text
    # Ada's current role is on the individual-contributor track: its next role is the target
    assert (
        "Working towards: Senior Engineer , the next role for you — 40%, does not fit: "
        "a required skill is missing." in text
    )
    # in order: where she stands, what she works towards, the steps, then the table
    assert (
        text.index("Where you stand")
        < text.index("Working towards")
        < text.index("Next steps towards")
        < text.index("Assessment of Ada")
    )
    assert "Communication : reach Practitioner (required), 1 level up, +40% of the fit" in text
    assert 'Planned the Q3 migration, "on time" & in budget' in text


@pytest.mark.parametrize("builder", ["html", "latex", "text", "man"])
def test_a_team_page_and_its_anonymous_twin(ladder_app, builder):
    app = ladder_app(builder)
    assert build_warnings(app).strip() == ""
    if builder in ("html", "text"):
        read = (
            html_text
            if builder == "html"
            else (lambda app, name: (app.outdir / name).read_text(encoding="utf-8"))
        )
        named = read(app, f"team.{builder if builder == 'html' else 'txt'}")
        anonymous = read(app, f"anonymous.{builder if builder == 'html' else 'txt'}")
        assert "Ada" in named and "Bo" in named
        assert "Person 1" in anonymous and "Person 2" in anonymous
        body = anonymous.split("Skills at risk", 1)[1]
        assert "Ada" not in body and "Bo" not in body  # no name anywhere when anonymous
    else:
        named = output_text(app)
        assert "Person 1" in named and "Person 2" in named
    assert "Skills at risk" in named and "Coaching" in named
