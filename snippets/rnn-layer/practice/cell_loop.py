import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=5)
cell = nn.RNNCell(input_size=3, hidden_size=5)
cell.load_state_dict({name.removesuffix("_l0"): w for name, w in rnn.state_dict().items()})

x = torch.randn(6, 2, 3)  # (seq_len, batch, input_size)
output, h_n = rnn(x)

h = torch.zeros(2, 5)
states = []
for x_t in __1__:
    h = cell(x_t, __2__)
    states.append(h)
print("steps:", len(states))
print("every step equals output:", torch.allclose(torch.stack(states), output, atol=1e-6))
