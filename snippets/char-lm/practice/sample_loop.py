import torch
from torch import nn

torch.manual_seed(0)
chars = list(" abcdefghijklmnopqrstuvwxyz")
embed, rnn = nn.Embedding(len(chars), 8), nn.GRU(8, 16, batch_first=True)
head = nn.Linear(16, len(chars))
rng = torch.Generator().manual_seed(0)

prompt = torch.tensor([[chars.index(ch) for ch in "the "]])
with torch.no_grad():
    out, hidden = rnn(embed(prompt))
    logits = head(out)  # (1, len(prompt), vocab): a score per character at every step
    text = "the "
    for _ in range(20):
        probs = torch.softmax(__1__, dim=0)  # the scores after the last character read
        next_id = torch.multinomial(probs, 1, generator=rng)
        text += chars[next_id]
        out, hidden = rnn(embed(next_id.view(1, 1)), __2__)
        logits = head(out)

    # Check: the same characters read in one call give the same last scores.
    ids = torch.tensor([[chars.index(ch) for ch in text]])
    whole = head(rnn(embed(ids))[0])
print(repr(text))
print("loop agrees with one call:", torch.allclose(whole[0, -1], logits[0, -1], atol=1e-5))
