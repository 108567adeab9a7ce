import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
classes = 3
scores = [torch.randn(length, classes) for length in (4, 2, 1)]
targets = [torch.randint(0, classes, (length,)) for length in (4, 2, 1)]

padded_targets = pad_sequence(targets, batch_first=True, padding_value=-100)
per_step = nn.functional.cross_entropy(
    pad_sequence(scores, batch_first=True).flatten(0, 1),
    padded_targets.flatten(),
    reduction="none",  # one loss per position; the ignored ones are 0
)
mask = (padded_targets.flatten() != __1__).float()
loss = (per_step * mask).sum() / __2__

unpadded = nn.functional.cross_entropy(torch.cat(scores), torch.cat(targets))
print(f"loss: {loss.item():.6f}")
print("equals the loss without padding:", torch.allclose(loss, unpadded))
