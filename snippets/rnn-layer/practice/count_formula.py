from torch import nn

input_size, hidden = 12, 30
rnn = nn.RNN(input_size, hidden)

by_formula = hidden * (__1__ + hidden) + __2__ * hidden
by_pytorch = sum(p.numel() for p in rnn.parameters())
print("formula:", by_formula, "| PyTorch:", by_pytorch)
