import torch
from torch import nn

torch.manual_seed(0)
vocab_size = 30
embed, rnn = nn.Embedding(vocab_size, 8), nn.GRU(8, 16, batch_first=True)
head = nn.Linear(16, vocab_size)
chunks = torch.randint(0, vocab_size, (4, 11))  # (batch, seq_len + 1)
inputs, targets = chunks[:, :-1], chunks[:, 1:]

logits = head(rnn(embed(inputs))[0])  # (batch, seq_len, vocab_size)
loss = nn.functional.cross_entropy(logits.__1__, targets.__2__)
print("logits:", tuple(logits.shape))
print(f"loss: {loss.item():.4f}")
