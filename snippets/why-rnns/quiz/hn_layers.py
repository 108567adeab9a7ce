# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=6, hidden_size=4, num_layers=2, batch_first=True)
x = torch.randn(3, 9, 6)  # (batch, seq_len, input_size)
output, h_n = rnn(x)
# --8<-- [end:question]

print("output:", tuple(output.shape))  # batch first, as asked for
print("h_n:")
print(tuple(h_n.shape))  # (num_layers, batch, hidden_size) in every layout
