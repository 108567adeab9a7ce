from pathlib import Path

import torch

rows = Path("docs/forecasting/data/nino12_sst.csv").read_text(encoding="utf-8").split()[1:]
celsius = torch.tensor([float(row.split(",")[2]) for row in rows], dtype=torch.float64)
PERIOD = 12  # months
split = len(celsius) - 120  # the last ten years test

for unit, series in [("C", celsius), ("F", celsius * 1.8 + 32)]:
    train, truth = series[:split], series[split:]
    scale = (train[1:] - train[:-1]).abs().mean()  # the naive forecast's MAE in training
    seasonal_scale = (train[PERIOD:] - train[:-PERIOD]).abs().mean()  # the seasonal naive's
    naive = series[split - 1 : -1]
    seasonal = series[split - PERIOD : -PERIOD]
    for name, forecast in [("naive", naive), ("seasonal naive", seasonal)]:
        mae = (forecast - truth).abs().mean()
        print(
            f"{unit}, {name:14}  MAE {mae:.3f}  MASE {mae / scale:.3f}  "
            f"(seasonal scale: {mae / seasonal_scale:.3f})"
        )
