import torch
from torch.nn.utils.rnn import pad_sequence

# Three sequences of different lengths, one number per step.
a = torch.tensor([1, 2, 3, 4])
b = torch.tensor([5, 6])
c = torch.tensor([7, 8, 9])
print("lengths:", [len(s) for s in (a, b, c)])

padded = pad_sequence([a, b, c])  # sequence first: one column per sequence
print("sequence first:", tuple(padded.shape))
print(padded)

padded = pad_sequence([a, b, c], batch_first=True, padding_value=-1)
print("batch first:", tuple(padded.shape))
print(padded)
