import math

import torch
from torch import nn

torch.set_num_threads(1)
torch.manual_seed(0)
PERIOD, WINDOW = 12, 12
t = torch.arange(300, dtype=torch.float64)
noise = 0.2 * torch.randn(300, dtype=torch.float64)
series = 0.02 * t + torch.sin(2 * math.pi * t / PERIOD) + noise  # rising, with a season
inputs = series[:-1].unfold(0, WINDOW, 1)
targets = series[WINDOW:]
split = 240  # pairs: 240 train, the rest test
orders = {"random": torch.randperm(len(targets)), "by time": torch.arange(len(targets))}


def train(x, y, on_changes):
    """A small network, trained on levels or on changes from each window's last value."""
    torch.manual_seed(1)
    f64 = torch.float64  # rounding on different CPUs stays below the printed digits
    net = nn.Sequential(nn.Linear(WINDOW, 16, dtype=f64), nn.Tanh(), nn.Linear(16, 1, dtype=f64))
    mean, std = y.mean(), y.std()  # scaling fitted on the training targets

    def forecast(x):
        if on_changes:
            last = x[:, -1:]
            return (last + net((x - last) / std) * std).squeeze(1)
        return (net((x - mean) / std) * std + mean).squeeze(1)

    optimiser = torch.optim.Adam(net.parameters(), lr=0.01)
    for _ in range(300):
        loss = ((forecast(x) - y) ** 2).mean()  # train on the MSE
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    return forecast


for name, order in orders.items():
    train_pairs, test_pairs = order[:split], order[split:]
    seen = (targets[test_pairs].unsqueeze(1) == inputs[train_pairs].flatten()).any(dim=1)
    print(f"{name} split: {seen.sum()} of {len(test_pairs)} test targets are training inputs")
    truth = targets[test_pairs]
    highest = torch.cat([inputs[train_pairs].flatten(), targets[train_pairs]]).max()
    print(f"  {(truth > highest).sum()} test targets above every value the training pairs hold")
    print(f"  naive forecast      MAE {(inputs[test_pairs, -1] - truth).abs().mean():.3f}")
    for on_changes in (False, True):
        forecast = train(inputs[train_pairs], targets[train_pairs], on_changes)
        with torch.no_grad():
            mae = (forecast(inputs[test_pairs]) - truth).abs().mean()
        print(f"  network on {'changes' if on_changes else 'levels '}  MAE {mae:.3f}")
