import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=5)
cell = nn.RNNCell(input_size=3, hidden_size=5)
# Same weights: the layer's names end in _l0 (layer 0), the cell's do not.
cell.load_state_dict({name.removesuffix("_l0"): w for name, w in rnn.state_dict().items()})

x = torch.randn(4, 2, 3)  # (seq_len, batch, input_size)
output, h_n = rnn(x)

h = torch.zeros(2, 5)
for x_t in x:  # one step at a time, one cell for every step
    h = cell(x_t, h)
print("loop equals nn.RNN:", torch.allclose(h, h_n[0], atol=1e-6))
