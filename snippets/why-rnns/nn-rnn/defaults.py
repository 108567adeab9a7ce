from torch import nn

rnn = nn.RNN(input_size=4, hidden_size=3)  # every other argument left out
ARGUMENTS = "num_layers nonlinearity bias batch_first dropout bidirectional"
for name in ARGUMENTS.split():
    print(f"{name:13} = {getattr(rnn, name)!r}")
