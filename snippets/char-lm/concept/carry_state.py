from pathlib import Path

import torch
from torch import nn

torch.set_num_threads(1)
torch.manual_seed(0)
text = Path("docs/char-lm/data/devils_dictionary.txt").read_text(encoding="utf-8")
chars = sorted(set(text))
data = torch.tensor([chars.index(ch) for ch in text])

batch, seq_len = 16, 32
streams = data[: len(data) // batch * batch].view(batch, -1)  # one long stream per row
starts = list(range(0, streams.shape[1] - seq_len - 1, seq_len))  # consecutive chunks
train_starts, test_starts = starts[:-10], starts[-10:]  # the last ten chunks are held out


class CharModel(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        f64 = torch.float64  # rounding on different CPUs stays below the printed digits
        self.embed = nn.Embedding(vocab_size, 16, dtype=f64)
        self.rnn = nn.RNN(16, 64, batch_first=True, dtype=f64)
        self.head = nn.Linear(64, vocab_size, dtype=f64)

    def forward(self, ids, hidden=None):
        states, hidden = self.rnn(self.embed(ids), hidden)
        return self.head(states), hidden


def chunk_loss(logits, targets):
    return nn.functional.cross_entropy(logits.transpose(1, 2), targets, reduction="none")


model = CharModel(len(chars))
optimiser = torch.optim.Adam(model.parameters(), lr=0.01)
for _ in range(3):  # three passes over the training chunks, in order
    hidden = None
    for start in train_starts:
        ids = streams[:, start : start + seq_len + 1]
        logits, hidden = model(ids[:, :-1], hidden)  # start where the last chunk ended
        hidden = hidden.detach()  # keep the values, cut the graph: truncated BPTT
        loss = chunk_loss(logits, ids[:, 1:]).mean()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()

with torch.no_grad():  # the held-out chunks, read both ways
    carried, zeros = [], []
    for start in test_starts:  # `hidden` is where the training chunks ended
        ids = streams[:, start : start + seq_len + 1]
        logits, next_hidden = model(ids[:, :-1], hidden)
        carried.append(chunk_loss(logits, ids[:, 1:]))
        logits, _ = model(ids[:, :-1])  # hidden=None: every chunk starts from zeros
        zeros.append(chunk_loss(logits, ids[:, 1:]))
        hidden = next_hidden
    carried, zeros = torch.cat(carried), torch.cat(zeros)

# For scale: a bigram model, counted on the training chunks, scored on the same characters.
counts = torch.ones(len(chars), len(chars), dtype=torch.float64)
for start in train_starts:
    ids = streams[:, start : start + seq_len + 1]
    counts.index_put_(
        (ids[:, :-1].flatten(), ids[:, 1:].flatten()),
        torch.ones(1, dtype=torch.float64),
        accumulate=True,
    )
ids = torch.stack([streams[:, s : s + seq_len + 1] for s in test_starts])
bigram = -(counts / counts.sum(1, keepdim=True))[ids[..., :-1], ids[..., 1:]].log().mean()

print(f"held-out loss: state kept {carried.mean():.2f}, bigram model {bigram:.2f}")
cost = (zeros - carried).mean(dim=0)  # extra loss from zeros, at each step of a chunk
print(f"starting from zeros costs, in nats: step 0 {cost[0]:.2f}, step 1 {cost[1]:.2f}, ", end="")
print(f"step 2 {cost[2]:.2f}; over the chunk {cost.mean():.2f} per character")
