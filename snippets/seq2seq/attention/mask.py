import torch

torch.manual_seed(0)
encoder_outputs = torch.randn(2, 6, 16)  # the second source is padded after four steps
lengths = torch.tensor([6, 4])
decoder_states = torch.randn(2, 3, 16)

scores = decoder_states @ encoder_outputs.transpose(1, 2)
padding = torch.arange(6) >= lengths[:, None]  # (batch, source): True on padding
scores = scores.masked_fill(padding[:, None, :], float("-inf"))  # the same for every t
weights = scores.softmax(dim=-1)
print("padding:", padding.tolist())
print("weight on padding:", weights[1, :, 4:].sum().item())
print("rows still sum to 1:", torch.allclose(weights.sum(dim=-1), torch.ones(2, 3)))
