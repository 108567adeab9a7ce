import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
classes = 4
scores = [torch.randn(length, classes) for length in (3, 1, 2)]
targets = [torch.randint(0, classes, (length,)) for length in (3, 1, 2)]

padded_scores = pad_sequence(scores, batch_first=True)
padded_targets = pad_sequence(targets, batch_first=True, padding_value=__1__)
print(padded_targets)
loss_fn = nn.CrossEntropyLoss()  # every argument left at its default
loss = loss_fn(padded_scores.flatten(0, 1), padded_targets.flatten())

unpadded = loss_fn(torch.cat(scores), torch.cat(targets))
print(f"loss: {loss.item():.6f}")
print("equals the loss without padding:", torch.allclose(loss, unpadded))
