from pathlib import Path

import torch

torch.manual_seed(0)
text = Path("docs/char-lm/data/devils_dictionary.txt").read_text(encoding="utf-8")
chars = sorted(set(text))
stoi = {ch: i for i, ch in enumerate(chars)}
data = torch.tensor([stoi[ch] for ch in text])  # the whole text as ids

batch, seq_len = 16, 32
starts = torch.randint(0, len(data) - seq_len - 1, (batch,))  # random places in the text
chunks = data[starts[:, None] + torch.arange(seq_len + 1)]  # seq_len + 1 characters each
inputs, targets = chunks[:, :-1], chunks[:, 1:]
print("data:   ", tuple(data.shape))
print("inputs: ", tuple(inputs.shape))
print("targets:", tuple(targets.shape))
print("row 0:", repr("".join(chars[i] for i in inputs[0])))
print("   -> ", repr("".join(chars[i] for i in targets[0])))
