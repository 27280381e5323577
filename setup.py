"""Build hook: the wheel carries the top-level ``styles/`` as ``refman/styles``.

The styles are edited in one place, ``styles/`` (the project layout puts them at the top level
for users and other tools); a built package needs them inside ``refman`` to find them with
``importlib.resources``. A checkout or an editable install reads ``styles/`` directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

STYLES = Path(__file__).resolve().parent / "styles"


class BuildPyWithStyles(build_py):
    """build_py, then the bundled styles copied into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "refman" / "styles"
        target.mkdir(parents=True, exist_ok=True)
        for style in sorted(STYLES.glob("*.csl")):
            shutil.copyfile(style, target / style.name)


setup(cmdclass={"build_py": BuildPyWithStyles})
