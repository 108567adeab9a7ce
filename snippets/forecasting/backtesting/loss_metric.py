import torch

torch.manual_seed(0)
errors = torch.empty(1000, dtype=torch.float64).exponential_()  # skewed: a long right tail
candidates = torch.arange(0.0, 3.0, 0.01, dtype=torch.float64)  # constant forecasts to try
gaps = errors.unsqueeze(0) - candidates.unsqueeze(1)
best_mse = candidates[(gaps**2).mean(1).argmin()]
best_mae = candidates[gaps.abs().mean(1).argmin()]
print(f"lowest MSE at {best_mse:.2f}; the mean is   {errors.mean():.2f}")
print(f"lowest MAE at {best_mae:.2f}; the median is {errors.median():.2f}")

# How hard each loss pushes a forecast that is off by a small and by a large error.
for loss_name, loss in [("MSE", lambda e: e**2), ("MAE", lambda e: e.abs())]:
    off = torch.tensor([0.1, 2.0], requires_grad=True)
    loss(off).sum().backward()
    print(f"{loss_name} gradient for errors 0.1 and 2.0: {off.grad[0]:.1f} and {off.grad[1]:.1f}")
