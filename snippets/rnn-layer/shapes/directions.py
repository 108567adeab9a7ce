import itertools

import torch
from torch import nn

SEQ_LEN, BATCH, INPUT, H = 5, 4, 10, 7

# The last step of each direction, written for each layout of output.
LAST = {
    "sequence first": ("output[-1, :, :H]", "output[0, :, H:]"),
    "batch first": ("output[:, -1, :H]", "output[:, 0, H:]"),
    "unbatched": ("output[-1, :H]", "output[0, H:]"),
}

print("layout         layers | forward ends at    = h_n | backward ends at  = h_n")
for layout, num_layers in itertools.product(LAST, (1, 3)):
    torch.manual_seed(0)
    batch_first = layout == "batch first"
    rnn = nn.RNN(INPUT, H, num_layers, batch_first=batch_first, bidirectional=True)
    if layout == "unbatched":
        x = torch.randn(SEQ_LEN, INPUT)
    else:
        x = torch.randn(*((BATCH, SEQ_LEN) if batch_first else (SEQ_LEN, BATCH)), INPUT)
    output, h_n = rnn(x)

    # h_n split into (num_layers, directions, [batch,] H): direction 0 is forward,
    # 1 is backward, and output holds the top layer, index -1.
    split = h_n.view(num_layers, 2, *h_n.shape[1:])
    forward, backward = LAST[layout]
    same_forward = torch.equal(eval(forward), split[-1, 0])
    same_backward = torch.equal(eval(backward), split[-1, 1])
    print(
        f"{layout:14} {num_layers:6} | {forward:18} {same_forward!s:5} "
        f"| {backward:17} {same_backward}"
    )
