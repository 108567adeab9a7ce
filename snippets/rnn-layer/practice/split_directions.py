import torch
from torch import nn

num_layers, batch, hidden = 3, 4, 7
torch.manual_seed(0)
rnn = nn.RNN(input_size=5, hidden_size=hidden, num_layers=num_layers, bidirectional=True)
output, h_n = rnn(torch.randn(8, batch, 5))  # sequence first

split = h_n.view(__1__, __2__, batch, hidden)  # [layer, direction]
top_forward = split[-1, 0]
print("split:", tuple(split.shape))
print("top forward ends at the last step:", torch.equal(top_forward, output[-1, :, :hidden]))
