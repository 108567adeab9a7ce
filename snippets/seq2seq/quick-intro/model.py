import torch
from torch import nn


class Seq2Seq(nn.Module):
    def __init__(self, vocab=10, hidden=32):
        super().__init__()
        self.bos = vocab  # one extra target token starts the decoder
        self.embed_source = nn.Embedding(vocab, 16)
        self.embed_target = nn.Embedding(vocab + 1, 16)
        self.encoder = nn.GRU(16, hidden, batch_first=True)
        self.decoder = nn.GRU(16, hidden, batch_first=True)
        self.head = nn.Linear(2 * hidden, vocab)

    def forward(self, source, decoder_input):
        encoder_outputs, h_n = self.encoder(self.embed_source(source))
        states, _ = self.decoder(self.embed_target(decoder_input), h_n)
        weights = (states @ encoder_outputs.transpose(1, 2)).softmax(dim=-1)
        context = weights @ encoder_outputs
        return self.head(torch.cat([states, context], dim=-1)), weights


torch.manual_seed(0)
model = Seq2Seq()
source = torch.randint(0, 10, (4, 7))  # four strings of seven digits
target = source.flip(dims=[1])
decoder_input = torch.cat([torch.full((4, 1), model.bos), target[:, :-1]], dim=1)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

logits, weights = model(source, decoder_input)
print("logits: ", tuple(logits.shape))
print("weights:", tuple(weights.shape), "(batch, target, source)")
loss = nn.functional.cross_entropy(logits.flatten(0, 1), target.flatten())
optimizer.zero_grad()
loss.backward()
optimizer.step()
print("loss before the step:", round(loss.item(), 4))
print("every parameter got a gradient:", all(p.grad is not None for p in model.parameters()))

with torch.no_grad():
    logits, _ = model(source, decoder_input)
    after = nn.functional.cross_entropy(logits.flatten(0, 1), target.flatten())
print("lower on this batch after it:", after.item() < loss.item())
