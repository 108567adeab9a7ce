import torch
from torch import nn

torch.manual_seed(0)
cell = nn.RNNCell(input_size=4, hidden_size=3)
print(cell)
for name, parameter in cell.named_parameters():
    print(f"{name:9} {tuple(parameter.shape)}")

x_t = torch.randn(2, 4)  # one step for a batch of two sequences: (batch, input_size)
h = cell(x_t)  # no hidden state given: it starts from zeros
print("one step:", tuple(x_t.shape), "->", tuple(h.shape))
