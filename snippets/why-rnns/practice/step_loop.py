import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=5)
x = torch.randn(6, 2, 3)  # (seq_len, batch, input_size)
output, h_n = rnn(x)  # the whole sequence in one call

# The same sequence, one step per call, carrying the memory by hand.
h = None  # no memory yet: the layer starts from zeros
for t in __1__:
    # x[t] is step t, (batch, input_size): unsqueeze(0) adds a seq_len of one
    step_output, h = rnn(x[t].unsqueeze(0), __2__)

print("h:", tuple(h.shape))
print("same as one call:", torch.allclose(h, h_n, atol=1e-6))
