"""Maths is MathML written when the site is built (hooks/maths.py): what authors write becomes
MathML, and a formula it cannot typeset stops the build instead of reaching readers as TeX. And
the checked equations' evaluator (engine/equations.py) stays free of its bindings."""

from __future__ import annotations

import ast

import markdown
import pytest
from hooks.maths import mathml

from engine.plugin import ROOT

# What the modules write: subscripts, \tanh, \sigma, \odot, matrices, equations on many lines.
WRITTEN = [
    r"h_t = \tanh\left(W_{ih}\, x_t + b_{ih} + W_{hh}\, h_{t-1} + b_{hh}\right)",
    r"c_t = f_t \odot c_{t-1} + i_t \odot g_t",
    r"i_t = \sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})",
    r"W_{ih} = \begin{bmatrix} W_{ii} \\ W_{if} \end{bmatrix} \in \mathbb{R}^{4H \times d}",
    r"\begin{aligned} r_t &= \sigma(x) \\ n_t &= \tanh(x) \end{aligned}",
    r"\frac{\partial \ell}{\partial h_t} = \sum_{k=t}^{T} \prod_{j=t+1}^{k} a_j",
    r"\alpha_{tj} = \frac{\exp(e_{tj})}{\sum_{k=1}^{S} \exp(e_{tk})} \qquad e_{tj} = s_t^\top h_j",
    r"\sigma = \sqrt{\frac{1}{n-1} \sum_{t=1}^{n} (y_t - \mu)^2} \qquad \hat{y}_{t+1} = y_{t+1-m}",
    r"\frac{\partial c_t}{\partial c_{t-1}} = \operatorname{diag}(f_t) \qquad \text{(direct path)}",
]


@pytest.mark.parametrize("tex", WRITTEN)
def test_what_authors_write_becomes_mathml(tex):
    out = mathml(tex, "block")
    assert out.startswith('<math display="block">') and out.endswith("</math>")
    assert "\\" not in out, f"TeX left in the MathML: {out}"


def test_symbols_are_written_as_characters():
    out = mathml(r"f_t \odot c_{t-1} + \sigma(x)", "inline")
    # circled dot, sigma and the minus sign as characters, not &#x02299; and the like
    assert all(symbol in out for symbol in ("\u2299", "\u03c3", "\u2212")), out
    assert "&#x" not in out


@pytest.mark.parametrize(
    ("tex", "named"),
    [
        (r"\Wrong{x}", "unknown command \\Wrong"),
        (r"\frac{a}", "<mfrac> has 1 of its 2 arguments"),
        (r"x_{", "MissingSuperScriptOrSubscriptError"),
    ],
)
def test_a_formula_it_cannot_typeset_stops_the_build(tex, named):
    with pytest.raises(ValueError, match="cannot typeset") as error:
        mathml(tex, "inline")
    assert named in str(error.value)


def test_pages_get_mathml_and_keep_dollars_that_are_money():
    html = markdown.markdown(
        "It costs $5 and $10, with state $h_t$.\n\n$$\nx < y\n$$\n", extensions=["hooks.maths"]
    )
    assert "$5 and $10" in html
    assert '<span class="arithmatex"><math display="inline">' in html
    assert '<div class="arithmatex" tabindex="0"><math display="block">' in html
    assert "<mo>&lt;</mo>" in html or "<mo>&#x0003C;</mo>" in html


def test_the_evaluator_imports_nothing_from_its_bindings():
    """equation_bindings.py imports the evaluator; the evaluator never imports it back, so a
    contributor who adds a binding edits one file, and no import cycle hides in a function."""
    source = (ROOT / "tests/engine/equations.py").read_text(encoding="utf-8")
    imported = [
        node.module or ", ".join(alias.name for alias in node.names)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.level
    ]
    assert not imported, f"tests/engine/equations.py imports {imported} from the engine"
