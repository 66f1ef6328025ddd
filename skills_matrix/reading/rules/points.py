"""The rules of frameworks that level by points (format version 2, rules 18 to 20): points
on every level or none, never decreasing; bands from 0, strictly rising; a role needing no
fewer points than the role it extends; and no bands or role points without level points."""

from __future__ import annotations

from ..fields import FileReader, Record
from ..source import Mark


def check_points(
    levels: list[Record],
    bands: list[Record],
    roles: list[Record],
    bands_given: tuple[FileReader, Mark] | None,
) -> None:
    """Report, at their places, the points rules broken by the matrix's *levels*, *bands* and
    *roles* (their records, in reading order). *bands_given*: where the ``bands`` key stands
    (the first file that gives it), if any."""
    with_points = [r for r in levels if "points" in r.values]
    if with_points and len(with_points) != len(levels):
        example = with_points[0]
        for record in levels:
            if "points" not in record.values and "points" not in record.obj:
                record.file.error(
                    record.value_mark("id"),
                    "points",
                    f"the level {record.id!r} gives no points, but the level {example.id!r} "
                    "does; give every level points, or none",
                )
    previous: Record | None = None
    for record in with_points:
        if previous is not None and record.values["points"] < previous.values["points"]:
            record.file.error(
                record.value_mark("points"),
                "points",
                f"the level {record.id!r} gives {record.values['points']:g} points, fewer than "
                f"the {previous.values['points']:g} of {previous.id!r} below it; points never "
                "decrease up the scale",
            )
        previous = record
    if not with_points:
        _without_level_points(bands, roles, bands_given)
        return
    _check_bands(bands)
    _check_roles(roles)


def _without_level_points(
    bands: list[Record], roles: list[Record], bands_given: tuple[FileReader, Mark] | None
) -> None:
    if bands_given is not None and bands:
        file, mark = bands_given
        file.error(
            mark,
            "points",
            "the matrix has bands, but its levels give no points to add up; give each level "
            "'points', or remove 'bands'",
        )
    for record in roles:
        if "points" in record.values:
            record.file.error(
                record.value_mark("points"),
                "points",
                f"the role {record.id!r} needs {record.values['points']:g} points, but the "
                "levels give no points to add up; give each level 'points', or remove the "
                "role's",
            )


def _check_bands(bands: list[Record]) -> None:
    previous: Record | None = None
    for record in bands:
        if "points" not in record.values:
            continue  # reported where it stands
        points = record.values["points"]
        if previous is None and points != 0:
            record.file.error(
                record.value_mark("points"),
                "points",
                f"the first band, {record.id!r}, starts at {points:g} points; the first band "
                "starts at 0, so that every total falls in a band",
            )
        elif previous is not None and points <= previous.values["points"]:
            record.file.error(
                record.value_mark("points"),
                "points",
                f"the band {record.id!r} starts at {points:g} points, not above the "
                f"{previous.values['points']:g} of {previous.id!r} before it; bands are listed "
                "lowest first, each starting higher",
            )
        previous = record


def _check_roles(roles: list[Record]) -> None:
    by_id = {record.id: record for record in roles if record.id is not None}
    # role id -> (the points it needs, the role that says so), its bases' first; each role
    # is worked out once, without recursion, a loop of extends (reported elsewhere) cut
    needs: dict[str | None, tuple[float, str | None] | None] = {}

    def base_of(record: Record) -> Record | None:
        return by_id.get(record.values.get("extends", ""))

    for record in roles:
        chain: list[Record] = []
        current: Record | None = record
        while current is not None and current.id not in needs and current not in chain:
            chain.append(current)
            current = base_of(current)
        looped = chain[chain.index(current) :] if current in chain else []
        for member in reversed(chain):
            base = base_of(member)
            inherited = needs.get(base.id) if base is not None and member not in looped else None
            if "points" in member.values:
                points = member.values["points"]
                if inherited is not None and points < inherited[0]:
                    member.file.error(
                        member.value_mark("points"),
                        "points",
                        f"the role {member.id!r} needs {points:g} points, fewer than the "
                        f"{inherited[0]:g} of {inherited[1]!r}, which it builds on; a role "
                        "that extends another needs at least as many points",
                    )
                needs[member.id] = (points, member.id)
            else:
                needs[member.id] = inherited
