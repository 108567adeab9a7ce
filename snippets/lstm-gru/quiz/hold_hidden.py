# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=2, hidden_size=1)
with torch.no_grad():  # no gate reads x or h: every gate is set by its bias alone
    lstm.weight_ih_l0.zero_()
    lstm.weight_hh_l0.zero_()
    lstm.bias_hh_l0.zero_()
    lstm.bias_ih_l0.copy_(torch.tensor([-20.0, 20.0, 0.0, 20.0]))  # i, f, g, o

h_0 = torch.full((1, 1, 1), 0.8)
c_0 = torch.full((1, 1, 1), 0.8)
_, (h_n, c_n) = lstm(torch.randn(5, 1, 2), (h_0, c_0))
# --8<-- [end:question]

i, f, _, o = torch.sigmoid(lstm.bias_ih_l0).tolist()
g = torch.tanh(lstm.bias_ih_l0[2]).item()
print(f"gates: i {i:.4f}, f {f:.4f}, o {o:.4f}; candidate g {g:.4f}")
print(f"tanh(c_0) = {torch.tanh(c_0).item():.4f}")
faded = c_0
for _ in range(5):
    faded = torch.tanh(faded)
print(f"0.8 squashed by tanh five times: {faded.item():.4f}")
print("h_n c_n:")
print(round(h_n.item(), 4), round(c_n.item(), 4))
