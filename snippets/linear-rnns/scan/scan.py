import torch


# --8<-- [start:scan]
def scan(a, b):
    """Every h_t = a_t * h_{t-1} + b_t from h_0 = 0; time is dimension 0."""
    steps, offset = len(a), 1
    while offset < steps:
        # Position t combines its span with the one that ends `offset` steps earlier;
        # the first `offset` positions have none, so they take the step that changes nothing.
        a_before = torch.cat([torch.ones_like(a[:offset]), a[:-offset]])
        b_before = torch.cat([torch.zeros_like(b[:offset]), b[:-offset]])
        a, b = a * a_before, a * b_before + b
        offset *= 2
    return b  # after the last round, position t holds steps 1 to t applied to h_0 = 0


# --8<-- [end:scan]


def loop(a, b):
    h, states = torch.zeros_like(b[0]), []
    for a_t, b_t in zip(a, b, strict=True):
        h = a_t * h + b_t
        states.append(h)
    return torch.stack(states)


torch.manual_seed(0)
for steps in (1, 5, 8, 13, 100):
    a = torch.rand(steps, 2, 3)  # (seq_len, batch, hidden): gates between 0 and 1
    b = torch.randn(steps, 2, 3)
    same = torch.allclose(scan(a, b), loop(a, b), atol=1e-6)
    offsets, offset = [], 1  # the offsets the scan's rounds use, as its `while` makes them
    while offset < steps:
        offsets.append(offset)
        offset *= 2
    print(f"T = {steps:3}: scan equals the loop: {same}, {len(offsets)} rounds, offsets {offsets}")
