"""The format's rules that span objects, each checked once the matrix is assembled
(:mod:`..assembly` calls them): ``ladder`` (tracks, grades, what a role extends), ``points``
(levels' points, bands, what a role needs), ``renames`` (ids replaced, merged and retired,
across editions) and ``lint`` (warnings: what is allowed but likely a mistake)."""
