# --8<-- [start:question]
import torch

series = torch.arange(100.0)  # the value is its own time index
WINDOW, HORIZON = 12, 6
inputs = series[:-HORIZON].unfold(0, WINDOW, 1)
targets = series[WINDOW:].unfold(0, HORIZON, 1)
split = 80  # the test part starts at time index 80
train = targets[:, 0] < split  # the one-step rule, read off the first target
# --8<-- [end:question]

leaked = (targets[train] >= split).any(dim=1)
print("training pairs:", train.sum().item())
print("first targets of those that hold a test value:", targets[train][leaked, 0].tolist())
print(leaked.sum().item())
