import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(30, 1, 2)  # steps of input that should not disturb the memory
c_0 = torch.full((1, 1, 1), 0.9)
OPTIONS = {  # each option, as the gate values it asks for (sigmoid of a large bias)
    "forget gate near 1, input gate near 0": {"f": 1, "i": 0},
    "forget gate near 0, input gate near 1": {"f": 0, "i": 1},
    "forget gate near 0, output gate near 1": {"f": 0, "o": 1},
    "input gate near 1, output gate near 0": {"i": 1, "o": 0},
}
kept = []
for text, gates in OPTIONS.items():
    torch.manual_seed(0)
    lstm = nn.LSTM(input_size=2, hidden_size=1)
    with torch.no_grad():
        bias = {"i": 0.0, "f": 0.0, "g": 0.0, "o": 0.0}  # a gate not named stays half open
        bias |= {name: 20.0 if value else -20.0 for name, value in gates.items()}
        lstm.bias_ih_l0.copy_(torch.tensor([bias[n] for n in "ifgo"]))  # PyTorch's order
        lstm.bias_hh_l0.zero_()
        _, (h_n, c_n) = lstm(x, (torch.zeros(1, 1, 1), c_0))
    same = torch.allclose(c_n, c_0, atol=1e-4)
    print(f"{text} -> c after {len(x)} steps: {c_n.item():.3f}")
    if same:
        kept.append(text)
(answer,) = kept
print(answer)
