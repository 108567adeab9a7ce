# --8<-- [start:question]
import torch

torch.manual_seed(0)
series = torch.randn(500).cumsum(0)
WINDOW = 8
n = len(series) - WINDOW  # pairs; pair p: inputs p ... p + WINDOW - 1, target p + WINDOW
order = torch.randperm(n)
train, test = order[: int(n * 0.8)], order[int(n * 0.8) :]
# --8<-- [end:question]

in_train = torch.zeros(n, dtype=torch.bool)
in_train[train] = True
seen = 0
for p in test.tolist():
    # target p + WINDOW is an input of the pairs p + 1 ... p + WINDOW
    later = [q for q in range(p + 1, p + WINDOW + 1) if q < n]
    seen += any(in_train[q] for q in later)
print("test targets that are inputs of a training pair:")
print(f"{seen} of {len(test)}")
