import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=3, hidden_size=4)
x, h_prev, c_prev = torch.randn(1, 2, 3), torch.randn(1, 2, 4), torch.randn(1, 2, 4)
with torch.no_grad():
    _, (h_n, c_n) = lstm(x, (h_prev, c_prev))

    gates = x[0] @ lstm.weight_ih_l0.T + lstm.bias_ih_l0
    gates += h_prev[0] @ lstm.weight_hh_l0.T + lstm.bias_hh_l0
    i, f, g, o = gates.chunk(__1__, dim=1)
    c = torch.sigmoid(f) * c_prev[0] + torch.sigmoid(i) * torch.__2__(g)
    h = torch.sigmoid(o) * torch.tanh(c)
print("c matches c_n:", torch.allclose(c, c_n[0], atol=1e-6))
print("h matches h_n:", torch.allclose(h, h_n[0], atol=1e-6))
