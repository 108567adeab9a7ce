import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(5, 1, 10)  # (seq_len, batch, input_size), as for nn.RNN

lstm = nn.LSTM(input_size=10, hidden_size=20)
output, (h_n, c_n) = lstm(x)  # the second value is a tuple
print("LSTM output:", tuple(output.shape), "h_n:", tuple(h_n.shape), "c_n:", tuple(c_n.shape))

gru = nn.GRU(input_size=10, hidden_size=20)
output, h_n = gru(x)  # same as nn.RNN
print("GRU  output:", tuple(output.shape), "h_n:", tuple(h_n.shape))
