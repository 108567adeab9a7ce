import torch
from torch import nn

torch.manual_seed(0)
H = 16
encoder = nn.GRU(8, H, batch_first=True, bidirectional=True)
source = torch.randn(3, 6, 8)  # three embedded sources, six steps each
encoder_outputs, h_n = encoder(source)
print("encoder outputs:", tuple(encoder_outputs.shape), "| h_n:", tuple(h_n.shape))

# h_n[0]: forward, after the last step; h_n[1]: backward, after reading back to the first.
both = torch.cat([h_n[0], h_n[1]], dim=-1)  # (batch, 2H): one string's two states side by side
print(
    "h_n[0] and h_n[1] side by side are outputs[:, -1, :H] and outputs[:, 0, H:]:",
    torch.equal(both, torch.cat([encoder_outputs[:, -1, :H], encoder_outputs[:, 0, H:]], dim=-1)),
)

decoder = nn.GRU(8, H, batch_first=True)  # one direction, one layer
decoder_input = torch.randn(3, 4, 8)
try:
    decoder(decoder_input, h_n)
except RuntimeError as err:
    print("h_n as it is:", err)

# Two ways to start a one-layer decoder from both states:
wide_decoder = nn.GRU(8, 2 * H, batch_first=True)  # 1. a decoder twice as wide
bridge = nn.Linear(2 * H, H)  # 2. a learned map back to H units
print("wide decoder: ", tuple(wide_decoder(decoder_input, both[None])[0].shape))
print("with a bridge:", tuple(decoder(decoder_input, torch.tanh(bridge(both))[None])[0].shape))

# The tempting reshape runs, but glues string 0's forward state to string 1's.
glued = h_n.reshape(1, 3, 2 * H)
print("reshape gives each string its own two states:", torch.equal(glued[0], both))
print("reshape's row 0 is h_n[0, 0] and h_n[0, 1]:", torch.equal(glued[0, 0], h_n[0, :2].flatten()))
