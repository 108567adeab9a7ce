# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=8, hidden_size=16, bidirectional=True)
x = torch.randn(12, 3, 8)  # sequence first
output, h_n = rnn(x)
# --8<-- [end:question]

print("h_n:   ", tuple(h_n.shape))
print("output:")
print(tuple(output.shape))
