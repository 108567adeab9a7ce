import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=3, bidirectional=True)
x = torch.randn(5, 2, 4)  # (seq_len, batch, input_size)
output, h_n = rnn(x)
forward, backward = output[..., :3], output[..., 3:]  # the two halves of a step

print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
print("h_n[-2] is the forward pass at the last step: ", torch.equal(h_n[-2], forward[-1]))
print("h_n[-1] is the backward pass at the first step:", torch.equal(h_n[-1], backward[0]))
both = torch.cat([h_n[-2], h_n[-1]], dim=-1)  # one vector per sequence, both ways
print("both directions, for a classifier:", tuple(both.shape))
