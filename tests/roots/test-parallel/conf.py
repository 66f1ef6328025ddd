extensions = ["myst_parser", "skills_matrix"]
exclude_patterns = ["_build", "_data"]
nitpicky = True
