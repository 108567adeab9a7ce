import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=10, hidden_size=20)
x = torch.randn(5, 1, 10)

# The initial hidden state has shape (num_layers, batch, hidden_size).
h_0 = torch.zeros(1, 1, 20)
with_zeros, _ = rnn(x, h_0)
without, _ = rnn(x)  # no h_0 given: PyTorch starts from zeros too

print("same result:", torch.equal(with_zeros, without))
