import torch
from torch import nn

torch.manual_seed(0)
# Two sequences that end with the same input after different histories.
last = torch.randn(1, 1, 3)
first = torch.cat([torch.randn(5, 1, 3), last])
second = torch.cat([3 * torch.randn(5, 1, 3), last])

gru = nn.GRU(3, 4)
W_iz, W_hz = gru.weight_ih_l0.chunk(3)[1], gru.weight_hh_l0.chunk(3)[1]
b_iz, b_hz = gru.bias_ih_l0.chunk(3)[1], gru.bias_hh_l0.chunk(3)[1]
layer1_gate, layer1_candidate, layer2_gate = nn.Linear(3, 4), nn.Linear(3, 4), nn.Linear(4, 4)


def last_gates(x):
    """The update gate at the last step: nn.GRU's, a minGRU's, and a second minGRU layer's."""
    with torch.no_grad():
        states, _ = gru(x[:-1])
        gru_z = torch.sigmoid(x[-1] @ W_iz.T + b_iz + states[-1] @ W_hz.T + b_hz)
        min_z = torch.sigmoid(layer1_gate(x[-1]))  # reads x_t, nothing else
        h = torch.zeros(1, 4)  # the first minGRU layer's state, step by step
        for x_t in x:
            z = torch.sigmoid(layer1_gate(x_t))
            h = (1 - z) * h + z * layer1_candidate(x_t)
        second_z = torch.sigmoid(layer2_gate(h))  # reads the first layer's h_t
    return gru_z, min_z, second_z


names = ("nn.GRU", "minGRU", "2nd minGRU layer")
for name, one, other in zip(names, last_gates(first), last_gates(second), strict=True):
    print(f"{name:17} same gate after both histories: {torch.allclose(one, other)}")
