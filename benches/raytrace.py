# Ray tracer: renders a scene of spheres and a checkered plane with diffuse and
# specular lighting, shadows and reflections. Vector arithmetic through a small
# class with operator methods, one object per intermediate result. Prints the
# image size, a checksum of the pixels and a coarse ASCII preview.
import math
import sys


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, a, b, diffuse, specular, reflect):
        super().__init__(a, diffuse, specular, reflect)
        self.other = b

    def color_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return self.color
        return self.other


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        if t > 1e-6:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > 1e-6 else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, intensity):
        self.position = position
        self.intensity = intensity


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.ambient = 0.08
        self.background = Vec(0.1, 0.12, 0.2)

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light * (1.0 / distance))
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return self.background
        point = ray.at(t)
        normal = obj.normal_at(point)
        material = obj.material
        base = material.color_at(point)
        color = base * self.ambient
        for light in self.lights:
            if self.shadowed(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                color = color + base * (lambert * material.diffuse * light.intensity)
                half = (to_light - ray.direction).normalized()
                spec = normal.dot(half)
                if spec > 0.0:
                    color = color + Vec(1.0, 1.0, 1.0) * (spec ** 40 * material.specular * light.intensity)
        if depth < 3 and material.reflect > 0.0:
            reflected = Ray(point, ray.direction.reflect(normal).normalized())
            color = color + self.trace(reflected, depth + 1) * material.reflect
        return color


def build_scene():
    scene = Scene()
    scene.objects.append(Plane(Vec(0.0, -1.0, 0.0), Vec(0.0, 1.0, 0.0),
                               Checker(Vec(0.9, 0.9, 0.9), Vec(0.15, 0.15, 0.15), 0.8, 0.1, 0.25)))
    scene.objects.append(Sphere(Vec(0.0, 0.0, 4.0), 1.0, Material(Vec(0.9, 0.2, 0.2), 0.7, 0.6, 0.3)))
    scene.objects.append(Sphere(Vec(-2.1, -0.3, 5.0), 0.7, Material(Vec(0.2, 0.8, 0.3), 0.8, 0.3, 0.1)))
    scene.objects.append(Sphere(Vec(2.0, 0.2, 5.5), 1.2, Material(Vec(0.3, 0.4, 0.95), 0.6, 0.8, 0.5)))
    scene.objects.append(Sphere(Vec(0.6, -0.7, 2.6), 0.3, Material(Vec(0.95, 0.85, 0.2), 0.9, 0.5, 0.0)))
    scene.lights.append(Light(Vec(-4.0, 5.0, -1.0), 0.9))
    scene.lights.append(Light(Vec(5.0, 3.0, 1.0), 0.5))
    return scene


def render(scene, width, height):
    eye = Vec(0.0, 0.6, -1.5)
    pixels = []
    aspect = width / height
    for j in range(height):
        row = []
        y = 1.0 - 2.0 * (j + 0.5) / height
        for i in range(width):
            x = (2.0 * (i + 0.5) / width - 1.0) * aspect
            direction = Vec(x, y - 0.3, 1.6).normalized()
            c = scene.trace(Ray(eye, direction), 0)
            row.append((min(255, int(c.x * 255)), min(255, int(c.y * 255)), min(255, int(c.z * 255))))
        pixels.append(row)
    return pixels


def main(width, height):
    pixels = render(build_scene(), width, height)
    checksum = 0
    total = [0, 0, 0]
    for row in pixels:
        for (r, g, b) in row:
            checksum = (checksum * 257 + r * 65536 + g * 256 + b) % 1000000007
            total[0] += r
            total[1] += g
            total[2] += b
    print(width, height, checksum, total)
    shades = " .:-=+*#%@"
    step_y = max(1, height // 16)
    step_x = max(1, width // 48)
    for j in range(0, height, step_y):
        line = ""
        for i in range(0, width, step_x):
            r, g, b = pixels[j][i]
            line += shades[min(9, (r + g + b) * 10 // 766)]
        print(line)


if sys.argv[-1] == "quick":
    W = 48
elif len(sys.argv) > 1:
    W = int(sys.argv[1])
else:
    W = 280
main(W, W * 3 // 4)
