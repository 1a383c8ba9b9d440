//! The `_random` module: CPython's Mersenne Twister core (`_random.Random`) with its
//! exact seeding (`init_by_array` over the 32-bit words of the seed's absolute value,
//! the hash for other objects), `random()` (genrand_res53), `getrandbits`, state
//! save/restore, and a SHA-512 for `random.seed(str)`. The rest of the `random` module
//! is CPython's own Python code (`py/random.py`) on top of this class.
//!
//! The generator state lives in a `bytearray` of 625 little-endian 32-bit words (624
//! state words, then the index): `_random.Random` is a built-in class whose
//! constructor makes that state, so instances of Python subclasses (`random.Random`)
//! carry it as their built-in payload.

use crate::builtins::args::*;
use crate::builtins::num::{index_big, int_value};
use crate::heap::ObjRef;
use crate::object::*;
use crate::value::{PyResult, Value};
use crate::vm::Vm;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;
use std::cell::{Cell, RefCell};

type Kw<'a> = &'a [(ObjRef, Value)];

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;
const STATE_BYTES: usize = (N + 1) * 4;

// -- The generator on a byte buffer --------------------------------------------------------

#[inline]
fn word(b: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]])
}

#[inline]
fn set_word(b: &mut [u8], i: usize, w: u32) {
    b[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
}

/// Regenerates the N state words (the first half of CPython's `genrand_uint32`).
fn regenerate(b: &mut [u8]) {
    let mag01 = [0u32, MATRIX_A];
    let mut mt = [0u32; N];
    for (i, w) in mt.iter_mut().enumerate() {
        *w = word(b, i);
    }
    for kk in 0..N - M {
        let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[(y & 1) as usize];
    }
    for kk in N - M..N - 1 {
        let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
    }
    let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[(y & 1) as usize];
    for (i, w) in mt.iter().enumerate() {
        set_word(b, i, *w);
    }
    set_word(b, N, 0);
}

/// CPython's `genrand_uint32`.
#[inline]
fn genrand(b: &mut [u8]) -> u32 {
    let mut idx = word(b, N) as usize;
    if idx >= N {
        regenerate(b);
        idx = 0;
    }
    let mut y = word(b, idx);
    set_word(b, N, (idx + 1) as u32);
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^= y >> 18;
    y
}

/// `random()`: 53 random bits as a float in [0, 1) (genrand_res53).
#[inline]
fn genrand_res53(b: &mut [u8]) -> f64 {
    let a = genrand(b) >> 5;
    let c = genrand(b) >> 6;
    (a as f64 * 67108864.0 + c as f64) * (1.0 / 9007199254740992.0)
}

fn init_genrand(mt: &mut [u32; N], s: u32) {
    mt[0] = s;
    for i in 1..N {
        mt[i] = 1812433253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
    }
}

/// CPython's `init_by_array`.
fn init_by_array(b: &mut [u8], key: &[u32]) {
    let mut mt = [0u32; N];
    init_genrand(&mut mt, 19650218);
    let (mut i, mut j) = (1usize, 0usize);
    let mut k = N.max(key.len());
    while k > 0 {
        mt[i] =
            (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
        i += 1;
        j += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if j >= key.len() {
            j = 0;
        }
        k -= 1;
    }
    k = N - 1;
    while k > 0 {
        mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
        i += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        k -= 1;
    }
    mt[0] = 0x8000_0000;
    for (n, w) in mt.iter().enumerate() {
        set_word(b, n, *w);
    }
    set_word(b, N, N as u32);
}

/// Seeds from the OS (like CPython's `random_seed_urandom`), falling back to the time
/// and process id.
fn seed_from_os(b: &mut [u8]) {
    use std::io::Read;
    let mut buf = vec![0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    let key: Vec<u32> =
        if ok { buf.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect() } else { time_key() };
    init_by_array(b, &key);
}

/// A seed key from the clock, the process id and a per-process counter.
fn time_key() -> Vec<u32> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    vec![t.as_secs() as u32, (t.as_secs() >> 32) as u32, t.subsec_nanos(), std::process::id(), n]
}

/// `getrandbits(k)` for k > 0: 32-bit words from least to most significant, the last
/// one shifted right to drop its extra low bits.
fn getrandbits_big(b: &mut [u8], k: u64) -> BigUint {
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut r = genrand(b);
        if left < 32 {
            r >>= 32 - left;
        }
        out.push(r);
        left = left.saturating_sub(32);
    }
    BigUint::from_slice(&out)
}

/// `getrandbits(k)` for 0 < k <= 64.
#[inline]
fn getrandbits_u64(b: &mut [u8], k: u32) -> u64 {
    if k <= 32 {
        (genrand(b) >> (32 - k)) as u64
    } else {
        let lo = genrand(b) as u64;
        let hi = (genrand(b) >> (64 - k)) as u64;
        lo | (hi << 32)
    }
}

/// A random int in [0, n) for n > 0 by rejection sampling on `getrandbits(n.bit_length())`
/// (CPython's `_randbelow_with_getrandbits`).
#[inline]
fn randbelow_u64(b: &mut [u8], n: u64) -> u64 {
    let k = 64 - n.leading_zeros();
    loop {
        let r = getrandbits_u64(b, k);
        if r < n {
            return r;
        }
    }
}

// -- The state object ----------------------------------------------------------------------

/// The state bytearray of a `_random.Random` (or subclass) instance.
fn state_of(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<ObjRef> {
    let v = super::params::self_arg(vm, args, "Random", name)?;
    let mut inner = v;
    for _ in 0..3 {
        inner = crate::ops::unwrap_builtin(inner);
    }
    if let Some(o) = inner.as_obj() {
        if let Kind::ByteArray(b) = &o.kind {
            if b.borrow().len() == STATE_BYTES {
                return Ok(o);
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("descriptor '{}' for '_random.Random' objects doesn't apply to a '{}' object", name, tn)))
}

fn with_state<R>(o: ObjRef, f: impl FnOnce(&mut [u8]) -> R) -> R {
    let Kind::ByteArray(b) = &o.kind else { unreachable!() };
    let mut b = b.borrow_mut();
    f(&mut b)
}

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_random");
    let object = vm.types.object;
    let cls = vm.new_class_raw("Random", vec![object], BaseKind::Builtin, true);
    *cls.as_class().unwrap().module.borrow_mut() = "_random".into();
    crate::builtins::core::set_construct(vm, cls, random_new);
    vm.add_method(cls, "seed", random_seed);
    vm.add_method(cls, "random", random_random);
    vm.add_method(cls, "getrandbits", random_getrandbits);
    vm.add_method(cls, "getstate", random_getstate);
    vm.add_method(cls, "setstate", random_setstate);
    vm.add_method(cls, "_randbelow", random_randbelow);
    vm.add_method(cls, "_randrange_fast", random_randrange_fast);
    vm.add_method(cls, "_shuffle_fast", random_shuffle_fast);
    vm.module_set(m, "Random", Value::Obj(cls));
    vm.module_add_fn(m, "_sha512", sha512_fn);
    Ok(m)
}

/// Makes a new `_random.Random` instance: a built-in payload holding the state.
/// Instances of Python subclasses (`random.Random`) hold such an instance as their own
/// payload; the constructor gets their arguments too, but their `__init__` (which can
/// take any arguments) does the seeding, so a lone argument is used as the seed only
/// when it is one, and anything else leaves a cheap seed from the clock.
fn random_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let mut b = vec![0u8; STATE_BYTES];
    let seeded = match args.get(1) {
        Some(v) if args.len() == 2 && kw.is_empty() && !v.is_none() => seed_value(vm, &mut b, *v).is_ok(),
        _ => false,
    };
    if !seeded {
        init_by_array(&mut b, &time_key());
    }
    let state = Value::Obj(vm.alloc(Kind::ByteArray(RefCell::new(b))));
    let cls = args[0].as_obj().filter(|o| o.as_class().is_some()).unwrap_or(vm.types.object);
    let shape = vm.shapes.root();
    Ok(Value::Obj(vm.alloc(Kind::Instance(Instance {
        class: Cell::new(cls),
        shape: Cell::new(shape),
        slots: RefCell::new(Vec::new()),
        payload: Payload::Builtin(Cell::new(state)),
    }))))
}

/// The C-level `seed(n)`: None from the OS, ints by the words of their absolute value,
/// anything else by its hash (as an unsigned 64-bit number).
fn seed_value(vm: &mut Vm, b: &mut [u8], v: Value) -> PyResult<()> {
    if v.is_none() {
        seed_from_os(b);
        return Ok(());
    }
    let n: BigUint = match int_value(v) {
        Some(i) => index_big(vm, i)?.magnitude().clone(),
        None => {
            let h = vm.hash(v)?;
            BigUint::from(h as u64)
        }
    };
    let mut key = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    init_by_array(b, &key);
    Ok(())
}

fn random_seed(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "seed", kw)?;
    check_method(vm, "seed", args, 0, 1)?;
    let st = state_of(vm, args, "seed")?;
    let v = args.get(1).copied().unwrap_or(Value::None);
    let mut buf = vec![0u8; STATE_BYTES];
    seed_value(vm, &mut buf, v)?;
    with_state(st, |b| b.copy_from_slice(&buf));
    Ok(Value::None)
}

fn random_random(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "random", args, 0, 0)?;
    let st = state_of(vm, args, "random")?;
    Ok(Value::Float(with_state(st, genrand_res53)))
}

fn random_getrandbits(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "getrandbits", args, 1, 1)?;
    let st = state_of(vm, args, "getrandbits")?;
    let k = int_arg(vm, args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 63 {
        return Ok(Value::Int(with_state(st, |b| getrandbits_u64(b, k as u32)) as i64));
    }
    if k > (1 << 32) {
        let c = vm.exc.MemoryError;
        return Err(vm.err(c, ""));
    }
    let r = with_state(st, |b| getrandbits_big(b, k as u64));
    Ok(vm.new_int(BigInt::from(r)))
}

fn random_getstate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "getstate", args, 0, 0)?;
    let st = state_of(vm, args, "getstate")?;
    let items: Vec<Value> = with_state(st, |b| (0..=N).map(|i| Value::Int(word(b, i) as i64)).collect());
    Ok(vm.new_tuple(items))
}

fn random_setstate(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "setstate", args, 1, 1)?;
    let st = state_of(vm, args, "setstate")?;
    let Some(items) = args[1].as_obj().and_then(|o| o.as_tuple().map(|t| t.to_vec())) else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut buf = vec![0u8; STATE_BYTES];
    for (i, it) in items.iter().enumerate().take(N) {
        let Some(iv) = int_value(*it) else {
            let tn = vm.type_name(*it);
            return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
        };
        let big = index_big(vm, iv)?;
        if big.sign() == Sign::Minus {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        let Some(w) = big.to_u64() else {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
        };
        set_word(&mut buf, i, w as u32);
    }
    let idx = int_arg(vm, items[N])?;
    if !(0..=N as i64).contains(&idx) {
        return Err(vm.value_error("invalid state"));
    }
    set_word(&mut buf, N, idx as u32);
    with_state(st, |b| b.copy_from_slice(&buf));
    Ok(Value::None)
}

/// `_randbelow(n)`: a random int in [0, n) for n > 0, exactly as CPython's
/// `_randbelow_with_getrandbits` computes it.
fn random_randbelow(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "_randbelow", args, 1, 1)?;
    let st = state_of(vm, args, "_randbelow")?;
    randbelow_value(vm, st, args[1])
}

fn randbelow_value(vm: &mut Vm, st: ObjRef, n: Value) -> PyResult<Value> {
    if let Value::Int(n) = n {
        if n > 0 {
            return Ok(Value::Int(with_state(st, |b| randbelow_u64(b, n as u64)) as i64));
        }
    }
    let n = index_big(vm, n)?;
    if n.sign() != Sign::Plus {
        return Err(vm.value_error("_randbelow() requires n > 0"));
    }
    let nu = n.magnitude();
    let k = nu.bits();
    let r = with_state(st, |b| loop {
        let r = getrandbits_big(b, k);
        if &r < nu {
            break r;
        }
    });
    Ok(vm.new_int(BigInt::from(r)))
}

/// `randrange(start, stop, step)` with ints already checked by the caller (`random.py`
/// uses this when `_randbelow` is the built-in one): same draws as CPython's code.
fn random_randrange_fast(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "_randrange_fast", args, 2, 2)?;
    let st = state_of(vm, args, "_randrange_fast")?;
    if let (Value::Int(a), Value::Int(b)) = (args[1], args[2]) {
        if let Some(width) = b.checked_sub(a) {
            if width > 0 {
                let r = with_state(st, |s| randbelow_u64(s, width as u64)) as i64;
                return Ok(Value::Int(a + r));
            }
        }
    }
    let a = index_big(vm, args[1])?;
    let b = index_big(vm, args[2])?;
    let width = &b - &a;
    if width.sign() != Sign::Plus {
        return Err(vm.value_error(format!("empty range for randrange() ({}, {}, {})", a, b, width)));
    }
    let w = vm.new_int(width);
    let r = randbelow_value(vm, st, w)?;
    let r = index_big(vm, r)?;
    Ok(vm.new_int(a + r))
}

/// `shuffle(x)` for a list (the caller checks the type): CPython's loop from the end.
fn random_shuffle_fast(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_method(vm, "_shuffle_fast", args, 1, 1)?;
    let st = state_of(vm, args, "_shuffle_fast")?;
    let Some(l) = args[1].as_obj().and_then(|o| o.as_list()) else {
        return Err(vm.type_error("_shuffle_fast() needs a list"));
    };
    let mut l = l.borrow_mut();
    with_state(st, |b| {
        for i in (1..l.len()).rev() {
            let j = randbelow_u64(b, i as u64 + 1) as usize;
            l.swap(i, j);
        }
    });
    Ok(Value::None)
}

// -- SHA-512 (for str/bytes seeds) -----------------------------------------------------------

const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

/// The SHA-512 digest of `data`.
pub fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks(128) {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks(8).enumerate() {
            w[i] = u64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K512[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// `_random._sha512(data)`: the digest of a bytes-like object, as bytes.
fn sha512_fn(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    check_args(vm, "_sha512", args, 1, 1)?;
    let data: Vec<u8> = match args[0].as_obj().map(|o| o.kind()) {
        Some(Kind::Bytes(b)) => b.to_vec(),
        Some(Kind::ByteArray(b)) => b.borrow().clone(),
        _ => {
            let tn = vm.type_name(args[0]);
            return Err(vm.type_error(format!("object supporting the buffer API required, not '{}'", tn)));
        }
    };
    let d = sha512(&data);
    Ok(Value::Obj(vm.alloc(Kind::Bytes(d.to_vec().into_boxed_slice()))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha512_known_vectors() {
        let hex = |d: [u8; 64]| d.iter().map(|b| format!("{:02x}", b)).collect::<String>();
        assert_eq!(
            hex(sha512(b"abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(&hex(sha512(b""))[..16], "cf83e1357eefb8bd");
    }

    #[test]
    fn mt_seed_42_matches_cpython() {
        // random.seed(42); random.random() == 0.6394267984578837 in CPython.
        let mut b = vec![0u8; STATE_BYTES];
        init_by_array(&mut b, &[42]);
        assert_eq!(genrand_res53(&mut b), 0.6394267984578837);
    }
}
