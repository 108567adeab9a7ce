import torch
from torch.nn import functional as F

torch.manual_seed(0)
encoder_outputs = torch.randn(2, 6, 16)  # (batch, source, hidden)
states = torch.randn(2, 4, 16)  # (batch, target, hidden)

scores = states @ encoder_outputs.__1__
weights = scores.softmax(dim=__2__)
context = weights @ __3__
print("weights:", tuple(weights.shape), "| context:", tuple(context.shape))
built_in = F.scaled_dot_product_attention(states, encoder_outputs, encoder_outputs, scale=1.0)
print("matches the built-in:", torch.allclose(context, built_in, atol=1e-6))
