# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=5, hidden_size=3, num_layers=2)
x = torch.randn(7, 5)  # one sequence, no batch dimension
output, h_n = rnn(x)
# --8<-- [end:question]

print("output:", tuple(output.shape))
print("h_n:")
print(tuple(h_n.shape))
