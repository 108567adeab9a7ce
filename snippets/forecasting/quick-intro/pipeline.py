import math

import torch
from torch import nn

torch.manual_seed(0)
PERIOD, WINDOW = 12, 24
t = torch.arange(200.0)
trend, season = 0.02 * t, torch.sin(2 * math.pi * t / PERIOD)
series = trend + season + 0.2 * torch.randn(200)

split = 160  # by time: targets before it train, targets from it on test
mean, std = series[:split].mean(), series[:split].std()  # fitted on the training part
scaled = (series - mean) / std
inputs = scaled[:-1].unfold(0, WINDOW, 1).unsqueeze(-1)  # (pairs, steps, 1 feature)
targets = scaled[WINDOW:]
is_test = torch.arange(WINDOW, len(series)) >= split
test_x, test_y = inputs[is_test], targets[is_test]
print("test inputs:", tuple(test_x.shape), "| test targets:", tuple(test_y.shape))

truth = test_y * std + mean  # errors in the series' own units
naive = test_x[:, -1, 0] * std + mean
seasonal = test_x[:, -PERIOD, 0] * std + mean
print(f"naive MAE {(naive - truth).abs().mean():.3f}")
print(f"seasonal naive MAE {(seasonal - truth).abs().mean():.3f}")
season_step = season.diff().abs().mean()  # how far the season moves in one step, on average
trend_season = trend[PERIOD] - trend[0]  # how far the trend moves in one season
print(f"season moves {season_step:.2f} in one step; trend moves {trend_season:.2f} in a season")

lstm = nn.LSTM(input_size=1, hidden_size=16, batch_first=True)
head = nn.Linear(16, 1)
output, _ = lstm(test_x)
forecast = head(output[:, -1]).squeeze(-1)  # untrained: the shapes, not the values
print("forecast:", tuple(forecast.shape))
