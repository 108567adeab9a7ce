# --8<-- [start:question]
import torch

ids = torch.arange(16)  # a text of 16 characters: position p holds id p
batch, seq_len = 2, 4
# chunk k is (batch, seq_len); the state of row b after chunk k starts row b of chunk k + 1
# --8<-- [end:question]

OPTIONS = [
    "ids.view(-1, batch, seq_len)[k]",
    "ids.view(-1, batch)[seq_len * k : seq_len * (k + 1)].T",
    "ids.view(batch, -1)[:, seq_len * k : seq_len * (k + 1)]",
    "ids.view(batch, -1)[:, k : k + seq_len]",
]


def continues(line):
    """Does every row of chunk 1 pick up the text right where the same row of chunk 0 ended?"""
    first, second = (
        eval(line, {"ids": ids, "batch": batch, "seq_len": seq_len, "k": k}) for k in (0, 1)
    )
    read = torch.cat([first, second], dim=1)  # what each row reads over the two chunks
    in_order = bool((read.diff(dim=1) == 1).all())
    return first.tolist(), second.tolist(), in_order


right = []
for line in OPTIONS:
    first, second, in_order = continues(line)
    print(f"{line} -> chunk 0 {first}, chunk 1 {second}, each row reads on: {in_order}")
    if in_order:
        right.append(line)
(answer,) = right
print(answer)
