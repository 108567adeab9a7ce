import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
sequences = [torch.randn(4, 2), torch.randn(2, 2), torch.randn(3, 2)]
lengths = torch.tensor([len(sequence) for sequence in sequences])
print("lengths:", lengths.tolist())


def final_state(layer, inputs):
    """The top layer's final hidden state (an LSTM returns (h_n, c_n))."""
    _, state = layer(inputs)
    h_n = state[0] if isinstance(layer, nn.LSTM) else state
    return h_n[-1]


for kind in (nn.RNN, nn.GRU, nn.LSTM):
    for batch_first in (False, True):
        for num_layers in (1, 2):
            layer = kind(2, 3, num_layers=num_layers, batch_first=batch_first)
            # The reference: each sequence run alone, without padding.
            alone = torch.stack([final_state(layer, sequence) for sequence in sequences])

            padded = pad_sequence(sequences, batch_first=batch_first)
            packed = pack_padded_sequence(
                padded, lengths, batch_first=batch_first, enforce_sorted=False
            )
            h_last = final_state(layer, packed)  # h_n[-1] of the packed run
            # Unpacked batch first, whatever the input's layout: (batch, steps, hidden).
            output, _ = pad_packed_sequence(layer(packed)[0], batch_first=True)
            at_length = output[torch.arange(len(sequences)), lengths - 1]

            print(
                f"{kind.__name__:4} batch_first={batch_first!s:5} num_layers={num_layers}:",
                f"h_n[-1] {torch.allclose(h_last, alone, atol=1e-6)!s:5}",
                f"output at length - 1 {torch.allclose(at_length, alone, atol=1e-6)}",
            )
