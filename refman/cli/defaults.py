"""Defaults from ``refman.toml`` for options left off the command line.

The order is the command line, then the environment (where a setting has a variable), then
the config file, then the built-in default: a setting still at its built-in default changes
nothing here, so a command without a config file behaves as it always did.
"""

from __future__ import annotations

from typing import Any

import typer

from ..errors import UsageError
from .common import given


def configured(ctx: typer.Context, param: str, setting: str, value: Any) -> Any:
    """``value`` if the option ``param`` was given on the command line, else the config
    file's ``setting`` if one sets it, else ``value``."""
    if given(ctx, param):
        return value
    from .. import config

    found = config.settings()[setting]
    return value if found.origin == "default" else found.value


def output_format(ctx: typer.Context, value: str) -> str:
    """``--output-format`` with the config's ``output-format`` as its default, checked."""
    from ..options import OUTPUT_FORMATS

    chosen = configured(ctx, "output_format", "output-format", value)
    if chosen not in OUTPUT_FORMATS:
        raise UsageError(f"refman.toml: output-format {chosen!r} is not one of {', '.join(OUTPUT_FORMATS)}")
    return chosen


def key_pattern() -> str | None:
    """refman.toml's ``key-pattern`` (None: the built-in one), checked before anything is read."""
    from .. import api, config

    found = config.settings()["key-pattern"]
    if found.origin == "default":
        return None
    try:
        api.check_key_pattern(found.value)
    except UsageError as exc:
        raise UsageError(f"{found.origin}: {exc}") from None
    return found.value
