from torch import nn

rnn = nn.RNN(input_size=10, hidden_size=20)
# W_ih is hidden x input, W_hh is hidden x hidden, plus two biases of hidden.
by_formula = 20 * 10 + 20 * 20 + 2 * 20
by_pytorch = sum(p.numel() for p in rnn.parameters())
print(by_formula, by_pytorch)
