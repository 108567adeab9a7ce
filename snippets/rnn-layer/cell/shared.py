import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=3)
count = sum(p.numel() for p in rnn.parameters())

for seq_len in (2, 20, 200):
    x = torch.randn(seq_len, 1, 4)
    output, h_n = rnn(x)
    print(f"seq_len {seq_len:3}: output {tuple(output.shape)}, parameters {count}")

# The step rule does not depend on t: stop after three steps, carry h on, and the
# remaining steps come out as in one call over the whole sequence.
first, h_mid = rnn(x[:3])
rest, h_end = rnn(x[3:], h_mid)
print("two calls equal one:", torch.allclose(torch.cat([first, rest]), output, atol=1e-6))
