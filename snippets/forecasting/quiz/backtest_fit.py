import torch

OPTIONS = [
    "weights = fit(series[: origin + 1])",
    "weights = fit(series[:origin])",
    "weights = fit(series[: origin + 2])",
    "weights = fit(series)",
]
torch.manual_seed(0)
series = torch.randn(60, dtype=torch.float64).cumsum(0)  # a random walk
WINDOW = 3
origin = 40  # the last time index known; the forecast is for origin + 1


def fit(past):
    """Least squares: the next value as a weighted sum of the last WINDOW values."""
    x = past[:-1].unfold(0, WINDOW, 1)
    return torch.linalg.lstsq(x, past[WINDOW:].unsqueeze(1)).solution


def weights_with(option, values):
    names = {"fit": fit, "series": values, "origin": origin}
    exec(option, names)
    return names["weights"]


def moves(option, index):
    """Do the weights change when the value at `index` changes? (Rounding aside.)"""
    other = series.clone()
    other[index] += 1.0
    change = (weights_with(option, series) - weights_with(option, other)).abs().max()
    return bool(change > 1e-9)


works = []
for option in OPTIONS:
    uses_origin, sees_target = moves(option, origin), moves(option, origin + 1)
    print(f"{option} -> uses the origin: {uses_origin}, sees the target: {sees_target}")
    if uses_origin and not sees_target:
        works.append(option)
(answer,) = works
print(answer)
