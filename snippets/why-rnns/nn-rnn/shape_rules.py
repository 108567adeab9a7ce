import itertools

import torch
from torch import nn

torch.manual_seed(0)
L, N, IN, H = 5, 3, 4, 8  # steps, sequences, features per step, hidden units


def rule(layers, bidirectional, layout):
    """The shapes of x, output and h_n (and h_0), as this page states them."""
    d = 2 if bidirectional else 1  # directions
    if layout == "unbatched":
        return (L, IN), (L, d * H), (d * layers, H)
    if layout == "batch first":
        return (N, L, IN), (N, L, d * H), (d * layers, N, H)
    return (L, N, IN), (L, N, d * H), (d * layers, N, H)


LAYOUTS = ("seq first", "batch first", "unbatched")
cases = list(itertools.product((1, 2), (False, True), LAYOUTS))
print("layers  bidir  layout       x          output      h_n")
for layers, bidirectional, layout in cases:
    first = layout == "batch first"
    rnn = nn.RNN(IN, H, layers, bidirectional=bidirectional, batch_first=first)
    x_shape, out_shape, h_shape = rule(layers, bidirectional, layout)
    for h_0 in (None, torch.zeros(h_shape)):  # h_0, if given, is shaped like h_n
        output, h_n = rnn(torch.randn(x_shape), h_0)
        assert (output.shape, h_n.shape) == (out_shape, h_shape)
    if layers == 1 or layout == "batch first":  # print a sample of the cases
        shapes = f"{x_shape!s:10} {out_shape!s:11} {h_shape}"
        print(f"{layers:<7} {bidirectional!s:6} {layout:12} {shapes}")
print(f"the rule holds in all {len(cases)} cases, with and without h_0")
