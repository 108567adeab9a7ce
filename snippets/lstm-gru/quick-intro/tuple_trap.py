import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=10, hidden_size=20)
x = torch.randn(5, 1, 10)

output, h_n = lstm(x)  # code written for nn.RNN, unchanged
print("h_n is a", type(h_n).__name__, "of", len(h_n), "tensors")
last = h_n[-1]  # meant: the top layer's final hidden state

output, (hidden, cell) = lstm(x)  # unpacking the tuple
print("h_n[-1] is the final cell state:  ", torch.equal(last, cell))
print(f"its shape: {tuple(last.shape)}; the state the code meant: {tuple(hidden[-1].shape)}")
print("hidden[-1] is the last step of output:", torch.equal(hidden[-1], output[-1]))
