# --8<-- [start:question]
import torch

mean, std = 10.0, 4.0  # fitted on the training part
truth_scaled = torch.tensor([0.5, -0.25, 1.0, 0.0])
forecast_scaled = torch.tensor([0.75, -0.5, 1.25, 0.25])
# --8<-- [end:question]

print(f"MAE on the scaled values: {(forecast_scaled - truth_scaled).abs().mean():.2f}")
truth = truth_scaled * std + mean
forecast = forecast_scaled * std + mean
print("MAE in the series' units:")
print(f"{(forecast - truth).abs().mean():.2f}")
