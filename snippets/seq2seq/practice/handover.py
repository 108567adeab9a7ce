import torch
from torch import nn

torch.manual_seed(0)
embed_source, embed_target = nn.Embedding(10, 8), nn.Embedding(11, 8)
encoder, decoder = nn.GRU(8, 12, batch_first=True), nn.GRU(8, 12, batch_first=True)
source = torch.randint(0, 10, (2, 5))
decoder_input = torch.randint(0, 11, (2, 3))

encoder_outputs, h_n = encoder(embed_source(source))
decoder_outputs, _ = decoder(embed_target(decoder_input), __1__)
print("decoder outputs:", tuple(decoder_outputs.shape))
print("first step, first numbers:", [round(v, 4) for v in decoder_outputs[0, 0, :3].tolist()])
