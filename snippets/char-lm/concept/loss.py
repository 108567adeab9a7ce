import math

import torch
from torch import nn

torch.manual_seed(0)
vocab_size, batch, seq_len = 75, 4, 32


class CharModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, 16)
        self.rnn = nn.RNN(16, 64, batch_first=True)
        self.head = nn.Linear(64, vocab_size)  # a score for every character, at every step

    def forward(self, ids, hidden=None):
        states, hidden = self.rnn(self.embed(ids), hidden)
        return self.head(states), hidden


model = CharModel()
chunk = torch.randint(0, vocab_size, (batch, seq_len + 1))
inputs, targets = chunk[:, :-1], chunk[:, 1:]
logits, _ = model(inputs)
print("logits: ", tuple(logits.shape))  # (batch, seq_len, vocab_size)

# cross_entropy wants the classes in dimension 1: flatten the steps into one long batch.
loss = nn.functional.cross_entropy(logits.flatten(0, 1), targets.flatten())
per_step = nn.functional.cross_entropy(logits.transpose(1, 2), targets, reduction="none")
print("flattened:", tuple(logits.flatten(0, 1).shape), tuple(targets.flatten().shape))
print("per step: ", tuple(per_step.shape))
print(f"loss {loss.item():.4f} = mean of every step {per_step.mean().item():.4f}")
print(f"a uniform guess scores ln({vocab_size}) = {math.log(vocab_size):.4f}")
