"""Reading data files, stage by stage: YAML with positions (:mod:`.source`), typed fields
checked against the format (:mod:`.fields`), the matrix assembled and its references resolved
(:mod:`.assembly`), warnings (:mod:`.lint`), and profiles (:mod:`.profiles`)."""

from __future__ import annotations

from .assembly import load_matrix, matrix_files
from .profiles import load_profile

__all__ = ["load_matrix", "load_profile", "matrix_files"]
