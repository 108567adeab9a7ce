# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=8, hidden_size=16)
built = sum(p.numel() for p in rnn.parameters())  # counted before any call
short, _ = rnn(torch.randn(10, 1, 8))
long, _ = rnn(torch.randn(100, 1, 8))
# --8<-- [end:question]

count = sum(p.numel() for p in rnn.parameters())
print("parameters when built:", built)
print("steps read:", short.shape[0], "and", long.shape[0])
print("parameters after both calls:")
print(count)
