# Single inheritance, overriding and calling base methods.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"

class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog (" + Animal.kind(self) + ")"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " softly"

class Cat(Animal):
    sound = "meow"

for a in [Animal("generic"), Dog("rex"), Puppy("bit", 1), Cat("tom")]:
    print(type(a).__name__, "|", a.speak(), "|", a.kind())

p = Puppy("bit", 1)
print(p.age, p.name, p.sound)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, Cat))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog))
print(Puppy.__bases__, Animal.__bases__)
print([c.__name__ for c in Puppy.__mro__])
print(issubclass(bool, int), isinstance(True, int), isinstance(1, (str, float, int)))
print(isinstance(p, object), issubclass(int, object))
