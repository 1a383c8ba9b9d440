# Object-heavy: instances, attribute access and method calls.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, i):
        self.pos = Vec(i, -i)
        self.vel = Vec(1, 2)

    def step(self):
        self.pos = self.pos.add(self.vel)


def main():
    ps = [Particle(i) for i in range(100)]
    acc = 0
    for _ in range(2000):
        for p in ps:
            p.step()
            acc += p.pos.dot(p.vel)
    return acc

print(main())
