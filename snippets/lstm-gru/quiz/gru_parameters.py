# --8<-- [start:question]
from torch import nn

gru = nn.GRU(input_size=8, hidden_size=16)
# --8<-- [end:question]

rnn = nn.RNN(input_size=8, hidden_size=16)
print("nn.RNN(8, 16):", sum(p.numel() for p in rnn.parameters()))

for name, parameter in gru.named_parameters():
    print(f"{name:13} {tuple(parameter.shape)!s:9} {parameter.numel():5} numbers")
print("nn.GRU(8, 16):")
print(sum(p.numel() for p in gru.parameters()))
