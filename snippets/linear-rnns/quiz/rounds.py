# --8<-- [start:question]
import torch


def scan(a, b):
    steps, offset = len(a), 1
    while offset < steps:
        a_before = torch.cat([torch.ones_like(a[:offset]), a[:-offset]])
        b_before = torch.cat([torch.zeros_like(b[:offset]), b[:-offset]])
        a, b = a * a_before, a * b_before + b
        offset *= 2
    return b


torch.manual_seed(0)
states = scan(torch.rand(1000, 4), torch.randn(1000, 4))
# --8<-- [end:question]

offsets, offset = [], 1  # the offsets the while loop runs with
while offset < 1000:
    offsets.append(offset)
    offset *= 2
print("offsets:", offsets, "| the first offset not below 1000:", offset)
print(len(offsets))
