# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=5, hidden_size=3, batch_first=True)
# batch_first=True, so x is (batch, seq_len, input_size)
x = torch.randn(4, 7, 5)
output, h_n = rnn(x)
# --8<-- [end:question]

print("x:  ", tuple(x.shape))
print("h_n:", tuple(h_n.shape))
print("output:")
print(tuple(output.shape))
