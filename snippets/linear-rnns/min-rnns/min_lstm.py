# --8<-- [start:model]
import torch
from torch import nn


class MinLSTM(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.forget_gate = nn.Linear(input_size, hidden_size)  # W_f, b_f
        self.input_gate = nn.Linear(input_size, hidden_size)  # W_i, b_i
        self.candidate = nn.Linear(input_size, hidden_size)  # W_h, b_h

    def forward(self, x, parallel=True):  # x: (seq_len, batch, input_size)
        f = torch.sigmoid(self.forget_gate(x))
        i = torch.sigmoid(self.input_gate(x))
        f, i = f / (f + i), i / (f + i)  # f'_t and i'_t: they sum to one
        a, b = f, i * self.candidate(x)  # h_t = f'_t * h_{t-1} + i'_t * h_tilde_t
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
model = MinLSTM(input_size=3, hidden_size=4)
x = torch.randn(50, 2, 3)  # (seq_len, batch, input_size)
with torch.no_grad():
    scanned, looped = model(x), model(x, parallel=False)
    largest_candidate = model.candidate(x).abs().max()
print("scan equals loop:", torch.allclose(scanned, looped, atol=1e-6))
print("no state larger than the largest candidate:", bool(scanned.abs().max() <= largest_candidate))
count = sum(p.numel() for p in model.parameters())
print("parameters: minLSTM", count, "| nn.LSTM", sum(p.numel() for p in nn.LSTM(3, 4).parameters()))
