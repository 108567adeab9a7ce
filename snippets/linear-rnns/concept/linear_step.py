import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(6, 2, 3)  # (seq_len, batch, input_size)
to_a = nn.Linear(3, 4)  # how much of the old state to keep
to_b = nn.Linear(3, 4)  # what to add

with torch.no_grad():
    # a_t and b_t read x_t alone: every step's, in one call each.
    a = torch.sigmoid(to_a(x))
    b = to_b(x)
    print("a and b of all steps, one call each:", tuple(a.shape), tuple(b.shape))

    h = torch.zeros(2, 4)
    states = []
    for t in range(len(x)):
        h = a[t] * h + b[t]  # no matrix, no tanh: entry by entry
        states.append(h)
    states = torch.stack(states)

# Unrolled, h_3 is a sum of b's, each scaled by the a's that came after it.
unrolled = a[2] * a[1] * b[0] + a[2] * b[1] + b[2]
print("h_3 = a3 a2 b1 + a3 b2 + b3:", torch.allclose(states[2], unrolled, atol=1e-6))
