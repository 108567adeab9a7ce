import torch
from torch import nn

H = 6
torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=H, bidirectional=True, batch_first=True)
output, h_n = rnn(torch.randn(3, 9, 4))  # batch first

backward_final = output[:, __1__, __2__]
print("backward_final:", tuple(backward_final.shape))
print("equals the backward entry of h_n:", torch.equal(backward_final, h_n[1]))
