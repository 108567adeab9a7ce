# --8<-- [start:question]
import torch

PERIOD, WINDOW = 24, 48
series = torch.arange(200.0)  # each value is its own time index
target = 100  # forecast the value at this index
window = series[target - WINDOW : target]  # the values before it
forecast = window[-PERIOD]  # seasonal naive
# --8<-- [end:question]

print("window covers", window[0].item(), "to", window[-1].item())
print("seasonal naive copies index:")
print(int(forecast.item()))
