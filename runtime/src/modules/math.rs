//! The math module: CPython 3.11's functions on real numbers, with its special-value
//! rules (`math domain error` ValueError, `math range error` OverflowError) and its
//! argument handling (ints of any size, `__float__`, `__index__`, `__floor__`...).
//!
//! Most functions wrap the platform libm through Rust's `f64` methods, like CPython
//! does. Those CPython implements itself (gamma, lgamma, fsum, hypot, dist, remainder,
//! pow's special cases) are ported here, and so are glibc's routines for the functions
//! Rust's standard library computes its own way (erf, erfc, cbrt, asinh, acosh, atanh),
//! so results match CPython on Linux to the last bit.

// The coefficients below are written with all the digits of their sources.
#![allow(clippy::excessive_precision)]

use crate::builtins::args::*;
use crate::builtins::num::{float_to_int, index_big, int_value, ldexp, to_float};
use crate::bytecode::BinOp;
use crate::heap::ObjRef;
use crate::object::Kind;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::f64::consts::PI;

type Kw<'a> = &'a [(ObjRef, Value)];

/// A math error: CPython's errno EDOM (ValueError) or ERANGE (OverflowError).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MathErr {
    Domain,
    Range,
}

fn raise(vm: &mut Vm, e: MathErr) -> PyErr {
    match e {
        MathErr::Domain => vm.value_error("math domain error"),
        MathErr::Range => vm.overflow_error("math range error"),
    }
}

macro_rules! math1 {
    ($vm:ident, $m:ident, $name:literal, $f:expr, $overflow:expr) => {
        $vm.module_add_fn($m, $name, |vm, a, k| math_1(vm, a, k, concat!("math.", $name), $f, $overflow));
    };
}

macro_rules! math1a {
    ($vm:ident, $m:ident, $name:literal, $f:expr) => {
        $vm.module_add_fn($m, $name, |vm, a, k| math_1a(vm, a, k, concat!("math.", $name), $f));
    };
}

macro_rules! math2 {
    ($vm:ident, $m:ident, $name:literal, $f:expr) => {
        $vm.module_add_fn($m, $name, |vm, a, k| math_2(vm, a, k, $name, $f));
    };
}

pub fn init(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("math");
    vm.module_set(m, "pi", Value::Float(PI));
    vm.module_set(m, "e", Value::Float(std::f64::consts::E));
    vm.module_set(m, "tau", Value::Float(std::f64::consts::TAU));
    vm.module_set(m, "inf", Value::Float(f64::INFINITY));
    vm.module_set(m, "nan", Value::Float(f64::NAN));

    math1!(vm, m, "acos", f64::acos, false);
    math1!(vm, m, "acosh", acosh, false);
    math1!(vm, m, "asin", f64::asin, false);
    math1!(vm, m, "asinh", asinh, false);
    math1!(vm, m, "atan", f64::atan, false);
    math1!(vm, m, "atanh", atanh, false);
    math1!(vm, m, "cbrt", cbrt, false);
    math1!(vm, m, "cos", f64::cos, false);
    math1!(vm, m, "cosh", f64::cosh, true);
    math1!(vm, m, "exp", f64::exp, true);
    math1!(vm, m, "exp2", f64::exp2, true);
    math1!(vm, m, "expm1", f64::exp_m1, true);
    math1!(vm, m, "fabs", f64::abs, false);
    math1!(vm, m, "log1p", log1p, false);
    math1!(vm, m, "sin", f64::sin, false);
    math1!(vm, m, "sinh", f64::sinh, true);
    math1!(vm, m, "sqrt", f64::sqrt, false);
    math1!(vm, m, "tan", f64::tan, false);
    math1!(vm, m, "tanh", f64::tanh, false);
    math1!(vm, m, "degrees", |x| x * (180.0 / PI), false);
    math1!(vm, m, "radians", |x| x * (PI / 180.0), false);
    math1a!(vm, m, "erf", |x| Ok(erf(x)));
    math1a!(vm, m, "erfc", |x| Ok(erfc(x)));
    math1a!(vm, m, "gamma", tgamma);
    math1a!(vm, m, "lgamma", lgamma);
    math2!(vm, m, "atan2", atan2);
    math2!(vm, m, "copysign", f64::copysign);
    math2!(vm, m, "remainder", remainder);

    vm.module_add_fn(m, "isnan", |vm, a, k| float_pred(vm, a, k, "math.isnan", f64::is_nan));
    vm.module_add_fn(m, "isinf", |vm, a, k| float_pred(vm, a, k, "math.isinf", f64::is_infinite));
    vm.module_add_fn(m, "isfinite", |vm, a, k| float_pred(vm, a, k, "math.isfinite", f64::is_finite));
    vm.module_add_fn(m, "log", math_log);
    vm.module_add_fn(m, "log2", |vm, a, k| {
        one_arg(vm, a, k, "math.log2")?;
        loghelper(vm, a[0], m_log2)
    });
    vm.module_add_fn(m, "log10", |vm, a, k| {
        one_arg(vm, a, k, "math.log10")?;
        loghelper(vm, a[0], m_log10)
    });
    vm.module_add_fn(m, "pow", math_pow);
    vm.module_add_fn(m, "fmod", math_fmod);
    vm.module_add_fn(m, "floor", |vm, a, k| round_int(vm, a, k, "math.floor", f64::floor));
    vm.module_add_fn(m, "ceil", |vm, a, k| round_int(vm, a, k, "math.ceil", f64::ceil));
    vm.module_add_fn(m, "trunc", math_trunc);
    vm.module_add_fn(m, "modf", math_modf);
    vm.module_add_fn(m, "frexp", math_frexp);
    vm.module_add_fn(m, "ldexp", math_ldexp);
    vm.module_add_fn(m, "fsum", math_fsum);
    vm.module_add_fn(m, "prod", math_prod);
    vm.module_add_fn(m, "hypot", math_hypot);
    vm.module_add_fn(m, "dist", math_dist);
    vm.module_add_fn(m, "isclose", math_isclose);
    vm.module_add_fn(m, "nextafter", math_nextafter);
    vm.module_add_fn(m, "ulp", math_ulp);
    vm.module_add_fn(m, "gcd", math_gcd);
    vm.module_add_fn(m, "lcm", math_lcm);
    vm.module_add_fn(m, "isqrt", math_isqrt);
    vm.module_add_fn(m, "factorial", math_factorial);
    vm.module_add_fn(m, "comb", math_comb);
    vm.module_add_fn(m, "perm", math_perm);
    Ok(m)
}

// -- Argument handling and the libm wrappers ------------------------------------------------

/// Exactly one positional argument (CPython's METH_O functions).
fn one_arg(vm: &mut Vm, args: &[Value], kw: Kw, name: &str) -> PyResult<()> {
    no_kw(vm, name, kw)?;
    check_args(vm, name, args, 1, 1)
}

/// Rejects keyword arguments with CPython's message for math functions (`name`
/// without the module prefix).
fn no_kw_math(vm: &mut Vm, name: &str, kw: Kw) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("math.{}() takes no keyword arguments", name)));
    }
    Ok(())
}

/// CPython's `math_1`: a NaN from a non-NaN is a domain error, an infinity from a
/// finite value a range error (`can_overflow`) or a domain error (a singularity).
fn math_1(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    one_arg(vm, args, kw, name)?;
    let x = to_float(vm, args[0])?;
    check_1(vm, x, f(x), can_overflow).map(Value::Float)
}

fn check_1(vm: &mut Vm, x: f64, r: f64, can_overflow: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(raise(vm, MathErr::Domain));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(raise(vm, if can_overflow { MathErr::Range } else { MathErr::Domain }));
    }
    Ok(r)
}

/// CPython's `math_1a`: the function reports its own errors.
fn math_1a(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(f64) -> Result<f64, MathErr>) -> PyResult<Value> {
    one_arg(vm, args, kw, name)?;
    let x = to_float(vm, args[0])?;
    match f(x) {
        Ok(r) => Ok(Value::Float(r)),
        Err(e) => Err(raise(vm, e)),
    }
}

/// CPython's `math_2`.
fn math_2(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    no_kw_math(vm, name, kw)?;
    check_args(vm, name, args, 2, 2)?;
    let x = to_float(vm, args[0])?;
    let y = to_float(vm, args[1])?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(raise(vm, MathErr::Domain));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(raise(vm, MathErr::Range));
    }
    Ok(Value::Float(r))
}

fn float_pred(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    one_arg(vm, args, kw, name)?;
    let x = to_float(vm, args[0])?;
    Ok(Value::Bool(f(x)))
}

/// Two float arguments of a clinic-style function (`fmod`, `pow`, `nextafter`).
fn two_floats(vm: &mut Vm, args: &[Value], kw: Kw, name: &str) -> PyResult<(f64, f64)> {
    no_kw_math(vm, name, kw)?;
    check_args(vm, name, args, 2, 2)?;
    let x = to_float(vm, args[0])?;
    let y = to_float(vm, args[1])?;
    Ok((x, y))
}

fn new_tuple2(vm: &mut Vm, a: Value, b: Value) -> Value {
    vm.new_tuple(vec![a, b])
}

// -- Elementary functions ----------------------------------------------------------------------

fn high_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32
}

fn low_word(x: f64) -> u32 {
    x.to_bits() as u32
}

fn with_low_word_zero(x: f64) -> f64 {
    f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000)
}

const LN2: f64 = std::f64::consts::LN_2;

/// `log1p` that keeps the sign of zero (CPython's `_Py_log1p`).
fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

/// fdlibm's `acosh`.
fn acosh(x: f64) -> f64 {
    let hx = high_word(x) as i32;
    if hx < 0x3ff0_0000 {
        // x < 1
        f64::NAN
    } else if hx >= 0x41b0_0000 {
        // x > 2**28
        if hx >= 0x7ff0_0000 {
            x + x
        } else {
            x.ln() + LN2
        }
    } else if hx == 0x3ff0_0000 && low_word(x) == 0 {
        0.0
    } else if hx > 0x4000_0000 {
        // 2**28 > x > 2
        let t = x * x;
        (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln()
    } else {
        // 1 < x < 2
        let t = x - 1.0;
        (t + (2.0 * t + t * t).sqrt()).ln_1p()
    }
}

/// fdlibm's `asinh`.
fn asinh(x: f64) -> f64 {
    let hx = high_word(x) as i32;
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        return x + x;
    }
    if ix < 0x3e30_0000 {
        // |x| < 2**-28
        return x;
    }
    let w = if ix > 0x41b0_0000 {
        x.abs().ln() + LN2
    } else if ix > 0x4000_0000 {
        let t = x.abs();
        (2.0 * t + 1.0 / ((x * x + 1.0).sqrt() + t)).ln()
    } else {
        let t = x * x;
        (x.abs() + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    if hx > 0 {
        w
    } else {
        -w
    }
}

/// fdlibm's `atanh`.
fn atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < 1.0 / (1u64 << 28) as f64 {
            return x;
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa > 1.0 {
        return f64::NAN;
    } else if xa == 1.0 {
        return x / 0.0;
    } else {
        return x + x; // NaN
    };
    t.copysign(x)
}

/// CPython's `m_atan2`: special values first, then libm.
fn atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() { (0.25 * PI).copysign(y) } else { (0.75 * PI).copysign(y) };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() { 0.0f64.copysign(y) } else { PI.copysign(y) };
    }
    y.atan2(x)
}

/// IEEE 754 remainder (CPython's `m_remainder`): exact, ties to even multiples.
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

// -- erf, erfc (fdlibm) ------------------------------------------------------------------------

const ERX: f64 = 8.450_629_115_104_675_292_97e-01;
const EFX: f64 = 1.283_791_670_955_125_863_16e-01;
const PP: [f64; 5] = [
    1.283_791_670_955_125_585_61e-01,
    -3.250_421_072_470_014_993_70e-01,
    -2.848_174_957_559_851_047_66e-02,
    -5.770_270_296_489_441_591_57e-03,
    -2.376_301_665_665_016_260_84e-05,
];
const QQ: [f64; 5] = [
    3.979_172_239_591_553_528_19e-01,
    6.502_224_998_876_729_444_85e-02,
    5.081_306_281_875_765_627_76e-03,
    1.324_947_380_043_216_445_26e-04,
    -3.960_228_278_775_368_123_20e-06,
];
const PA: [f64; 7] = [
    -2.362_118_560_752_659_440_77e-03,
    4.148_561_186_837_483_316_66e-01,
    -3.722_078_760_357_013_238_47e-01,
    3.183_466_199_011_617_536_74e-01,
    -1.108_946_942_823_966_774_76e-01,
    3.547_830_432_561_823_593_71e-02,
    -2.166_375_594_868_790_843_00e-03,
];
const QA: [f64; 6] = [
    1.064_208_804_008_442_282_86e-01,
    5.403_979_177_021_710_489_37e-01,
    7.182_865_441_419_626_628_68e-02,
    1.261_712_198_087_616_421_12e-01,
    1.363_708_391_202_905_073_62e-02,
    1.198_449_984_679_910_741_70e-02,
];
const RA: [f64; 8] = [
    -9.864_944_034_847_148_227_05e-03,
    -6.938_585_727_071_817_643_72e-01,
    -1.055_862_622_532_329_098_14e+01,
    -6.237_533_245_032_600_603_96e+01,
    -1.623_966_694_625_734_703_55e+02,
    -1.846_050_929_067_110_359_94e+02,
    -8.128_743_550_630_659_342_46e+01,
    -9.814_329_344_169_145_485_92e+00,
];
const SA: [f64; 8] = [
    1.965_127_166_743_925_712_92e+01,
    1.376_577_541_435_190_426_00e+02,
    4.345_658_774_752_292_288_21e+02,
    6.453_872_717_332_678_803_36e+02,
    4.290_081_400_275_678_333_86e+02,
    1.086_350_055_417_794_351_34e+02,
    6.570_249_770_319_281_701_35e+00,
    -6.042_441_521_485_809_874_38e-02,
];
const RB: [f64; 7] = [
    -9.864_942_924_700_099_285_97e-03,
    -7.992_832_376_805_230_065_74e-01,
    -1.775_795_491_775_475_198_89e+01,
    -1.606_363_848_558_219_160_62e+02,
    -6.375_664_433_683_896_277_22e+02,
    -1.025_095_131_611_077_249_54e+03,
    -4.835_191_916_086_513_970_19e+02,
];
const SB: [f64; 7] = [
    3.033_806_074_348_245_829_24e+01,
    3.257_925_129_965_739_188_26e+02,
    1.536_729_586_084_436_959_94e+03,
    3.199_858_219_508_595_539_08e+03,
    2.553_050_406_433_164_425_83e+03,
    4.745_285_412_069_553_672_15e+02,
    -2.244_095_244_658_581_833_62e+01,
];

/// `r/s` of erf's rational approximation on |x| < 0.84375 (z = x*x), evaluated in
/// glibc's order.
fn erf_small_ratio(z: f64) -> f64 {
    let r1 = PP[0] + z * PP[1];
    let z2 = z * z;
    let r2 = PP[2] + z * PP[3];
    let z4 = z2 * z2;
    let s1 = 1.0 + z * QQ[0];
    let s2 = QQ[1] + z * QQ[2];
    let s3 = QQ[3] + z * QQ[4];
    let r = r1 + z2 * r2 + z4 * PP[4];
    let s = s1 + z2 * s2 + z4 * s3;
    r / s
}

/// `(P, Q)` of the approximation on 0.84375 <= |x| < 1.25 (s = |x| - 1).
fn erf_mid_pq(s: f64) -> (f64, f64) {
    let p1 = PA[0] + s * PA[1];
    let s2 = s * s;
    let q1 = 1.0 + s * QA[0];
    let s4 = s2 * s2;
    let p2 = PA[2] + s * PA[3];
    let s6 = s4 * s2;
    let q2 = QA[1] + s * QA[2];
    let p3 = PA[4] + s * PA[5];
    let q3 = QA[3] + s * QA[4];
    let p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6];
    let q = q1 + s2 * q2 + s4 * q3 + s6 * QA[5];
    (p, q)
}

/// The erf/erfc tail `exp(-x*x - 0.5625 + R/S) / x` for |x| >= 1.25 (x > 0); `cut` is
/// where the second approximation takes over (erf and erfc differ by one ulp there).
fn erfc_tail(x: f64, ix: u32, cut: u32) -> f64 {
    let s = 1.0 / (x * x);
    let (r, ss) = if ix < cut {
        let r1 = RA[0] + s * RA[1];
        let s2 = s * s;
        let t1 = 1.0 + s * SA[0];
        let s4 = s2 * s2;
        let r2 = RA[2] + s * RA[3];
        let s6 = s4 * s2;
        let t2 = SA[1] + s * SA[2];
        let s8 = s4 * s4;
        let r3 = RA[4] + s * RA[5];
        let t3 = SA[3] + s * SA[4];
        let r4 = RA[6] + s * RA[7];
        let t4 = SA[5] + s * SA[6];
        (r1 + s2 * r2 + s4 * r3 + s6 * r4, t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA[7])
    } else {
        let r1 = RB[0] + s * RB[1];
        let s2 = s * s;
        let t1 = 1.0 + s * SB[0];
        let s4 = s2 * s2;
        let r2 = RB[2] + s * RB[3];
        let s6 = s4 * s2;
        let t2 = SB[1] + s * SB[2];
        let r3 = RB[4] + s * RB[5];
        let t3 = SB[3] + s * SB[4];
        let t4 = SB[5] + s * SB[6];
        (r1 + s2 * r2 + s4 * r3 + s6 * RB[6], t1 + s2 * t2 + s4 * t3 + s6 * t4)
    };
    let z = with_low_word_zero(x);
    (-z * z - 0.5625).exp() * ((z - x) * (z + x) + r / ss).exp() / x
}

fn erf(x: f64) -> f64 {
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    let neg = hx >> 31 != 0;
    if ix >= 0x7ff0_0000 {
        if x.is_nan() {
            return x;
        }
        return if neg { -1.0 } else { 1.0 };
    }
    if ix < 0x3feb_0000 {
        // |x| < 0.84375
        if ix < 0x3e30_0000 {
            if ix < 0x0080_0000 {
                return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
            }
            return x + EFX * x;
        }
        return x + x * erf_small_ratio(x * x);
    }
    if ix < 0x3ff4_0000 {
        // 0.84375 <= |x| < 1.25
        let (p, q) = erf_mid_pq(x.abs() - 1.0);
        return if neg { -ERX - p / q } else { ERX + p / q };
    }
    if ix >= 0x4018_0000 {
        // |x| >= 6
        return if neg { 1e-300 - 1.0 } else { 1.0 - 1e-300 };
    }
    let r = erfc_tail(x.abs(), ix, 0x4006_db6e);
    if neg {
        r - 1.0
    } else {
        1.0 - r
    }
}

fn erfc(x: f64) -> f64 {
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    let neg = hx >> 31 != 0;
    if ix >= 0x7ff0_0000 {
        if x.is_nan() {
            return x;
        }
        return if neg { 2.0 } else { 0.0 };
    }
    if ix < 0x3feb_0000 {
        // |x| < 0.84375
        if ix < 0x3c70_0000 {
            return 1.0 - x;
        }
        let y = erf_small_ratio(x * x);
        if neg || hx < 0x3fd0_0000 {
            // x < 1/4
            return 1.0 - (x + x * y);
        }
        let r = x * y + (x - 0.5);
        return 0.5 - r;
    }
    if ix < 0x3ff4_0000 {
        // 0.84375 <= |x| < 1.25
        let (p, q) = erf_mid_pq(x.abs() - 1.0);
        return if neg { 1.0 + (ERX + p / q) } else { (1.0 - ERX) - p / q };
    }
    if ix < 0x403c_0000 {
        // |x| < 28
        if neg && ix >= 0x4018_0000 {
            return 2.0 - 1e-300;
        }
        let r = erfc_tail(x.abs(), ix, 0x4006_db6d);
        return if neg { 2.0 - r } else { r };
    }
    if neg {
        2.0 - 1e-300
    } else {
        1e-300 * 1e-300
    }
}

/// glibc's `cbrt`: a polynomial first guess, one Halley step, the exponent split by 3.
fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_164_8;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_474_8;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = crate::ops::frexp(x.abs());
    let u = 0.354_895_765_043_919_860
        + (1.508_191_937_815_848_96
            + (-2.114_994_941_673_712_87
                + (2.446_931_225_635_344_30
                    + (-1.834_692_774_836_130_86
                        + (0.784_932_344_976_639_262 - 0.145_263_899_385_486_377 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp(if x > 0.0 { ym } else { -ym }, (xe / 3) as i64)
}

// -- gamma, lgamma (CPython's Lanczos implementation) --------------------------------------------

const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
const LOGPI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

/// `sin(pi * x)`, accurate near integers (finite x).
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// The Lanczos sum for positive x, as a rational function.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// An ERANGE result: an error only when it did not underflow (CPython's `is_error`).
fn range_result(r: f64) -> Result<f64, MathErr> {
    if r.abs() < 1.5 {
        Ok(r)
    } else {
        Err(MathErr::Range)
    }
}

fn tgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathErr::Domain);
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { range_result(r) } else { Ok(r) };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(MathErr::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
        r
    } else {
        let mut r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
        r
    };
    if r.is_infinite() {
        return range_result(r);
    }
    Ok(r)
}

fn lgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        if x.is_nan() {
            return Ok(x);
        }
        return Ok(f64::INFINITY);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(MathErr::Domain);
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return range_result(r);
    }
    Ok(r)
}

// -- Logarithms ----------------------------------------------------------------------------------

/// CPython's `m_log`: NaN or -inf for values out of the domain (errors come from the
/// caller's checks).
fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.ln()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_log2(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x.log2()
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_log10(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x.log10()
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// A logarithm that also works for ints too large for a float (via their bit length).
fn loghelper(vm: &mut Vm, arg: Value, f: fn(f64) -> f64) -> PyResult<Value> {
    if let Some(iv) = int_value(arg) {
        let b = match iv {
            Value::Int(i) => BigInt::from(i),
            Value::Obj(o) => match &o.kind {
                Kind::BigInt(b) => b.clone(),
                _ => BigInt::zero(),
            },
            _ => BigInt::zero(),
        };
        if !b.is_positive() {
            return Err(raise(vm, MathErr::Domain));
        }
        return Ok(Value::Float(match crate::format::bigint_to_f64(&b) {
            Some(x) => f(x),
            None => {
                // b ~= x * 2**e with 0.5 <= x < 1.
                let e = b.bits() as i64;
                let x = big_frexp_mantissa(&b, e);
                f(x) + f(2.0) * e as f64
            }
        }));
    }
    let x = to_float(vm, arg)?;
    check_1(vm, x, f(x), false).map(Value::Float)
}

/// `b / 2**e` correctly rounded (b positive, e its bit length), in [0.5, 1].
fn big_frexp_mantissa(b: &BigInt, e: i64) -> f64 {
    // Keep 64 bits plus a sticky bit; the conversion to f64 rounds once.
    let shift = (e - 64).max(0) as u64;
    let top: BigInt = b >> shift;
    let mut m = top.to_u64().unwrap_or(u64::MAX);
    if shift > 0 && b.trailing_zeros().is_some_and(|tz| tz < shift) {
        m |= 1;
    }
    ldexp(m as f64, shift as i64 - e)
}

fn math_log(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw(vm, "log", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(vm, args[0], m_log)?;
    if args.len() == 1 {
        return Ok(num);
    }
    let den = loghelper(vm, args[1], m_log)?;
    vm.binary_op(num, den, BinOp::TrueDiv)
}

// -- Powers, remainders and float decomposition ------------------------------------------------

fn math_pow(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, kw, "pow")?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = crate::arith::pow_f64(x, y);
        if r.is_nan() {
            return Err(raise(vm, MathErr::Domain));
        }
        if r.is_infinite() {
            return Err(raise(vm, if x == 0.0 { MathErr::Domain } else { MathErr::Range }));
        }
        r
    };
    Ok(Value::Float(r))
}

fn math_fmod(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, kw, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(raise(vm, MathErr::Domain));
    }
    Ok(Value::Float(r))
}

/// `math.floor`/`math.ceil`: exact ints as they are, `__floor__`/`__ceil__` when the
/// type has it, else the float rounded to an int.
fn round_int(vm: &mut Vm, args: &[Value], kw: Kw, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    one_arg(vm, args, kw, name)?;
    let v = args[0];
    match v {
        Value::Float(x) => return float_to_int(vm, f(x)),
        Value::Int(_) => return Ok(v),
        Value::Obj(o) if matches!(o.kind, Kind::BigInt(_)) => return Ok(v),
        _ => {}
    }
    let cls = vm.type_of(v);
    let n = if name == "math.floor" { vm.names.floor } else { vm.names.ceil };
    if let Some(m) = vm.class_lookup(cls, n) {
        return vm.call(m, &[v], &[]);
    }
    let x = to_float(vm, v)?;
    float_to_int(vm, f(x))
}

fn math_trunc(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    one_arg(vm, args, kw, "math.trunc")?;
    let v = args[0];
    if let Value::Float(x) = v {
        return float_to_int(vm, x);
    }
    let cls = vm.type_of(v);
    let n = vm.names.trunc;
    match vm.class_lookup(cls, n) {
        Some(m) => vm.call(m, &[v], &[]),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("type {} doesn't define __trunc__ method", tn)))
        }
    }
}

fn math_modf(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    one_arg(vm, args, kw, "math.modf")?;
    let x = to_float(vm, args[0])?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(new_tuple2(vm, Value::Float(frac), Value::Float(int)))
}

fn math_frexp(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    one_arg(vm, args, kw, "math.frexp")?;
    let x = to_float(vm, args[0])?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 { (x, 0) } else { crate::ops::frexp(x) };
    Ok(new_tuple2(vm, Value::Float(m), Value::Int(e as i64)))
}

fn math_ldexp(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw_math(vm, "ldexp", kw)?;
    check_args(vm, "ldexp", args, 2, 2)?;
    let x = to_float(vm, args[0])?;
    let Some(iv) = int_value(args[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let exp = match iv {
        Value::Int(i) => i,
        Value::Obj(o) => match &o.kind {
            Kind::BigInt(b) if b.is_negative() => i64::MIN,
            _ => i64::MAX,
        },
        _ => 0,
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    if exp > i32::MAX as i64 {
        return Err(raise(vm, MathErr::Range));
    }
    if exp < i32::MIN as i64 {
        return Ok(Value::Float(0.0f64.copysign(x)));
    }
    let r = ldexp(x, exp);
    if r.is_infinite() {
        return Err(raise(vm, MathErr::Range));
    }
    Ok(Value::Float(r))
}

fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn math_nextafter(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, kw, "nextafter")?;
    Ok(Value::Float(nextafter(x, y)))
}

fn math_ulp(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    one_arg(vm, args, kw, "math.ulp")?;
    let x = to_float(vm, args[0])?;
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::Float(x.abs()));
    }
    let x = x.abs();
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        let x2 = nextafter(x, f64::NEG_INFINITY);
        return Ok(Value::Float(x - x2));
    }
    Ok(Value::Float(x2 - x))
}

fn math_isclose(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, "isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    if args.len() > 2 {
        return Err(vm.type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", args.len())));
    }
    let Some(a) = arg_or_kw(args, 0, kw, "a") else {
        return Err(vm.type_error("isclose() missing required argument 'a' (pos 1)"));
    };
    let Some(b) = arg_or_kw(args, 1, kw, "b") else {
        return Err(vm.type_error("isclose() missing required argument 'b' (pos 2)"));
    };
    let a = to_float(vm, a)?;
    let b = to_float(vm, b)?;
    let rel_tol = match kwarg(kw, "rel_tol") {
        Some(v) => to_float(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match kwarg(kw, "abs_tol") {
        Some(v) => to_float(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
}

// -- Sums, products and norms ---------------------------------------------------------------------

/// Runs `f` with `vals` pushed on the root stack (for natives that call back into Python
/// while holding them).
fn with_roots<R>(vm: &mut Vm, vals: &[Value], f: impl FnOnce(&mut Vm) -> PyResult<R>) -> PyResult<R> {
    let mark = vm.roots.len();
    vm.roots.extend_from_slice(vals);
    let r = f(vm);
    vm.roots.truncate(mark);
    r
}

/// Shewchuk's exact summation, as CPython's `math.fsum` does it.
fn math_fsum(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    one_arg(vm, args, kw, "math.fsum")?;
    let it = vm.get_iter(args[0])?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    with_roots(vm, &[it], |vm| {
        while let Some(item) = vm.next(it)? {
            let mut x = to_float(vm, item)?;
            let xsave = x;
            let mut i = 0;
            for j in 0..partials.len() {
                let mut y = partials[j];
                if x.abs() < y.abs() {
                    std::mem::swap(&mut x, &mut y);
                }
                let hi = x + y;
                let lo = y - (hi - x);
                if lo != 0.0 {
                    partials[i] = lo;
                    i += 1;
                }
                x = hi;
            }
            partials.truncate(i);
            if x != 0.0 {
                if !x.is_finite() {
                    // An infinity or NaN in the input, or an intermediate overflow.
                    if xsave.is_finite() {
                        return Err(vm.overflow_error("intermediate overflow in fsum"));
                    }
                    if xsave.is_infinite() {
                        inf_sum += xsave;
                    }
                    special_sum += xsave;
                    partials.clear();
                } else {
                    partials.push(x);
                }
            }
        }
        Ok(())
    })?;
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across partials.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn math_prod(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    check_kw(vm, "prod", kw, &["start"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({} given)", args.len())));
    }
    let start = kwarg(kw, "start").unwrap_or(Value::Int(1));
    let it = vm.get_iter(args[0])?;
    let mark = vm.roots.len();
    vm.roots.push(it);
    vm.roots.push(start);
    let mut acc = start;
    let r = loop {
        match vm.next(it) {
            Ok(Some(x)) => match vm.binary_op(acc, x, BinOp::Mul) {
                Ok(v) => {
                    acc = v;
                    vm.roots[mark + 1] = v;
                }
                Err(e) => break Err(e),
            },
            Ok(None) => break Ok(acc),
            Err(e) => break Err(e),
        }
    };
    vm.roots.truncate(mark);
    r
}

/// CPython's `vector_norm`: the Euclidean norm of non-negative finite values (or an
/// infinity/NaN as flagged), with scaling, compensated summation and a correction step.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::ops::frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = ldexp(1.0, -(max_e as i64));
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;
        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Tiny values: divide by max instead of scaling by a power of two.
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn math_hypot(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw_math(vm, "hypot", kw)?;
    let mut coords = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for &a in args {
        let x = to_float(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&coords, max, found_nan)))
}

fn math_dist(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw_math(vm, "dist", kw)?;
    check_args(vm, "dist", args, 2, 2)?;
    let p = vm.collect_iter(args[0])?;
    let q = with_roots(vm, &p, |vm| vm.collect_iter(args[1]))?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut all = p.clone();
    all.extend_from_slice(&q);
    let (diffs, max, found_nan) = with_roots(vm, &all, |vm| {
        let mut diffs = Vec::with_capacity(p.len());
        let (mut max, mut found_nan) = (0.0f64, false);
        for (a, b) in p.iter().zip(q.iter()) {
            let px = to_float(vm, *a)?;
            let qx = to_float(vm, *b)?;
            let x = (px - qx).abs();
            found_nan |= x.is_nan();
            if x > max {
                max = x;
            }
            diffs.push(x);
        }
        Ok((diffs, max, found_nan))
    })?;
    Ok(Value::Float(vector_norm(&diffs, max, found_nan)))
}

// -- Integer functions ----------------------------------------------------------------------------

fn math_gcd(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw_math(vm, "gcd", kw)?;
    let mut res = BigInt::zero();
    for &a in args {
        let x = index_big(vm, a)?;
        if !res.is_one() {
            res = res.gcd(&x);
        }
    }
    Ok(vm.new_int(res.abs()))
}

fn math_lcm(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw_math(vm, "lcm", kw)?;
    let mut res = BigInt::one();
    for &a in args {
        let x = index_big(vm, a)?;
        if !res.is_zero() {
            res = if x.is_zero() { BigInt::zero() } else { (&res / res.gcd(&x) * &x).abs() };
        }
    }
    Ok(vm.new_int(res.abs()))
}

fn math_isqrt(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    one_arg(vm, args, kw, "math.isqrt")?;
    let n = index_big(vm, args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_int(n.sqrt()))
}

/// The product of the integers in `lo..hi`, by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for i in lo..hi {
            match small.checked_mul(i) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn factorial_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let n = index_big(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error(format!("factorial() argument should not exceed {}", i64::MAX)));
    };
    Ok(vm.new_int(range_product(1, n as u64 + 1)))
}

fn math_factorial(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    one_arg(vm, args, kw, "math.factorial")?;
    factorial_of(vm, args[0])
}

/// The n and k arguments of comb and perm (non-negative, k <= n checked by the caller).
fn comb_args(vm: &mut Vm, n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let n = index_big(vm, n)?;
    let k = index_big(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `n * (n-1) * ... * (n-k+1)` for a big n and small k, by binary splitting.
fn falling_product(n: &BigInt, k: u64) -> BigInt {
    if k == 0 {
        return BigInt::one();
    }
    if k == 1 {
        return n.clone();
    }
    let j = k / 2;
    falling_product(n, j) * falling_product(&(n - j), k - j)
}

fn math_comb(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw_math(vm, "comb", kw)?;
    check_args(vm, "comb", args, 2, 2)?;
    let (n, k) = comb_args(vm, args[0], args[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    let r = falling_product(&n, k) / range_product(1, k + 1);
    Ok(vm.new_int(r))
}

fn math_perm(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kw_math(vm, "perm", kw)?;
    check_args(vm, "perm", args, 1, 2)?;
    let k = args.get(1).copied().unwrap_or(Value::None);
    if k.is_none() {
        return factorial_of(vm, args[0]);
    }
    let (n, k) = comb_args(vm, args[0], k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    Ok(vm.new_int(falling_product(&n, k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_functions() {
        assert_eq!(tgamma(5.0), Ok(24.0));
        assert_eq!(tgamma(0.5).map(|g| (g - PI.sqrt()).abs() < 1e-15), Ok(true));
        assert_eq!(tgamma(-1.0), Err(MathErr::Domain));
        assert_eq!(tgamma(200.0), Err(MathErr::Range));
        assert_eq!(lgamma(1.0), Ok(0.0));
        assert_eq!(lgamma(0.0), Err(MathErr::Domain));
        assert_eq!(erf(0.0), 0.0);
        assert_eq!(erf(f64::INFINITY), 1.0);
        assert_eq!(erfc(f64::NEG_INFINITY), 2.0);
        assert_eq!(erf(0.5), 0.5204998778130465);
        assert_eq!(erfc(2.0), 0.004677734981047265);
        assert_eq!(asinh(0.0), 0.0);
        assert_eq!(acosh(1.0), 0.0);
        assert_eq!(atanh(0.5), 0.5493061443340548);
        assert_eq!(remainder(5.0, 2.0), 1.0);
        assert_eq!(remainder(7.0, 2.0), -1.0);
        assert_eq!(nextafter(1.0, 2.0), 1.0000000000000002);
        assert_eq!(nextafter(0.0, -1.0), -5e-324);
    }

    #[test]
    fn norms_and_products() {
        assert_eq!(vector_norm(&[3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(vector_norm(&[5e-324, 5e-324], 5e-324, false), 5e-324);
        assert_eq!(range_product(1, 21), BigInt::from(2432902008176640000u64));
        assert_eq!(falling_product(&BigInt::from(10), 3), BigInt::from(720));
        assert_eq!(big_frexp_mantissa(&BigInt::from(3), 2), 0.75);
    }
}
