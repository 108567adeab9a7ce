import torch
from torch import nn

torch.manual_seed(0)
batch, width, vocab, H = 2, 3, 10, 16
BOS = vocab  # read, never written
embed_target = nn.Embedding(vocab + 1, 8)
decoder = nn.GRU(8, H, batch_first=True)
head = nn.Linear(H, vocab)

h_n = torch.randn(1, batch, H)  # from the encoder
state = h_n.repeat_interleave(width, dim=1)  # a copy per beam, string by string
print("string of each copy:", torch.arange(batch).repeat_interleave(width).tolist())
tokens = torch.full((batch, width, 1), BOS)
scores = torch.tensor([0.0] + [float("-inf")] * (width - 1)).repeat(batch, 1)  # one live beam
rows = torch.arange(batch)[:, None]

with torch.no_grad():
    for step in range(2):
        out, state = decoder(embed_target(tokens[:, :, -1].reshape(-1, 1)), state)
        log_probs = head(out[:, -1]).log_softmax(dim=-1).view(batch, width, vocab)
        total = scores[:, :, None] + log_probs  # (batch, width, vocab): every extension
        previous = total
        scores, index = total.flatten(1).topk(width, dim=-1)  # best `width` of width * vocab
        beam, token = index // vocab, index % vocab  # the beam it extends, the token it adds
        tokens = torch.cat([tokens[rows, beam], token[:, :, None]], dim=-1)
        state = state.view(1, batch, width, H)[:, rows, beam].reshape(1, batch * width, H)
        print(f"step {step}: beams extended {beam.tolist()}")

print("tokens:", tuple(tokens.shape), "scores:", tuple(scores.shape), "state:", tuple(state.shape))
print(
    "rows:",
    tuple(rows.shape),
    "beam:",
    tuple(beam.shape),
    "tokens[rows, beam]:",
    tuple(tokens[rows, beam].shape),
)

# The last step again, one string at a time, over every (beam, token) pair.
for b in range(batch):
    pairs = sorted(
        ((previous[b, k, v].item(), k, v) for k in range(width) for v in range(vocab)),
        reverse=True,
    )[:width]
    same = [(k, v) for _, k, v in pairs] == list(
        zip(beam[b].tolist(), token[b].tolist(), strict=True)
    )
    print(f"string {b}: the loop keeps the same extensions: {same}")
