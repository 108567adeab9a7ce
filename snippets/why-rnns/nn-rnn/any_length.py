import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=8)  # one layer, one set of weights

for seq_len in (3, 10, 100):
    x = torch.randn(seq_len, 1, 4)  # (seq_len, batch, input_size)
    output, h_n = rnn(x)
    shapes = f"output {tuple(output.shape)}, h_n {tuple(h_n.shape)}"
    print(f"{seq_len:3} steps -> {shapes}")

print("parameters:", sum(p.numel() for p in rnn.parameters()), "for any length")
