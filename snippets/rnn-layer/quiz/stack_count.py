# --8<-- [start:question]
from torch import nn

rnn = nn.RNN(input_size=10, hidden_size=20, num_layers=2)
# --8<-- [end:question]

for name, parameter in rnn.named_parameters():
    print(f"{name:12} {tuple(parameter.shape)!s:9} {parameter.numel():4}")
print("total:")
print(sum(p.numel() for p in rnn.parameters()))
