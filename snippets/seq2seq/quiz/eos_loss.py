# --8<-- [start:question]
import torch
from torch.nn import functional as F

torch.manual_seed(0)
EOS = 10
rows = [[4, 1, 3, EOS], [2, 8, 1, 7, 2, EOS]]
target = torch.tensor([rows[0] + [-100, -100], rows[1]])  # padded with -100
logits = torch.randn(2, 6, 11)  # (batch, target, vocab): scores for the digits and EOS
# --8<-- [end:question]
# What training needs: each real step's loss once, EOS included, averaged over those steps.
wanted = torch.cat(
    [
        F.cross_entropy(logits[b, : len(r)], torch.tensor(r), reduction="none")
        for b, r in enumerate(rows)
    ]
).mean()
OPTIONS = [
    "F.cross_entropy(logits.flatten(0, 1), target.flatten(), ignore_index=-100)",
    "F.cross_entropy(logits.flatten(0, 1), target.clamp(min=0).flatten())",
    "F.cross_entropy(logits.flatten(0, 1), target.flatten(), ignore_index=EOS)",
    'F.cross_entropy(logits.flatten(0, 1), target.flatten(), reduction="sum") / target.numel()',
]
right = []
for line in OPTIONS:
    try:
        ok = torch.allclose(eval(line), wanted)
        outcome = f"every real step once, nothing else: {ok}"
        if ok:
            right.append(line)
    except (RuntimeError, IndexError) as err:
        outcome = f"{type(err).__name__}: {err}"
    print(f"{line} -> {outcome}")
(answer,) = right
print(answer)
