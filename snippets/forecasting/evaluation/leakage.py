import torch

torch.manual_seed(0)
series = torch.randn(500).cumsum(0)  # a random walk: its best forecast is the last value
WINDOW = 8
inputs = series[:-1].unfold(0, WINDOW, 1)
targets = series[WINDOW:]
n = len(targets)
split = int(n * 0.8)

order = torch.randperm(n)
splits = {
    "random": (order[:split], order[split:]),
    "by time": (torch.arange(split), torch.arange(split, n)),
}
for name, (train, test) in splits.items():
    in_train = torch.zeros(n, dtype=torch.bool)
    in_train[train] = True
    # Target p is an input of the pairs p + 1 ... p + WINDOW: is any of them a training pair?
    later = (test.unsqueeze(1) + torch.arange(1, WINDOW + 1)).clamp(max=n - 1)
    leaked = (in_train[later] & (later > test.unsqueeze(1))).any(dim=1)
    print(f"{name:7} split: {leaked.sum()} of {len(test)} test targets are inputs in training")

# Random split: where the next pair trains, its target (the value after ours) is known.
train, test = splits["random"]
in_train = torch.zeros(n, dtype=torch.bool)
in_train[train] = True
test = test[test + 1 < n]
test = test[in_train[test + 1]]
cheat = (inputs[test, -1] + targets[test + 1]) / 2  # halfway to the leaked next value
honest = inputs[test, -1]
print(f"{len(test)} test pairs whose next value is a training target:")
print(f"  halfway to the leaked next value: MAE {(cheat - targets[test]).abs().mean():.2f}")
print(f"  last value, the best forecast:    MAE {(honest - targets[test]).abs().mean():.2f}")
