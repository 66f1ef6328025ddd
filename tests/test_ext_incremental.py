"""Incremental and parallel builds: data read once, dependencies exact, -j equals serial."""

from __future__ import annotations

import shutil

import pytest

from .conftest import build_warnings


def copy_root(rootdir, tmp_path, name):
    srcdir = tmp_path / name
    shutil.copytree(rootdir / f"test-{name}", srcdir)
    return srcdir


def build(make_app, srcdir, **kwargs):
    """Build, returning the app and the documents it read."""
    app = make_app("html", srcdir=srcdir, **kwargs)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    app.build()
    return app, sorted(read)


def test_noop_rebuild_reads_nothing(make_app, rootdir, tmp_path):
    srcdir = copy_root(rootdir, tmp_path, "basic")
    _, first = build(make_app, srcdir)
    assert first == ["definitions", "index", "myst", "plain"]
    _, second = build(make_app, srcdir)
    assert second == []


def test_data_edit_rereads_exactly_the_pages_that_use_it(make_app, rootdir, tmp_path):
    srcdir = copy_root(rootdir, tmp_path, "basic")
    build(make_app, srcdir)
    data = srcdir / "_data" / "skills-matrix.yaml"
    data.write_text(data.read_text().replace("title: SQL", "title: Structured queries"))
    app, read = build(make_app, srcdir)
    assert read == ["definitions", "index", "myst"]  # not "plain"
    assert "Structured queries" in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_profile_edit_rereads_its_page(make_app, rootdir, tmp_path):
    srcdir = copy_root(rootdir, tmp_path, "basic")
    build(make_app, srcdir)
    (srcdir / "_data" / "me.yaml").write_text("version: 1\nname: Kim\nskills: {}\n")
    app, read = build(make_app, srcdir)
    assert "myst" in read and "plain" not in read
    assert "Assessment of Kim" in (app.outdir / "myst.html").read_text(encoding="utf-8")


def test_data_loaded_once_per_build(make_app, rootdir, tmp_path, monkeypatch):
    from skills_matrix.ext import data

    calls = []
    real = data.load_matrix
    monkeypatch.setattr(data, "load_matrix", lambda *a, **k: calls.append(a) or real(*a, **k))
    build(make_app, copy_root(rootdir, tmp_path, "basic"))
    assert len(calls) == 1


def test_profile_read_once_per_build_however_often_used(make_app, rootdir, tmp_path, monkeypatch):
    from skills_matrix.ext import data

    calls = []
    real = data.load_profile
    monkeypatch.setattr(data, "load_profile", lambda *a, **k: calls.append(a) or real(*a, **k))
    app, _ = build(make_app, copy_root(rootdir, tmp_path, "basic"))
    assert len(calls) == 1
    assert (app.outdir / "myst.html").read_text(encoding="utf-8").count("Assessment of Sam") == 2


def test_folder_data(make_app, rootdir, tmp_path):
    srcdir = copy_root(rootdir, tmp_path, "basic")
    folder = srcdir / "_data" / "matrix"
    folder.mkdir()
    text = (srcdir / "_data" / "skills-matrix.yaml").read_text()
    head, _, skills = text.partition("skills:\n")
    (folder / "1-base.yaml").write_text(head)
    (folder / "2-skills.yaml").write_text("skills:\n" + skills)
    app, _ = build(make_app, srcdir, confoverrides={"skills_matrix_data": "_data/matrix"})
    assert build_warnings(app) == ""
    assert "Orchestration" in (app.outdir / "index.html").read_text(encoding="utf-8")
    (folder / "3-more.yaml").write_text(
        "skills:\n  - {id: dbt, title: Data build tool, supports: {ship-pipelines: core}}\n"
    )
    app, read = build(make_app, srcdir, confoverrides={"skills_matrix_data": "_data/matrix"})
    assert read == ["definitions", "index", "myst"]
    assert "Data build tool" in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_parallel_build_equals_serial(make_app, rootdir, tmp_path):
    serial_dir = copy_root(rootdir, tmp_path / "serial", "parallel")
    parallel_dir = copy_root(rootdir, tmp_path / "parallel", "parallel")
    serial, read = build(make_app, serial_dir)
    parallel, _ = build(make_app, parallel_dir, parallel=2)
    assert len(read) >= 6  # Sphinx reads in parallel only above 5 documents
    assert build_warnings(serial) == "" and build_warnings(parallel) == ""
    pages = sorted(p.name for p in serial.outdir.glob("*.html"))
    assert "page7.html" in pages
    for name in pages:
        if name in ("searchindex.js",):
            continue
        assert (serial.outdir / name).read_text(encoding="utf-8") == (
            parallel.outdir / name
        ).read_text(encoding="utf-8"), name
    # definitions recorded by a parallel reader resolve from the other pages
    assert 'href="definitions.html#skill-sql"' in (parallel.outdir / "page3.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.sphinx("html", testroot="basic")
def test_extension_is_parallel_safe(app):
    meta = app.extensions["skills_matrix"]
    assert meta.parallel_read_safe and meta.parallel_write_safe


def test_a_profile_edited_or_added_rereads_the_team_pages(make_app, rootdir, tmp_path):
    import os

    srcdir = copy_root(rootdir, tmp_path, "ladder")
    build(make_app, srcdir)
    profiles = srcdir / "_data" / "profiles"
    (profiles / "bo.yaml").write_text("version: 2\nname: Bo\nskills: {coaching: expert}\n")
    _, read = build(make_app, srcdir)
    assert {"team", "anonymous"} <= set(read) and "ladder" not in read
    then = profiles.stat().st_mtime
    (profiles / "cy.yaml").write_text("version: 2\nname: Cy\nskills: {}\n")
    # a folder's time of change may have a resolution of a second: set it later, not wait
    os.utime(profiles, (then + 2, then + 2))
    app, read = build(make_app, srcdir)
    assert {"team", "anonymous"} <= set(read)
    assert "Cy" in (app.outdir / "team.html").read_text(encoding="utf-8")
