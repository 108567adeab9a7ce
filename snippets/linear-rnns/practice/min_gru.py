import torch
from torch import nn

torch.manual_seed(0)
gate, candidate = nn.Linear(3, 4), nn.Linear(3, 4)
x = torch.randn(6, 2, 3)  # (seq_len, batch, input_size)

with torch.no_grad():
    z, h_tilde = torch.sigmoid(gate(x)), candidate(x)
    a, b = __1__, __2__  # the minGRU as h_t = a_t * h_{t-1} + b_t

    h, as_written = torch.zeros(2, 4), torch.zeros(2, 4)
    for t in range(len(x)):
        h = a[t] * h + b[t]
        as_written = (1 - z[t]) * as_written + z[t] * h_tilde[t]  # the paper's equation

print("the linear recurrence gives the minGRU:", torch.allclose(h, as_written))
