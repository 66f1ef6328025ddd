"""Reading data files, stage by stage: a file's bytes (:mod:`.files`), YAML with positions
(:mod:`.source`, its scalars as YAML 1.2 reads them: :mod:`.scalars`), typed fields checked
against the format (:mod:`.fields`), the matrix assembled and its references resolved
(:mod:`.assembly`), the rules of ladders (:mod:`.ladder`), warnings (:mod:`.lint`),
profiles (:mod:`.profiles`) and teams of them (:mod:`.teams`); and a matrix's sheets: a
workbook or CSV files (:mod:`.tables`) composed into the same values (:mod:`.sheets`)."""

from __future__ import annotations

from .assembly import load_matrix, matrix_files
from .profiles import load_profile
from .teams import load_team

__all__ = ["load_matrix", "load_profile", "load_team", "matrix_files"]
