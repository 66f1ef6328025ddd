r"""The matrix as sheets, both ways, in one place: their ``layout`` (derived from the format),
what a ``cells`` may hold, the files ``read`` (a workbook measured first by ``xlsx``, or CSV)
and ``compose``\ d into the values a YAML file would hold, a team's own shape through a
``mapping`` (``mapping_file``, ``mapped_columns``, ``mapped``), ``to_yaml`` for
``skills-matrix import``, and ``write`` for ``export --format xlsx|tables``."""
