import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=3, hidden_size=4)
x = torch.randn(6, 2, 3)
h_0 = torch.randn(1, 2, 4)  # a state carried over from an earlier chunk
c_0 = torch.zeros(1, 2, 4)

output, (h_n, c_n) = lstm(x, __1__)
print("output:", tuple(output.shape))
print("first step, first sequence:", output[0, 0].detach().numpy().round(3))
