import itertools

import torch
from torch import nn

SEQ_LEN, BATCH, INPUT, HIDDEN = 5, 4, 10, 7
CASES = itertools.product((True, False), (False, True), (1, 3), (False, True))

print("input       batch_first layers bidir | output      h_n          h_0 given")
for batched, batch_first, num_layers, bidirectional in CASES:
    torch.manual_seed(0)
    rnn = nn.RNN(INPUT, HIDDEN, num_layers, batch_first=batch_first, bidirectional=bidirectional)
    D = 2 if bidirectional else 1
    if not batched:
        x = torch.randn(SEQ_LEN, INPUT)
        want_output, want_h_n = (SEQ_LEN, D * HIDDEN), (D * num_layers, HIDDEN)
    elif batch_first:
        x = torch.randn(BATCH, SEQ_LEN, INPUT)
        want_output, want_h_n = (BATCH, SEQ_LEN, D * HIDDEN), (D * num_layers, BATCH, HIDDEN)
    else:
        x = torch.randn(SEQ_LEN, BATCH, INPUT)
        want_output, want_h_n = (SEQ_LEN, BATCH, D * HIDDEN), (D * num_layers, BATCH, HIDDEN)

    output, h_n = rnn(x)  # no h_0: the layer starts from zeros
    assert output.shape == want_output and h_n.shape == want_h_n

    # An explicit h_0 has the shape of h_n; zeros given equal zeros by default.
    output_h0, h_n_h0 = rnn(x, torch.zeros(want_h_n))
    assert torch.equal(output_h0, output) and torch.equal(h_n_h0, h_n)

    print(
        f"{tuple(x.shape)!s:11} {batch_first!s:11} {num_layers:6} {bidirectional!s:5} | "
        f"{tuple(output.shape)!s:11} {tuple(h_n.shape)!s:12} same result"
    )
