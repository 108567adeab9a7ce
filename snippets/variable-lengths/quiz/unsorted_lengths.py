# --8<-- [start:question]
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)
sequences = [torch.randn(2, 3), torch.randn(5, 3), torch.randn(3, 3)]
padded = pad_sequence(sequences)
# --8<-- [end:question]


# What each option claims, as a check on what the call did.
OUTCOMES = {
    "It raises a RuntimeError: the lengths must run from longest to shortest.": (
        lambda packed, err: isinstance(err, RuntimeError) and "decreasing order" in str(err)
    ),
    "It sorts the batch by length itself, then packs it.": (
        lambda packed, err: err is None and packed.sorted_indices is not None
    ),
    "It packs the sequences in the order given, without sorting.": (
        lambda packed, err: err is None and packed.sorted_indices is None
    ),
    "It raises a RuntimeError: padded must be batch first.": (
        lambda packed, err: isinstance(err, RuntimeError) and "batch" in str(err)
    ),
}

packed = err = None
try:
    packed = pack_padded_sequence(padded, lengths=[2, 5, 3])
except RuntimeError as caught:
    err = caught
    print(f"{type(err).__name__}: {err}")

(answer,) = [text for text, happened in OUTCOMES.items() if happened(packed, err)]
print(answer)
