# --8<-- [start:question]
import math

import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=2, hidden_size=1)
with torch.no_grad():  # no gate reads the state: only the cell state's own path is left
    lstm.weight_hh_l0.zero_()
    lstm.weight_ih_l0.zero_()
    lstm.bias_hh_l0.zero_()
    forget = math.log(9)  # sigmoid(log 9) = 0.9
    lstm.bias_ih_l0.copy_(torch.tensor([0.0, forget, 0.0, 0.0]))  # i, f, g, o

c_0 = torch.zeros(1, 1, 1, requires_grad=True)
_, (h_n, c_n) = lstm(torch.randn(20, 1, 2), (torch.zeros(1, 1, 1), c_0))
c_n.sum().backward()  # how strongly does c after 20 steps depend on c_0?
# --8<-- [end:question]

print(f"forget gate: {torch.sigmoid(torch.tensor(math.log(9))).item():.1f}")

print(f"0.9 ** 20 = {0.9**20:.3g}")
print(f"{c_0.grad.item():.3g}")
