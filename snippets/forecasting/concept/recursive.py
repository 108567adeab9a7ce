import math

import torch

# A sine obeys a linear rule exactly: y[t+1] = 2 cos(w) y[t] - y[t-1].
w = 2 * math.pi / 12
t = torch.arange(40, dtype=torch.float64)
series = torch.sin(w * t)


def one_step(window, slope):
    """A one-step forecaster: the rule above, with the coefficient `slope`."""
    return slope * window[-1] - window[-2]


for name, slope in [("exact rule", 2 * math.cos(w)), ("rule 1% off", 2 * math.cos(w) * 1.01)]:
    window = series[:24].clone()  # the last 24 known values
    forecasts = []
    for _ in range(12):  # twelve steps ahead, one at a time
        nxt = one_step(window, slope)
        forecasts.append(nxt)
        window = torch.cat([window[1:], nxt.reshape(1)])  # slide: drop oldest, add forecast
    errors = (torch.stack(forecasts) - series[24:36]).abs()
    print(f"{name}, error at steps 1 to 12:")
    print(" ".join(f"{e:.3f}" for e in errors))
