# --8<-- [start:question]
import torch

errors = torch.tensor([0.0, 0.0, 1.0, 1.0, 8.0])  # skewed: one large value
candidates = torch.arange(0.0, 9.0, 0.5)  # constant forecasts to try
gaps = errors - candidates.unsqueeze(1)  # one row per candidate
best_mse = candidates[(gaps**2).mean(dim=1).argmin()]
best_mae = candidates[gaps.abs().mean(dim=1).argmin()]
# --8<-- [end:question]

print("mean:", errors.mean().item(), "| median:", errors.median().item())
print(best_mse.item(), best_mae.item())
