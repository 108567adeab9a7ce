r"""Display equations, checked: each `$$…$$` block of a page is either a computation, evaluated
from its own LaTeX and compared with the PyTorch layer or function it describes, or notation.

    <!--hs-equation: gru-->          <!--hs-notation-->

    $$                               $$
    h_t = (1 - z_t) \odot n_t + …    W_{ih} \in \mathbb{R}^{3H \times I}
    $$                               $$

The marker is the last non-blank line before the block. `gru` names a binding in
`equation_bindings.py`: for a few seeds and sizes it gives the symbols' values (parameter
slices of a random `nn.GRU`, an input, a previous state) and reference values for what the
equations define (`h_t` from `nn.GRU` itself). Each `lhs = rhs` of the block is evaluated with
the binding's values, every earlier quantity taken from the reference, so a wrong line fails on
its own and names itself.

The LaTeX read here is a small subset, the one the pages use:

- symbols: a letter or a Greek letter (`\ell`), with a subscript (`W_{ir}`, `h_{t-1}`) and
  primes (`g'`); `\text{…}`, `\mathrm{…}`, `\hat{y}` and `\tilde{h}` as names; numbers.
  `\sigma` is the logistic function before `(`, and a symbol (a standard deviation) anywhere
  else;
- `+`, `-`, unary minus, `1 - z_t`; juxtaposition is a matrix product (`W_{ir} x_t`), or a
  plain product when one side is a scalar; `\odot` and `\cdot` multiply entry by entry;
  `\frac{a}{b}`, `^` (a power), `^\top` (a transpose), `\sqrt{…}`, `\lVert … \rVert` (the
  2-norm of all entries); a 1-by-1 product (`s_t^\top h_j`) is a scalar;
- functions `\sigma`, `\tanh`, `\exp`, `\log`, `\ln`, `\max`, `\min`, `\operatorname{diag}`,
  applied to `(…)` or to the next factor (`\log \frac{a}{b}`);
- `\sum_{j=1}^{P}` and `\prod_{s=0}^{k-1}` over integers, bounds included; inside, a symbol
  whose subscript uses the index (`g_j`, `z_{n, y_n}`, `h_{T-s}`) is an entry of a family the
  binding gives (1-based, as written; `e_{tk}` has two indices). A product of matrices
  multiplies in the order written: the factor of the first index on the left;
- a free index: when the binding names `t` an index (with its values), a left side such as
  `c_t`, `e_{tj}` or `\hat{y}_{t+1}` is checked entry by entry, for every value, against the
  family of its name; on the right, `s_t` is then an entry of the family `s`;
- layout that changes nothing: `aligned`, `&`, `\\` between equations, `&& \text{…}` comments,
  `\qquad` between two equations on a line, `\qquad \text{(…)}` after one, `\left`, `\right`,
  `\big`, `\,`, a final `,` or `.`.

Vectors are columns, shaped (size, batch): `W_{ir} x_t` is `W @ x`, biases broadcast.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

MARKER = re.compile(
    r"^\s*<!--\s*hs-(?P<kind>equation|notation)\s*(?::\s*(?P<name>[\w-]*))?\s*-->\s*$"
)
ANY_MARKER = re.compile(r"<!--\s*hs-(equation|notation)\b")
TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\d+(?:\.\d+)?|\S")
LAYOUT = {r"\left", r"\right", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr"}
LAYOUT |= {r"\Bigl", r"\Bigr", r"\,", r"\;", r"\:", r"\!", r"\ ", r"\textstyle", r"\displaystyle"}
SEPARATORS = {r"\qquad", r"\quad"}
GREEK = {
    rf"\{name}"
    for name in (
        *("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "lambda", "mu"),
        *("nu", "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega", "ell", "Delta"),
        "Omega",
    )
}
NAMES = {r"\text", r"\mathrm", r"\mathit", r"\operatorname", r"\hat", r"\tilde"}
RTOL, ATOL = 1e-5, 1e-7
# Tokens that end a juxtaposition (`W_{ir} x_t` goes on until one of them).
STOPS = {None, "+", "-", "=", ",", ")", "]", "}", "^", "_", r"\rVert", r"\odot", r"\cdot"}


class _Torch:
    """torch, imported when a formula is first evaluated: a process that checks pages without
    display equations (a guard copy, reusing its runs) never pays for its import."""

    def __getattr__(self, name: str):
        import torch as module

        return getattr(module, name)


torch = _Torch()


def _diag(v):
    return torch.diag(v.reshape(-1))


def _extreme(pick: str):
    def apply(*args):
        out = args[0]
        for arg in args[1:]:
            out = getattr(torch, pick)(torch.as_tensor(out, dtype=torch.float64), arg)
        return out

    return apply


def _t(name: str):
    """torch.<name> on a float64 tensor."""

    def apply(v):
        return getattr(torch, name)(torch.as_tensor(v, dtype=torch.float64))

    return apply


FUNCTIONS: dict[str, Callable] = {
    r"\sigma": _t("sigmoid"),
    r"\tanh": _t("tanh"),
    r"\exp": _t("exp"),
    r"\log": _t("log"),
    r"\ln": _t("log"),
    r"\max": _extreme("maximum"),
    r"\min": _extreme("minimum"),
    "diag": _diag,
}


class EquationError(Exception):
    """Something in an equation the evaluator cannot read or compute; the message says what."""


@dataclass
class Equation:
    line: int  # the page line where it starts
    lhs: str  # canonical LaTeX of the left side: the key of its reference
    text: str  # as written (spacing aside), for messages
    left: str  # the left side as written
    rhs: Callable  # env -> value
    symbol: bool  # the left side is one symbol: later lines may use it
    # A left side with a subscript (`e_{tj}`): its family's name, the letters of its subscript
    # and the positions it names (env -> int, 1-based), for a binding that makes them indices.
    target: tuple[str, list, list] | None = None


@dataclass
class Display:
    """One `$$…$$` block of a page."""

    line: int  # the line of the opening $$
    kind: str  # "equation" or "notation"
    binding: str  # for an equation, the name of its binding
    body: list[tuple[int, str]] = field(default_factory=list)  # (page line, text)
    equations: list[Equation] = field(default_factory=list)


@dataclass
class Env:
    values: dict  # canonical symbol -> value
    families: dict  # base symbol -> tensor indexed by its subscript (1-based)
    index: dict = field(default_factory=dict)  # bound index variable -> int


def canonical(tex: str) -> str:
    """`h_t` and `h_{t}` alike, spaces and layout dropped: the key of a symbol or a left side."""
    tokens = [t for t in TOKEN.findall(tex) if t not in LAYOUT]
    out, i = [], 0
    while i < len(tokens):
        out.append(tokens[i])
        if tokens[i] == "_" and i + 1 < len(tokens) and tokens[i + 1] != "{":
            out += ["{", tokens[i + 1], "}"]
            i += 1
        i += 1
    return "".join(out)


# ---------------------------------------------------------------- reading a page


def scan(page, bindings: Callable[[], Collection[str]]) -> tuple[list[Display], list[str]]:
    """Every display block of `page` (engine.page.Page) with its marker, parsed; and the
    problems, each as 'file:line: …'. `bindings()` gives the names a marker may use (those of
    equation_bindings.BINDINGS); it is called only when the page has a display block."""

    def names() -> str:
        return ", ".join(sorted(bindings()))

    inside = set()
    for fence in page.fences:
        inside.update(range(fence.line, fence.line + len(fence.body) + 2))
    lines, displays, problems = page.lines, [], []
    used_markers: set[int] = set()
    i = 0
    while i < len(lines):
        number, text = i + 1, lines[i].strip()
        if number in inside or not text.startswith("$$"):
            i += 1
            continue
        body, start = [], number
        rest = text[2:]
        if rest.rstrip().endswith("$$"):  # $$ … $$ on one line
            body.append((number, rest.rstrip()[:-2]))
        else:
            if rest:
                body.append((number, rest))
            i += 1
            while i < len(lines) and not lines[i].strip().endswith("$$"):
                body.append((i + 1, lines[i]))
                i += 1
            if i == len(lines):
                problems.append(f"{page.path}:{start}: this $$ block is never closed")
                break
            last = lines[i].strip()[:-2]
            if last.strip():
                body.append((i + 1, last))
        i += 1
        before = start - 1
        while before > 0 and not lines[before - 1].strip():
            before -= 1
        marker = MARKER.match(lines[before - 1]) if before > 0 else None
        if marker is None:
            problems.append(
                f"{page.path}:{start}: this display equation has no marker. If it describes a "
                "computation, put <!--hs-equation: NAME--> on the line before it, NAME a "
                f"binding of tests/engine/equation_bindings.py ({names()}), "
                "and it is checked against PyTorch; if it is only notation (a definition, a "
                "shape, a general identity), put <!--hs-notation--> there (contributing/maths.md)"
            )
            continue
        used_markers.add(before)
        display = Display(start, marker["kind"], marker["name"] or "", body)
        displays.append(display)
        if display.kind == "notation":
            if marker["name"]:
                problems.append(f"{page.path}:{before}: <!--hs-notation--> takes no name")
            continue
        if display.binding not in bindings():
            problems.append(
                f"{page.path}:{before}: no equation binding {display.binding!r}; the bindings of "
                f"tests/engine/equation_bindings.py are {names()}"
            )
            continue
        try:
            display.equations = parse_block(body)
        except EquationError as err:
            problems.append(f"{page.path}:{err.args[0]}: equation {display.binding}: {err.args[1]}")
    for number, line in enumerate(lines, 1):
        if ANY_MARKER.search(line) and number not in used_markers and number not in inside:
            problems.append(
                f"{page.path}:{number}: '{line.strip()}' is not right before a $$ block (only "
                "blank lines may come between)"
                if MARKER.match(line)
                else f"{page.path}:{number}: '{line.strip()}' is not a marker; write "
                "<!--hs-equation: NAME--> or <!--hs-notation--> alone on its line"
            )
    return displays, problems


def proven_lines(displays: list[Display]) -> set[int]:
    """The page lines inside display blocks (from scan) checked against PyTorch: their numbers
    (`^2`, `\frac{1}{n-1}`) are evaluated, so the rule on numbers in prose (prose.py) skips
    them."""
    return {n for d in displays if d.kind == "equation" for n, _ in d.body}


# ---------------------------------------------------------------- parsing LaTeX


def parse_block(body: list[tuple[int, str]]) -> list[Equation]:
    """The equations of one display block, one per `lhs = rhs`."""
    tokens: list[tuple[str, int]] = []
    # Each equation is shown in messages as its line reads, alignment and comments left out.
    source = {n: re.sub(r"\s*(&&.*|\\\\)\s*$", "", t).replace("&", "").strip() for n, t in body}
    for number, text in body:
        text = re.sub(r"\\(begin|end)\{[\w*]+\}", " ", text)
        tokens += [(t, number) for t in TOKEN.findall(text) if t not in LAYOUT]
    rows, row = [], []
    for token in tokens:
        if token[0] == "\\\\":
            rows.append(row)
            row = []
        else:
            row.append(token)
    rows.append(row)
    equations = []
    for row in rows:
        if not row:
            continue
        # `&& \text{input gate}`: a comment column; a single & only aligns.
        texts = [t for t, _ in row]
        cut = next((i for i in range(len(row) - 1) if texts[i] == texts[i + 1] == "&"), None)
        row = [t for t in row[:cut] if t[0] != "&"]
        for parts in _split(row, SEPARATORS):
            while parts and parts[-1][0] in {",", "."}:
                parts = parts[:-1]
            if parts and not _comment(parts):
                equations.append(_equation(parts, source))
    if not equations:
        raise EquationError(body[0][0] if body else 0, "the block holds no equation")
    return equations


def _comment(parts) -> bool:
    r"""`\text{(direct path)}` alone after a \qquad: a remark on the equation before it."""
    if parts[0][0] != r"\text" or len(parts) < 2:
        return False
    reader = Parser(parts, parts[0][1])
    reader.take()
    reader.group_tokens()
    return reader.peek() is None


def _split(row, separators):
    depth, part, parts = 0, [], []
    for token in row:
        depth += token[0] in "({["
        depth -= token[0] in ")}]"
        if depth == 0 and token[0] in separators:
            parts.append(part)
            part = []
        else:
            part.append(token)
    parts.append(part)
    return [p for p in parts if p]


def _equation(tokens, source: dict[int, str]) -> Equation:
    line = tokens[0][1]
    text = source.get(line, "")
    # A trailing `\text{…}` after the right side (the aligned comment column) is no part of it.
    equals = [i for i, (t, _) in enumerate(tokens) if t == "=" and _depth(tokens, i) == 0]
    if len(equals) != 1:
        raise EquationError(
            line, f"`{text}` must be one `left = right` (use \\qquad or \\\\ between equations)"
        )
    left, right = tokens[: equals[0]], tokens[equals[0] + 1 :]
    parser = Parser(right, line)
    rhs = parser.parse()
    lhs = canonical(" ".join(t for t, _ in left))
    reader = Parser(left, line)
    symbol = reader.is_symbol()
    target = None
    if symbol and reader.subscript is not None:
        letters = [t for t in dict.fromkeys(reader.subscript) if re.fullmatch(r"[A-Za-z]", t)]
        target = (reader.name, letters, reader.index_parts(reader.subscript))
    return Equation(line, lhs, text, _show(t for t, _ in left), rhs, symbol, target)


def _show(tokens) -> str:
    """A left side back into LaTeX: `h_t`, `\\text{perplexity}`."""
    out, previous = "", ""
    for token in tokens:
        space = re.fullmatch(r"\\[A-Za-z]+", previous) and token[:1].isalpha()
        out += f" {token}" if space else token
        previous = token
    return out


def _depth(tokens, index):
    depth = 0
    for t, _ in tokens[:index]:
        depth += t in "({["
        depth -= t in ")}]"
    return depth


class Parser:
    """Recursive descent over tokens; each parse_* returns a function of an Env."""

    def __init__(self, tokens, line):
        self.tokens = [t for t, _ in tokens]
        self.line = line
        self.pos = 0
        self.name = self.subscript = None  # of the last symbol read (for a left side)

    # helpers
    def peek(self, ahead=0):
        i = self.pos + ahead
        return self.tokens[i] if i < len(self.tokens) else None

    def take(self, expected=None):
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            self.fail(f"expected {expected or 'more'} but found {token or 'the end'}")
        self.pos += 1
        return token

    def fail(self, message):
        shown = " ".join(self.tokens[: self.pos]) + " ⟨here⟩ " + " ".join(self.tokens[self.pos :])
        raise EquationError(self.line, f"cannot read `{shown.strip()}`: {message}")

    def group_tokens(self):
        """The tokens of `{…}` (or of a single token) after the current position."""
        if self.peek() != "{":
            return [self.take()]
        self.take("{")
        depth, out = 1, []
        while True:
            token = self.take()
            depth += token == "{"
            depth -= token == "}"
            if depth == 0:
                return out
            out.append(token)

    def sub(self, tokens):
        return Parser([(t, self.line) for t in tokens], self.line)

    # grammar
    def parse(self):
        value = self.parse_sum()
        if self.peek() is not None:
            self.fail("unexpected token")
        return value

    def is_symbol(self):
        try:
            self.parse_symbol()
        except EquationError:
            return False
        return self.peek() is None

    def parse_sum(self):
        terms = []
        sign = 1
        if self.peek() in {"+", "-"}:
            sign = -1 if self.take() == "-" else 1
        terms.append((sign, self.parse_product()))
        while self.peek() in {"+", "-"}:
            sign = -1 if self.take() == "-" else 1
            terms.append((sign, self.parse_product()))

        def evaluate(env):
            total = None
            for sign, term in terms:
                value = term(env)
                total = (
                    (value if sign > 0 else -value)
                    if total is None
                    else (total + value if sign > 0 else total - value)
                )
            return total

        return evaluate

    def parse_product(self):
        value = self.parse_juxtaposition()
        while self.peek() in {r"\odot", r"\cdot"}:
            self.take()
            left, right = value, self.parse_juxtaposition()
            value = _binary(left, right, lambda a, b: a * b)
        return value

    def starts_factor(self):
        """Whether the next token begins another factor of a juxtaposition (`W_{ir} x_t`)."""
        return self.peek() not in STOPS

    def parse_juxtaposition(self):
        value = self.parse_power()
        while self.starts_factor():
            left, right = value, self.parse_power()
            value = _binary(left, right, _juxtapose)
        return value

    def parse_power(self):
        base = self.parse_atom()
        if self.peek() == "^":
            self.take()
            group = self.group_tokens()
            if group == [r"\top"]:
                return lambda env: _transpose(base(env), self.line)
            exponent = self.sub(group).parse()
            return _binary(base, exponent, lambda a, b: a**b)
        return base

    def parse_atom(self):
        token = self.peek()
        if token is None:
            self.fail("an expression is missing")
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            self.take()
            number = float(token) if "." in token else int(token)
            return lambda env: number
        if token in {"(", "["}:
            self.take()
            inner = self.parse_sum()
            self.take(")" if token == "(" else "]")
            return inner
        if token == "{":
            return self.sub(self.group_tokens()).parse()
        if token == r"\lVert":
            self.take()
            inner = self.parse_sum()
            self.take(r"\rVert")
            return lambda env: torch.linalg.vector_norm(torch.as_tensor(inner(env)))
        if token == r"\frac":
            self.take()
            top = self.sub(self.group_tokens()).parse()
            bottom = self.sub(self.group_tokens()).parse()
            return _binary(top, bottom, lambda a, b: a / b)
        if token == r"\sqrt":
            self.take()
            inner = self.sub(self.group_tokens()).parse()
            return lambda env: torch.sqrt(torch.as_tensor(inner(env), dtype=torch.float64))
        if token in {r"\sum", r"\prod"}:
            return self.parse_big(token)
        if token == r"\sigma" and self.peek(1) != "(":
            return self.parse_symbol()  # a standard deviation, not the logistic function
        if token in FUNCTIONS or (token == r"\operatorname" and self._name_ahead() in FUNCTIONS):
            return self.parse_function()
        if token in NAMES or token in GREEK or re.fullmatch(r"[A-Za-z]", token):
            return self.parse_symbol()
        self.fail(f"{token} is not in the subset the checker evaluates (tests/engine/equations.py)")

    def _name_ahead(self):
        saved = self.pos
        self.take()
        name = "".join(self.group_tokens())
        self.pos = saved
        return name

    def parse_function(self):
        token = self.take()
        name = "".join(self.group_tokens()) if token == r"\operatorname" else token
        function = FUNCTIONS[name]
        if self.peek() == "(":
            self.take("(")
            args = [self.parse_sum()]
            while self.peek() == ",":
                self.take(",")
                args.append(self.parse_sum())
            self.take(")")
        else:  # \log \frac{a}{b}: the next factor
            args = [self.parse_power()]
        return lambda env: function(*(arg(env) for arg in args))

    def parse_big(self, token):
        self.take()
        if self.peek() != "_":
            self.fail(f"write the range of {token}: {token}_{{j=1}}^{{P}}")
        self.take("_")
        low = self.group_tokens()
        if self.peek() != "^" or "=" not in low or not re.fullmatch(r"[A-Za-z]", low[0]):
            self.fail(f"write the range of {token}: {token}_{{j=1}}^{{P}}")
        self.take("^")
        high = self.group_tokens()
        var = low[0]
        start = self.sub(low[2:]).parse()
        end = self.sub(high).parse()
        body = self.parse_product()
        combine = (lambda a, b: a + b) if token == r"\sum" else _juxtapose

        def evaluate(env):
            first, last = round(float(start(env))), round(float(end(env)))
            total = None
            outer = env.index.get(var)
            for value in range(first, last + 1):
                env.index[var] = value
                term = body(env)
                total = term if total is None else combine(total, term)
            if outer is None:
                env.index.pop(var, None)
            else:
                env.index[var] = outer
            if total is None:
                raise EquationError(
                    self.line, f"{token} over {var} from {first} to {last} is empty"
                )
            return total

        return evaluate

    def parse_symbol(self):
        token = self.take()
        if token in NAMES:
            name = token + "{" + "".join(self.group_tokens()) + "}"
        elif token in GREEK or re.fullmatch(r"[A-Za-z]", token):
            name = token
        else:
            self.fail(f"{token} is not a symbol")
        primes = ""
        while self.peek() == "'":
            primes += self.take()
        subscript = None
        if self.peek() == "_":
            self.take()
            subscript = self.group_tokens()
        while self.peek() == "'":
            primes += self.take()
        self.name, self.subscript = name, subscript
        line = self.line
        if subscript is None:
            key = name + primes

            def plain(env):  # an index of a sum or of the binding, or a value
                return env.index[name] if name in env.index else _lookup(env, key, line)

            return plain
        key = f"{name}_{{{''.join(subscript)}}}{primes}"
        letters = {t for t in subscript if re.fullmatch(r"[A-Za-z]", t)}
        indices = []  # read when first needed: most subscripts are names (`W_{ir}`)

        def value(env):
            if not letters & env.index.keys():
                return _lookup(env, key, line)
            # An entry of a family: z_{n, y_n} is z[n - 1, y_n - 1].
            if name not in env.families:
                raise EquationError(
                    line, f"{key} is an entry of {name}, but the binding gives no family {name}"
                )
            indices[:] = indices or self.index_parts(subscript)
            return env.families[name][tuple(round(float(i(env))) - 1 for i in indices)]

        return value

    def index_parts(self, subscript):
        """The positions a subscript names: `{n, y_n}` two, `{tj}` two (letters), `{t+1}` one."""
        if len(subscript) > 1 and all(re.fullmatch(r"[A-Za-z]", t) for t in subscript):
            return [self.sub([t]).parse() for t in subscript]
        parts, part, depth = [], [], 0
        for t in subscript:
            depth += t in "({["
            depth -= t in ")}]"
            if t == "," and depth == 0:
                parts.append(part)
                part = []
            else:
                part.append(t)
        parts.append(part)
        return [self.sub(p).parse() for p in parts]


def _binary(left, right, op):
    return lambda env: op(left(env), right(env))


def _scalar(value) -> bool:
    return not isinstance(value, torch.Tensor) or value.dim() == 0


def _transpose(value, line):
    if isinstance(value, torch.Tensor) and value.dim() == 2:
        return value.T
    raise EquationError(line, f"^\\top of {_shape(value)}: only a matrix or a column has one")


def _shape(value):
    return tuple(value.shape) if isinstance(value, torch.Tensor) else "a number"


def _juxtapose(a, b):
    if _scalar(a) or _scalar(b):
        return a * b
    if a.shape == (1, 1) or b.shape == (1, 1):  # s_t^\top h_j: a 1x1 matrix is a number
        return a.reshape(()) * b if a.shape == (1, 1) else a * b.reshape(())
    try:
        return a @ b
    except RuntimeError:
        raise EquationError(
            0,
            f"a product of {tuple(a.shape)} and {tuple(b.shape)} is no matrix product; "
            r"write \odot for an entry-by-entry product",
        ) from None


def _lookup(env, key, line):
    if key in env.values:
        return env.values[key]
    raise EquationError(
        line,
        f"the binding gives no {key}; it gives {', '.join(sorted(env.values))}",
    )


# ---------------------------------------------------------------- checking


@dataclass
class Case:
    """What a binding gives for one seed and size."""

    label: str  # "seed 0, input_size 3, hidden_size 4, batch 2"
    against: str  # "nn.GRU": what the references come from
    values: dict  # symbol -> value (inputs, and references for what the equations define)
    families: dict = field(default_factory=dict)
    references: set = field(default_factory=set)  # which of `values` are checked left sides
    # Free indices and their values: with {"t": range(1, 5)}, `c_t = …` is checked for t = 1
    # to 4 against the family `c`.
    indices: dict = field(default_factory=dict)


def check(display: Display, path, runs: list[Case]) -> tuple[list[str], int]:
    """Problems of one checked block ('file:line: …'), and how many comparisons passed, against
    the cases its binding gives (equation_bindings.cases)."""
    problems, compared = [], 0
    reported: set[int] = set()  # equations already reported: one message each
    for case in runs:
        values = dict(case.values)
        for number, eq in enumerate(display.equations):
            if number in reported:
                continue
            where = f"{path}:{eq.line}: equation {display.binding}"
            # `c_t` with t an index of the binding: checked for each t against the family c.
            free = [i for i in (eq.target[1] if eq.target else []) if i in case.indices]
            free = free if eq.lhs in case.references else []
            try:
                if free:
                    value, reference, first = _entries(eq, case, values, free)
                else:
                    value, first = eq.rhs(Env(values, case.families)), None
                    reference = case.values.get(eq.lhs)
            except EquationError as err:
                problems.append(f"{where}: `{eq.text}` cannot be evaluated: {err.args[1]}")
                reported.add(number)
                continue
            except (RuntimeError, TypeError, IndexError) as err:
                problems.append(
                    f"{where}: `{eq.text}` cannot be evaluated ({case.label}): "
                    f"{type(err).__name__}: {str(err).splitlines()[0]}"
                )
                reported.add(number)
                continue
            if eq.lhs not in case.references:
                if eq.symbol and eq.lhs not in values:
                    values[eq.lhs] = value  # a name the page introduces for later lines
                    continue
                problems.append(
                    f"{where}: `{eq.text}` defines {eq.lhs}, which binding {display.binding} "
                    f"does not check; it checks {', '.join(sorted(case.references))}: use "
                    "one of those, or add it to the binding in equation_bindings.py"
                )
                reported.add(number)
                continue
            problem = _compare(value, reference, first)
            if problem:
                problems.append(
                    f"{where}: `{eq.text}` is not what {case.against} computes: {eq.left} "
                    f"{problem} ({case.label}; every other symbol from {case.against})"
                )
                reported.add(number)
            else:
                compared += 1
    checked = {eq.lhs for eq in display.equations} & set().union(*(c.references for c in runs))
    if not checked and not problems:
        problems.append(
            f"{path}:{display.line}: equation {display.binding}: no line of this block defines "
            f"what the binding checks ({', '.join(sorted(runs[0].references))}): write one of "
            "them as `left = …`, or mark the block <!--hs-notation--> if it computes nothing"
        )
    return problems, compared


def _entries(eq, case, values, free):
    """The right side at every value of the free indices, the entries of the left side's family
    it must equal, and a function naming the first index values where they differ."""
    name, _, positions = eq.target
    combos, got, want = list(itertools.product(*(case.indices[i] for i in free))), [], []
    for combo in combos:
        env = Env(values, case.families, dict(zip(free, combo, strict=True)))
        at = tuple(round(float(p(env))) - 1 for p in positions)
        reference = torch.as_tensor(case.families[name][at], dtype=torch.float64)
        value = torch.as_tensor(eq.rhs(env), dtype=torch.float64)
        if value.numel() != reference.numel():
            return value, reference, None  # _compare names the shapes
        got.append(value.reshape(reference.shape))
        want.append(reference)

    def first(got, want):
        for combo, a, b in zip(combos, got, want, strict=True):
            if not torch.allclose(a, b, rtol=RTOL, atol=ATOL):
                return ", ".join(f"{i} = {v}" for i, v in zip(free, combo, strict=True))
        return None

    return torch.stack(got), torch.stack(want), first


def _compare(value, reference, first=None) -> str | None:
    got = torch.as_tensor(value, dtype=torch.float64)
    want = torch.as_tensor(reference, dtype=torch.float64)
    if got.shape != want.shape:
        if got.numel() == want.numel() == 1:
            got, want = got.reshape(()), want.reshape(())
        else:
            return f"has shape {tuple(got.shape)}, the reference {tuple(want.shape)}"
    if torch.allclose(got, want, rtol=RTOL, atol=ATOL):
        return None
    difference = (got - want).abs()
    scale = want.abs().max().item()
    at = f", first at {first(got, want)}" if first else ""
    return (
        f"differs by up to {difference.max().item():.3g} (the reference's largest entry is "
        f"{scale:.3g}; {int((difference > ATOL + RTOL * want.abs()).sum())} of {want.numel()} "
        f"entries differ{at})"
    )
