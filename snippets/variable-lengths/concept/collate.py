import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader

torch.manual_seed(0)
# A data set of sequences of different lengths, two features per step.
sequences = [torch.randn(length, 2) for length in (4, 2, 5, 3, 1)]

# The default collate_fn stacks the items of a batch, and stacking needs one shape.
try:
    next(iter(DataLoader(sequences, batch_size=3)))
except RuntimeError as err:
    print(f"{type(err).__name__}: {err}")


def pad_batch(batch):
    """Pad a list of (seq_len, features) tensors; keep each one's length."""
    lengths = torch.tensor([len(sequence) for sequence in batch])
    return pad_sequence(batch, batch_first=True), lengths


for padded, lengths in DataLoader(sequences, batch_size=3, collate_fn=pad_batch):
    print("batch", tuple(padded.shape), "lengths", lengths.tolist())
