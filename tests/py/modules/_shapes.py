# Helper module for the modules tests (not a test itself).
print("_shapes imported, __name__ =", __name__)

PI_ISH = 3.14
created = 0

class Square:
    def __init__(self, side):
        global created
        created += 1
        self.side = side
    def area(self):
        return self.side * self.side

class Rect:
    def __init__(self, w, h):
        global created
        created += 1
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

def circle_area(r):
    return PI_ISH * r * r

def _private():
    return "private"

if __name__ == "__main__":
    print("never printed when imported")
