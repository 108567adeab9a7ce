# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
gate = nn.Linear(3, 4)  # a minGRU's gate
gru = nn.GRU(3, 4)
last = torch.randn(1, 1, 3)
x1 = torch.cat([torch.randn(4, 1, 3), last])  # two histories, the same last input
x2 = torch.cat([torch.randn(4, 1, 3), last])

with torch.no_grad():
    min_same = torch.equal(torch.sigmoid(gate(x1))[-1], torch.sigmoid(gate(x2))[-1])
    W_iz, W_hz = gru.weight_ih_l0.chunk(3)[1], gru.weight_hh_l0.chunk(3)[1]
    b_iz, b_hz = gru.bias_ih_l0.chunk(3)[1], gru.bias_hh_l0.chunk(3)[1]
    h1, h2 = gru(x1[:-1])[1][0], gru(x2[:-1])[1][0]  # the states before the last input
    z1 = torch.sigmoid(last[0] @ W_iz.T + b_iz + h1 @ W_hz.T + b_hz)
    z2 = torch.sigmoid(last[0] @ W_iz.T + b_iz + h2 @ W_hz.T + b_hz)
    gru_same = torch.allclose(z1, z2)
# --8<-- [end:question]

print("minGRU's gate reads x_t only; nn.GRU's reads h_{t-1} too:")
print(min_same, gru_same)
