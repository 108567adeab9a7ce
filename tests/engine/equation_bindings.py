r"""What the symbols of a checked equation stand for (see equations.py, the evaluator, which
this file imports and which imports nothing from here: a new binding is a function below and a
line in BINDINGS, nothing else).

A binding is a function `(seed, size) -> Case`, named in BINDINGS and on the page by
`<!--hs-equation: NAME-->`. It builds the PyTorch layer or calls the function the equation
describes, on random inputs, and gives:

- `values`: every symbol the equations read, as LaTeX (`"W_{ir}"`, `"h_{t-1}"`), and a
  reference for every left side they define (`"h_t"`), taken from PyTorch's own output;
- `references`: which of `values` are left sides to check;
- `families`: tensors whose entries a sum or a product reads by index (`g_j` is `g[j - 1]`);
- `indices`: free indices and their values (`t` from 1 to T): a left side such as `c_t` is
  then checked for each of them against its family (`c`).

Vectors are columns shaped (size, batch), so `W_{ir} x_t` is a matrix product. A gate that
PyTorch does not return (`r_t`, `i_t`) is computed here from its parameter slices, and the
binding first proves that these gates give the layer's own output: a wrong reference fails as
a broken binding, never as a wrong page. Everything is float64.
"""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F

from .equations import Case, canonical

SEEDS = (0, 1, 2)


class BindingError(Exception):
    """A binding whose own reference disagrees with PyTorch: fix the binding, not the page."""


def _column(t: torch.Tensor) -> torch.Tensor:
    """(batch, size) -> (size, batch); a bias (size,) -> (size, 1)."""
    return t.T.clone() if t.dim() == 2 else t.reshape(-1, 1).clone()


def _case(label, against, values, references, families=None, indices=None) -> Case:
    values = {canonical(k): v for k, v in values.items()}
    references = {canonical(k) for k in references}
    return Case(label, against, values, families or {}, references, indices or {})


def _agree(name, mine, theirs, what="its own gates do not give PyTorch's output"):
    if mine.shape != theirs.shape or not torch.allclose(mine, theirs, rtol=1e-9, atol=1e-12):
        raise BindingError(f"binding {name}: {what}")


CELL_SIZES = [(3, 4, 2), (5, 2, 1), (1, 6, 3)]  # (input_size, hidden_size, batch)


def _cell_inputs(layer_type, seed, size, states=1):
    input_size, hidden, batch = size
    torch.manual_seed(seed)
    layer = layer_type(input_size, hidden).double()
    x = torch.randn(1, batch, input_size, dtype=torch.float64)
    previous = [torch.randn(1, batch, hidden, dtype=torch.float64) for _ in range(states)]
    label = f"seed {seed}, input_size {input_size}, hidden_size {hidden}, batch {batch}"
    return layer, x, previous, label


def rnn(seed, size) -> Case:
    layer, x, (h0,), label = _cell_inputs(nn.RNN, seed, size)
    with torch.no_grad():
        output, _ = layer(x, h0)
    values = {
        "W_{ih}": layer.weight_ih_l0.detach(),
        "W_{hh}": layer.weight_hh_l0.detach(),
        "b_{ih}": _column(layer.bias_ih_l0.detach()),
        "b_{hh}": _column(layer.bias_hh_l0.detach()),
        "x_t": _column(x[0]),
        "h_{t-1}": _column(h0[0]),
        "h_t": _column(output[0]),
    }
    return _case(label, "nn.RNN", values, {"h_t"})


def _slices(layer, names):
    """{'W_{ii}': …, 'b_{hi}': …} from PyTorch's stacked weights, gates in `names` order."""
    out = {}
    for kind, weight, bias in (
        ("i", "weight_ih_l0", "bias_ih_l0"),
        ("h", "weight_hh_l0", "bias_hh_l0"),
    ):
        w = getattr(layer, weight).detach().chunk(len(names))
        b = getattr(layer, bias).detach().chunk(len(names))
        for gate, wg, bg in zip(names, w, b, strict=True):
            out[f"W_{{{kind}{gate}}}"] = wg
            out[f"b_{{{kind}{gate}}}"] = _column(bg)
    return out


def _pre(v, gate, x, h):
    return (
        v[f"W_{{i{gate}}}"] @ x
        + v[f"b_{{i{gate}}}"]
        + v[f"W_{{h{gate}}}"] @ h
        + v[f"b_{{h{gate}}}"]
    )


def _lstm_gates(name, layer, x, h0, c0):
    """The slices and the four gates of one nn.LSTM step, proven to give the layer's output."""
    with torch.no_grad():
        _, (h1, c1) = layer(x, (h0, c0))
    v = _slices(layer, "ifgo")
    xt, h, c = _column(x[0]), _column(h0[0]), _column(c0[0])
    gates = {
        "i_t": torch.sigmoid(_pre(v, "i", xt, h)),
        "f_t": torch.sigmoid(_pre(v, "f", xt, h)),
        "g_t": torch.tanh(_pre(v, "g", xt, h)),
        "o_t": torch.sigmoid(_pre(v, "o", xt, h)),
    }
    c_t = gates["f_t"] * c + gates["i_t"] * gates["g_t"]
    _agree(name, c_t, _column(c1[0]))
    _agree(name, gates["o_t"] * torch.tanh(c_t), _column(h1[0]))
    v |= {"x_t": xt, "h_{t-1}": h, "c_{t-1}": c, "c_t": _column(c1[0]), "h_t": _column(h1[0])}
    return v, gates


def lstm(seed, size) -> Case:
    layer, x, (h0, c0), label = _cell_inputs(nn.LSTM, seed, size, states=2)
    v, gates = _lstm_gates("lstm", layer, x, h0, c0)
    return _case(label, "nn.LSTM", v | gates, {*gates, "c_t", "h_t"})


def lstm_direct_path(seed, size) -> Case:
    """d c_t / d c_{t-1} of one nn.LSTM step with h_{t-1} held fixed, by autograd."""
    layer, x, (h0, c0), label = _cell_inputs(nn.LSTM, seed, size, states=2)
    _, gates = _lstm_gates("lstm-direct-path", layer, x, h0, c0)
    hidden, batch = size[1], size[2]

    def next_cell(c):  # c_{t-1} -> c_t, both columns (hidden, batch); h_{t-1} stays h0
        return _column(layer(x, (h0, c.T.reshape(1, batch, hidden)))[1][1][0])

    jacobian = torch.autograd.functional.jacobian(next_cell, _column(c0[0]))
    # Entry (k, b) of c_t against entry (l, b') of c_{t-1}, flattened in the order in which
    # diag flattens f_t: zero across the batch, as diag has it.
    values = gates | {
        r"\frac{\partial c_t}{\partial c_{t-1}}": jacobian.reshape(hidden * batch, -1),
    }
    return _case(
        label + ", h_{t-1} held fixed",
        "autograd through nn.LSTM",
        values,
        {r"\frac{\partial c_t}{\partial c_{t-1}}"},
    )


def gru(seed, size) -> Case:
    layer, x, (h0,), label = _cell_inputs(nn.GRU, seed, size)
    with torch.no_grad():
        _, h1 = layer(x, h0)
    v = _slices(layer, "rzn")
    xt, h = _column(x[0]), _column(h0[0])
    r = torch.sigmoid(_pre(v, "r", xt, h))
    z = torch.sigmoid(_pre(v, "z", xt, h))
    n = torch.tanh(v["W_{in}"] @ xt + v["b_{in}"] + r * (v["W_{hn}"] @ h + v["b_{hn}"]))
    _agree("gru", (1 - z) * n + z * h, _column(h1[0]))
    v |= {"r_t": r, "z_t": z, "n_t": n, "x_t": xt, "h_{t-1}": h, "h_t": _column(h1[0])}
    return _case(label, "nn.GRU", v, {"r_t", "z_t", "n_t", "h_t"})


def rnn_parameters(seed, size) -> Case:
    input_size, hidden, layers, directions = size
    layer = nn.RNN(input_size, hidden, num_layers=layers, bidirectional=directions == 2)
    count = sum(p.numel() for p in layer.parameters())
    label = (
        f"input_size {input_size}, hidden_size {hidden}, num_layers {layers}, "
        f"bidirectional={directions == 2}"
    )
    values = {
        "H": hidden,
        "I": input_size,
        "L": layers,
        "D": directions,
        r"\text{parameters}": count,
    }
    return _case(
        label, "sum(p.numel() for p in nn.RNN(…).parameters())", values, {r"\text{parameters}"}
    )


def rnn_jacobian(seed, size) -> Case:
    """d h_T / d h_{T-k} of a one-layer nn.RNN, by autograd through the layer itself."""
    input_size, hidden, steps, k = size
    torch.manual_seed(seed)
    layer = nn.RNN(input_size, hidden).double()
    x = torch.randn(steps, 1, input_size, dtype=torch.float64)
    with torch.no_grad():
        output, _ = layer(x)
    states = output[:, 0, :]  # h_1 … h_T

    def last_state(start):
        return layer(x[steps - k :], start.reshape(1, 1, hidden))[1].reshape(hidden)

    jacobian = torch.autograd.functional.jacobian(last_state, states[steps - k - 1].clone())
    values = {
        "W_{hh}": layer.weight_hh_l0.detach(),
        "T": steps,
        "k": k,
        r"\frac{\partial h_T}{\partial h_{T-k}}": jacobian,
    }
    label = f"seed {seed}, input_size {input_size}, hidden_size {hidden}, T {steps}, k {k}"
    families = {"h": states.detach().unsqueeze(-1)}  # h_t is a column (hidden, 1)
    return _case(
        label,
        "autograd through nn.RNN",
        values,
        {r"\frac{\partial h_T}{\partial h_{T-k}}"},
        families,
    )


def clip_grad_norm(seed, size) -> Case:
    input_size, hidden, ratio = size
    torch.manual_seed(seed)
    layer = nn.RNN(input_size, hidden).double()
    output, _ = layer(torch.randn(4, 2, input_size, dtype=torch.float64))
    output.pow(2).sum().backward()
    g = torch.cat([p.grad.flatten() for p in layer.parameters()]).clone()
    max_norm = ratio * g.norm().item()  # below the norm (clipped) or above it (unchanged)
    returned = nn.utils.clip_grad_norm_(layer.parameters(), max_norm=max_norm)
    clipped = torch.cat([p.grad.flatten() for p in layer.parameters()])
    values = {
        "g": g,
        "P": g.numel(),
        r"\text{max\_norm}": max_norm,
        r"\lVert g \rVert": returned,
        "g'": clipped,
    }
    label = (
        f"seed {seed}, input_size {input_size}, hidden_size {hidden}, max_norm {ratio} x the norm"
    )
    return _case(label, "nn.utils.clip_grad_norm_", values, {r"\lVert g \rVert", "g'"}, {"g": g})


def cross_entropy(seed, size) -> Case:
    steps, classes = size
    torch.manual_seed(seed)
    z = torch.randn(steps, classes, dtype=torch.float64) * 2
    y = torch.randint(0, classes, (steps,))
    loss = F.cross_entropy(z, y)
    # Perplexity from its own definition: one over the geometric mean of the targets' probabilities.
    probability = torch.softmax(z, dim=1)[torch.arange(steps), y]
    perplexity = probability.prod() ** (-1 / steps)
    values = {"N": steps, "C": classes, r"\ell": loss, r"\text{perplexity}": perplexity}
    families = {"z": z, "y": (y + 1).double()}  # classes numbered from 1, as written
    label = f"seed {seed}, N {steps}, C {classes}"
    return _case(
        label, "nn.functional.cross_entropy", values, {r"\ell", r"\text{perplexity}"}, families
    )


def masked_mean(seed, size) -> Case:
    lengths, classes = size
    torch.manual_seed(seed)
    longest = max(lengths)
    scores = torch.randn(longest, len(lengths), classes, dtype=torch.float64)
    targets = torch.full((longest, len(lengths)), -100)
    for b, length in enumerate(lengths):
        targets[:length, b] = torch.randint(0, classes, (length,))
    flat_scores, flat_targets = scores.flatten(0, 1), targets.flatten()
    loss = F.cross_entropy(flat_scores, flat_targets, ignore_index=-100)
    per_step = F.cross_entropy(flat_scores, flat_targets.clamp(min=0), reduction="none")
    mask = (flat_targets != -100).double()
    values = {"T": flat_targets.numel(), r"\ell": loss}
    label = f"seed {seed}, lengths {lengths}, C {classes}"
    return _case(
        label,
        "nn.functional.cross_entropy(…, ignore_index=-100)",
        values,
        {r"\ell"},
        {r"\ell": per_step, "m": mask},
    )


def _steps(t: torch.Tensor) -> torch.Tensor:
    """(1, steps, size), batch first as on the pages -> (steps, size, 1): entry t a column."""
    return t[0].unsqueeze(-1).clone()


def dot_attention(seed, size) -> Case:
    """Scores, weights and context of dot-product attention, one sequence (batch 1)."""
    steps, source, hidden = size
    torch.manual_seed(seed)
    s = torch.randn(1, steps, hidden, dtype=torch.float64)  # decoder states s_t
    h = torch.randn(1, source, hidden, dtype=torch.float64)  # encoder outputs h_j
    context = F.scaled_dot_product_attention(s, h, h, scale=1.0)
    # PyTorch returns no weights; with the identity as values, its output is the weights.
    identity = torch.eye(source, dtype=torch.float64).unsqueeze(0)
    weights = F.scaled_dot_product_attention(s, h, identity, scale=1.0)
    scores = s @ h.transpose(1, 2)  # as snippets/seq2seq/attention/dot_attention.py
    _agree("dot-attention", weights @ h, context, "its weights do not give PyTorch's context")
    _agree("dot-attention", scores.softmax(-1), weights, "its scores do not give PyTorch's weights")
    values = {"T": steps, "S": source, "e_{tj}": scores[0], r"\alpha_{tj}": weights[0]}
    values["c_t"] = _steps(context)
    families = {"s": _steps(s), "h": _steps(h), "e": scores[0], r"\alpha": weights[0]}
    families["c"] = _steps(context)
    label = f"seed {seed}, T {steps}, S {source}, hidden_size {hidden}"
    return _case(
        label,
        "F.scaled_dot_product_attention(…, scale=1.0)",
        values,
        {"e_{tj}", r"\alpha_{tj}", "c_t"},
        families,
        {"t": range(1, steps + 1), "j": range(1, source + 1)},
    )


def additive_attention(seed, size) -> Case:
    """Bahdanau's scores, computed as snippets/seq2seq/attention/additive.py computes them."""
    steps, source, decoder, encoder, attention = size
    torch.manual_seed(seed)
    W_s = nn.Linear(decoder, attention, bias=False).double()
    W_h = nn.Linear(encoder, attention, bias=False).double()
    v = nn.Linear(attention, 1, bias=False).double()
    s = torch.randn(1, steps, decoder, dtype=torch.float64)
    h = torch.randn(1, source, encoder, dtype=torch.float64)
    with torch.no_grad():
        # The page's code: every s_t against every h_j, by broadcasting over two new axes.
        scores = v(torch.tanh(W_s(s)[:, :, None, :] + W_h(h)[:, None, :, :])).squeeze(-1)[0]
        # The same layers, one pair at a time: the broadcast pairs target t with source j.
        pairs = [[v(torch.tanh(W_s(st) + W_h(hj))) for hj in h[0]] for st in s[0]]
    _agree(
        "additive-attention",
        torch.tensor([[p.item() for p in row] for row in pairs], dtype=torch.float64),
        scores,
        "its broadcast scores are not those of each pair",
    )
    values = {
        "W_s": W_s.weight.detach(),
        "W_h": W_h.weight.detach(),
        "v": v.weight.detach().T.clone(),  # a column: v^\top is the layer's (1, attention) weight
        "e_{tj}": scores,
    }
    families = {"s": _steps(s), "h": _steps(h), "e": scores}
    label = (
        f"seed {seed}, T {steps}, S {source}, sizes of s_t {decoder}, h_j {encoder}, v {attention}"
    )
    return _case(
        label,
        "the page's additive-attention code (nn.Linear)",
        values,
        {"e_{tj}"},
        families,
        {"t": range(1, steps + 1), "j": range(1, source + 1)},
    )


def scaled_attention(seed, size) -> Case:
    """Queries, keys and values of their own sizes, against F.scaled_dot_product_attention's
    default scale (one sequence, batch 1)."""
    steps, source, d, d_v = size
    torch.manual_seed(seed)
    q = torch.randn(1, steps, d, dtype=torch.float64)
    k = torch.randn(1, source, d, dtype=torch.float64)
    v = torch.randn(1, source, d_v, dtype=torch.float64)
    context = F.scaled_dot_product_attention(q, k, v)  # no scale given: PyTorch's default
    # PyTorch returns no weights; with the identity as values, its output is the weights.
    identity = torch.eye(source, dtype=torch.float64).unsqueeze(0)
    weights = F.scaled_dot_product_attention(q, k, identity)
    scores = q @ k.transpose(1, 2) / math.sqrt(d)  # as snippets/seq2seq/queries-keys-values
    _agree("scaled-attention", weights @ v, context, "its weights do not give PyTorch's context")
    _agree("scaled-attention", scores.softmax(-1), weights, "its scores do not give the weights")
    values = {"T": steps, "S": source, "d": d, "e_{tj}": scores[0], r"\alpha_{tj}": weights[0]}
    values["c_t"] = _steps(context)
    families = {"q": _steps(q), "k": _steps(k), "v": _steps(v), "e": scores[0]}
    families[r"\alpha"] = weights[0]
    families["c"] = _steps(context)
    label = f"seed {seed}, T {steps}, S {source}, d {d}, size of v_j {d_v}"
    return _case(
        label,
        "F.scaled_dot_product_attention (its default scale)",
        values,
        {"e_{tj}", r"\alpha_{tj}", "c_t"},
        families,
        {"t": range(1, steps + 1), "j": range(1, source + 1)},
    )


def z_score(seed, size) -> Case:
    """Scaling fitted on the training part, as snippets/forecasting/evaluation/scaling.py does."""
    length, n = size
    torch.manual_seed(seed)
    y = 0.1 * torch.arange(length, dtype=torch.float64) + torch.randn(length, dtype=torch.float64)
    mean, std = y[:n].mean(), y[:n].std()  # std() divides by n - 1
    z = (y - mean) / std
    # PyTorch's layer_norm standardises with the std that divides by n: n - 1 differs by this.
    normed = F.layer_norm(y[:n], (n,), eps=0.0) * math.sqrt((n - 1) / n)
    _agree("z-score", z[:n], normed, "its scaling is not layer_norm's, rescaled to n - 1")
    values = {"n": n, r"\mu": mean, r"\sigma": std, "z_t": z}
    label = f"seed {seed}, series of {length}, training part of {n}"
    return _case(
        label,
        "the module's scaling (mean() and std() of the training part)",
        values,
        {"z_t", r"\mu", r"\sigma"},
        {"y": y, "z": z},
        {"t": range(1, length + 1)},
    )


def _baselines(name, seed, size):
    """The naive and seasonal naive forecasts of a test part, from the module's code."""
    length, split, period, window = size
    torch.manual_seed(seed)
    t = torch.arange(length, dtype=torch.float64)
    y = 0.05 * t + 2 * torch.sin(2 * math.pi * t / period)
    y = y + 0.3 * torch.randn(length, dtype=torch.float64)
    # snippets/forecasting/evaluation/baselines.py: the test targets are y[split:]
    naive, seasonal = y[split - 1 : -1], y[split - period : -period]
    # snippets/forecasting/experiment/forecast_baselines.py: the same from the test windows
    windows = y[split - window : length - 1].unfold(0, window, 1)
    _agree(name, windows[:, -1], naive, "the page's naive forecasts are not the experiment's")
    _agree(name, windows[:, -period], seasonal, "the seasonal forecasts are not the experiment's")
    label = f"seed {seed}, series of {length}, test part from step {split + 1}, m {period}"
    return y, naive, seasonal, label


def _forecast_case(name, seed, size, which):
    length, split, period, _ = size
    y, naive, seasonal, label = _baselines(name, seed, size)
    forecast = torch.full((length,), math.nan, dtype=torch.float64)  # \hat{y}_1 … \hat{y}_N
    forecast[split:] = naive if which == "naive" else seasonal
    return _case(
        label,
        "the forecasting module's baseline code",
        {"m": period, r"\hat{y}_{t+1}": forecast},
        {r"\hat{y}_{t+1}"},
        {"y": y, r"\hat{y}": forecast},
        {"t": range(split, length)},  # every test target: t + 1 from split + 1 to N
    )


def naive_forecast(seed, size) -> Case:
    return _forecast_case("naive-forecast", seed, size, "naive")


def seasonal_naive(seed, size) -> Case:
    return _forecast_case("seasonal-naive", seed, size, "seasonal")


# ---------------------------------------------------------------- module 9: linear recurrences
# The references are the module's own code (snippets/linear-rnns/): its loop and its scan, each
# proven against the other here, on float64 inputs, before any page line is compared.


def _linear_loop(a, b, h=None):
    """h_t = a_t * h_{t-1} + b_t, one step after another, time first; h_0 = 0 unless given."""
    h = torch.zeros_like(b[0]) if h is None else h
    states = []
    for a_t, b_t in zip(a, b, strict=True):
        h = a_t * h + b_t
        states.append(h)
    return torch.stack(states)


def _linear_scan(a, b):
    """The same from h_0 = 0 in ceil(log2 T) rounds, as snippets/linear-rnns/scan/scan.py does:
    each round, every position takes in the span that ends `offset` steps before it."""
    steps, offset = len(a), 1
    while offset < steps:
        a_before = torch.cat([torch.ones_like(a[:offset]), a[:-offset]])
        b_before = torch.cat([torch.zeros_like(b[:offset]), b[:-offset]])
        a, b = a * a_before, a * b_before + b
        offset *= 2
    return b


def _proven_states(name, a, b):
    """The states of the linear recurrence, from the scan, proven equal to the loop's."""
    states = _linear_scan(a, b)
    _agree(name, states, _linear_loop(a, b), "the module's scan does not give its loop's states")
    return states


def linear_recurrence(seed, size) -> Case:
    """One step t of h_t = a_t * h_{t-1} + b_t in the middle of a sequence."""
    steps, hidden, batch = size
    torch.manual_seed(seed)
    a = torch.sigmoid(torch.randn(steps, hidden, batch, dtype=torch.float64))
    b = torch.randn(steps, hidden, batch, dtype=torch.float64)
    h = _proven_states("linear-recurrence", a, b)
    t = steps // 2 + 1  # 1-based; h_{t-1} is h[t - 2]
    values = {"a_t": a[t - 1], "b_t": b[t - 1], "h_{t-1}": h[t - 2], "h_t": h[t - 1]}
    label = f"seed {seed}, T {steps}, step t {t}, hidden_size {hidden}, batch {batch}"
    return _case(label, "the module's loop and scan", values, {"h_t"})


def scan_combine(seed, size) -> Case:
    """Two steps (a_1, b_1) then (a_2, b_2) as one: the module's combine, proven to act on any
    h_0 as the two steps do (on two starting states, so the pair it gives is the only one)."""
    hidden, batch = size
    torch.manual_seed(seed)
    a = torch.randn(2, hidden, batch, dtype=torch.float64)  # any real numbers: no gate needed
    b = torch.randn(2, hidden, batch, dtype=torch.float64)
    a_21, b_21 = a[1] * a[0], a[1] * b[0] + b[1]  # combine(later=(a_2, b_2), earlier=(a_1, b_1))
    starts = torch.randn(2, hidden, batch, dtype=torch.float64)
    for h_0 in starts:
        _agree(
            "scan-combine",
            a_21 * h_0 + b_21,
            _linear_loop(a, b, h_0)[-1],
            "its combined pair does not act as the two steps",
        )
    h_0 = starts[0]
    values = {
        "a_1": a[0],
        "b_1": b[0],
        "a_2": a[1],
        "b_2": b[1],
        "h_0": h_0,
        r"\hat{a}": a_21,
        r"\hat{b}": b_21,
        "h_2": _linear_loop(a, b, h_0)[-1],
    }
    label = f"seed {seed}, hidden_size {hidden}, batch {batch}"
    return _case(label, "the module's combine and loop", values, {r"\hat{a}", r"\hat{b}", "h_2"})


def linear_closed_form(seed, size) -> Case:
    """h_t of one unit from h_0 = 0, with A_t the product of a_1 … a_t (torch.cumprod), every t;
    b is positive, so that the log-space form has its logarithms."""
    (steps,) = size
    torch.manual_seed(seed)
    a = torch.sigmoid(torch.randn(steps, dtype=torch.float64) + 2)
    b = torch.exp(torch.randn(steps, dtype=torch.float64))
    h = _proven_states("linear-closed-form", a, b)
    A = torch.cumprod(a, dim=0)
    _agree("linear-closed-form", A * torch.cumsum(b / A, dim=0), h, "cumprod and cumsum miss h")
    label = f"seed {seed}, one unit, T {steps}"
    return _case(
        label,
        "the module's loop and torch.cumprod",
        {},
        {"A_t", "h_t"},
        {"a": a, "b": b, "A": A, "h": h},
        {"t": range(1, steps + 1)},
    )


def _sequence(seed, size, layers):
    """nn.Linear layers (input_size -> hidden_size) and a sequence x, time first, in float64."""
    input_size, hidden, batch, steps = size
    torch.manual_seed(seed)
    linears = [nn.Linear(input_size, hidden).double() for _ in range(layers)]
    x = torch.randn(steps, batch, input_size, dtype=torch.float64)
    label = f"seed {seed}, input_size {input_size}, hidden_size {hidden}, batch {batch}, T {steps}"
    return linears, x, label


def _weights(linear, gate):
    return {f"W_{gate}": linear.weight.detach(), f"b_{gate}": _column(linear.bias.detach())}


def min_gru(seed, size) -> Case:
    """One step of the module's MinGRU (snippets/linear-rnns/min-rnns/min_gru.py): gate and
    candidate from x_t alone, a = 1 - z and b = z * h_tilde scanned, the scan proven on the loop."""
    (gate, candidate), x, label = _sequence(seed, size, 2)
    with torch.no_grad():
        z = torch.sigmoid(gate(x))
        h_tilde = candidate(x)
        h = _proven_states("min-gru", 1 - z, z * h_tilde)
    t = len(x) // 2 + 1
    values = _weights(gate, "z") | _weights(candidate, "h")
    values |= {
        "x_t": _column(x[t - 1]),
        "h_{t-1}": _column(h[t - 2]),
        "z_t": _column(z[t - 1]),
        r"\tilde{h}_t": _column(h_tilde[t - 1]),
        "h_t": _column(h[t - 1]),
    }
    return _case(
        f"{label}, step t {t}", "the module's MinGRU", values, {"z_t", r"\tilde{h}_t", "h_t"}
    )


def min_lstm(seed, size) -> Case:
    """One step of the module's MinLSTM: forget and input gates from x_t alone, normalised to
    sum to one, a = f' and b = i' * h_tilde scanned, the scan proven on the loop."""
    (forget, write, candidate), x, label = _sequence(seed, size, 3)
    with torch.no_grad():
        f, i = torch.sigmoid(forget(x)), torch.sigmoid(write(x))
        f_norm, i_norm = f / (f + i), i / (f + i)
        h_tilde = candidate(x)
        h = _proven_states("min-lstm", f_norm, i_norm * h_tilde)
    t = len(x) // 2 + 1
    values = _weights(forget, "f") | _weights(write, "i") | _weights(candidate, "h")
    values |= {
        "x_t": _column(x[t - 1]),
        "h_{t-1}": _column(h[t - 2]),
        "f_t": _column(f[t - 1]),
        "i_t": _column(i[t - 1]),
        "f_t'": _column(f_norm[t - 1]),
        "i_t'": _column(i_norm[t - 1]),
        r"\tilde{h}_t": _column(h_tilde[t - 1]),
        "h_t": _column(h[t - 1]),
    }
    return _case(
        f"{label}, step t {t}",
        "the module's MinLSTM",
        values,
        {"f_t", "i_t", "f_t'", "i_t'", r"\tilde{h}_t", "h_t"},
    )


BINDINGS = {
    "rnn": (rnn, CELL_SIZES),
    "lstm": (lstm, CELL_SIZES),
    "gru": (gru, CELL_SIZES),
    "rnn-parameters": (rnn_parameters, [(3, 4, 1, 1), (5, 2, 3, 2), (1, 6, 2, 1), (4, 3, 2, 2)]),
    "rnn-jacobian": (rnn_jacobian, [(3, 4, 6, 1), (2, 5, 7, 4), (1, 3, 5, 4)]),
    "clip-grad-norm": (clip_grad_norm, [(3, 4, 0.5), (2, 3, 2.0), (1, 5, 0.1)]),
    "cross-entropy": (cross_entropy, [(4, 3), (8, 5), (12, 7)]),
    "masked-mean": (masked_mean, [((4, 2, 3), 5), ((1, 3), 4), ((5, 5, 2, 1), 3)]),
    "lstm-direct-path": (lstm_direct_path, CELL_SIZES),
    # (T, S, hidden_size)
    "dot-attention": (dot_attention, [(4, 6, 5), (1, 3, 2), (3, 7, 4)]),
    # (T, S, size of s_t, of h_j, of v): the first with s_t and h_j of one size
    "additive-attention": (additive_attention, [(4, 6, 5, 5, 3), (3, 5, 4, 6, 7), (1, 3, 2, 3, 4)]),
    # (T, S, d of q_t and k_j, size of v_j)
    "scaled-attention": (scaled_attention, [(4, 6, 5, 3), (1, 3, 2, 2), (3, 7, 16, 4)]),
    # (series length, training part)
    "z-score": (z_score, [(20, 15), (50, 40), (9, 6)]),
    # (series length, first test target, season m, window)
    "naive-forecast": (naive_forecast, [(40, 30, 4, 6), (60, 36, 12, 12), (30, 24, 7, 10)]),
    "seasonal-naive": (seasonal_naive, [(40, 30, 4, 6), (60, 36, 12, 12), (30, 24, 7, 10)]),
    # (T, hidden_size, batch): T a power of two, and not
    "linear-recurrence": (linear_recurrence, [(8, 3, 2), (13, 1, 1), (5, 4, 3)]),
    # (hidden_size, batch)
    "scan-combine": (scan_combine, [(3, 2), (1, 1), (5, 4)]),
    # (T,): one unit
    "linear-closed-form": (linear_closed_form, [(1,), (9,), (40,)]),
    # (input_size, hidden_size, batch, T)
    "min-gru": (min_gru, [(3, 4, 2, 8), (5, 2, 1, 13), (1, 6, 3, 5)]),
    "min-lstm": (min_lstm, [(3, 4, 2, 8), (5, 2, 1, 13), (1, 6, 3, 5)]),
}

_CACHE: dict[str, list[Case]] = {}


def cases(name: str) -> list[Case]:
    """Every seed and size of binding `name`, built once per run."""
    if name not in _CACHE:
        make, sizes = BINDINGS[name]
        _CACHE[name] = [make(seed, size) for seed in SEEDS for size in sizes]
    return _CACHE[name]
