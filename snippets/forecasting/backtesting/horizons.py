from calendar import month_name
from pathlib import Path

import torch

rows = Path("docs/forecasting/data/nino12_sst.csv").read_text(encoding="utf-8").split()[1:]
years = [int(row.split(",")[0]) for row in rows]
months = [int(row.split(",")[1]) for row in rows]
sst = torch.tensor([float(row.split(",")[2]) for row in rows], dtype=torch.float64)
PERIOD, WINDOW, HORIZON = 12, 24, 12


def least_squares(x, y):
    x = torch.cat([x, torch.ones(len(x), 1, dtype=x.dtype)], dim=1)
    return torch.linalg.lstsq(x, y).solution


def predict(weights, window):
    return torch.cat([window, torch.ones(1, dtype=window.dtype)]) @ weights


errors = {"recursive": [], "direct": [], "seasonal naive": []}
first = len(sst) - 20 * 12  # the first month forecast
assert (month_name[months[first]], years[first]) == ("January", 1991)
starts = range(first, len(sst) - HORIZON + 1)  # the first of the HORIZON months forecast
for start in starts:
    known = sst[:start]  # up to the forecast origin, the month before `start`
    if (start - first) % 12 == 0:  # refit once a year, before forecasting from January
        one_step = least_squares(known[:-1].unfold(0, WINDOW, 1), known[WINDOW:].unsqueeze(1))
        # Direct pairs train only if their LAST target is known at the origin.
        x = known[:-HORIZON].unfold(0, WINDOW, 1)
        direct = least_squares(x, known[WINDOW:].unfold(0, HORIZON, 1))
    truth = sst[start : start + HORIZON]
    window, recursive = known[-WINDOW:], []
    for _ in range(HORIZON):  # feed each forecast back
        nxt = predict(one_step, window)
        recursive.append(nxt)
        window = torch.cat([window[1:], nxt])
    errors["recursive"].append(torch.cat(recursive) - truth)
    errors["direct"].append(predict(direct, known[-WINDOW:]) - truth)
    errors["seasonal naive"].append(known[-PERIOD:][:HORIZON] - truth)

origins = [f"{month_name[months[s - 1]]} {years[s - 1]}" for s in (starts[0], starts[-1])]
print(f"{len(starts)} origins, the last month known: {origins[0]} to {origins[-1]}")
print(f"MAE at each step ahead, 1 to {HORIZON}:")
for name, e in errors.items():
    print(f"  {name:14}", " ".join(f"{m:.2f}" for m in torch.stack(e).abs().mean(dim=0)))
