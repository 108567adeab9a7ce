import torch
from torch import nn

torch.manual_seed(0)

rnn = nn.RNN(input_size=3, hidden_size=8, batch_first=__1__)
x = torch.randn(4, 10, 3)  # (batch, seq_len, features)
output, h_n = rnn(x)

last = output[__2__]  # the last step of every sequence
print("last:", tuple(last.shape))
print("same as h_n[0]:", torch.equal(last, h_n[0]))
print("one row per sequence:", last.shape[0] == x.shape[0])
