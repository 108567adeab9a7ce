# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
embed = nn.Embedding(10, 4)  # a vocabulary of 10 characters
ids = torch.tensor([3, 10])
# --8<-- [end:question]

try:
    vectors = embed(ids)
    outcome = "a vector for every id"
    if torch.equal(vectors[1], embed.weight[9]):
        outcome = "It returns row 9, the last one."
    elif torch.equal(vectors[1], embed.weight[0]):
        outcome = "It returns row 0: ids wrap around."
    elif not vectors[1].any():
        outcome = "It returns a vector of zeros."
except IndexError as err:
    print(f"{type(err).__name__}: {err}")
    outcome = "It raises an IndexError."
print(outcome)
