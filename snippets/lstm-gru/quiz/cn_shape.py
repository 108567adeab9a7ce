# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=6, hidden_size=4, num_layers=2, batch_first=True)
x = torch.randn(3, 9, 6)  # batch_first=True: (batch, seq_len, input_size)
output, (h_n, c_n) = lstm(x)
# --8<-- [end:question]

print("output:", tuple(output.shape))
print("h_n:   ", tuple(h_n.shape))
print("c_n:")
print(tuple(c_n.shape))
