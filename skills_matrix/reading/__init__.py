"""Reading data files, stage by stage: a file's bytes (:mod:`.files`), YAML with positions
(:mod:`.source`, its scalars as YAML 1.2 reads them: :mod:`.scalars`), typed fields checked
against the format (:mod:`.fields`), the matrix assembled and its references resolved
(:mod:`.assembly`) and checked by the format's rules that span objects (:mod:`.rules`),
profiles (:mod:`.profiles`) and teams of them (:mod:`.teams`). A matrix's sheets are read
by :mod:`..spreadsheets` into the same values."""

from __future__ import annotations

from .assembly import load_matrix, matrix_files
from .profiles import load_profile
from .teams import load_team

__all__ = ["load_matrix", "load_profile", "load_team", "matrix_files"]
