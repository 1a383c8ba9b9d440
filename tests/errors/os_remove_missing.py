"""An uncaught FileNotFoundError from os.remove() names the path."""
import os

os.remove("no_such_file_for_krait.txt")
