import torch

torch.manual_seed(0)
scores = torch.randn(2, 3, 5)  # (batch, target, source)
lengths = torch.tensor([5, 3])
pad = torch.arange(5) >= lengths[:, None]  # (batch, source): True on padding

weights = scores.masked_fill(__1__[:, None, :], __2__).softmax(dim=-1)
print("weight on the padding:", weights[1, :, 3:].sum().item())
print("rows sum to 1:", torch.allclose(weights.sum(dim=-1), torch.ones(2, 3)))
