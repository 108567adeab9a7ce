import torch

torch.manual_seed(0)

# One recurrent layer: 10 features in at every step, 20 hidden units.
rnn = torch.nn.RNN(input_size=10, hidden_size=20, num_layers=__1__)
x = torch.randn(6, 3, 10)  # (seq_len=6, batch=3, input_size=10)
output, h_n = rnn(x)

print(rnn)
print("h_n:", tuple(h_n.shape))
