import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=3)
x = torch.randn(5, 2, 4)  # (seq_len, batch, input_size)

with torch.no_grad():
    output, h_n = rnn(x)

    # The layer's own weights. PyTorch stores each W as (hidden, input), and
    # its tensors hold one sequence per row, so the formula's W x is x @ W.T.
    W_ih, b_ih = rnn.weight_ih_l0, rnn.bias_ih_l0
    W_hh, b_hh = rnn.weight_hh_l0, rnn.bias_hh_l0

    h = torch.zeros(2, 3)  # h_0: one empty memory per sequence
    states = []
    for x_t in x:  # x_t is one step: (batch, input_size)
        h = torch.tanh(x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh)
        states.append(h)
    by_hand = torch.stack(states)

print("by hand:", tuple(by_hand.shape), "| nn.RNN:", tuple(output.shape))
print("every step matches nn.RNN:", torch.allclose(by_hand, output, atol=1e-6))
print("last state matches h_n:   ", torch.allclose(h, h_n[0], atol=1e-6))
