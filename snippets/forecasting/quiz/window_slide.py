import math

import torch

OPTIONS = [
    "torch.cat([window[1:], nxt])",
    "torch.cat([window, nxt])",
    "torch.cat([nxt, window[:-1]])",
    "torch.cat([window[:-1], nxt])",
]
WINDOW, w = 12, 2 * math.pi / 12
series = torch.sin(w * torch.arange(48.0))
rule = torch.zeros(WINDOW)  # an exact one-step rule for a sine: it reads the last two values
rule[-2:] = torch.tensor([-1.0, 2 * math.cos(w)])

works = []
for option in OPTIONS:
    window = series[:WINDOW].clone()
    try:
        forecasts = []
        for _ in range(24):
            nxt = (rule @ window).reshape(1)
            forecasts.append(nxt)
            window = eval(option)
        error = (torch.cat(forecasts) - series[WINDOW : WINDOW + 24]).abs().max().item()
        print(f"{option} -> largest error over 24 steps: {error:.3f}")
        if error < 1e-4:
            works.append(option)
    except RuntimeError as err:
        print(f"{option} -> {type(err).__name__}")
(answer,) = works
print(answer)
