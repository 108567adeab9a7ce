# --8<-- [start:question]
from torch import nn

gru = nn.GRU(input_size=10, hidden_size=20)
# --8<-- [end:question]

for name, parameter in gru.named_parameters():
    print(f"{name:13} {tuple(parameter.shape)!s:9} {parameter.numel():5} numbers")
rnn = nn.RNN(input_size=10, hidden_size=20)
print("an nn.RNN of the same sizes:", sum(p.numel() for p in rnn.parameters()))
print("total:")
print(sum(p.numel() for p in gru.parameters()))
