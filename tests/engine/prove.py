"""Prove each key by running code, or say that only its form could be checked.

A question whose Solution shows a run is proved by execution: the last line its code prints is
the key option's text, and no other option's. When every option is code (not just a value such
as `(4, 2, 3)`), every option is run and printed as `option -> outcome`. A blank task is proved
by running its code with every wrong option in turn: each must raise, or print something other
than the key's output. The outputs used here are the checked ones: the plugin compares each
with what the code prints.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from .page import Page
from .quiz import BLANK, LETTERS, Block, filled
from .run import Result

EXECUTION, STRUCTURE = "execution", "structure"


@dataclass
class Proof:
    how: str  # EXECUTION or STRUCTURE
    report: list[str] = field(default_factory=list)  # what was shown, one line per fact
    problems: list[str] = field(default_factory=list)  # located failures
    raised: int = 0  # wrong blank options that raise
    printed_else: int = 0  # wrong blank options that print something else


def prove_question(page: Page, block: Block, output: str | None) -> Proof:
    """`output` is the checked output of the Solution's run, or None when it shows no run."""
    if output is None:
        proof = Proof(STRUCTURE, [f"{block.id}: key {block.key} checked for form only"])
        if all(option.code for option in block.options):
            what = "code to run" if _is_code_question(block) else "a value code can print"
            proof.problems.append(
                f"{block.label(page)}: every option is {what}, so the Solution must show a run "
                "that proves the key: include the question's whole snippet there, with "
                "<!--pytest-codeblocks:expected-output--> and its .out below it (as `nox -s new "
                "-- question` writes it), printing the key's option last"
            )
        return proof
    proof = Proof(EXECUTION)
    where = block.label(page, block.run().line if block.run() else None)
    texts = {letter: option.text for letter, option in zip(LETTERS, block.options, strict=False)}
    last = output.rstrip("\n").split("\n")[-1]
    if texts.get(block.key) != last:
        printed = [letter for letter, text in texts.items() if text == last]
        proof.problems.append(
            f"{where}: data-key is {block.key} ({texts.get(block.key)!r}), but the last line "
            f"the code prints is {last!r}"
            + (f", which is option {printed[0]}" if printed else ", which is no option")
            + ". The printed output is checked against the code: fix the key or the option."
        )
    for letter, text in texts.items():
        if letter != block.key and text == last:
            proof.problems.append(
                f"{where}: option {letter} is also {last!r}: two right answers. Make option "
                f"{letter} the result of a mistake named in Common mistakes"
            )
    proof.report.append(f"{block.id}: key {block.key} printed by the code: {last}")
    if _is_code_question(block):
        _prove_code_options(proof, where, block, texts, output)
    return proof


def _is_code_question(block: Block) -> bool:
    """Every option is code to run, e.g. `nn.RNN(10, 20)`, and not just values such as `(4, 2, 3)`.

    Values in code spans are answers to print: a Python literal, or several, as one print()
    writes them (`(1, 2, 3) True`); anything else in a code span is a line that the reader
    would run, so the proof runs it too. CONTRIBUTING.md states this rule.
    """
    codes = [option.code for option in block.options]
    return all(codes) and not all(_is_value(code or "") for code in codes)


def _is_value(code: str) -> bool:
    """`code` reads as what print() writes for one literal or several: `(4, 2, 3)`, `True`,
    `(1, 2, 3) True`. A name or a call anywhere (`torch.Size([1, 2])`) makes it code."""
    parts = _top_level_words(code)
    return bool(parts) and all(_is_literal(part) for part in parts)


def _top_level_words(code: str) -> list[str]:
    """Split at spaces outside brackets and quotes: "(1, 2) True" -> ["(1, 2)", "True"]."""
    parts, depth, quote, current = [], 0, "", ""
    for char in code.strip():
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == " " and depth == 0:
            if current:
                parts.append(current)
            current = ""
            continue
        current += char
    return [*parts, current] if current else parts


def _is_literal(code: str) -> bool:
    try:
        ast.literal_eval(code)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return True


def _prove_code_options(
    proof: Proof, where: str, block: Block, texts: dict[str, str], output: str
) -> None:
    """Each option is code: the output has a line `option -> outcome` for each of them."""
    outcomes = {}
    for letter, text in texts.items():
        ran = [line for line in output.split("\n") if line.startswith(f"{text} -> ")]
        if not ran:
            proof.problems.append(
                f"{where}: option {letter} is never run: the output has no line starting with "
                f"{text + ' -> '!r}. In the snippet, run every option exactly as written and "
                "print `<option> -> <outcome>` (see snippets/why-rnns/quiz/create_layer.py)"
            )
            continue
        outcomes[letter] = ran[0][len(text) + 4 :]
        proof.report.append(f"  {letter} {text} -> {outcomes[letter]}")
    key_outcome = outcomes.get(block.key)
    for letter, outcome in outcomes.items():
        if letter != block.key and outcome == key_outcome:
            proof.problems.append(
                f"{where}: option {letter} gives the same outcome as the key {block.key}, "
                f"{outcome!r}, so it is right too: change option {letter}"
            )


def prove_task(
    page: Page, block: Block, code: str, key_output: str, run: Callable[[str], Result]
) -> Proof:
    """Run the task's code with each wrong option (other blanks at their key)."""
    proof = Proof(EXECUTION, [f"{block.id}: key {block.key} runs and prints the page's output"])
    where = block.label(page, block.template().line if block.template() else None)
    blanks = sorted({int(n) for n in BLANK.findall(code)})
    if blanks != sorted(block.rows):
        proof.problems.append(
            f"{where}: the code has blanks {blanks}, but the table has rows "
            f"{sorted(block.rows)}: give the table one row per blank, numbered as in the code"
        )
        return proof
    keys = block.keys()
    for number, options in block.rows.items():
        for letter, option in zip(LETTERS, options, strict=False):
            if letter == keys[number]:
                continue
            with warnings.catch_warnings():  # a wrong option may warn; its outcome is what counts
                warnings.simplefilter("ignore")
                result = run(filled(block, code, {number: letter}))
            what = f"blank {number} = {letter} ({option.code})"
            if result.error:
                proof.raised += 1
                proof.report.append(f"  {what}: raises {_last_line(result.error)}")
            elif result.stdout != key_output:
                proof.printed_else += 1
                proof.report.append(f"  {what}: prints {_first_difference(key_output, result)}")
            else:
                proof.problems.append(
                    f"{where}: {what} prints exactly what the key prints, so it is not wrong. "
                    "Change that option, or make the code print what tells them apart."
                )
    return proof


def _last_line(error: str) -> str:
    return error.rstrip("\n").split("\n")[-1]


def _first_difference(expected: str, result: Result) -> str:
    for got, want in zip(result.stdout.split("\n"), expected.split("\n"), strict=False):
        if got != want:
            return f"{got!r} instead of {want!r}"
    return "a different number of lines"
