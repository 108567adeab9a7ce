import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=10, hidden_size=20)
x = torch.randn(5, 3, 10)

# Both starting states are (num_layers, batch, hidden_size).
h_0 = torch.zeros(1, 3, 20)
c_0 = torch.zeros(1, 3, 20)
with_zeros, _ = lstm(x, (h_0, c_0))  # one argument: the tuple
without, _ = lstm(x)  # none given: both start at zero
print("same result:", torch.equal(with_zeros, without))

try:
    lstm(x, h_0)  # h_0 alone, as for nn.RNN or nn.GRU
except Exception as err:
    print(f"{type(err).__name__}: {err}")
