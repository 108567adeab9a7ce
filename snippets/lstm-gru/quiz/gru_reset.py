import torch
from torch import nn

torch.manual_seed(0)
gru = nn.GRU(input_size=4, hidden_size=3)
x_t, h = torch.randn(2, 4), torch.randn(2, 3)  # one step's input, the previous state
with torch.no_grad():
    _, h_n = gru(x_t.unsqueeze(0), h.unsqueeze(0))
    W_ir, W_iz, W_in = gru.weight_ih_l0.chunk(3)
    W_hr, W_hz, W_hn = gru.weight_hh_l0.chunk(3)
    b_ir, b_iz, b_in = gru.bias_ih_l0.chunk(3)
    b_hr, b_hz, b_hn = gru.bias_hh_l0.chunk(3)
    r = torch.sigmoid(x_t @ W_ir.T + b_ir + h @ W_hr.T + b_hr)
    z = torch.sigmoid(x_t @ W_iz.T + b_iz + h @ W_hz.T + b_hz)

# The four options, run one by one exactly as written on the page.
OPTIONS = [
    "n = torch.tanh(x_t @ W_in.T + b_in + r * (h @ W_hn.T + b_hn))",
    "n = torch.tanh(x_t @ W_in.T + b_in + (r * h) @ W_hn.T + b_hn)",
    "n = torch.tanh(r * (x_t @ W_in.T + b_in) + h @ W_hn.T + b_hn)",
    "n = torch.sigmoid(x_t @ W_in.T + b_in + r * (h @ W_hn.T + b_hn))",
]
matching = []
for line in OPTIONS:
    names = {"torch": torch, "x_t": x_t, "h": h, "r": r, "W_in": W_in, "W_hn": W_hn}
    names |= {"b_in": b_in, "b_hn": b_hn}
    with torch.no_grad():
        exec(line, names)
        h_new = (1 - z) * names["n"] + z * h
    same = torch.allclose(h_new, h_n[0], atol=1e-6)
    print(f"{line} -> matches nn.GRU: {same}")
    if same:
        matching.append(line)
(answer,) = matching
print(answer)
