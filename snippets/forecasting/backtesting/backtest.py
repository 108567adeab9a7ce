from pathlib import Path

import torch

rows = Path("docs/forecasting/data/nino12_sst.csv").read_text(encoding="utf-8").split()[1:]
years = torch.tensor([int(row.split(",")[0]) for row in rows])
sst = torch.tensor([float(row.split(",")[2]) for row in rows], dtype=torch.float64)
PERIOD, WINDOW = 12, 24


def fit_linear(past):
    """Least squares: the next value as a weighted sum of the last WINDOW values plus a constant."""
    x = past[:-1].unfold(0, WINDOW, 1)
    x = torch.cat([x, torch.ones(len(x), 1, dtype=x.dtype)], dim=1)
    return torch.linalg.lstsq(x, past[WINDOW:].unsqueeze(1)).solution[:, 0]


errors = {"naive": [], "seasonal naive": [], "linear": []}
first = len(sst) - 20 * 12  # January 1991, the first month forecast
for month in range(first, len(sst)):
    known = sst[:month]  # up to the forecast origin, the month before `month`
    if (month - first) % 12 == 0:  # refit once a year, before forecasting January
        weights = fit_linear(known)
    truth = sst[month]
    errors["naive"].append(known[-1] - truth)
    errors["seasonal naive"].append(known[-PERIOD] - truth)
    errors["linear"].append(known[-WINDOW:] @ weights[:-1] + weights[-1] - truth)

print("MAE of each year's twelve one-step forecasts, 1991 to 2010:")
for name, e in errors.items():
    per_year = torch.stack(e).abs().view(20, 12).mean(dim=1)
    worst = years[first:].view(20, 12)[per_year.argmax(), 0].item()
    print(
        f"  {name:14}  all years {per_year.mean():.2f}  "
        f"best year {per_year.min():.2f}  worst {per_year.max():.2f} ({worst})"
    )
linear = torch.stack(errors["linear"]).abs().view(20, 12).mean(dim=1)
seasonal = torch.stack(errors["seasonal naive"]).abs().view(20, 12).mean(dim=1)
print(f"linear below seasonal naive in {(linear < seasonal).sum()} of 20 years")
