import torch
from torch import nn

torch.manual_seed(0)
vocab = {"the": 0, "river": 1, "money": 2, "bank": 3}
embed = nn.Embedding(len(vocab), 4)  # one learned vector for each word
read_word = nn.Linear(4, 3)  # reads one word; keeps nothing between words


def read(sentence):
    for word in sentence.split():
        out = read_word(embed(torch.tensor(vocab[word])))
    return out  # what the model says after the last word


with torch.no_grad():
    river, money = read("the river bank"), read("the money bank")
print("after 'the river bank':", river)
print("after 'the money bank':", money)
print("same output:", torch.equal(river, money))
