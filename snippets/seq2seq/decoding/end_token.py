import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
EOS, BOS, PAD = 10, 11, 12  # the head scores the digits and EOS; BOS and PAD are only read
embed_target = nn.Embedding(13, 8)
decoder = nn.GRU(8, 16, batch_first=True)
head = nn.Linear(16, 11)
h_n = torch.randn(1, 2, 16)  # from an encoder that read two sources, of three and five digits

rows = [torch.tensor([4, 1, 3, EOS]), torch.tensor([2, 8, 1, 7, 2, EOS])]  # each ends with EOS
target = nn.utils.rnn.pad_sequence(rows, batch_first=True, padding_value=-100)
decoder_input = torch.cat([torch.full((2, 1), BOS), target[:, :-1]], dim=1)
decoder_input = decoder_input.masked_fill(decoder_input == -100, PAD)  # -100 is no token
print("target:       ", target.tolist())
print("decoder input:", decoder_input.tolist())

logits = head(decoder(embed_target(decoder_input), h_n)[0])
loss = F.cross_entropy(logits.flatten(0, 1), target.flatten(), ignore_index=-100)

# The same loss string by string, without padding: the mean over every real step.
alone = []
for b, row in enumerate(rows):
    inputs = torch.cat([torch.tensor([BOS]), row[:-1]])[None]
    out = head(decoder(embed_target(inputs), h_n[:, b : b + 1])[0])
    alone.append(F.cross_entropy(out[0], row, reduction="none"))
print("steps in the loss:", len(torch.cat(alone)), "of", target.numel())
print("the padded batch's loss is the unpadded one:", torch.allclose(loss, torch.cat(alone).mean()))
