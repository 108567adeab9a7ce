import torch


def combine(later, earlier):
    """One step (a, b) for `earlier` then `later`: h -> a * h + b."""
    (a2, b2), (a1, b1) = later, earlier
    return a2 * a1, a2 * b1 + b2


def apply(step, h):
    a, b = step
    return a * h + b


torch.manual_seed(0)
s1, s2, s3 = [(torch.randn(4), torch.randn(4)) for _ in range(3)]
h0 = torch.randn(4)

one_by_one = apply(s3, apply(s2, apply(s1, h0)))
print("two steps as one:", torch.allclose(apply(combine(s2, s1), h0), apply(s2, apply(s1, h0))))
left_first = combine(s3, combine(s2, s1))
right_first = combine(combine(s3, s2), s1)
print("grouped either way:", torch.allclose(apply(left_first, h0), apply(right_first, h0)))
print("both give three steps:", torch.allclose(apply(right_first, h0), one_by_one))
print("order swapped:", torch.allclose(apply(combine(s1, s2), h0), apply(combine(s2, s1), h0)))
