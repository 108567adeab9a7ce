# --8<-- [start:question]
import torch
from torch import nn

logits = torch.zeros(1, 75)  # the same score for each of the 75 characters
target = torch.tensor([5])
loss = nn.functional.cross_entropy(logits, target)
# --8<-- [end:question]

p = logits.softmax(dim=1)[0, 5]
print(f"probability of the target: {p:.2f}")
print(f"-log2(p), in bits: {-p.log2():.2f}; -log10(p): {-p.log10():.2f}")
print("cross_entropy, in nats:")
print(f"{loss.item():.2f}")
