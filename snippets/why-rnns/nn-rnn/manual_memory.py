import torch
from torch import nn

torch.manual_seed(0)
words = torch.randn(6, 4)  # a sentence: one row of numbers per word

# Remembering by hand: keep every word seen so far, side by side in one vector.
remembered = torch.empty(0)
for step, word in enumerate(words, start=1):
    remembered = torch.cat([remembered, word])
    print(f"after word {step}: {remembered.numel():2} numbers to carry")

# A layer sized for the first three words, given the whole sentence:
read_three = nn.Linear(3 * 4, 2)
try:
    read_three(remembered)
except RuntimeError as err:
    print("RuntimeError:", err)
