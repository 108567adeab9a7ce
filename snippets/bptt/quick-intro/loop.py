import torch
from torch import nn

torch.manual_seed(0)
# One long, noisy sine wave; the task is to predict its next value.
wave = torch.sin(torch.arange(1000) * 0.1) + 0.1 * torch.randn(1000)
# Cut it into consecutive pieces read side by side: sequence first, one piece
# per column of the batch.
streams = wave.view(4, -1).T.unsqueeze(-1)
print("streams:", tuple(streams.shape))
x, y = streams[:-1], streams[1:]

rnn, head = nn.RNN(input_size=1, hidden_size=16), nn.Linear(16, 1)
params = [*rnn.parameters(), *head.parameters()]
optimizer = torch.optim.Adam(params, lr=0.01)
CHUNK = 25  # the truncation length

for epoch in range(1, 4):
    h, losses, norms = None, [], []
    for start in range(0, len(x), CHUNK):
        if h is not None:
            h = h.detach()  # carry the values, not the graph
        output, h = rnn(x[start : start + CHUNK], h)
        loss = nn.functional.mse_loss(head(output), y[start : start + CHUNK])
        optimizer.zero_grad()
        loss.backward()  # through this chunk only
        norms.append(nn.utils.clip_grad_norm_(params, max_norm=1.0))
        optimizer.step()
        losses.append(loss.item())
    print(
        f"epoch {epoch}: {len(losses)} chunks, mean loss {sum(losses) / len(losses):.4f},"
        f" largest gradient norm before clipping {max(norms):.2f}"
    )
