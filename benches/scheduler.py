# Scheduler: a discrete-event simulation of an operating system's process
# scheduler. Processes of several classes (CPU-bound, interactive, batch) share a
# CPU under a multilevel feedback queue; disks serve I/O requests in arrival order.
# Classes, inheritance, super(), method calls and attribute updates throughout.
# Prints per-class statistics and a checksum.
import sys


class Lcg:
    """A small linear congruential generator, so runs are reproducible."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state

    def below(self, n):
        return self.next() % n


class EventQueue:
    """A binary min-heap of (time, seq, event) triples."""

    def __init__(self):
        self.heap = []
        self.seq = 0

    def __len__(self):
        return len(self.heap)

    def push(self, time, event):
        self.seq += 1
        heap = self.heap
        heap.append((time, self.seq, event))
        i = len(heap) - 1
        while i > 0:
            parent = (i - 1) // 2
            if heap[parent] <= heap[i]:
                break
            heap[parent], heap[i] = heap[i], heap[parent]
            i = parent

    def pop(self):
        heap = self.heap
        top = heap[0]
        last = heap.pop()
        if heap:
            heap[0] = last
            i = 0
            n = len(heap)
            while True:
                left = 2 * i + 1
                if left >= n:
                    break
                child = left
                if left + 1 < n and heap[left + 1] < heap[left]:
                    child = left + 1
                if heap[i] <= heap[child]:
                    break
                heap[i], heap[child] = heap[child], heap[i]
                i = child
        return top


class Process:
    kind = "process"

    def __init__(self, pid, arrival, rng):
        self.pid = pid
        self.arrival = arrival
        self.rng = rng
        self.level = 0
        self.remaining = self.total_work()
        self.cpu_time = 0
        self.waited = 0
        self.ready_since = arrival
        self.finished_at = None
        self.io_count = 0

    def total_work(self):
        return 50 + self.rng.below(200)

    def burst(self):
        """CPU time this process wants before it blocks for I/O."""
        return self.remaining

    def wants_io(self):
        return False

    def on_quantum_expired(self):
        self.level = min(self.level + 1, 2)

    def on_io_done(self):
        pass

    def turnaround(self):
        return self.finished_at - self.arrival


class CpuBound(Process):
    kind = "cpu"

    def total_work(self):
        return 200 + self.rng.below(800)


class Interactive(Process):
    kind = "interactive"

    def total_work(self):
        return 20 + self.rng.below(80)

    def burst(self):
        return min(self.remaining, 2 + self.rng.below(6))

    def wants_io(self):
        return self.remaining > 0

    def on_io_done(self):
        self.level = 0


class Batch(CpuBound):
    kind = "batch"

    def __init__(self, pid, arrival, rng):
        super().__init__(pid, arrival, rng)
        self.level = 2

    def burst(self):
        return min(self.remaining, 40 + self.rng.below(40))

    def wants_io(self):
        return self.remaining > 0 and self.rng.below(4) == 0


class Disk:
    def __init__(self, name, latency):
        self.name = name
        self.latency = latency
        self.queue = []
        self.busy_until = 0
        self.served = 0

    def request(self, now, process):
        start = max(now, self.busy_until)
        self.busy_until = start + self.latency
        self.served += 1
        return self.busy_until


class Scheduler:
    QUANTA = (4, 8, 16)

    def __init__(self, disks):
        self.levels = [[], [], []]
        self.heads = [0, 0, 0]
        self.disks = disks
        self.events = EventQueue()
        self.now = 0
        self.running = None
        self.finished = []
        self.context_switches = 0
        self.idle = 0

    def add_ready(self, process):
        process.ready_since = self.now
        self.levels[process.level].append(process)

    def pick(self):
        for lvl in range(3):
            queue = self.levels[lvl]
            head = self.heads[lvl]
            if head < len(queue):
                process = queue[head]
                head += 1
                if head > 64 and head * 2 > len(queue):
                    del queue[:head]
                    head = 0
                self.heads[lvl] = head
                return process
        return None

    def dispatch(self):
        process = self.pick()
        if process is None:
            return
        self.context_switches += 1
        process.waited += self.now - process.ready_since
        quantum = self.QUANTA[process.level]
        run = min(quantum, process.burst())
        self.running = process
        self.events.push(self.now + run, ("slice", process, run, run == quantum))

    def handle(self, event):
        tag = event[0]
        if tag == "arrive":
            self.add_ready(event[1])
        elif tag == "slice":
            _, process, ran, expired = event
            self.running = None
            process.remaining -= ran
            process.cpu_time += ran
            if process.remaining <= 0:
                process.finished_at = self.now
                self.finished.append(process)
            elif process.wants_io():
                process.io_count += 1
                disk = self.disks[process.pid % len(self.disks)]
                self.events.push(disk.request(self.now, process), ("io", process))
            else:
                if expired:
                    process.on_quantum_expired()
                self.add_ready(process)
        elif tag == "io":
            process = event[1]
            process.on_io_done()
            self.add_ready(process)

    def run(self):
        while len(self.events):
            time, _, event = self.events.pop()
            if self.running is None and time > self.now:
                self.idle += time - self.now
            self.now = time
            self.handle(event)
            if self.running is None:
                self.dispatch()


def main(count):
    rng = Lcg(42)
    sched = Scheduler([Disk("ssd", 3), Disk("hdd", 12)])
    kinds = [Interactive, Interactive, Interactive, CpuBound, Batch]
    t = 0
    for pid in range(count):
        t += rng.below(600)
        cls = kinds[rng.below(len(kinds))]
        sched.events.push(t, ("arrive", cls(pid, t, rng)))
    sched.run()
    stats = {}
    for p in sched.finished:
        s = stats.setdefault(p.kind, [0, 0, 0, 0])
        s[0] += 1
        s[1] += p.turnaround()
        s[2] += p.waited
        s[3] += p.io_count
    for kind in sorted(stats):
        n, turnaround, waited, io = stats[kind]
        print("%-12s %6d  turnaround %10.2f  waited %10.2f  io %d" % (kind, n, turnaround / n, waited / n, io))
    checksum = 0
    for p in sched.finished:
        checksum = (checksum * 131 + p.pid * 7 + p.finished_at) % 1000000007
    print("time", sched.now, "idle", sched.idle, "switches", sched.context_switches)
    print("disks", [(d.name, d.served) for d in sched.disks])
    print("checksum", checksum)


if sys.argv[-1] == "quick":
    N = 400
elif len(sys.argv) > 1:
    N = int(sys.argv[1])
else:
    N = 6000
main(N)
