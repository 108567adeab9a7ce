# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4, 32, 75)  # (batch, seq_len, vocab_size)
targets = torch.randint(0, 75, (4, 32))  # (batch, seq_len)
# --8<-- [end:question]

outcome = "It runs."
try:
    loss = nn.functional.cross_entropy(logits, targets)
    outcome = f"It returns a loss of shape {tuple(loss.shape)}."
except RuntimeError as err:
    print(f"{type(err).__name__}: {err}")
    # The size it expected is the target's, had dimension 1 of the logits been the classes.
    expected = f"[{logits.shape[0]}, {logits.shape[2]}]"
    if expected in str(err):
        outcome = "It raises a RuntimeError: it reads dimension 1 as the classes."

# The two ways that work: flatten batch and time, or move the classes to dimension 1.
flat = nn.functional.cross_entropy(logits.flatten(0, 1), targets.flatten())
moved = nn.functional.cross_entropy(logits.transpose(1, 2), targets)
print(f"flattened: {flat:.4f}, transposed: {moved:.4f}")
print(outcome)
