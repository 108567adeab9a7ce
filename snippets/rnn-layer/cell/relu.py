import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(8, 1, 4)  # (seq_len, batch, input_size)
for nonlinearity in ("tanh", "relu"):
    torch.manual_seed(0)  # the same starting weights for both layers
    rnn = nn.RNN(input_size=4, hidden_size=3, nonlinearity=nonlinearity)
    output, h_n = rnn(3 * x)
    low, high = output.min().item(), output.max().item()
    print(f"{nonlinearity}: output from {low:.2f} to {high:.2f}")

# The ReLU layer computes the same formula, with relu in place of tanh.
W_ih, W_hh = rnn.weight_ih_l0, rnn.weight_hh_l0
h = torch.zeros(1, 3)
for x_t in 3 * x:
    h = torch.relu(x_t @ W_ih.T + rnn.bias_ih_l0 + h @ W_hh.T + rnn.bias_hh_l0)
print("relu by hand equals h_n[0]:", torch.allclose(h, h_n[0], atol=1e-5))
