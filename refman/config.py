"""Settings and where each came from: options, the environment, ``refman.toml``, defaults.

The library is, in order: ``--library PATH|URL``, ``REFMAN_LIBRARY``, ``library`` in the
project's ``refman.toml`` (the current directory or the nearest parent that has one), in the
user's ``refman.toml`` (platformdirs' config directory), else ``library.sqlite`` in the user
data directory. The other settings (style, list language, key pattern, output format) come
from the same files. A relative path in a file is relative to that file's folder.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError

FILE_NAME = "refman.toml"
APP = "refman"
#: Setting name → (default, what it is). Names as written in refman.toml.
SETTINGS: dict[str, tuple[str, str]] = {
    "library": ("", "the library: an SQLite file or a postgresql:// URL"),
    "style": ("gost", "the bibliography style export uses by default"),
    "lang": ("ru", "the language of a list's prescribed words (ru, en)"),
    "key-pattern": ("author-year-title", "how keys are made for records without one"),
    "output-format": ("text", "what a style writes: text, html, markdown or json"),
}


@dataclass(slots=True, frozen=True)
class Setting:
    name: str
    value: str
    origin: str  # where it came from, in words


def user_config_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP)) / FILE_NAME


def default_library() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP)) / "library.sqlite"


def project_file(start: Path | None = None) -> Path | None:
    """The nearest ``refman.toml`` from ``start`` (the current directory) upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - set(SETTINGS))
    if unknown:
        raise UsageError(f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(SETTINGS)})")
    for name, value in data.items():
        if not isinstance(value, str):
            raise UsageError(f"{path}: {name} must be a string")
    return data


def settings(
    library: str | None = None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> dict[str, Setting]:
    """Every setting's effective value and origin (``library`` is the ``--library`` option)."""
    env = dict(os.environ) if env is None else env
    files = [
        (path, _read(path)) for path in (project_file(cwd), user_config_file()) if path and path.is_file()
    ]
    out: dict[str, Setting] = {}
    for name, (default, _) in SETTINGS.items():
        found = next(((path, data[name]) for path, data in files if name in data), None)
        if found:
            value = found[1]
            if name == "library":
                value = _relative_to(found[0], value)
            out[name] = Setting(name, value, str(found[0]))
        else:
            out[name] = Setting(name, default, "default")
    if env.get("REFMAN_LIBRARY"):
        out["library"] = Setting("library", env["REFMAN_LIBRARY"], "REFMAN_LIBRARY")
    if library:
        out["library"] = Setting("library", library, "--library")
    if not out["library"].value:
        out["library"] = Setting("library", str(default_library()), "default (the user data directory)")
    return out


def library(option: str | None = None) -> str:
    """Where the library is (see the module docstring)."""
    return settings(option)["library"].value


def _relative_to(config: Path, value: str) -> str:
    if "://" in value or os.path.isabs(os.path.expanduser(value)):
        return os.path.expanduser(value)
    return str(config.parent / value)
