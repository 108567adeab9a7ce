# --8<-- [start:question]
import torch

series = torch.arange(100.0)  # the value is its own time index
WINDOW, HORIZON = 12, 6
inputs = series[:-HORIZON].unfold(0, WINDOW, 1)
targets = series[WINDOW:].unfold(0, HORIZON, 1)
split = 80  # the test part starts at time index 80
train = targets[:, -1] < split  # the rule for several targets: the last one
# --8<-- [end:question]

print("all pairs:", len(targets), "| first targets of the training pairs:", end=" ")
print(targets[train][0, 0].item(), "to", targets[train][-1, 0].item())
print("the last training pair's targets:", targets[train][-1].tolist())
print("training pairs by the first-target rule:", (targets[:, 0] < split).sum().item())
print("training pairs by the last-target rule:")
print(train.sum().item())
