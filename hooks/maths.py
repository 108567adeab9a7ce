r"""Maths typeset when the site is built, as MathML, which browsers render natively: no maths
script or font reaches the reader.

A Python-Markdown extension (listed in mkdocs.yml as `hooks.maths`, not an MkDocs plugin or
hook): pymdownx.arithmatex finds `$…$`, `$$…$$`, `\(…\)` and `\[…\]` as it always has, and
latex2mathml turns each formula into MathML. A command latex2mathml does not know, or a
fraction or script missing an argument, stops the build naming the formula, instead of showing
the reader raw TeX.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from latex2mathml.converter import convert
from markdown.treeprocessors import Treeprocessor
from pymdownx.arithmatex import ArithmatexExtension

ARGUMENTS = {"mfrac": 2, "msub": 2, "msup": 2, "msubsup": 3, "mover": 2, "munder": 2}
ARGUMENTS |= {"munderover": 3, "mroot": 2}
ENTITY = re.compile(r"&#x([0-9A-Fa-f]+);")
# latex2mathml knows align* but not aligned, the usual name inside $$…$$: the same layout.
ALIGNED = re.compile(r"\\(begin|end)\{aligned\}")


def mathml(tex: str, display: str) -> str:
    """The MathML of one formula (display "inline" or "block"); ValueError if it is not sound."""
    try:
        converted = convert(ALIGNED.sub(r"\\\1{align*}", tex), display=display)
        tree = etree.fromstring(converted)  # also catches what latex2mathml cannot lay out
    except Exception as error:  # latex2mathml raises its own errors, one class per mistake
        raise ValueError(
            f"cannot typeset `{' '.join(tex.split())}`: {type(error).__name__} {error}"
        ) from None
    problems = [f"unknown command {e.text}" for e in tree.iter() if (e.text or "")[:1] == "\\"]
    for element in tree.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if len(element) != ARGUMENTS.get(tag, len(element)):
            problems.append(f"<{tag}> has {len(element)} of its {ARGUMENTS[tag]} arguments")
    if problems:
        raise ValueError(f"cannot typeset `{' '.join(tex.split())}`: {'; '.join(problems)}")
    # Plain characters instead of latex2mathml's &#x0003D; (kept escaped: < & > ").
    text = ENTITY.sub(
        lambda m: m[0] if chr(int(m[1], 16)) in '<&>"' else chr(int(m[1], 16)), converted
    )
    return text.replace(' xmlns="http://www.w3.org/1998/Math/MathML"', "", 1)  # HTML needs none


class MathML(Treeprocessor):
    """Replace the TeX that arithmatex (generic mode) leaves in each element with its MathML."""

    def run(self, root: etree.Element) -> None:
        for node in root.iter():
            if node.get("class") != "arithmatex":
                continue
            block = node.tag == "div"  # arithmatex wraps display maths as \[…\] in a div
            tex = node.text.strip()[2:-2]
            node.text = self.md.htmlStash.store(
                mathml(html.unescape(tex) if block else tex, "block" if block else "inline")
            )
            if block:  # a wide equation scrolls sideways in its box: let the keyboard reach it
                node.set("tabindex", "0")


class MathsExtension(ArithmatexExtension):
    def extendMarkdown(self, md) -> None:
        self.setConfig("generic", True)
        super().extendMarkdown(md)
        md.treeprocessors.register(MathML(md), "hs-mathml", 19)  # after "inline" (20)


def makeExtension(**kwargs) -> MathsExtension:
    return MathsExtension(**kwargs)
