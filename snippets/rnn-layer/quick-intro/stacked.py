import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=10, hidden_size=20, num_layers=2, bidirectional=True, batch_first=True)
x = torch.randn(3, 6, 10)  # batch_first: (batch, seq_len, input_size)
output, h_n = rnn(x)
print("output:", tuple(output.shape))  # both directions side by side
print("h_n:   ", tuple(h_n.shape))  # one row per layer and direction

split = h_n.view(2, 2, 3, 20)  # (num_layers, directions, batch, hidden_size)
print("forward ends at the last step:  ", torch.equal(output[:, -1, :20], split[-1, 0]))
print("backward ends at the first step:", torch.equal(output[:, 0, 20:], split[-1, 1]))
