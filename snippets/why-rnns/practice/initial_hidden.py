import torch

torch.manual_seed(0)

rnn = torch.nn.RNN(input_size=10, hidden_size=20)  # default num_layers=1
x = torch.randn(7, 5, 10)  # (seq_len, batch, input_size)

# An all-zero start, shaped (num_layers, batch, hidden_size).
h_0 = torch.zeros(__1__, __2__, 20)
output, h_n = rnn(x, h_0)

print("h_0:   ", tuple(h_0.shape))
print("output:", tuple(output.shape))
