import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

# The lengths are not sorted from longest to shortest.
a = torch.tensor([1, 2, 3, 4])
b = torch.tensor([5, 6])
c = torch.tensor([7, 8, 9])
padded = pad_sequence([a, b, c])

try:
    pack_padded_sequence(padded, lengths=[4, 2, 3])  # enforce_sorted=True by default
except RuntimeError as err:
    print(f"{type(err).__name__}: {err}")

packed = pack_padded_sequence(padded, lengths=[4, 2, 3], enforce_sorted=False)
print("data:            ", packed.data.tolist())
print("batch_sizes:     ", packed.batch_sizes.tolist())
print("sorted_indices:  ", packed.sorted_indices.tolist())
print("unsorted_indices:", packed.unsorted_indices.tolist())
