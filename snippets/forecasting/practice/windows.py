import torch

series = torch.arange(10.0)
WINDOW = 3
inputs = series[__1__].unfold(0, WINDOW, 1)
targets = series[__2__:]
print("inputs:", tuple(inputs.shape), "| targets:", tuple(targets.shape))
print(inputs[0].tolist(), "->", targets[0].item())
print(inputs[-1].tolist(), "->", targets[-1].item())
