import torch
from torch.nn import functional as F

torch.manual_seed(0)
BOS = 10
target = torch.randint(0, 10, (4, 7))
decoder_input = torch.cat([torch.full((4, 1), BOS), target[:, :-1]], dim=1)
logits = torch.randn(4, 7, 10)  # (batch, target, vocab), from the decoder
# The loss the decoder needs: the next token's loss, at every step, averaged.
wanted = torch.stack([F.cross_entropy(logits[:, t], target[:, t]) for t in range(7)]).mean()
OPTIONS = [
    "F.cross_entropy(logits, target)",
    "F.cross_entropy(logits[:, -1], target[:, -1])",
    "F.cross_entropy(logits.flatten(0, 1), target.flatten())",
    "F.cross_entropy(logits.flatten(0, 1), decoder_input.flatten())",
]
right = []
for line in OPTIONS:
    try:
        loss = eval(line)
        ok = torch.allclose(loss, wanted)
        outcome = f"the loss at every step: {ok}"
        if ok:
            right.append(line)
    except (RuntimeError, IndexError) as err:
        outcome = f"{type(err).__name__}: {err}"
    print(f"{line} -> {outcome}")
(answer,) = right
print(answer)
