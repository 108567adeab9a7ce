import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=8, hidden_size=6, proj_size=__1__)
x = torch.randn(5, 2, 8)
h_0 = torch.zeros(1, 2, __2__)  # the hidden state, as the layer passes it on
c_0 = torch.zeros(1, 2, __3__)  # the cell state
output, (h_n, c_n) = lstm(x, (h_0, c_0))
print("output:", tuple(output.shape))
print("c_n:   ", tuple(c_n.shape))
