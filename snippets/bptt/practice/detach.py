import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=4)
stream = torch.randn(15, 2, 3)  # one long sequence, sequence first

h = None
for number, chunk in enumerate(stream.split(5), 1):
    if h is not None:
        h = h.__1__()  # carry the values, not the graph
    output, h = rnn(chunk, h)
    loss = output.pow(2).mean()
    loss.backward()
    print(f"chunk {number}: loss {loss.item():.4f}")
