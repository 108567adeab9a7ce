# --8<-- [start:question]
import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
scores = [torch.randn(4, 3), torch.randn(1, 3), torch.randn(2, 3)]
targets = [torch.randint(0, 3, (len(s),)) for s in scores]
lengths = torch.tensor([len(s) for s in scores])

per_step = nn.functional.cross_entropy(
    pad_sequence(scores).flatten(0, 1), pad_sequence(targets).flatten(), reduction="none"
)
mask = (torch.arange(4)[:, None] < lengths).flatten().float()  # 1 at real steps
# --8<-- [end:question]

unpadded = nn.functional.cross_entropy(torch.cat(scores), torch.cat(targets))

# The four options, evaluated exactly as written on the page.
OPTIONS = [
    "(per_step * mask).sum() / mask.numel()",
    "(per_step * mask).sum() / len(lengths)",
    "(per_step * mask).sum() / mask.sum()",
    "per_step.mean()",
]
right = []
for expression in OPTIONS:
    value = eval(expression)
    same = torch.allclose(value, unpadded)
    print(f"{expression} -> {value.item():.4f}, same as unpadded ({unpadded.item():.4f}): {same}")
    if same:
        right.append(expression)

(answer,) = right
print("the masked mean over real steps:")
print(answer)
