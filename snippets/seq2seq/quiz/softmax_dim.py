import torch

torch.manual_seed(0)
scores = torch.randn(2, 4, 6)  # (batch, target, source)
OPTIONS = [
    "weights = scores.softmax(dim=1)",
    "weights = scores.sigmoid()",
    "weights = scores.softmax(dim=0)",
    "weights = scores.softmax(dim=-1)",
]
right = []
for line in OPTIONS:
    namespace = {"scores": scores}
    exec(line, namespace)
    ok = torch.allclose(namespace["weights"].sum(dim=-1), torch.ones(2, 4))
    print(f"{line} -> each step's weights over the source sum to 1: {ok}")
    if ok:
        right.append(line)
(answer,) = right
print(answer)
