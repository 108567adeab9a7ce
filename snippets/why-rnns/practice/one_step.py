import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=5)
x = torch.randn(1, 2, 3)  # a single step: (seq_len, batch, input_size)
h_prev = torch.randn(1, 2, 5)  # the memory from earlier steps
output, h_n = rnn(x, h_prev)

# The same step by hand, with the layer's own weights.
from_input = x[0] @ rnn.weight_ih_l0.T + rnn.bias_ih_l0
from_state = h_prev[0] @ rnn.__1__.T + rnn.bias_hh_l0
h = torch.__2__(from_input + from_state)
print("h:", tuple(h.shape))
print("matches nn.RNN:", torch.allclose(h, h_n[0], atol=1e-6))
