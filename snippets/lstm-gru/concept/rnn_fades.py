import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=1)
with torch.no_grad():
    # What looks ideal for memory: ignore the input, copy the state forward.
    rnn.weight_ih_l0.zero_()
    rnn.weight_hh_l0.fill_(1.0)
    rnn.bias_ih_l0.zero_()
    rnn.bias_hh_l0.zero_()

    h_0 = torch.full((1, 1, 1), 0.9)  # the value to keep
    x = torch.randn(50, 1, 2)  # fifty steps of inputs to ignore
    output, h_n = rnn(x, h_0)

for step in (1, 5, 20, 50):
    print(f"after {step:2} steps: h = {output[step - 1].item():.3f}")
