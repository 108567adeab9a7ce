from pathlib import Path

text = Path("docs/char-lm/data/devils_dictionary.txt").read_text(encoding="utf-8")

chars = sorted(set(text))  # the vocabulary: every distinct character, in a fixed order
stoi = {ch: i for i, ch in enumerate(chars)}  # character -> id
itos = dict(enumerate(chars))  # id -> character

print("characters in the text:", len(text))
print("vocabulary size:", len(chars))
print("first ids:", {ch: stoi[ch] for ch in chars[:4]})

ids = [stoi[ch] for ch in "BRIDE, n."]
print("encode:", ids)
print("decode:", "".join(itos[i] for i in ids))
