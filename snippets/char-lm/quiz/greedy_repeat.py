# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
embed, rnn, head = nn.Embedding(75, 16), nn.RNN(16, 32), nn.Linear(32, 75)


def greedy(first_id, length):
    ids, hidden = [first_id], None
    with torch.no_grad():
        for _ in range(length):
            out, hidden = rnn(embed(torch.tensor([ids[-1]])), hidden)
            ids.append(head(out[-1]).argmax().item())
    return ids


first = greedy(21, 30)
torch.manual_seed(123)  # change the global seed between the two runs
second = greedy(21, 30)
# --8<-- [end:question]

print("first: ", first[:12], "...")
print("second:", second[:12], "...")
print("the same text both times" if first == second else "different text each time")
