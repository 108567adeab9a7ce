# --8<-- [start:question]
import torch

torch.manual_seed(0)
series = torch.randn(100)
WINDOW = 12
inputs = series[:-1].unfold(0, WINDOW, 1)
targets = series[WINDOW:]
# --8<-- [end:question]

print("inputs:", tuple(inputs.shape), "| targets:", tuple(targets.shape))
print("windows of the whole series:", len(series.unfold(0, WINDOW, 1)))
print(len(targets))
