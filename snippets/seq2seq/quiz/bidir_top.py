# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
B, H = 3, 16
encoder = nn.GRU(8, H, num_layers=3, batch_first=True, bidirectional=True)
encoder_outputs, h_n = encoder(torch.randn(B, 6, 8))  # three sources of six steps
# --8<-- [end:question]
print("h_n:", tuple(h_n.shape))
# The top layer's final states, from its outputs: forward at the last step, backward at the first
wanted = torch.cat([encoder_outputs[:, -1, :H], encoder_outputs[:, 0, H:]], dim=-1)
OPTIONS = [
    "torch.cat([h_n[2], h_n[3]], dim=-1)",
    "h_n.view(3, 2, B, H)[-1].transpose(0, 1).reshape(B, 2 * H)",
    "h_n.view(3, 2, B, H)[-1].reshape(B, 2 * H)",
    "h_n.view(2, 3, B, H)[-1].transpose(0, 1).reshape(B, 2 * H)",
]
right = []
for line in OPTIONS:
    try:
        both = eval(line)
        ok = torch.equal(both, wanted)
        outcome = f"{tuple(both.shape)}, the top layer's two final states: {ok}"
        if ok:
            right.append(line)
    except RuntimeError as err:
        outcome = f"{type(err).__name__}: {err}"
    print(f"{line} -> {outcome}")
(answer,) = right
print(
    "the same as torch.cat([h_n[-2], h_n[-1]], dim=-1):",
    torch.equal(eval(answer), torch.cat([h_n[-2], h_n[-1]], dim=-1)),
)
print(answer)
