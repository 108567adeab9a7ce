import torch
from torch import nn

torch.manual_seed(0)
torch.set_printoptions(precision=4)

input_size, hidden_size = 3, 5
seq_len, batch = 4, 1

rnn = nn.RNN(input_size, hidden_size, num_layers=1)
x = torch.randn(seq_len, batch, input_size)
h_0 = torch.zeros(1, batch, hidden_size)  # explicit: start with an empty memory

with torch.no_grad():  # inference only, so no autograd history in the printout
    output, h_n = rnn(x, h_0)

print("input shape: ", tuple(x.shape))
print("output shape:", tuple(output.shape))
print("h_n shape:   ", tuple(h_n.shape))
print("output at the last step:", output[-1])
print("final hidden state:     ", h_n[-1])
print("same numbers:", torch.equal(output[-1], h_n[-1]))
