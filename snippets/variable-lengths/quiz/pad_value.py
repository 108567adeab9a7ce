# --8<-- [start:question]
import torch
from torch.nn.utils.rnn import pad_sequence

padded = pad_sequence([torch.tensor([1, 2, 3]), torch.tensor([4])], batch_first=True)
# --8<-- [end:question]

print(padded)
print(padded[1].tolist())
