"""mkdocs.yml as MkDocs reads it, loaded once per process and root.

Without its plugins: the engine reads the nav, the Markdown extensions and their settings,
which no plugin changes when a config is loaded, while loading mkdocs-jupyter's plugin imports
nbconvert and Jupyter (about a second in every process, and a guard run starts dozens)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mkdocs.config import load_config


@cache
def site_config(root: Path):
    return load_config(str(root / "mkdocs.yml"), plugins=[])
