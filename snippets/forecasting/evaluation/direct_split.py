import torch

series = torch.arange(20.0)  # the value is its own time index
WINDOW, HORIZON = 4, 3
inputs = series[:-HORIZON].unfold(0, WINDOW, 1)
targets = series[WINDOW:].unfold(0, HORIZON, 1)  # each row: the next HORIZON values
split = 16  # time index of the first test value

for rule, trains in [("first", targets[:, 0] < split), ("last", targets[:, -1] < split)]:
    leaked = (targets[trains] >= split).any(dim=1).sum().item()
    print(f"train if the {rule} target is before split: {trains.sum().item()} pairs, ", end="")
    print(f"{leaked} with a test value as a target")
    print("  last training pair:", inputs[trains][-1].tolist(), "->", targets[trains][-1].tolist())
