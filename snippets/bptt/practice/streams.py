import torch

sequence = torch.arange(12)  # one long sequence
# Three consecutive pieces, read side by side: sequence first, one piece per column.
streams = sequence.view(__1__, -1).__2__
print(tuple(streams.shape))
print(streams.tolist())
