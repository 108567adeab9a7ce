from pathlib import Path

import torch
from torch import nn

torch.set_num_threads(1)  # one thread: the same numbers on every machine
torch.manual_seed(0)
text = Path("docs/char-lm/data/devils_dictionary.txt").read_text(encoding="utf-8")
chars = sorted(set(text))
data = torch.tensor([chars.index(ch) for ch in text])

batch, seq_len = 16, 32
streams = data[: len(data) // batch * batch].view(batch, -1)  # one long stream per row


class CharModel(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, 16)
        self.rnn = nn.RNN(16, 64, batch_first=True)
        self.head = nn.Linear(64, vocab_size)

    def forward(self, ids, hidden=None):
        states, hidden = self.rnn(self.embed(ids), hidden)
        return self.head(states), hidden


def chunk_loss(logits, targets):
    return nn.functional.cross_entropy(logits.transpose(1, 2), targets, reduction="none")


model = CharModel(len(chars))
optimiser = torch.optim.Adam(model.parameters(), lr=0.01)
hidden = None
starts = range(0, streams.shape[1] - seq_len - 1, seq_len)  # consecutive chunks
for start in list(starts)[:50]:  # train on the first fifty chunks
    ids = streams[:, start : start + seq_len + 1]
    logits, hidden = model(ids[:, :-1], hidden)  # start where the last chunk ended
    hidden = hidden.detach()  # keep the values, cut the graph: truncated BPTT
    loss = chunk_loss(logits, ids[:, 1:]).mean()
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()
print(f"trained on 50 chunks, last loss {loss.item():.2f}")

with torch.no_grad():  # the next ten chunks, read both ways
    carried, zeros = [], []
    for start in list(starts)[50:60]:
        ids = streams[:, start : start + seq_len + 1]
        logits, next_hidden = model(ids[:, :-1], hidden)
        carried.append(chunk_loss(logits, ids[:, 1:]))
        logits, _ = model(ids[:, :-1])  # hidden=None: every chunk starts from zeros
        zeros.append(chunk_loss(logits, ids[:, 1:]))
        hidden = next_hidden
    carried, zeros = torch.cat(carried), torch.cat(zeros)
print("loss at      first 4 steps  steps 4 on")
print(f"state kept   {carried[:, :4].mean():13.2f}  {carried[:, 4:].mean():10.2f}")
print(f"from zeros   {zeros[:, :4].mean():13.2f}  {zeros[:, 4:].mean():10.2f}")
