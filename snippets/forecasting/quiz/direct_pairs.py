# --8<-- [start:question]
import torch

torch.manual_seed(0)
series = torch.randn(100)
WINDOW, HORIZON = 12, 6
inputs = series[:-HORIZON].unfold(0, WINDOW, 1)
targets = series[WINDOW:].unfold(0, HORIZON, 1)
# --8<-- [end:question]

print("inputs:", tuple(inputs.shape), "| targets:", tuple(targets.shape))
assert len(inputs) == len(targets)
print(len(targets))
