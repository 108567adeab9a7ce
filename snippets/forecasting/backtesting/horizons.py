from pathlib import Path

import torch

rows = Path("docs/forecasting/data/nino12_sst.csv").read_text(encoding="utf-8").split()[1:]
sst = torch.tensor([float(row.split(",")[2]) for row in rows], dtype=torch.float64)
PERIOD, WINDOW, HORIZON = 12, 24, 12


def least_squares(x, y):
    x = torch.cat([x, torch.ones(len(x), 1, dtype=x.dtype)], dim=1)
    return torch.linalg.lstsq(x, y).solution


def predict(weights, window):
    return torch.cat([window, torch.ones(1, dtype=window.dtype)]) @ weights


errors = {"recursive": [], "direct": [], "seasonal naive": []}
first = len(sst) - 20 * 12  # January 1991
for origin in range(first, len(sst) - HORIZON + 1):
    if (origin - first) % 12 == 0:  # refit each January, on everything before it
        past = sst[:origin]
        one_step = least_squares(past[:-1].unfold(0, WINDOW, 1), past[WINDOW:].unsqueeze(1))
        # Direct pairs train only if their LAST target comes before the origin.
        x = past[:-HORIZON].unfold(0, WINDOW, 1)
        direct = least_squares(x, past[WINDOW:].unfold(0, HORIZON, 1))
    truth = sst[origin : origin + HORIZON]
    window, recursive = sst[origin - WINDOW : origin], []
    for _ in range(HORIZON):  # feed each forecast back
        nxt = predict(one_step, window)
        recursive.append(nxt)
        window = torch.cat([window[1:], nxt])
    errors["recursive"].append(torch.cat(recursive) - truth)
    errors["direct"].append(predict(direct, sst[origin - WINDOW : origin]) - truth)
    errors["seasonal naive"].append(sst[origin - PERIOD : origin - PERIOD + HORIZON] - truth)

print(f"MAE at each step ahead, 1 to {HORIZON}, over {len(errors['direct'])} origins since 1991:")
for name, e in errors.items():
    print(f"  {name:14}", " ".join(f"{m:.2f}" for m in torch.stack(e).abs().mean(dim=0)))
