"""Compare what a page says a block prints with what it really prints."""

from __future__ import annotations

import difflib


def written_output(expanded: str) -> str:
    """The expected output as the page holds it, byte for byte as in its .out file.

    pytest-codeblocks ends every line of a block with a newline, and pymdownx.snippets turns the
    final newline of an included file into one more (empty) line. Dropping exactly one trailing
    newline gives back the file's own text.
    """
    return expanded[:-1] if expanded.endswith("\n") else expanded


def diff(expected: str, actual: str, expected_label: str, actual_label: str) -> str:
    """A unified diff, expected (-) against actual (+)."""
    lines = difflib.unified_diff(
        _visible(expected), _visible(actual), expected_label, actual_label, lineterm=""
    )
    return "\n".join(lines)


def _visible(text: str) -> list[str]:
    """Split into lines, and make a missing or extra final newline show up in the diff."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    else:
        lines[-1] += "  [no newline at end]"
    return lines
