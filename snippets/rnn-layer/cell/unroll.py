import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=3)
cell = nn.RNNCell(input_size=4, hidden_size=3)

# Give the cell the layer's weights: same four tensors, other names.
with torch.no_grad():
    cell.weight_ih.copy_(rnn.weight_ih_l0)
    cell.weight_hh.copy_(rnn.weight_hh_l0)
    cell.bias_ih.copy_(rnn.bias_ih_l0)
    cell.bias_hh.copy_(rnn.bias_hh_l0)

x = torch.randn(6, 2, 4)  # (seq_len, batch, input_size)
output, h_n = rnn(x)

h = torch.zeros(2, 3)  # h_0 for a batch of two
states = []
for x_t in x:  # one cell, called once per step: the same weights every time
    h = cell(x_t, h)
    states.append(h)
unrolled = torch.stack(states)

print("unrolled:", tuple(unrolled.shape), "| nn.RNN output:", tuple(output.shape))
print("every step equal:", torch.allclose(unrolled, output, atol=1e-6))
print("last step equals h_n[0]:", torch.allclose(h, h_n[0], atol=1e-6))
