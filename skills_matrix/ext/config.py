"""Configuration values, declared once and validated when the configuration is read."""

from __future__ import annotations

import dataclasses as dc
from typing import TYPE_CHECKING, Any

from ..diagnostics import Code
from ..format import DEFAULT_THRESHOLD
from .warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _path(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "a non-empty path, relative to the source folder"
    return None


def _threshold(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        return "a number from 0 to 1"
    return None


@dc.dataclass(frozen=True)
class Option:
    name: str
    default: Any
    types: tuple[type, ...]
    check: Any
    help: str


OPTIONS = (
    Option(
        "data",
        "_data/skills-matrix.yaml",
        (str,),
        _path,
        "The matrix: a YAML file, or a folder of them, relative to the source folder.",
    ),
    Option(
        "threshold",
        DEFAULT_THRESHOLD,
        (float, int),
        _threshold,
        "The fit at which an assessment says a role fits.",
    ),
)


def setup_config(app: Sphinx) -> None:
    for option in OPTIONS:
        app.add_config_value(
            f"skills_matrix_{option.name}",
            option.default,
            "env",
            types=option.types,
            description=option.help,
        )
    app.connect("config-inited", validate_config)


def validate_config(app: Sphinx, config: Config) -> None:
    """Warn of a bad value and fall back to the default, so the build goes on."""
    for option in OPTIONS:
        name = f"skills_matrix_{option.name}"
        value = getattr(config, name)
        expected = option.check(value)
        if expected:
            warn(
                Code.CONFIG,
                f"{name} = {value!r} is not valid: it should be {expected}; using the default "
                f"{option.default!r}",
            )
            setattr(config, name, option.default)
