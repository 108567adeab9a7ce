import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=3)
x = torch.randn(1, 2, 4)  # one step, batch of two
h_0, c_0 = torch.zeros(1, 2, 3), torch.randn(1, 2, 3)
with torch.no_grad():
    _, (h_n, c_n) = lstm(x, (h_0, c_0))
    gates = x[0] @ lstm.weight_ih_l0.T + lstm.bias_ih_l0 + lstm.bias_hh_l0  # h_0 is zero
    blocks = gates.chunk(4, dim=1)  # the four blocks of rows, top to bottom

    def step(order):
        """One step by hand, reading the blocks as the gates named in `order`."""
        gate = dict(zip(order.split(", "), blocks, strict=True))
        c = torch.sigmoid(gate["f"]) * c_0[0] + torch.sigmoid(gate["i"]) * torch.tanh(gate["g"])
        return torch.sigmoid(gate["o"]) * torch.tanh(c)

    right = []
    for order in ["i, f, g, o", "f, i, g, o", "i, f, o, g", "g, i, f, o"]:
        same = torch.allclose(step(order), h_n[0], atol=1e-6)
        print(f"{order} -> matches nn.LSTM: {same}")
        if same:
            right.append(order)
(answer,) = right
print(answer)
