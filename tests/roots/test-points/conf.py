extensions = ["myst_parser", "skills_matrix"]
nitpicky = True
exclude_patterns = ["_build", "_data"]
