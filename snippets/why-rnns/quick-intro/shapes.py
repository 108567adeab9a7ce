import torch
from torch import nn

torch.manual_seed(0)

# One recurrent layer: input_size features in at every step, hidden_size out.
rnn = nn.RNN(input_size=10, hidden_size=20, num_layers=1)

# Sequence first: (seq_len, batch, input_size)
x = torch.randn(5, 1, 10)
output, h_n = rnn(x)

print("input: ", tuple(x.shape))
print("output:", tuple(output.shape))  # one hidden vector per step
print("h_n:   ", tuple(h_n.shape))  # the last hidden vector, per layer
