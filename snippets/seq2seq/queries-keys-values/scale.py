import torch

torch.manual_seed(0)
print("  d | std of scores | largest weight | softmax gradient   (unscaled / divided by sqrt(d))")
for d in (16, 64, 256):
    queries = torch.randn(1000, 1, d)  # a thousand random queries,
    keys = torch.randn(1000, 10, d)  # each scored against ten random keys of its own
    scores = (queries @ keys.transpose(1, 2)).squeeze(1)  # one row of ten scores per query
    largest, gradient = [], []
    for s in (scores, scores / d**0.5):
        w = s.softmax(dim=-1)
        largest.append(w.max(dim=-1).values.mean())  # averaged over the thousand queries
        jacobian = torch.diag_embed(w) - w[:, :, None] * w[:, None, :]  # how w moves with s
        gradient.append(jacobian.norm(dim=(1, 2)).mean())
    print(
        f"{d:3} |    {scores.std():4.1f} / {(scores / d**0.5).std():.1f}"
        f" | {largest[0]:.2f} / {largest[1]:.2f}    | {gradient[0]:.2f} / {gradient[1]:.2f}"
    )
