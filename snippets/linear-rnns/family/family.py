import torch
from torch.nn import functional as F


def scan(a, b):
    """The scan of the scan page: every h_t = a_t * h_{t-1} + b_t from h_0 = 0."""
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
steps, width, inputs = 64, 4, 3
u = torch.randn(steps, inputs)  # the input sequence, time first

# LRU-like: one fixed complex number per entry, inside the unit circle.
lam = torch.exp(-torch.exp(torch.randn(width) - 2) + 1j * torch.randn(width))
a_fixed = lam.expand(steps, width)
b_fixed = u.to(torch.cfloat) @ torch.randn(width, inputs, dtype=torch.cfloat).T
fixed = scan(a_fixed, b_fixed)
print("fixed, complex: |lambda| < 1:", bool((lam.abs() < 1).all()))
print("fixed, complex: scan equals loop:", torch.allclose(fixed, loop(a_fixed, b_fixed), atol=1e-5))

# A fixed transition makes every state one convolution: h_t = sum over s of lam^(t-s) b_s.
lag = torch.arange(steps)[:, None] - torch.arange(steps)[None, :]  # t - s
kernel = torch.where((lag >= 0)[..., None], lam ** lag.clamp(min=0)[..., None], 0)
convolved = torch.einsum("tsw,sw->tw", kernel, b_fixed)
print("fixed: one convolution equals the scan:", torch.allclose(convolved, fixed, atol=1e-5))

# Mamba-like: the step size comes from the input, so the transition changes at every step.
delta = F.softplus(u @ torch.randn(width, inputs).T)  # positive step sizes, from u
A = -torch.arange(1.0, width + 1)  # fixed and negative
a_selective = torch.exp(delta * A)  # between 0 and 1, different at every step
b_selective = delta * (u @ torch.randn(width, inputs).T)
selective = scan(a_selective, b_selective)
print("selective: scan equals loop:", torch.allclose(selective, loop(a_selective, b_selective)))


def four_steps(a, start):  # the product of a over four steps from `start`
    return a[start : start + 4].prod(dim=0)


print("same product over steps 1-4 and 11-14:")
print("  fixed:    ", torch.allclose(four_steps(a_fixed, 0), four_steps(a_fixed, 10)))
print("  selective:", torch.allclose(four_steps(a_selective, 0), four_steps(a_selective, 10)))
