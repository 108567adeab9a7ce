# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
H = 16
encoder = nn.GRU(8, H, num_layers=2, batch_first=True, bidirectional=True)
encoder_outputs, h_n = encoder(torch.randn(3, 6, 8))  # three sources of six steps
# --8<-- [end:question]
# The top layer's final states, from its outputs: forward at the last step, backward at the first
wanted = torch.cat([encoder_outputs[:, -1, :H], encoder_outputs[:, 0, H:]], dim=-1)
OPTIONS = [
    "torch.cat([h_n[0], h_n[1]], dim=-1)",
    "h_n[-1]",
    "h_n[-2:].reshape(3, 2 * H)",
    "torch.cat([h_n[-2], h_n[-1]], dim=-1)",
]
right = []
for line in OPTIONS:
    both = eval(line)
    ok = both.shape == wanted.shape and torch.equal(both, wanted)
    print(f"{line} -> {tuple(both.shape)}, the top layer's two final states: {ok}")
    if ok:
        right.append(line)
(answer,) = right
print(answer)
