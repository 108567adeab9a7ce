import torch
from torch import nn

torch.manual_seed(0)
embed_source = nn.Embedding(10, 8)  # source tokens: the ten digits
embed_target = nn.Embedding(11, 8)  # target tokens: the digits, and 10 for BOS
encoder = nn.GRU(8, 16, batch_first=True)
decoder = nn.GRU(8, 16, batch_first=True)
head = nn.Linear(16, 10)  # a score for every digit

source = torch.randint(0, 10, (2, 6))  # batch of two strings, six digits each
decoder_input = torch.randint(0, 11, (2, 4))  # four decoder steps

encoder_outputs, h_n = encoder(embed_source(source))
decoder_outputs, _ = decoder(embed_target(decoder_input), h_n)  # h_n starts the decoder
logits = head(decoder_outputs)

print("source:         ", tuple(source.shape))
print("encoder outputs:", tuple(encoder_outputs.shape))
print("h_n:            ", tuple(h_n.shape))
print("decoder outputs:", tuple(decoder_outputs.shape))
print("logits:         ", tuple(logits.shape))

# With nn.LSTM the state is a pair: hand both over.
lstm_encoder, lstm_decoder = nn.LSTM(8, 16, batch_first=True), nn.LSTM(8, 16, batch_first=True)
_, (h_n, c_n) = lstm_encoder(embed_source(source))
lstm_outputs, _ = lstm_decoder(embed_target(decoder_input), (h_n, c_n))
print("LSTM decoder outputs, from (h_n, c_n):", tuple(lstm_outputs.shape))
