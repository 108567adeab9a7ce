# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
cell = nn.RNNCell(input_size=6, hidden_size=4)
x_t = torch.randn(5, 6)  # one step for a batch: (batch, input_size)
h = cell(x_t)
# --8<-- [end:question]

print("x_t:", tuple(x_t.shape))
print("h:")
print(tuple(h.shape))
