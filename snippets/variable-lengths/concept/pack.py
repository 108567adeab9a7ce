import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

# The same sequences, now sorted from longest to shortest.
a = torch.tensor([1, 2, 3, 4])
c = torch.tensor([7, 8, 9])
b = torch.tensor([5, 6])
padded = pad_sequence([a, c, b])  # (seq_len, batch)

packed = pack_padded_sequence(padded, lengths=[4, 3, 2])
print("data:       ", packed.data.tolist())
print("batch_sizes:", packed.batch_sizes.tolist())
