# Every directive, in German; the data is the ladder root's (copied in by the tests).
extensions = ["myst_parser", "skills_matrix"]
nitpicky = True
exclude_patterns = ["_build", "_data", "_progress"]
language = "de"
locale_dirs = ["locale"]  # the matrix's own texts, partly translated
project = "Kompetenzen"
copyright = "2026"
version = "1"
author = "Kompetenz-Team"
