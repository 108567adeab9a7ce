import torch

series = torch.arange(20.0)  # the value is its own time index
WINDOW, HORIZON = 4, 3
inputs = series[:-HORIZON].unfold(0, WINDOW, 1)
targets = series[WINDOW:].unfold(0, HORIZON, 1)  # each row: the next HORIZON values
split = 16  # time index of the first test value
by_first, by_last = targets[:, 0] < split, targets[:, -1] < split

for rule, trains in [("first", by_first), ("last", by_last)]:
    leaked = (targets[trains] >= split).any(dim=1).sum().item()
    print(f"train if the {rule} target is before split: {trains.sum().item()} pairs, ", end="")
    print(f"{leaked} with a test value as a target")
    print("  last training pair:", inputs[trains][-1].tolist(), "->", targets[trains][-1].tolist())

tests = targets[:, 0] >= split  # a test pair's first target is at or after the split
print(f"test pairs: {tests.sum().item()}, the first:", targets[tests][0].tolist())
neither = ~by_last & ~tests
print(f"pairs that neither train nor test: {neither.sum().item()}, ", end="")
print("their targets:", targets[neither].tolist())
