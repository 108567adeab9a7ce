# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=8, hidden_size=4)
x = torch.randn(3, 5, 8)  # a comment claims: batch=3, seq_len=5
output, h_n = rnn(x)
# --8<-- [end:question]

print("x as the layer reads it: seq_len =", x.shape[0], "and batch =", x.shape[1])
print("output:", tuple(output.shape))
print("h_n:")
print(tuple(h_n.shape))
