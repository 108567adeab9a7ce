import torch
from torch import nn

torch.manual_seed(0)
CASES = {  # name: (layer arguments, input shape)
    "default": ({}, (5, 3, 4)),
    "unbatched": ({}, (5, 4)),
    "batch_first": ({"batch_first": True}, (3, 5, 4)),
    "num_layers=2": ({"num_layers": 2}, (5, 3, 4)),
    "bidirectional": ({"bidirectional": True}, (5, 3, 4)),
}

print("input_size=4, hidden_size=6; seq_len=5, batch=3")
for name, (arguments, shape) in CASES.items():
    x = torch.randn(shape)
    output, (h_n, c_n) = nn.LSTM(4, 6, **arguments)(x)
    gru_output, gru_h_n = nn.GRU(4, 6, **arguments)(x)
    assert gru_output.shape == output.shape and gru_h_n.shape == h_n.shape
    assert c_n.shape == h_n.shape
    print(f"{name:13} x {tuple(x.shape)!s:10} output {tuple(output.shape)!s:10}", end=" ")
    print(f"h_n {tuple(h_n.shape)!s:9} c_n {tuple(c_n.shape)}")
