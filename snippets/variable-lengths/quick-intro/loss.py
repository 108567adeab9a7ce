import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
# A target at every step, three classes, sequences of different lengths.
scores = [torch.randn(length, 3) for length in (3, 1, 2)]
targets = [torch.randint(0, 3, (length,)) for length in (3, 1, 2)]

loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
padded_scores = pad_sequence(scores, batch_first=True)  # (batch, steps, classes)
padded_targets = pad_sequence(targets, batch_first=True, padding_value=-100)
print(padded_targets)

padded_loss = loss_fn(padded_scores.flatten(0, 1), padded_targets.flatten())
unpadded_loss = loss_fn(torch.cat(scores), torch.cat(targets))
print(f"padded with ignore_index: {padded_loss.item():.6f}")
print(f"no padding at all:        {unpadded_loss.item():.6f}")
