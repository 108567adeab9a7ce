import torch
from torch import nn


def scan(a, b):  # every h_t = a_t * h_{t-1} + b_t from h_0 = 0, time first
    steps, offset = len(a), 1
    while offset < steps:
        a_before = torch.cat([torch.ones_like(a[:offset]), a[:-offset]])
        b_before = torch.cat([torch.zeros_like(b[:offset]), b[:-offset]])
        a, b = a * a_before, a * b_before + b
        offset *= 2
    return b


torch.manual_seed(0)
x = torch.randn(100, 2, 3)  # (seq_len, batch, input_size)
gate, candidate = nn.Linear(3, 4), nn.Linear(3, 4)

with torch.no_grad():
    z = torch.sigmoid(gate(x))  # from x alone: every step in one call
    a, b = 1 - z, z * candidate(x)
    states = scan(a, b)  # the minGRU's h_t, all of them

    h = torch.zeros(2, 4)  # the same, one step after another
    for t in range(len(x)):
        h = (1 - z[t]) * h + z[t] * candidate(x[t])

print("states:", tuple(states.shape))
print("last state equals the loop's:", torch.allclose(states[-1], h, atol=1e-6))
