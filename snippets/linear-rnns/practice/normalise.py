import torch
from torch import nn

torch.manual_seed(0)
forget_gate, input_gate = nn.Linear(3, 4), nn.Linear(3, 4)
x = torch.randn(6, 2, 3)  # (seq_len, batch, input_size)

with torch.no_grad():
    f, i = torch.sigmoid(forget_gate(x)), torch.sigmoid(input_gate(x))
    f_norm = f / (__1__)
    i_norm = i / (f + i)

print("f' + i' = 1 at every step and entry:", torch.allclose(f_norm + i_norm, torch.ones_like(f)))
