import math
from pathlib import Path

import torch
from torch import nn

torch.set_num_threads(1)  # one thread: the same numbers on every run
torch.manual_seed(0)
text = Path("docs/char-lm/data/devils_dictionary.txt").read_text(encoding="utf-8")
chars = sorted(set(text))
stoi = {ch: i for i, ch in enumerate(chars)}
data = torch.tensor([stoi[ch] for ch in text])


class CharModel(nn.Module):
    def __init__(self, vocab_size):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, 16)  # id -> vector
        self.rnn = nn.RNN(16, 64, batch_first=True)  # vectors -> hidden states
        self.head = nn.Linear(64, vocab_size)  # hidden state -> a score per character

    def forward(self, ids, hidden=None):
        states, hidden = self.rnn(self.embed(ids), hidden)
        return self.head(states), hidden


def sample(model, prompt, length, seed=0):
    rng = torch.Generator().manual_seed(seed)
    logits, hidden = model(torch.tensor([[stoi[ch] for ch in prompt]]))
    text = prompt
    for _ in range(length):
        probs = torch.softmax(logits[0, -1], dim=0)
        next_id = torch.multinomial(probs, 1, generator=rng)
        text += chars[next_id]
        logits, hidden = model(next_id.view(1, 1), hidden)  # the state goes back in
    return text


model = CharModel(len(chars))
optimiser = torch.optim.Adam(model.parameters(), lr=0.01)
print(f"uniform guess: ln({len(chars)}) = {math.log(len(chars)):.2f}")
with torch.no_grad():
    print("before:", repr(sample(model, "A man who ", 60)))
for step in range(151):
    chunks = data[torch.randint(0, len(data) - 33, (16,))[:, None] + torch.arange(33)]
    logits, _ = model(chunks[:, :-1])  # inputs: all but the last character
    loss = nn.functional.cross_entropy(logits.flatten(0, 1), chunks[:, 1:].flatten())
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()
    if step % 50 == 0:
        print(f"step {step:3}: loss {loss.item():.2f}")
with torch.no_grad():
    print("after: ", repr(sample(model, "A man who ", 60)))
