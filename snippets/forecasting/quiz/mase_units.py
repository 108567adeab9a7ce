# --8<-- [start:question]
import torch

train = torch.tensor([20.0, 20.5, 21.0, 20.5, 20.0], dtype=torch.float64)  # training part
truth = torch.tensor([21.0, 22.0], dtype=torch.float64)  # test part
forecast = torch.tensor([21.4, 21.6], dtype=torch.float64)  # the model's forecasts
# --8<-- [end:question]


def mae(forecast, truth):
    return (forecast - truth).abs().mean()


def mase(train, truth, forecast):
    """The test MAE, divided by the naive forecast's MAE on the training part."""
    return mae(forecast, truth) / mae(train[:-1], train[1:])


def to_fahrenheit(celsius):
    return 1.8 * celsius + 32


f_train, f_truth, f_forecast = (to_fahrenheit(v) for v in (train, truth, forecast))
for unit, (tr, y, f) in [("°C", (train, truth, forecast)), ("°F", (f_train, f_truth, f_forecast))]:
    print(f"{unit}: model MAE {mae(f, y):.2f}, naive MAE in training {mae(tr[:-1], tr[1:]):.2f}")
print("MASE in °C and in °F:")
print(f"{mase(train, truth, forecast):.2f} {mase(f_train, f_truth, f_forecast):.2f}")
