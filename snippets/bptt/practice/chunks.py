import torch

stream = torch.arange(12)  # a long sequence, here twelve steps
CHUNK = 4

for start in range(0, len(stream), __1__):
    chunk = stream[start : start + __2__]
    print(chunk.tolist())
