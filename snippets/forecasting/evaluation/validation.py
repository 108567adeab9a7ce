import math

import torch

torch.manual_seed(0)
PERIOD = 12
t = torch.arange(300, dtype=torch.float64)
noise = 0.2 * torch.randn(300, dtype=torch.float64)
series = 0.02 * t + torch.sin(2 * math.pi * t / PERIOD) + noise
train_end, validation_end = 200, 250  # by time: train, then validation, then test
first = 24  # the first target of every model, so that all are scored on the same values


def pairs(window, start, end):
    """Windows of `window` values and their targets, for the targets in [start, end)."""
    x = torch.stack([series[s - window : s] for s in range(start, end)])
    return torch.cat([x, torch.ones(len(x), 1, dtype=x.dtype)], dim=1), series[start:end]


def mae(window, fit_end, score_start, score_end):
    """Fit a linear model on the targets before fit_end, score it on [score_start, score_end)."""
    x, y = pairs(window, first, fit_end)
    weights = torch.linalg.lstsq(x, y.unsqueeze(1)).solution[:, 0]
    x, y = pairs(window, score_start, score_end)
    return (x @ weights - y).abs().mean().item()


scores = {w: mae(w, train_end, train_end, validation_end) for w in (2, 6, 12, 24)}
print("validation MAE by window:", {w: round(s, 3) for w, s in scores.items()})
best = min(scores, key=scores.get)  # chosen on validation: the test part is not read
print("chosen window:", best)
test = mae(best, validation_end, validation_end, len(series))  # refit on train + validation
print(f"test MAE, read once: {test:.3f}")
