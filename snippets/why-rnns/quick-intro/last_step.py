import itertools

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 2, 3)  # read as (seq_len, batch, features), or batch first

for layers, batch_first in itertools.product((1, 2, 3), (False, True)):
    rnn = nn.RNN(3, 5, num_layers=layers, batch_first=batch_first)
    output, h_n = rnn(x)
    if batch_first:
        name, last = "output[:, -1]", output[:, -1]  # time is dimension 1
    else:
        name, last = "output[-1]", output[-1]  # time is dimension 0
    case = f"num_layers={layers}, batch_first={batch_first!s:5}"
    print(f"{case}: {name:13} = h_n[-1]: {torch.equal(last, h_n[-1])}")

# Sequence-first habit on batch-first output: output[-1] is the last sequence.
print("output[-1]:", tuple(output[-1].shape), " h_n[-1]:", tuple(h_n[-1].shape))
