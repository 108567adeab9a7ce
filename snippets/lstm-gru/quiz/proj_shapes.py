# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=8, hidden_size=6, proj_size=3)
x = torch.randn(5, 2, 8)  # (seq_len, batch, input_size)
output, (h_n, c_n) = lstm(x)
# --8<-- [end:question]

print("output:", tuple(output.shape))
print(f"h_n {tuple(h_n.shape)}, c_n {tuple(c_n.shape)}")
