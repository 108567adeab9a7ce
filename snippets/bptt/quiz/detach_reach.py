# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=3, hidden_size=4)
stream = torch.randn(12, 1, 3, requires_grad=True)

h = None
for chunk in stream.split(4):
    if h is not None:
        h = h.detach()
    output, h = rnn(chunk, h)
    loss = output[-1].sum()
    stream.grad = None  # keep only the gradient of this chunk's loss
    loss.backward()
# --8<-- [end:question]

reached = stream.grad.norm(dim=(1, 2)) > 0
print("steps with a gradient:", [t + 1 for t in range(len(stream)) if reached[t]])
print(int(reached.sum()))
