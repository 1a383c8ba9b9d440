# __name__ is "__main__" for the script, the module name for imports.
import _shapes

def main():
    print("main() running, __name__ =", __name__)
    print("helper name:", _shapes.__name__)
    return 0

if __name__ == "__main__":
    main()
else:
    print("imported")
print("module-level code after guard")
