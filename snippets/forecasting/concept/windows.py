import torch

series = torch.arange(10.0)  # ten observations, one per time step
WINDOW = 4  # how many past values the model sees

inputs = series[:-1].unfold(0, WINDOW, 1)  # every run of WINDOW values with a next value
targets = series[WINDOW:]  # the value right after each window
print("inputs: ", tuple(inputs.shape))
print("targets:", tuple(targets.shape))
for window, target in zip(inputs[:2], targets[:2], strict=True):
    print(window.tolist(), "->", target.item())
print(inputs[-1].tolist(), "->", targets[-1].item())
print(f"{series[-1].item()} in any input window:", (inputs == series[-1]).any().item())
