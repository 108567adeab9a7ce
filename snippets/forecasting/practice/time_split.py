import torch

WINDOW = 4
series = torch.arange(30.0)  # each value is its own time index
inputs = series[:-1].unfold(0, WINDOW, 1)
target_time = torch.arange(WINDOW, len(series))
split = 24  # the first time index that is tested

is_train = __1__
print("training pairs:", int(is_train.sum()), "| test pairs:", int((~is_train).sum()))
print(
    "latest training target:",
    target_time[is_train].max().item(),
    "| first test target:",
    target_time[~is_train].min().item(),
)
