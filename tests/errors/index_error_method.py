# An IndexError raised inside a method called from a loop.
class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)
    def pop(self):
        return self.items.pop()

s = Stack()
for i in range(2):
    s.push(i)
for _ in range(3):
    print("popped", s.pop())
