//! Float text conversion matching CPython: `repr(float)`, the printf-style `e`/`f`/`g`/`r` conversions of `PyOS_double_to_string`, and `float(str)` parsing.
//!
//! Digit generation is delegated to Rust's float formatting, which is exact
//! (shortest round-trip digits for `{:e}`, correctly rounded with ties-to-even
//! on the exact binary value for `{:.N}`/`{:.Ne}`), exactly like David Gay's
//! `dtoa` used by CPython.  The digits are then laid out following CPython's
//! `format_float_short` in `Python/pystrtod.c`.

/// Flags for [`double_to_string`], mirroring CPython's `Py_DTSF_*` flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtsFlags {
    /// Always emit a sign (`+` for non-negative values), `Py_DTSF_SIGN`.
    pub sign: bool,
    /// Append `.0` to results that would otherwise look like integers (and,
    /// for `g`, switch to exponent notation one digit earlier),
    /// `Py_DTSF_ADD_DOT_0`.
    pub add_dot_0: bool,
    /// Alternate form (`#`): always keep the decimal point, and for `g` keep
    /// trailing zeros, `Py_DTSF_ALT`.
    pub alt: bool,
    /// Turn a negative zero result (after rounding) into a positive zero,
    /// `Py_DTSF_NO_NEG_0` (the `z` format option).
    pub no_neg_0: bool,
}

/// `repr(x)` (and `str(x)`) for a Python float: the shortest digit string
/// that round-trips, in fixed notation when the decimal exponent is in
/// `-4..16`, scientific otherwise.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, DtsFlags { add_dot_0: true, ..DtsFlags::default() })
}

/// `'%.*f' % (precision, x)`: fixed notation with `precision` digits after
/// the point.  Infinities and NaN give `inf`, `-inf`, `nan`.
pub fn format_float_fixed(x: f64, precision: usize) -> String {
    double_to_string(x, 'f', precision, DtsFlags::default())
}

/// `'%.*e' % (precision, x)` (or `%E` when `upper`): one digit before the
/// point, `precision` after, and an exponent of at least two digits.
pub fn format_float_exp(x: f64, precision: usize, upper: bool) -> String {
    double_to_string(x, if upper { 'E' } else { 'e' }, precision, DtsFlags::default())
}

/// `'%.*g' % (precision, x)` (`%G` when `upper`, `%#g` when `alternate`):
/// `precision` significant digits (0 means 1), scientific notation when the
/// exponent is `< -4` or `>= precision`, trailing zeros removed unless
/// `alternate`.
pub fn format_float_general(x: f64, precision: usize, upper: bool, alternate: bool) -> String {
    double_to_string(x, if upper { 'G' } else { 'g' }, precision, DtsFlags { alt: alternate, ..DtsFlags::default() })
}

/// Port of CPython's `PyOS_double_to_string`.
///
/// `code` is one of `e E f F g G r` (`r` is repr-style shortest digits and
/// ignores `precision`).  Upper-case codes give upper-case `E`, `INF` and
/// `NAN`.  Any other code is treated like `r`.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtsFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();

    if !x.is_finite() {
        let mut out = String::new();
        // CPython never shows the sign of a NaN.
        let neg = x.is_infinite() && x.is_sign_negative();
        if neg {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }

    let mut neg = x.is_sign_negative();
    let ax = x.abs();
    // `precision` as CPython's `mode`/`ndigits` would see it.
    let (digits, decpt, precision) = match code {
        'e' => {
            let (d, p) = exp_digits(&format!("{:.*e}", precision, ax));
            (d, p, precision + 1)
        }
        'f' => {
            let (d, p) = fixed_digits(&format!("{:.*}", precision, ax));
            (d, p, precision)
        }
        'g' => {
            let precision = precision.max(1);
            let (d, p) = exp_digits(&format!("{:.*e}", precision - 1, ax));
            (d, p, precision)
        }
        _ => {
            let (d, p) = shortest_digits(ax);
            (d, p, 0)
        }
    };

    if flags.no_neg_0 && neg && digits.bytes().all(|b| b == b'0') {
        neg = false;
    }

    let digits_len = digits.len() as i64;
    let precision = precision as i64;
    let mut decpt = decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }

    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let mut out = String::with_capacity((vdigits_end - vdigits_start + 8).max(0) as usize);
    if neg {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    // Exactly one of the following three places emits the decimal point.
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}

/// Shortest round-tripping digits of a non-negative finite `x`, choosing
/// (like `dtoa` mode 0) the candidate nearest to `x`, and the even one on an
/// exact tie, where Rust's shortest formatting would round the tie up.
fn shortest_digits(x: f64) -> (String, i64) {
    let (digits, decpt) = exp_digits(&format!("{x:e}"));
    let n = digits.len();
    if n < 2 {
        return (digits, decpt);
    }
    // The correctly rounded (ties-to-even) n-digit decimal is the nearest
    // one; use it whenever it also round-trips.
    let nearest = format!("{:.*e}", n - 1, x);
    let (d2, p2) = exp_digits(&nearest);
    if d2 != digits && nearest.parse::<f64>() == Ok(x) {
        return (d2, p2);
    }
    (digits, decpt)
}

/// Split Rust's `{:e}` output of a non-negative finite number (`d.ddde-N`)
/// into significant digits without trailing zeros (`"0"` for zero) and the
/// position of the decimal point relative to the digits.
fn exp_digits(s: &str) -> (String, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    trim_trailing_zeros(&mut digits);
    if digits == "0" {
        return (digits, 1);
    }
    (digits, exp + 1)
}

/// Split Rust's `{:.N}` output of a non-negative finite number into
/// significant digits (no leading or trailing zeros; `"0"` for zero) and the
/// decimal point position.
fn fixed_digits(s: &str) -> (String, i64) {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let all = format!("{int}{frac}");
    let stripped = all.trim_start_matches('0');
    let decpt = int.len() as i64 - (all.len() - stripped.len()) as i64;
    let mut digits = stripped.to_string();
    trim_trailing_zeros(&mut digits);
    if digits.is_empty() || digits == "0" {
        return ("0".to_string(), 1);
    }
    (digits, decpt)
}

fn trim_trailing_zeros(digits: &mut String) {
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
}

/// Zero digits of every run of Unicode decimal digits (category Nd, Unicode
/// 14.0 as used by CPython 3.11); each run holds the digits 0..=9.
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
    0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
    0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
    0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`unicodedata.decimal(c)`), e.g.
/// `'7'` or `'\u{0667}'` (ARABIC-INDIC DIGIT SEVEN).
pub fn decimal_value(c: char) -> Option<u32> {
    let c = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= c);
    if i == 0 {
        return None;
    }
    let d = c - DECIMAL_ZEROS[i - 1];
    (d < 10).then_some(d)
}

/// Python's `str.isspace()`.
pub fn py_is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// CPython's `Py_ISSPACE`: the ASCII whitespace stripped by numeric parsers.
fn is_ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// What CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII` followed by
/// stripping does to the argument of `int()`/`float()`: non-ASCII
/// whitespace becomes a space, non-ASCII decimal digits become ASCII digits,
/// then ASCII whitespace is stripped from both ends.  `None` if some other
/// non-ASCII character is present (the parse would fail anyway).
pub(crate) fn numeric_ascii(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if c.is_whitespace() {
            out.push(' ');
        } else {
            out.push(char::from_digit(decimal_value(c)?, 10)?);
        }
    }
    Some(out.trim_matches(is_ascii_space).to_string())
}

/// Parse a string with the syntax accepted by Python's `float()`:
/// surrounding whitespace, an optional sign, then either `inf`, `infinity`
/// or `nan` (any case) or a decimal number (`1`, `1.`, `.5`, `1e5`,
/// `1.5E-3`), where single underscores may separate digits.  Non-ASCII
/// decimal digits count as digits.  Returns `None` for anything else.
/// Values too large become infinities, like CPython.
pub fn parse_float(s: &str) -> Option<f64> {
    let owned = numeric_ascii(s)?;
    let s = owned.as_str();
    if s.is_empty() {
        return None;
    }
    let cleaned;
    let s = if s.contains('_') {
        // Underscores are only allowed between two digits.
        let b = s.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            if c == b'_' {
                let before = i > 0 && b[i - 1].is_ascii_digit();
                let after = i + 1 < b.len() && b[i + 1].is_ascii_digit();
                if !before || !after {
                    return None;
                }
            }
        }
        cleaned = s.replace('_', "");
        cleaned.as_str()
    } else {
        s
    };

    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let rest = &s[i..];
    if rest.eq_ignore_ascii_case("inf") || rest.eq_ignore_ascii_case("infinity") || rest.eq_ignore_ascii_case("nan") {
        return s.parse::<f64>().ok();
    }
    let mut ndigits = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        ndigits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            ndigits += 1;
        }
    }
    if ndigits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    s.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floatfmt_repr_basic() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (100.0, "100.0"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (-2.5, "-2.5"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e-5, "1e-05"),
            (1e-4, "0.0001"),
            (0.00012345, "0.00012345"),
            (1.5e300, "1.5e+300"),
            (1.5e-300, "1.5e-300"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (0.30000000000000004, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2e16 + 8.0, "2.000000000000001e+16"),
            (1e100, "1e+100"),
            (1.23e-100, "1.23e-100"),
            (12345.678, "12345.678"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x:e})");
        }
    }

    /// (bits, repr) for random doubles of all magnitudes, from CPython 3.11.
    const REPR_TABLE: &[(u64, &str)] = &[
        (0x4056dd2f1a9fbe77, "91.456"),
        (0x3f50624dd2f1a9fc, "0.001"),
        (0x3ee4f8b588e368f1, "1e-05"),
        (0x4341c37937e08000, "1e+16"),
        (0x433fffffffffffff, "9007199254740991.0"),
        (0x0000000000000001, "5e-324"),
        (0x000fffffffffffff, "2.225073858507201e-308"),
        (0x3fb999999999999a, "0.1"),
        (0x3fe0000000000001, "0.5000000000000001"),
        // Exact ties between two shortest candidates: dtoa picks the even one.
        (0x42ed640a5d4d4904, "258524062575176.12"),
        (0xc28403df52f3ad40, "-2750858026613.6562"),
        (0xc2a0b13957f7a1a0, "-9176678661072.812"),
        (0xdda1494c73cf256d, "-1.0539756485530688e+143"),
        (0xdb5b5fab8f4d3e27, "-1.2143721666352482e+132"),
        (0xc7fde805ec99108d, "-6.360375184993316e+38"),
        (0x73ab48767734d7c1, "1.526087629730313e+249"),
        (0xdae445508201e2bd, "-7.02551513787579e+129"),
        (0x309d6b79965eda32, "1.6260771785726701e-74"),
        (0xcdcc69292f45e678, "-5.984009685093657e+66"),
        (0x79cb9e86830c71c2, "4.8959585264576934e+278"),
        (0x9d2c67eda13ffe79, "-3.7634144828029947e-168"),
        (0x2fa91425cb008853, "4.2301541954837196e-79"),
        (0x7253edc618187993, "5.315422088462547e+242"),
        (0x244caf9c4dabb481, "7.893354548061464e-134"),
        (0x89e7d15f17362f25, "-6.0511296129096725e-261"),
        (0xe3eff9c0cf44dd3f, "-2.471417988383651e+173"),
        (0xa26b7f62b1852f27, "-7.046717376279707e-143"),
        (0x986e86cb0ab8ab67, "-5.352667702512672e-191"),
        (0x656abd72fb710734, "3.467443581611296e+180"),
        (0x73f778aaf6fa5db8, "4.201212419249933e+250"),
        (0xbd299753a7677796, "-4.545896140860994e-14"),
        (0xa66b0d389d95847e, "-1.278808376866442e-123"),
        (0x9f8558a628518867, "-7.773821756658801e-157"),
        (0xd4ea65d003d71684, "-1.1547680013076696e+101"),
        (0x102b938b8743feb6, "8.88116792998917e-231"),
        (0x09208a650f3ebdd3, "1.0259476444142278e-264"),
        (0xe12b2b8f30b17d0b, "-1.1937126864956989e+160"),
        (0x998092253deffa38, "-7.616900394922395e-186"),
        (0xc7321cc007b37e14, "-9.404446511312006e+34"),
        (0x5387f61376c468ae, "2.4990667113411633e+94"),
        (0x97491e2370c6a5b8, "-1.6800925191972358e-196"),
        (0x320094ead7a94ded, "7.688121853400444e-68"),
        (0x3bd0334684e55160, "1.3722183439346506e-20"),
        (0x4b4d8474a3ea284d, "5.654411402250841e+54"),
        (0x012d0ea67ff12229, "5.2964948879303666e-303"),
        (0x15c1d2dfa9964aef, "7.106101800028059e-204"),
        (0xa7a1149075139237, "-8.466578551422606e-118"),
        (0x6822a6b24735af1c, "4.254739997646274e+193"),
        (0x8d1fe1daff666589, "-1.82394811931708e-245"),
        (0xee82ec3ffee5a5b2, "-2.1888367315112703e+224"),
        (0x154cd2aad7185dda, "4.48880712297644e-206"),
        (0x4105cca7b53302fc, "178580.96347620327"),
        (0xc1168c96438d59f4, "-369445.5659689002"),
        (0xc08b100000000000, "-866.0"),
        (0x3e5684ab1c54edb6, "2.0971741472961113e-08"),
        (0x3f7731799cd2a39f, "0.005662417458702245"),
        (0xc12932df34e32b31, "-825711.6032956598"),
        (0xc11ef56068aab7fb, "-507224.10221374006"),
        (0x411639eb88d1bf20, "364154.8836126197"),
        (0xc103b8181188f9c4, "-161539.00856204156"),
        (0xc11c19e82eb6b212, "-460410.04561880336"),
        (0xc12315d28e9deeb0, "-625385.2785486784"),
        (0x3fcb4b8f07108e00, "0.21324336857752257"),
        (0xc0899e2027525461, "-819.7657"),
        (0x406e89999999999a, "244.3"),
        (0xc0dfc9bbbe0d8c60, "-32550.933474909863"),
        (0xc1171825b23b7848, "-378377.42405498447"),
        (0x3f83426e15e5e783, "0.009404048960948824"),
        (0x3ed1ad5ccbbce082, "4.214572239473579e-06"),
        (0x3fe68bea39910277, "0.704579460558377"),
        (0xc11937253a6635cc, "-413129.30703052576"),
        (0xc0e43705f257cd60, "-41400.185832883"),
        (0x3e21858b01a37e2a, "2.039788793696844e-09"),
        (0xc11ea1bfc531d86d, "-501871.94257295766"),
        (0x408e07e50c5eb314, "960.98684"),
        (0x3f0ea439787bd40e, "5.84440268180179e-05"),
        (0x41290991cf401006, "820424.9047856338"),
        (0xc0e15911be8bcb80, "-35528.55451001879"),
        (0x4089032253111f0c, "800.39176"),
        (0x4053d4e81f42b417, "79.3266676093484"),
        (0x40f5446203bc831d, "87110.12591220108"),
        (0xc06e400000000000, "-242.0"),
    ];

    #[test]
    fn floatfmt_repr_table() {
        for &(bits, want) in REPR_TABLE {
            let x = f64::from_bits(bits);
            assert_eq!(float_repr(x), want, "bits {bits:#x}");
            assert_eq!(parse_float(want).map(f64::to_bits), Some(bits));
        }
    }

    #[test]
    fn floatfmt_repr_roundtrip_random() {
        // xorshift over all bit patterns: repr must parse back exactly.
        let mut s: u64 = 0x9e3779b97f4a7c15;
        for _ in 0..20000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let x = f64::from_bits(s);
            if !x.is_finite() {
                continue;
            }
            let r = float_repr(x);
            assert_eq!(parse_float(&r).map(f64::to_bits), Some(s), "{r}");
        }
    }

    #[test]
    fn floatfmt_fixed_exp_general() {
        // (value, code, precision, alt, expected), from CPython '%...' % x.
        let cases: &[(f64, char, usize, bool, &str)] = &[
            (2.675, 'f', 2, false, "2.67"),
            (0.5, 'f', 0, false, "0"),
            (1.5, 'f', 0, false, "2"),
            (2.5, 'f', 0, false, "2"),
            (-0.0, 'f', 2, false, "-0.00"),
            (-0.001, 'f', 2, false, "-0.00"),
            (0.125, 'f', 2, false, "0.12"),
            (0.375, 'f', 2, false, "0.38"),
            (1e22, 'f', 1, false, "10000000000000000000000.0"),
            (1.5, 'f', 0, true, "2."),
            (0.1, 'f', 30, false, "0.100000000000000005551115123126"),
            (123.456, 'f', 6, false, "123.456000"),
            (f64::INFINITY, 'F', 2, false, "INF"),
            (f64::NAN, 'f', 2, false, "nan"),
            (1.5, 'e', 0, true, "2.e+00"),
            (1.25, 'e', 1, false, "1.2e+00"),
            (12345.0, 'e', 2, false, "1.23e+04"),
            (12345.0, 'E', 2, false, "1.23E+04"),
            (1e-300, 'e', 3, false, "1.000e-300"),
            (0.0, 'e', 0, false, "0e+00"),
            (-0.0, 'e', 6, false, "-0.000000e+00"),
            (9.9999e99, 'e', 2, false, "1.00e+100"),
            (1e-5, 'g', 6, false, "1e-05"),
            (123456789.0, 'g', 6, false, "1.23457e+08"),
            (0.0001, 'g', 3, false, "0.0001"),
            (100000.0, 'g', 6, false, "100000"),
            (1000000.0, 'g', 6, false, "1e+06"),
            (999999.5, 'g', 6, false, "1e+06"),
            (0.0, 'g', 6, false, "0"),
            (-0.0, 'g', 6, false, "-0"),
            (1.5, 'g', 0, false, "2"),
            (1.0, 'g', 6, true, "1.00000"),
            (1e10, 'g', 6, true, "1.00000e+10"),
            (0.0, 'g', 0, true, "0."),
            (1.5, 'G', 6, false, "1.5"),
            (1e-10, 'G', 6, false, "1E-10"),
            (f64::NEG_INFINITY, 'G', 6, false, "-INF"),
            (0.000123456, 'g', 3, false, "0.000123"),
            (123.0, 'g', 2, false, "1.2e+02"),
        ];
        for &(x, code, prec, alt, want) in cases {
            let got = double_to_string(x, code, prec, DtsFlags { alt, ..DtsFlags::default() });
            assert_eq!(got, want, "'%{}.{}{}' % {:e}", if alt { "#" } else { "" }, prec, code, x);
        }
        assert_eq!(format_float_fixed(2.675, 2), "2.67");
        assert_eq!(format_float_exp(12345.0, 2, true), "1.23E+04");
        assert_eq!(format_float_general(123456789.0, 6, false, false), "1.23457e+08");
        assert_eq!(format_float_general(1.0, 3, false, true), "1.00");
    }

    #[test]
    fn floatfmt_add_dot_0_and_no_neg_0() {
        let g0 = DtsFlags { add_dot_0: true, ..DtsFlags::default() };
        // format(x, '.Np') without a type: like g, but one more digit
        // triggers the exponent and integers get '.0'.
        assert_eq!(double_to_string(123.0, 'g', 3, g0), "1.23e+02");
        assert_eq!(double_to_string(100.0, 'g', 5, g0), "100.0");
        assert_eq!(double_to_string(12.0, 'g', 3, g0), "12.0");
        assert_eq!(double_to_string(1e20, 'g', 3, g0), "1e+20");
        let z = DtsFlags { no_neg_0: true, ..DtsFlags::default() };
        assert_eq!(double_to_string(-0.0001, 'f', 2, z), "0.00");
        assert_eq!(double_to_string(-0.0, 'e', 1, z), "0.0e+00");
        assert_eq!(double_to_string(-0.5, 'f', 1, z), "-0.5");
        let s = DtsFlags { sign: true, ..DtsFlags::default() };
        assert_eq!(double_to_string(1.5, 'f', 1, s), "+1.5");
        assert_eq!(double_to_string(f64::NAN, 'f', 1, s), "+nan");
    }

    #[test]
    fn floatfmt_parse() {
        let ok: &[(&str, f64)] = &[
            ("1", 1.0),
            ("  -1.5  ", -1.5),
            ("\t+2.5e3\n", 2500.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e5", 1e5),
            ("1E-5", 1e-5),
            ("1_000.000_1", 1000.0001),
            ("1_0e1_0", 1e11),
            ("1e400", f64::INFINITY),
            ("-1e400", f64::NEG_INFINITY),
            ("inf", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("+iNF", f64::INFINITY),
            ("\u{3000}3.25\u{a0}", 3.25),
            ("\x0b7\x0c", 7.0),
            ("\u{0661}\u{0662}.\u{0665}", 12.5),
            ("１_０", 10.0),
            ("0.1", 0.1),
            ("000123.4500", 123.45),
            ("1e-400", 0.0),
        ];
        for &(s, want) in ok {
            assert_eq!(parse_float(s), Some(want), "{s:?}");
        }
        assert!(parse_float("nan").unwrap().is_nan());
        assert!(parse_float(" -NaN ").unwrap().is_nan());
        let bad = [
            "", " ", ".", "e5", "1e", "1e+", "_1", "1_", "1__0", "1_.5", "1._5", "1e_5", "1_e5", "in_f", "infinit",
            "nan1", "1.5.5", "0x10", "1 0", "- 1", "++1", "1e5.5", "\x1c1", "1x", "\u{00b2}",
        ];
        for s in bad {
            assert_eq!(parse_float(s), None, "{s:?}");
        }
    }
}
