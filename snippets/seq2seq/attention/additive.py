import torch
from torch import nn

torch.manual_seed(0)
encoder_outputs = torch.randn(2, 6, 16)  # (batch, source, hidden)
decoder_states = torch.randn(2, 4, 16)  # (batch, target, hidden)
W_s, W_h = nn.Linear(16, 12, bias=False), nn.Linear(16, 12, bias=False)
v = nn.Linear(12, 1, bias=False)

# Every s_t against every h_j: add a source axis to one, a target axis to the other.
mixed = torch.tanh(W_s(decoder_states)[:, :, None, :] + W_h(encoder_outputs)[:, None, :, :])
print("mixed: ", tuple(mixed.shape))
scores = v(mixed).squeeze(-1)
weights = scores.softmax(dim=-1)
print("scores:", tuple(scores.shape))
print("context:", tuple((weights @ encoder_outputs).shape))
