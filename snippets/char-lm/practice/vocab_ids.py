text = "ACCORD, n.  Harmony."
chars = sorted(set(text))
stoi = {ch: i for i, ch in __1__(chars)}
ids = [stoi[ch] for ch in text]

print("vocabulary:", len(chars), "characters")
print("ids:", ids[:6])
print("decoded:", "".join(chars[i] for i in ids))
