from functools import partial

import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=16)
with torch.no_grad():
    rnn.weight_hh_l0.mul_(5.0)  # large recurrent weights: exploding gradients
params = list(rnn.parameters())
optimizer = torch.optim.SGD(params, lr=0.1)
clip = partial(nn.utils.clip_grad_norm_, params, max_norm=1.0)
x = torch.randn(50, 8, 4)

for update in range(1, 3):
    before = torch.cat([p.detach().flatten() for p in params])
    loss = rnn(x)[0][-1].pow(2).mean()
    optimizer.zero_grad()
    first, second = __1__, __2__  # the two calls, in this order
    first()
    second()
    optimizer.step()
    change = torch.cat([p.detach().flatten() for p in params]) - before
    print(f"update {update}: weights moved by {change.norm():.3g}")
