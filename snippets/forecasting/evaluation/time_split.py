import torch

series = torch.arange(20.0)  # the value is its own time index, to read the split
WINDOW = 4
inputs = series[:-1].unfold(0, WINDOW, 1)
targets = series[WINDOW:]

split = 16  # time index of the first test target
train = targets < split
test = ~train
print("train targets:", targets[train][0].item(), "to", targets[train][-1].item())
print("test targets: ", targets[test][0].item(), "to", targets[test][-1].item())
print("first test window:", inputs[test][0].tolist())
print(
    "latest value any training pair sees:",
    inputs[train].max().item(),
    "(as an input),",
    targets[train].max().item(),
    "(as a target)",
)
