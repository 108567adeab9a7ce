import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=16, dtype=torch.float64)
with torch.no_grad():
    rnn.weight_hh_l0.mul_(5.0)  # large recurrent weights: exploding gradients
output, _ = rnn(torch.randn(50, 8, 4, dtype=torch.float64))
output[-1].pow(2).mean().backward()

norm = nn.utils.__1__(rnn.parameters(), __2__=1.0)
after = torch.cat([p.grad.flatten() for p in rnn.parameters()]).norm()
print(f"norm before: {norm:.3g}, after: {after:.4f}")
