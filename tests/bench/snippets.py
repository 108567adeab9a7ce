"""The bare cost of the site's code: every code block of every page run once, one after the
other, in this one process, with nothing checked. `nox -s bench` compares the verification's
time with it (the verification's overhead: reading, second runs, proofs, sheets, guards).

    PYTHONPATH=tests python -m bench.snippets      prints the seconds on its last line
"""

from __future__ import annotations

import io
import sys
import time

from pytest_codeblocks.main import extract_from_buffer

from engine import quiz
from engine.expand import expand
from engine.page import scan, target_file
from engine.plugin import DOCS, ROOT
from engine.run import _execute


def main() -> int:
    start = time.perf_counter()
    blocks = failed = 0
    for path in sorted(DOCS.rglob("*.md")):
        page = scan(path, ROOT)
        expanded, _ = expand(page, ROOT)
        questions = quiz.blocks(page)
        found = extract_from_buffer(io.StringIO(expanded))
        for block, fence in zip(found, page.code_fences, strict=True):
            code = quiz.prepare_code(questions, fence, block.code)
            result = _execute(code, target_file(fence.includes[0]), 1, 1, None)
            blocks += 1
            failed += result.error is not None
    seconds = time.perf_counter() - start
    print(f"{blocks} code blocks run once ({failed} raised)")
    print(f"{seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
