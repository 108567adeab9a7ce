# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len = 3, 5
rnn = nn.RNN(input_size=8, hidden_size=4)
x = torch.randn(batch, seq_len, 8)
output, h_n = rnn(x)
# --8<-- [end:question]

print("x:", tuple(x.shape))
print("read as seq_len =", x.shape[0], "and batch =", x.shape[1])
print("output:", tuple(output.shape))
fixed = nn.RNN(input_size=8, hidden_size=4, batch_first=True)
print("with batch_first=True, h_n would be:", tuple(fixed(x)[1].shape))
print("h_n:")
print(tuple(h_n.shape))
