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
    def __init__(self, vocab_size, hidden_size=64):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, 16)
        self.rnn = nn.RNN(16, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, vocab_size)

    def forward(self, ids, hidden=None):
        states, hidden = self.rnn(self.embed(ids), hidden)
        return self.head(states), hidden


model = CharModel(len(chars))
optimiser = torch.optim.Adam(model.parameters(), lr=0.01)
for _ in range(150):  # about a second of training on one CPU thread
    starts = torch.randint(0, len(data) - 33, (16,))
    chunk = data[starts[:, None] + torch.arange(33)]  # one row per start
    logits, _ = model(chunk[:, :-1])
    loss = nn.functional.cross_entropy(logits.flatten(0, 1), chunk[:, 1:].flatten())
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()
print(f"loss on the last training batch: {loss.item():.2f} (one batch: a noisy reading)")


def generate(model, prompt, length, temperature=1.0, seed=0):
    """Feed each new character back in, carrying the hidden state from step to step."""
    rng = torch.Generator().manual_seed(seed)
    ids = torch.tensor([[stoi[ch] for ch in prompt]])
    with torch.no_grad():
        logits, hidden = model(ids)  # read the whole prompt once
        out = []
        for _ in range(length):
            last = logits[0, -1]
            if temperature == 0:
                next_id = last.argmax().item()  # greedy
            else:
                probs = torch.softmax(last / temperature, dim=0)
                next_id = torch.multinomial(probs, 1, generator=rng).item()
            out.append(chars[next_id])
            logits, hidden = model(torch.tensor([[next_id]]), hidden)  # one step
    return prompt + "".join(out)


for temperature in [0, 0.5, 1.0, 2.0]:
    print(f"T={temperature}:", generate(model, "A man ", 60, temperature))
