import math

import torch

torch.manual_seed(0)
PERIOD, WINDOW = 12, 36
t = torch.arange(240.0)
series = 2 * torch.sin(2 * math.pi * t / PERIOD) + 0.3 * torch.randn(240)
inputs = series[:-1].unfold(0, WINDOW, 1)
targets = series[WINDOW:]

seasonal = inputs[:, __1__]  # the value one season before each target
one_season_back = series[WINDOW - PERIOD : -PERIOD]
print("one season back:", torch.equal(seasonal, one_season_back))
print(f"seasonal naive MAE {(seasonal - targets).abs().mean():.3f}")
