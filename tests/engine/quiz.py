"""Quiz questions and fill-in-the-blank tasks on a page (filled in by the module's quiz work)."""

from __future__ import annotations

from .page import Fence, Page


def check_page(page: Page) -> list[str]:
    """Located problems with the page's questions and blank tasks."""
    return []


def prepare_code(page: Page, fence: Fence, code: str) -> str:
    """The code to run for a fence: a blank task's template gets its key filled in."""
    return code
