import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=3, num_layers=__1__, dropout=0.5)
rnn.eval()  # the layer was just evaluated; now train it again
rnn.__2__()

x = torch.randn(5, 2, 4)
first, _ = rnn(x)
second, _ = rnn(x)
print("training mode:", rnn.training)
print("two calls differ:", not torch.equal(first, second))
