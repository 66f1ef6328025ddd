"""Sphinx configuration: the pages in this folder, the matrix in _data/."""

project = "Engineering skills"
author = "Our team"

extensions = ["myst_parser", "skills_matrix"]
skills_matrix_data = "_data/skills-matrix.yaml"  # a file, or a folder of *.yaml files

exclude_patterns = ["_build", "_data"]
nitpicky = True
html_theme = "alabaster"
html_title = project
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
