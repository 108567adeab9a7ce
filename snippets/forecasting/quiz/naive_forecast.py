# --8<-- [start:question]
import torch

window = torch.tensor([3.0, 5.0, 9.0, 8.0])  # oldest first, newest last
# --8<-- [end:question]

print(
    "first:", window[0].item(), "| mean:", window.mean().item(), "| largest:", window.max().item()
)
print("naive forecast, the newest value:")
print(window[-1].item())
