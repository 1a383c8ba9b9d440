import heapq, bisect, random
random.seed(1)
data = [random.randint(0, 100) for _ in range(30)]
h = []
for x in data: heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(5)], h)
d2 = data[:]; heapq.heapify(d2); print(d2)
big = [random.random() for _ in range(3000)]; heapq.heapify(big); print(big[:10], big[-3:])
print(heapq.heapreplace(d2, 50), heapq.heappushpop(d2, 1), heapq.heappushpop(d2, 99), d2)
print(heapq.nlargest(5, data), heapq.nsmallest(5, data), heapq.nlargest(3, data, key=lambda x: -x), heapq.nsmallest(2, 'hello'))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([3, 2], [5, 1], reverse=True)), list(heapq.merge(['a', 'bb'], ['ccc'], key=len)))
pq = []
heapq.heappush(pq, (2, 'b')); heapq.heappush(pq, (1, 'a')); heapq.heappush(pq, (2, 'a'))
print(pq, heapq.heappop(pq))
try: heapq.heappop([])
except IndexError as e: print(e)
try: heapq.heappush(1, 2)
except TypeError as e: print(e)
s = sorted(data)
print(bisect.bisect_left(s, 50), bisect.bisect_right(s, 50), bisect.bisect(s, 50), bisect.bisect(s, 50, 3, 10))
bisect.insort(s, 50); bisect.insort_left(s, 51); print(s)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
try: bisect.bisect([], 1, -1)
except ValueError as e: print(e)
print(bisect.bisect_left([1.0, 2.5, 3.5], 2.5), bisect.bisect_right('abcd', 'c'))
