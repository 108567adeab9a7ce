import torch
from torch import nn

torch.manual_seed(0)
gru = nn.GRU(input_size=3, hidden_size=4)
x, h_prev = torch.randn(1, 2, 3), torch.randn(1, 2, 4)
with torch.no_grad():
    _, h_n = gru(x, h_prev)
    W_ir, W_iz, W_in = gru.weight_ih_l0.chunk(3)
    W_hr, W_hz, W_hn = gru.weight_hh_l0.chunk(3)
    b_ir, b_iz, b_in = gru.bias_ih_l0.chunk(3)
    b_hr, b_hz, b_hn = gru.bias_hh_l0.chunk(3)
    x_t, h = x[0], h_prev[0]

    r = torch.sigmoid(x_t @ W_ir.T + b_ir + h @ W_hr.T + b_hr)
    z = torch.sigmoid(x_t @ W_iz.T + b_iz + h @ W_hz.T + b_hz)
    n = torch.tanh(x_t @ W_in.T + b_in + r * (__1__))
    h_new = (1 - z) * n + z * __2__
print("matches nn.GRU:", torch.allclose(h_new, h_n[0], atol=1e-6))
