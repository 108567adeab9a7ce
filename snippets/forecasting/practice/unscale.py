import torch

mean, std = 20.0, 5.0  # fitted on the training part
forecast_scaled = torch.tensor([0.2, -0.4, 1.0])
truth = torch.tensor([22.0, 17.0, 26.0])


def to_units(z):
    return z * __1__ + __2__


forecast = to_units(forecast_scaled)
print("forecast:", [round(v, 2) for v in forecast.tolist()])
print(f"MAE {(forecast - truth).abs().mean():.2f}")
