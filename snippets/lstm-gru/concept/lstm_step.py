import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=3)
x = torch.randn(5, 2, 4)  # (seq_len, batch, input_size)

with torch.no_grad():
    output, (h_n, c_n) = lstm(x)

    # The four gates are stacked in one matrix, in the order i, f, g, o.
    W_ih, b_ih = lstm.weight_ih_l0, lstm.bias_ih_l0
    W_hh, b_hh = lstm.weight_hh_l0, lstm.bias_hh_l0
    print("weight_ih_l0:", tuple(W_ih.shape), "= 4 gates x hidden_size rows")

    h = torch.zeros(2, 3)  # h_0, one row per sequence
    c = torch.zeros(2, 3)  # c_0
    states = []
    for x_t in x:
        gates = x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh
        i, f, g, o = gates.chunk(4, dim=1)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        c = f * c + i * g
        h = o * torch.tanh(c)
        states.append(h)
    by_hand = torch.stack(states)

print("every step matches output:", torch.allclose(by_hand, output, atol=1e-6))
print("last h matches h_n:       ", torch.allclose(h, h_n[0], atol=1e-6))
print("last c matches c_n:       ", torch.allclose(c, c_n[0], atol=1e-6))
