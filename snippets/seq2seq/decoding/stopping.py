import torch
from torch.nn import functional as F

EOS, PAD = 10, 12


def stand_in(answers):
    """A decoder that already knows what to write: step t scores answers[b][t] highest."""

    def step(t):
        tokens = [a[t] if t < len(a) else a[-1] for a in answers]
        return F.one_hot(torch.tensor(tokens), 11).float()  # (batch, 11) scores

    return step


def greedy(step, batch, max_len):
    finished = torch.zeros(batch, dtype=torch.bool)
    written = []
    for t in range(max_len):
        token = step(t).argmax(dim=-1)
        token = token.masked_fill(finished, PAD)  # a string that has ended writes padding
        written.append(token)
        finished |= token == EOS
        if finished.all():  # every string has ended: stop early
            break
    return torch.stack(written, dim=1), finished


for answers in ([[4, 1, 3, EOS], [2, 8, 1, 7, 2, EOS]], [[4, 1, 3, EOS], [5, 5, 5]]):
    written, ended = greedy(stand_in(answers), batch=2, max_len=8)
    print(f"{written.shape[1]} steps: {written.tolist()}, ended: {ended.tolist()}")
