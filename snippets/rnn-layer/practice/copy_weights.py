import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=6)
cell = nn.RNNCell(input_size=4, hidden_size=6)
with torch.no_grad():  # give the cell the layer's four tensors
    cell.weight_ih.copy_(rnn.weight_ih_l0)
    cell.weight_hh.copy_(rnn.__1__)
    cell.bias_ih.copy_(rnn.bias_ih_l0)
    cell.bias_hh.copy_(rnn.bias_hh_l0)

x = torch.randn(5, 2, 4)  # (seq_len, batch, input_size)
output, h_n = rnn(x)
h = torch.zeros(2, 6)
for x_t in x:
    h = cell(x_t, h)
print("loop equals nn.RNN:", torch.allclose(h, h_n[0], atol=1e-6))
