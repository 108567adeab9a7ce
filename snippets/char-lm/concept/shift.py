from pathlib import Path

import torch

text = Path("docs/char-lm/data/devils_dictionary.txt").read_text(encoding="utf-8")
chars = sorted(set(text))
stoi = {ch: i for i, ch in enumerate(chars)}

chunk = torch.tensor([stoi[ch] for ch in text[:9]])  # "ABASEMENT"
inputs, targets = chunk[:-1], chunk[1:]  # the same chunk, shifted by one
print("inputs: ", tuple(inputs.shape), repr("".join(chars[i] for i in inputs)))
print("targets:", tuple(targets.shape), repr("".join(chars[i] for i in targets)))
for t in range(3):
    seen = "".join(chars[i] for i in chunk[: t + 1])
    print(f"step {t}: has read {seen!r:6} -> must predict {chars[targets[t]]!r}")
