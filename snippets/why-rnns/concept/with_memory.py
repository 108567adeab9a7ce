import torch
from torch import nn

torch.manual_seed(0)
vocab = {"the": 0, "river": 1, "money": 2, "bank": 3}
embed = nn.Embedding(len(vocab), 4)
rnn = nn.RNN(input_size=4, hidden_size=3)  # reads a word, carries a state


def read(sentence):
    hidden = None  # no memory before the first word
    for word in sentence.split():
        x = embed(torch.tensor([[vocab[word]]]))  # one step of one sequence
        out, hidden = rnn(x, hidden)  # the new state depends on the old one
    return out[0, 0]


with torch.no_grad():
    river, money = read("the river bank"), read("the money bank")
print("after 'the river bank':", river)
print("after 'the money bank':", money)
print("same output:", torch.equal(river, money))
