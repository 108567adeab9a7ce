import torch

torch.manual_seed(0)
series = 0.1 * torch.arange(100.0) + torch.randn(100)
split = 80

train = series[__1__]
mean, std = train.mean(), train.std()
scaled = (series - mean) / std
print(f"scaled training part: mean {scaled[:split].mean():+.2f}, std {scaled[:split].std():.2f}")
print(f"scaled test part: mean {scaled[split:].mean():+.2f}")
