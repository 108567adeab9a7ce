# --8<-- [start:question]
from torch import nn

rnn = nn.RNN(input_size=4, hidden_size=3, bias=False)
names = [name for name, _ in rnn.named_parameters()]
# --8<-- [end:question]

print(names)
