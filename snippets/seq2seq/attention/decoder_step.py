import torch
from torch import nn

torch.manual_seed(0)
embed_target = nn.Embedding(11, 8)
decoder = nn.GRU(8, 16, batch_first=True)
head = nn.Linear(2 * 16, 10)  # reads s_t and c_t side by side

encoder_outputs = torch.randn(2, 6, 16)  # from the encoder, as above
h_n = torch.randn(1, 2, 16)  # the encoder's final state still starts the decoder
decoder_input = torch.randint(0, 11, (2, 4))

states, _ = decoder(embed_target(decoder_input), h_n)
weights = (states @ encoder_outputs.transpose(1, 2)).softmax(dim=-1)
context = weights @ encoder_outputs
logits = head(torch.cat([states, context], dim=-1))
print("decoder states:", tuple(states.shape))
print("weights:       ", tuple(weights.shape), "(batch, target, source)")
print("context:       ", tuple(context.shape))
print("logits:        ", tuple(logits.shape))
