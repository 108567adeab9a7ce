# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=1, nonlinearity="relu")
with torch.no_grad():  # ignore the input, copy the state with a weight of one
    rnn.weight_ih_l0.zero_()
    rnn.weight_hh_l0.fill_(1.0)
    rnn.bias_ih_l0.zero_()
    rnn.bias_hh_l0.zero_()
h_0 = torch.full((1, 1, 1), -0.5)
output, h_n = rnn(torch.randn(5, 1, 2), h_0)
# --8<-- [end:question]

print("h after each step:", [round(value, 3) for value in output.flatten().tolist()])
print(f"{h_n.item():.1f}")
