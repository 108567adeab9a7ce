import torch

OPTIONS = [
    "train, test = pairs[:split], pairs[split:]",
    "train, test = torch.randperm(n)[:split], torch.randperm(n)[split:]",
    "train, test = pairs[n - split :], pairs[: n - split]",
    "train, test = pairs[::2], pairs[1::2]",
]
torch.manual_seed(0)
n = 100  # pairs, in time order of their targets
split = 80
pairs = torch.arange(n)

works = []
for option in OPTIONS:
    names = {"torch": torch, "pairs": pairs, "n": n, "split": split}
    exec(option, names)
    after = names["train"].max() < names["test"].min()
    print(f"{option} -> every test target after every training target: {after.item()}")
    if after:
        works.append(option)
(answer,) = works
print(answer)
