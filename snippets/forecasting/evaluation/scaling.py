import torch

torch.manual_seed(0)
series = 0.1 * torch.arange(100.0) + torch.randn(100)  # a rising trend with noise
split = 80


def scaled_train(values, fit_on):
    """Scale the series with the mean and std of `fit_on`; return its training part."""
    mean, std = fit_on.mean(), fit_on.std()
    return (values[:split] - mean) / std


future = series.clone()
future[split:] += 5.0  # the same past, a different future
for name, fit in [("train part only", lambda s: s[:split]), ("whole series", lambda s: s)]:
    before = scaled_train(series, fit(series))
    after = scaled_train(future, fit(future))
    print(
        f"fit on {name}: training mean {before.mean():+.2f}, "
        f"changes with the future: {not torch.equal(before, after)}"
    )
