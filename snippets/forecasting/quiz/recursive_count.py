# --8<-- [start:question]
import torch

WINDOW = 12
window = torch.arange(WINDOW, dtype=torch.float32)  # 12 observed values
for _ in range(3):  # three recursive steps
    forecast = window.mean().reshape(1)  # any one-step model
    window = torch.cat([window[1:], forecast])
# --8<-- [end:question]

# The same loop, tracking where each value of the window came from.
observed = torch.ones(WINDOW, dtype=torch.bool)
for _ in range(3):
    observed = torch.cat([observed[1:], torch.tensor([False])])
print("window length:", len(window))
print("model's own forecasts in the window:")
print(int((~observed).sum()))
