import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
classes = 5
# Per-step scores and targets for three sequences of different lengths.
lengths = (4, 2, 3)
scores = [torch.randn(length, classes) for length in lengths]
targets = [torch.randint(0, classes, (length,)) for length in lengths]

# The reference: the loss over the real steps only, no padding anywhere.
reference = nn.functional.cross_entropy(torch.cat(scores), torch.cat(targets))
print(f"unpadded:          {reference.item():.6f}")

padded_scores = pad_sequence(scores)  # (steps, batch, classes)
flat_scores = padded_scores.flatten(0, 1)

# 1. Unmasked: padded targets of 0 are scored like real ones.
padded_targets = pad_sequence(targets, padding_value=0)
unmasked = nn.functional.cross_entropy(flat_scores, padded_targets.flatten())
print(f"padded, unmasked:  {unmasked.item():.6f}")

# 2. ignore_index: pad the targets with a value the loss skips.
padded_targets = pad_sequence(targets, padding_value=-100)
ignored = nn.functional.cross_entropy(flat_scores, padded_targets.flatten(), ignore_index=-100)
print(f"ignore_index=-100: {ignored.item():.6f}")
# -100 is also the default ignore_index: leaving the argument out skips the same steps.
default = nn.functional.cross_entropy(flat_scores, padded_targets.flatten())

# 3. A mask: a loss per step, padding steps multiplied by 0, mean over real steps. The
# targets are padded with 0, a real class, as in 1: the mask alone keeps the padding out.
zero_padded = pad_sequence(targets, padding_value=0)
per_step = nn.functional.cross_entropy(flat_scores, zero_padded.flatten(), reduction="none")
steps = torch.arange(padded_scores.size(0))
mask = (steps[:, None] < torch.tensor(lengths)).flatten().float()  # 1 at real steps
masked = (per_step * mask).sum() / mask.sum()
print(f"mask:              {masked.item():.6f}")

print("ignore_index equals unpadded:", torch.allclose(ignored, reference))
print("mask equals unpadded:", torch.allclose(masked, reference))
print("ignore_index left at its default, same loss:", torch.equal(default, ignored))
