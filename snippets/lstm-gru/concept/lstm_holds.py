import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=2, hidden_size=1)
with torch.no_grad():
    # Gate rows in PyTorch's order: input, forget, candidate (g), output; one row each.
    lstm.bias_ih_l0.zero_()
    lstm.bias_hh_l0.copy_(torch.tensor([-20.0, 20.0, 0.0, 0.0]))
    lstm.weight_ih_l0.zero_()  # the inputs move no gate ...
    lstm.weight_hh_l0.zero_()  # ... and neither does the hidden state

    h_0 = torch.zeros(1, 1, 1)
    c_0 = torch.full((1, 1, 1), 0.9)  # the value to keep
    x = torch.randn(50, 1, 2)  # the same fifty steps of inputs
    output, (h_n, c_n) = lstm(x, (h_0, c_0))

print(f"input gate:  {torch.sigmoid(torch.tensor(-20.0)):.1e} (shut)")
print(f"forget gate: {torch.sigmoid(torch.tensor(20.0)):.3f} (open)")
print(f"c after 50 steps: {c_n.item():.3f}")
