# --8<-- [start:question]
import torch

mean, std = 15.0, 2.0  # the scaling, fitted on the training part
truth_scaled = torch.tensor([0.5, -0.25, 1.0, 0.0])
forecast_scaled = torch.tensor([1.0, -0.75, 2.0, 0.0])
loss = ((forecast_scaled - truth_scaled) ** 2).mean()  # the MSE, on scaled values
# --8<-- [end:question]

print(f"MSE on the scaled values: {loss:.3f} | std ** 2: {std**2}")
truth = truth_scaled * std + mean
forecast = forecast_scaled * std + mean
print("errors in the series' units:", (forecast - truth).tolist())
print("MSE in the series' units:")
print(f"{((forecast - truth) ** 2).mean():.2f}")
