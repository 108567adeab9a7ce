import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=3, num_layers=2, bias=False)
print([name for name, _ in rnn.named_parameters()])

# Without biases, an all-zero input keeps an all-zero state at every step.
output, h_n = rnn(torch.zeros(5, 2, 4))
print("all zeros:", bool((output == 0).all()))
