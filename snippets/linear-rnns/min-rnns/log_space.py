# --8<-- [start:log]
import torch
from torch.nn import functional as F


def g(x):  # positive everywhere, and x + 0.5 from 0 on
    return torch.where(x >= 0, x + 0.5, torch.sigmoid(x))


def log_g(x):  # log(g(x)), without forming g(x) where it is tiny
    return torch.where(x >= 0, torch.log(F.relu(x) + 0.5), -F.softplus(-x))


def min_gru_log_space(k, candidate):
    """minGRU states from the gate's and the candidate's pre-activations, in logarithms."""
    log_a = -F.softplus(k)  # log(1 - z_t), as 1 - sigmoid(k) = sigmoid(-k)
    log_b = -F.softplus(-k) + log_g(candidate)  # log(z_t * g(candidate_t))
    log_A = torch.cumsum(log_a, dim=0)
    return torch.exp(log_A + torch.logcumsumexp(log_b - log_A, dim=0))


# --8<-- [end:log]


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
k = torch.randn(2000, 2, 4)  # (seq_len, batch, hidden): the gate's pre-activation
candidate = 3 * torch.randn(2000, 2, 4)  # the candidate's pre-activation
z = torch.sigmoid(k)
a, b = 1 - z, z * g(candidate)
looped = loop(a, b)

print("g(x) > 0 for every candidate:", bool((g(candidate) > 0).all()))
A = torch.cumprod(a, dim=0)
print(
    "cumprod closed form, nan at the last step:",
    bool((A * torch.cumsum(b / A, 0))[-1].isnan().any()),
)
log_error = (min_gru_log_space(k, candidate) - looped).abs() / looped.abs()
scan_error = (scan(a, b) - looped).abs() / looped.abs()
print("largest error against the loop, relative")
print(f"{'  below:':23}1e-6  5e-5  1e-3")
for name, error in (
    ("log, steps 1-100", log_error[:100]),
    ("log, steps 1901-2000", log_error[-100:]),
    ("scan, all steps", scan_error),
):
    largest = error.max()
    cells = "".join(f"{bool(largest < limit)!s:6}" for limit in (1e-6, 5e-5, 1e-3))
    print(f"  {name:21}{cells}".rstrip())
