import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=8)
x = torch.randn(6, 1, 2, requires_grad=True)  # (seq_len, batch, input_size)

output, h_n = rnn(x)
loss = output[-1].pow(2).sum()  # a loss on the last step only
loss.backward()  # backpropagation through time: back through all six steps

for t in range(len(x)):
    print(f"step {t + 1}: gradient norm {x.grad[t].norm():.1e}")
