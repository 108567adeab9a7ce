import torch

torch.manual_seed(0)

rnn = torch.nn.RNN(input_size=4, hidden_size=6)
input_seq = torch.randn(5, 2, 4)  # (seq_len, batch, input_size)
hidden = torch.zeros(1, 2, 6)  # (num_layers, batch, hidden_size)

output, hidden = rnn(__1__, hidden)

print("output:", tuple(output.shape))
print("hidden:", tuple(hidden.shape))
