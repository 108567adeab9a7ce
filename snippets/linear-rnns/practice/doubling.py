import torch


def scan(a, b):
    """Every h_t = a_t * h_{t-1} + b_t from h_0 = 0, time first."""
    steps, offset = len(a), 1
    while offset < steps:
        a_before = torch.cat([torch.ones_like(a[:offset]), a[:-offset]])
        b_before = torch.cat([torch.zeros_like(b[:offset]), b[:-offset]])
        a, b = a * a_before, a * b_before + b
        offset = __1__
    return b


torch.manual_seed(0)
a, b = torch.rand(20, 3), torch.randn(20, 3)
h, states = torch.zeros(3), []
for a_t, b_t in zip(a, b, strict=True):
    h = a_t * h + b_t
    states.append(h)
print("scan equals loop:", torch.allclose(scan(a, b), torch.stack(states), atol=1e-6))
