import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader

torch.manual_seed(0)
sequences = [torch.randn(length, 2) for length in (3, 5, 1, 4)]


def collate(batch):
    """A list of (seq_len, features) tensors -> (padded batch first, lengths)."""
    lengths = torch.tensor([__1__ for sequence in batch])
    return pad_sequence(batch, batch_first=__2__), lengths


for padded, lengths in DataLoader(sequences, batch_size=2, collate_fn=collate):
    print("padded:", tuple(padded.shape), "lengths:", lengths.tolist())
