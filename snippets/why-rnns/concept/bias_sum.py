import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=4)
x = torch.randn(6, 2, 3)  # (seq_len, batch, input_size)
output, _ = rnn(x)

with torch.no_grad():  # move b_hh into b_ih: the sum stays, b_hh becomes zero
    rnn.bias_ih_l0 += rnn.bias_hh_l0
    rnn.bias_hh_l0.zero_()
moved, _ = rnn(x)
print("b_hh is now zero:", bool((rnn.bias_hh_l0 == 0).all()))
print("same output:", torch.allclose(output, moved, atol=1e-6))
