import torch

torch.manual_seed(0)

rnn = torch.nn.RNN(input_size=10, hidden_size=20, num_layers=__1__)
x = torch.randn(6, 3, 10)  # (seq_len, batch, input_size)
output, h_n = rnn(x)

assert tuple(h_n.shape) == (2, 3, 20)
print(rnn)
print("h_n:", tuple(h_n.shape))
