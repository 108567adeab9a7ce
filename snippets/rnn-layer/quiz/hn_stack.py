# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(5, 8, num_layers=3, bidirectional=True, batch_first=True)
x = torch.randn(4, 9, 5)  # batch first
output, h_n = rnn(x)
# --8<-- [end:question]

print("output:", tuple(output.shape))
print("h_n:")
print(tuple(h_n.shape))
