from torch import nn

rnn = nn.RNN(input_size=4, hidden_size=3, num_layers=2)
print(rnn)
for name, parameter in rnn.named_parameters():
    print(f"{name:13} {tuple(parameter.shape)}")
