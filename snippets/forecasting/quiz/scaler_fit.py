import torch

OPTIONS = [
    "series[:split].mean(), series[:split].std()",
    "series.mean(), series.std()",
    "series[split:].mean(), series[split:].std()",
    "series[:split].mean(), series.std()",
]
torch.manual_seed(0)
series = 0.1 * torch.arange(100.0) + torch.randn(100)
split = 80
future = series.clone()
future[split:] += 5.0  # the same past, another future

honest = []
for option in OPTIONS:
    now = eval(option)
    other = eval(option, {"series": future, "split": split})
    moves = any(a != b for a, b in zip(now, other, strict=True))
    print(f"{option} -> changes with the future: {moves}")
    if not moves:
        honest.append(option)
(answer,) = honest
print(answer)
