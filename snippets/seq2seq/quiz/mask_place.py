import torch

torch.manual_seed(0)
scores = torch.randn(2, 3, 6)  # (batch, target, source)
pad = (torch.arange(6) >= torch.tensor([6, 4])[:, None])[:, None, :]  # True on padding
OPTIONS = [
    "scores.softmax(dim=-1).masked_fill(pad, 0.0)",
    "scores.masked_fill(pad, 0.0).softmax(dim=-1)",
    'scores.masked_fill(~pad, float("-inf")).softmax(dim=-1)',
    'scores.masked_fill(pad, float("-inf")).softmax(dim=-1)',
]
right = []
for line in OPTIONS:
    weights = eval(line)
    no_padding = bool((weights.masked_select(pad.expand_as(weights)) == 0).all())
    sums_to_1 = torch.allclose(weights.sum(dim=-1), torch.ones(2, 3))
    print(f"{line} -> padding gets 0: {no_padding}, rows sum to 1: {sums_to_1}")
    if no_padding and sums_to_1:
        right.append(line)
(answer,) = right
print(answer)
