import math

import torch

torch.manual_seed(0)
PERIOD = 12  # one season: twelve steps
t = torch.arange(120.0)
series = 0.05 * t + 2 * torch.sin(2 * math.pi * t / PERIOD) + 0.3 * torch.randn(120)
split = 96  # the test targets are the values from here on

truth = series[split:]
naive = series[split - 1 : -1]  # the value one step earlier
seasonal = series[split - PERIOD : -PERIOD]  # the value one season earlier
print("test targets:", tuple(truth.shape))
print(f"naive (last value):           MAE {(naive - truth).abs().mean():.3f}")
print(f"seasonal naive (PERIOD back): MAE {(seasonal - truth).abs().mean():.3f}")
