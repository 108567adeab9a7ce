# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=5, hidden_size=3, num_layers=1)
# batch_first is False, so x is (seq_len, batch, input_size)
x = torch.randn(4, 2, 5)
output, h_n = rnn(x)
# --8<-- [end:question]

print("x:      ", tuple(x.shape))
print("h_n:    ", tuple(h_n.shape))
print("output:")
print(tuple(output.shape))
