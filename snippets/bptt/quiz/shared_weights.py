# --8<-- [start:question]
import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=2, hidden_size=3)
x = torch.randn(4, 1, 2)
output, _ = rnn(x)
output.sum().backward()
# --8<-- [end:question]

# The same computation with a private copy of W_hh per step.
w_ih, w_hh = rnn.weight_ih_l0.detach(), rnn.weight_hh_l0.detach()
b = (rnn.bias_ih_l0 + rnn.bias_hh_l0).detach()
copies = [w_hh.clone().requires_grad_() for _ in range(len(x))]
h, total = torch.zeros(1, 3), 0
for t, w in enumerate(copies):
    h = torch.tanh(x[t] @ w_ih.T + h @ w.T + b)
    total = total + h.sum()
total.backward()
shares = [w.grad for w in copies]
candidates = {
    "The sum of the shares of every step": sum(shares),
    "The mean of the shares of every step": sum(shares) / len(shares),
    "The share of the last step only": shares[-1],
    "The share of the first step only": shares[0],
}
for text, value in candidates.items():
    print(f"{text}: {torch.allclose(value, rnn.weight_hh_l0.grad, atol=1e-6)}")
for text, value in candidates.items():
    if torch.allclose(value, rnn.weight_hh_l0.grad, atol=1e-6):
        print(text)
