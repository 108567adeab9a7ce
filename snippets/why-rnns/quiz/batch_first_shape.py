# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=5, hidden_size=3, batch_first=True)
# batch_first=True: (batch=4, seq_len=7, input_size=5)
x = torch.randn(4, 7, 5)
output, h_n = rnn(x)
# --8<-- [end:question]

print("output:")
print(tuple(output.shape))
