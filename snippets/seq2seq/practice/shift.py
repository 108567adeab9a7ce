import torch

BOS = 10
target = torch.tensor([[2, 7, 1, 8], [3, 1, 4, 1]])
decoder_input = torch.cat([torch.full((2, 1), __1__), target[:, __2__]], dim=1)
print(decoder_input.tolist())
