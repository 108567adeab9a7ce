import torch


def scan(a, b):
    """Every prefix of steps 1 to t as one step (a, b), so that h_t = a * h_0 + b."""
    steps, offset = len(a), 1
    while offset < steps:
        a_before = torch.cat([__1__(a[:offset]), a[:-offset]])
        b_before = torch.cat([__2__(b[:offset]), b[:-offset]])
        a, b = a * a_before, a * b_before + b
        offset *= 2
    return a, b


torch.manual_seed(0)
a, b, h0 = torch.rand(13, 3), torch.randn(13, 3), torch.randn(3)
h, states = h0, []
for a_t, b_t in zip(a, b, strict=True):
    h = a_t * h + b_t
    states.append(h)
prefix_a, prefix_b = scan(a, b)
print(
    "every state from h_0 as the loop's:",
    torch.allclose(prefix_a * h0 + prefix_b, torch.stack(states), atol=1e-6),
)
