# --8<-- [start:question]
text = "hello world"
vocab = sorted(set(text))
# --8<-- [end:question]

print("every character:", len(text))
print("letters of both words:", len(text.replace(" ", "")))
print("distinct letters, no space:", len(set(text) - {" "}))
print("vocabulary:", vocab)
print("size:")
print(len(vocab))
