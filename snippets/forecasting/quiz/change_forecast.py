# --8<-- [start:question]
import torch

window = torch.tensor([20.2, 20.6, 21.0], dtype=torch.float64)  # oldest first, newest last
change = 0.3  # the model's output: the change from the window's last value
# --8<-- [end:question]

print(
    f"the change alone: {change:.1f} | mean + change: {window.mean() + change:.1f} | "
    f"last - change: {window[-1] - change:.1f}"
)
print("forecast, the last value plus the change:")
print(f"{window[-1] + change:.1f}")
