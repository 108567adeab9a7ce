# --8<-- [start:question]
import torch
from torch.utils.data import DataLoader

torch.manual_seed(0)
sequences = [torch.randn(length, 3) for length in (4, 7, 2, 5)]
loader = DataLoader(sequences, batch_size=2)  # no collate_fn
# --8<-- [end:question]

# What each option claims, as a check on what the loader did.
OUTCOMES = {
    "It raises an error: the default collate_fn stacks the items, and their shapes differ.": (
        lambda batch, err: isinstance(err, RuntimeError) and "stack" in str(err)
    ),
    "It pads each batch with zeros to the longest sequence in the batch.": (
        lambda batch, err: err is None and torch.is_tensor(batch) and batch.shape[1] == 7
    ),
    "It returns each batch as a list of tensors of different lengths.": (
        lambda batch, err: err is None and isinstance(batch, list)
    ),
    "It cuts every sequence in the batch to the length of the shortest one.": (
        lambda batch, err: err is None and torch.is_tensor(batch) and batch.shape[1] == 4
    ),
}

batch = err = None
try:
    batch = next(iter(loader))
except RuntimeError as caught:
    err = caught
    print(f"{type(err).__name__}: {err}")

(answer,) = [text for text, happened in OUTCOMES.items() if happened(batch, err)]
print(answer)
