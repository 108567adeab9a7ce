# --8<-- [start:model]
import torch
from torch import nn


class MinGRU(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.gate = nn.Linear(input_size, hidden_size)  # W_z, b_z
        self.candidate = nn.Linear(input_size, hidden_size)  # W_h, b_h

    def forward(self, x, parallel=True):  # x: (seq_len, batch, input_size)
        z = torch.sigmoid(self.gate(x))  # every step's gate, from x alone
        h_tilde = self.candidate(x)  # every step's candidate, from x alone
        a, b = 1 - z, z * h_tilde  # h_t = (1 - z_t) * h_{t-1} + z_t * h_tilde_t
        return scan(a, b) if parallel else loop(a, b)


# --8<-- [end:model]


def scan(a, b):
    """The scan of the previous page: every h_t = a_t * h_{t-1} + b_t from h_0 = 0."""
    steps, offset = len(a), 1
    while offset < steps:
        a_before = torch.cat([torch.ones_like(a[:offset]), a[:-offset]])
        b_before = torch.cat([torch.zeros_like(b[:offset]), b[:-offset]])
        a, b = a * a_before, a * b_before + b
        offset *= 2
    return b


def loop(a, b):
    h, states = torch.zeros_like(b[0]), []
    for a_t, b_t in zip(a, b, strict=True):
        h = a_t * h + b_t
        states.append(h)
    return torch.stack(states)


torch.manual_seed(0)
model = MinGRU(input_size=3, hidden_size=4)
x = torch.randn(50, 2, 3)  # (seq_len, batch, input_size)
with torch.no_grad():
    scanned, looped = model(x), model(x, parallel=False)
print("output:", tuple(scanned.shape))
print("scan equals loop:", torch.allclose(scanned, looped, atol=1e-6))
count = sum(p.numel() for p in model.parameters())
print("parameters: minGRU", count, "| nn.GRU", sum(p.numel() for p in nn.GRU(3, 4).parameters()))
