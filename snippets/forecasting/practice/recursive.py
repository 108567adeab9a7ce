import math

import torch

WINDOW, HORIZON, w = 12, 24, 2 * math.pi / 12
series = torch.sin(w * torch.arange(48.0))
rule = torch.zeros(WINDOW)  # an exact one-step rule for a sine: it reads the last two values
rule[-2:] = torch.tensor([-1.0, 2 * math.cos(w)])

window = series[:WINDOW].clone()
forecasts = []
for _ in range(HORIZON):
    nxt = (rule @ window).reshape(1)
    forecasts.append(nxt)
    window = torch.cat([window[__1__], __2__])
errors = (torch.cat(forecasts) - series[WINDOW : WINDOW + HORIZON]).abs()
print("forecasts:", len(forecasts), "| window length:", len(window))
print(f"largest error: {errors.max():.3f}")
