# --8<-- [start:question]
import torch


def combine(later, earlier):
    (a2, b2), (a1, b1) = later, earlier
    return a2 * a1, a2 * b1 + b2


torch.manual_seed(0)
s1 = (torch.rand(3), torch.randn(3))
s2 = (torch.rand(3), torch.randn(3))
s3 = (torch.rand(3), torch.randn(3))
grouped = torch.allclose(combine(s3, combine(s2, s1))[1], combine(combine(s3, s2), s1)[1])
swapped = torch.allclose(combine(s2, s1)[1], combine(s1, s2)[1])
# --8<-- [end:question]

print("grouping changes nothing (associative); the order does (not commutative):")
print(grouped, swapped)
