"""An uncaught FileNotFoundError from open()."""
print("before")
with open("no_such_file_for_krait.txt") as f:
    print(f.read())
