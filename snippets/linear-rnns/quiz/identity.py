# --8<-- [start:question]
import torch


def scan(a, b, fill):
    """Every prefix (a, b) of steps 1 to t; then h_t = a * h_0 + b for any start h_0."""
    steps, offset = len(a), 1
    while offset < steps:
        a_before = torch.cat([torch.full_like(a[:offset], fill[0]), a[:-offset]])
        b_before = torch.cat([torch.full_like(b[:offset], fill[1]), b[:-offset]])
        a, b = a * a_before, a * b_before + b
        offset *= 2
    return a, b


# --8<-- [end:question]


def loop(a, b, h):
    states = []
    for a_t, b_t in zip(a, b, strict=True):
        h = a_t * h + b_t
        states.append(h)
    return torch.stack(states)


torch.manual_seed(0)
a, b, h0 = torch.rand(13, 3), torch.randn(13, 3), torch.randn(3)
right = []
for fill in [(0.0, 0.0), (1.0, 1.0), (0.0, 1.0), (1.0, 0.0)]:
    prefix_a, prefix_b = scan(a, b, fill)
    same = torch.allclose(prefix_a * h0 + prefix_b, loop(a, b, h0), atol=1e-6)
    print(fill, "-> states from h_0 equal the loop's:", same)
    if same:
        right.append(fill)
(answer,) = right  # exactly one fill changes nothing
print(answer)
