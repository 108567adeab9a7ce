import torch
from torch import nn

torch.manual_seed(0)
gru = nn.GRU(input_size=4, hidden_size=3)
x = torch.randn(5, 2, 4)  # (seq_len, batch, input_size)

with torch.no_grad():
    output, h_n = gru(x)

    # Three gates stacked in the order r, z, n; the biases are kept apart.
    W_ir, W_iz, W_in = gru.weight_ih_l0.chunk(3)
    W_hr, W_hz, W_hn = gru.weight_hh_l0.chunk(3)
    b_ir, b_iz, b_in = gru.bias_ih_l0.chunk(3)
    b_hr, b_hz, b_hn = gru.bias_hh_l0.chunk(3)
    print("weight_ih_l0:", tuple(gru.weight_ih_l0.shape), "= 3 gates x hidden_size rows")

    def run(reset_inside):
        h = torch.zeros(2, 3)
        states = []
        for x_t in x:
            r = torch.sigmoid(x_t @ W_ir.T + b_ir + h @ W_hr.T + b_hr)
            z = torch.sigmoid(x_t @ W_iz.T + b_iz + h @ W_hz.T + b_hz)
            if reset_inside:  # PyTorch: r scales W_hn h + b_hn
                n = torch.tanh(x_t @ W_in.T + b_in + r * (h @ W_hn.T + b_hn))
            else:  # the original paper: r scales h before the matrix
                n = torch.tanh(x_t @ W_in.T + b_in + (r * h) @ W_hn.T + b_hn)
            h = (1 - z) * n + z * h
            states.append(h)
        return torch.stack(states)


print("r * (W_hn h + b_hn) matches nn.GRU:", torch.allclose(run(True), output, atol=1e-6))
print("W_hn (r * h) + b_hn matches nn.GRU:", torch.allclose(run(False), output, atol=1e-6))
print("last step matches h_n:", torch.allclose(run(True)[-1], h_n[0], atol=1e-6))
