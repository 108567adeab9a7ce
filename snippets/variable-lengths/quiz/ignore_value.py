# --8<-- [start:question]
import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
scores = [torch.randn(4, 5), torch.randn(2, 5)]  # per-step scores for 5 classes
targets = [torch.randint(0, 5, (4,)), torch.randint(0, 5, (2,))]
loss_fn = nn.CrossEntropyLoss()  # all defaults
# --8<-- [end:question]

unpadded = loss_fn(torch.cat(scores), torch.cat(targets))
flat_scores = pad_sequence(scores).flatten(0, 1)

# The options: the value the targets are padded with.
OPTIONS = ["0", "-1", "-100", "5"]
right = []
for value in OPTIONS:
    padded_targets = pad_sequence(targets, padding_value=int(value)).flatten()
    try:
        loss = loss_fn(flat_scores, padded_targets)
    except IndexError as err:
        print(f"{value} -> {type(err).__name__}: {err}")
        continue
    same = torch.allclose(loss, unpadded)
    print(f"{value} -> loss {loss.item():.4f}, same as unpadded ({unpadded.item():.4f}): {same}")
    if same:
        right.append(value)

(answer,) = right
print("the padding value the loss skips:")
print(answer)
