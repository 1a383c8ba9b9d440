//! Python's format-spec mini-language (`format()`, `str.format`, f-strings) for int, float and str, printf-style `%` conversions, and int <-> text in bases 2..36, all matching CPython 3.11 byte for byte.
//!
//! The layout code follows CPython's `Python/formatter_unicode.c`
//! (`calc_number_widths`, `fill_number`, `_PyUnicode_InsertThousandsGrouping`)
//! and `Objects/unicodeobject.c` (`unicode_format_arg_output`,
//! `_PyUnicode_FormatLong`).  Formatting assumes the C locale, which is what
//! CPython uses unless a program calls `locale.setlocale`, so the `n` type
//! behaves like `d`/`g`.
//!
//! Errors are returned as CPython's exception message.  They are all
//! `ValueError`s except the ones recognised by [`is_overflow_error`].

use crate::floatfmt::{self, decimal_value, double_to_string, DtsFlags};
use num_bigint::{BigInt, BigUint, Sign as BigSign};
use num_traits::{ToPrimitive, Zero};

/// Message of the `OverflowError` for `format(n, 'c')` / `'%c' % n` with `n`
/// outside `range(0x110000)`.
pub const CHAR_RANGE_MSG: &str = "%c arg not in range(0x110000)";
/// Message of the `OverflowError` for float presentation types on an int too
/// large for a float.
pub const INT_TOO_LARGE_MSG: &str = "int too large to convert to float";
/// Message of the `OverflowError` for `format(n, 'c')` with `n` outside the
/// range of a C long.
pub const LONG_RANGE_MSG: &str = "Python int too large to convert to C long";

/// Whether an error message returned by this module belongs to an
/// `OverflowError` rather than a `ValueError`.
pub fn is_overflow_error(msg: &str) -> bool {
    msg == CHAR_RANGE_MSG || msg == INT_TOO_LARGE_MSG || msg == LONG_RANGE_MSG
}

/// Alignment option of a format spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding between the sign/prefix and the digits.
    AfterSign,
}

/// Sign option of a format spec.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sign {
    /// No sign option given (behaves like `-` for numbers).
    #[default]
    Default,
    /// `-`: sign only for negative numbers.
    Minus,
    /// `+`: sign for all numbers.
    Plus,
    /// ` `: space for non-negative numbers, `-` for negative ones.
    Space,
}

/// A parsed standard format specifier:
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill character; `'0'` when [`FormatSpec::zero_pad`] is set.
    pub fill: char,
    /// Explicit alignment; `None` means the type's default (`<` for str,
    /// `>` for numbers, `=` for numbers with `zero_pad`).
    pub align: Option<Align>,
    pub sign: Sign,
    /// The `z` option: coerce negative zero (after rounding) to zero.
    pub no_neg_zero: bool,
    /// The `#` option.
    pub alternate: bool,
    /// A `0` before the width without an explicit fill character; the
    /// parser then also sets `fill` to `'0'`.
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type, `None` when omitted.
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: Sign::Default,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

/// Parse a format spec.  Same as [`parse_format_spec_for`] with the type
/// name `object` (only used in the "Invalid format specifier" message).
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, String> {
    parse_format_spec_for(spec, "object")
}

/// Parse a format spec for a value whose type is called `type_name`, with
/// CPython's error messages, e.g. `Invalid format specifier '10dd' for
/// object of type 'int'`.
///
/// Grouping is validated here only when a type is given; the `format_*`
/// functions validate it again against their default type.
pub fn parse_format_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    let c: Vec<char> = spec.chars().collect();
    let end = c.len();
    let mut pos = 0;
    let mut f = FormatSpec::default();
    let mut fill_specified = false;

    if end >= 2 && align_of(c[1]).is_some() {
        f.fill = c[0];
        f.align = align_of(c[1]);
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && align_of(c[0]).is_some() {
        f.align = align_of(c[0]);
        pos = 1;
    }
    if pos < end {
        let sign = match c[pos] {
            '+' => Some(Sign::Plus),
            '-' => Some(Sign::Minus),
            ' ' => Some(Sign::Space),
            _ => None,
        };
        if let Some(sign) = sign {
            f.sign = sign;
            pos += 1;
        }
    }
    if pos < end && c[pos] == 'z' {
        f.no_neg_zero = true;
        pos += 1;
    }
    if pos < end && c[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < end && c[pos] == '0' {
        f.fill = '0';
        f.zero_pad = true;
        pos += 1;
    }
    f.width = get_integer(&c, &mut pos)?;
    if pos < end && c[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && c[pos] == '_' {
        if f.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && c[pos] == ',' && f.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if pos < end && c[pos] == '.' {
        pos += 1;
        f.precision = get_integer(&c, &mut pos)?;
        if f.precision.is_none() {
            return Err("Format specifier missing precision".to_string());
        }
    }
    if end - pos > 1 {
        return Err(format!("Invalid format specifier '{spec}' for object of type '{type_name}'"));
    }
    if end - pos == 1 {
        f.ty = Some(c[pos]);
    }
    if let Some(ty) = f.ty {
        group_size(f.grouping, ty)?;
    }
    Ok(f)
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Read a run of (Unicode) decimal digits as a width or precision.
fn get_integer(c: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut acc: usize = 0;
    let mut any = false;
    while let Some(d) = c.get(*pos).and_then(|&ch| decimal_value(ch)) {
        let d = d as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err("Too many decimal digits in format string".to_string());
        }
        acc = acc * 10 + d;
        any = true;
        *pos += 1;
    }
    Ok(any.then_some(acc))
}

/// `'c'` quoted the way CPython's messages show a presentation type.
fn quote_code(ty: char) -> String {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        format!("'{ty}'")
    } else {
        format!("'\\x{:x}'", ty as u32)
    }
}

fn unknown_code(ty: char, type_name: &str) -> String {
    format!("Unknown format code {} for object of type '{type_name}'", quote_code(ty))
}

/// Digits per group for the spec's grouping option with presentation type
/// `ty` (`'\0'` for a float without type), 0 for no grouping.
fn group_size(grouping: Option<char>, ty: char) -> Result<usize, String> {
    let Some(g) = grouping else { return Ok(0) };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(3),
        'b' | 'o' | 'x' | 'X' if g == '_' => Ok(4),
        _ => Err(format!("Cannot specify '{g}' with {}.", quote_code(ty))),
    }
}

/// The parts of a formatted number, as in CPython's `calc_number_widths`.
struct NumParts<'a> {
    neg: bool,
    /// `0x` etc. (already in the right case).
    prefix: &'a str,
    /// The leading run of digits, which gets grouped and zero padded.
    digits: &'a str,
    /// Whether a decimal point follows the digits.
    decimal: bool,
    /// Everything after the digits and decimal point.
    remainder: &'a str,
}

fn push_n(out: &mut String, c: char, n: isize) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

/// Lay out a number: `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`.
fn layout_number(p: &NumParts, spec: &FormatSpec, group: usize) -> String {
    let align = spec.align.unwrap_or(if spec.zero_pad { Align::AfterSign } else { Align::Right });
    let sign = match spec.sign {
        Sign::Plus => Some(if p.neg { '-' } else { '+' }),
        Sign::Space => Some(if p.neg { '-' } else { ' ' }),
        _ => p.neg.then_some('-'),
    };
    let n_non_digit = sign.is_some() as isize
        + p.prefix.chars().count() as isize
        + p.decimal as isize
        + p.remainder.chars().count() as isize;
    let width = spec.width.map_or(-1, |w| w.min(isize::MAX as usize) as isize);
    let min_width = if spec.fill == '0' && align == Align::AfterSign { width - n_non_digit } else { 0 };
    let grouped = if p.digits.is_empty() {
        String::new()
    } else {
        group_digits(p.digits, min_width, group, spec.grouping.unwrap_or(','))
    };
    let padding = width - (n_non_digit + grouped.chars().count() as isize);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if padding > 0 {
        match align {
            Align::Left => rpad = padding,
            Align::Center => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            Align::AfterSign => spad = padding,
            Align::Right => lpad = padding,
        }
    }
    let mut out =
        String::with_capacity((padding.max(0) as usize) + grouped.len() + p.remainder.len() + p.prefix.len() + 2);
    push_n(&mut out, spec.fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(p.prefix);
    push_n(&mut out, spec.fill, spad);
    out.push_str(&grouped);
    if p.decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    push_n(&mut out, spec.fill, rpad);
    out
}

/// Port of `_PyUnicode_InsertThousandsGrouping`: groups of `group` digits
/// (0 = no grouping) separated by `sep`, left-padded with zeros (which are
/// grouped too) to at least `min_width` characters.
fn group_digits(digits: &str, min_width: isize, group: usize, sep: char) -> String {
    let mut chunks: Vec<String> = Vec::new();
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width.max(0);
    let mut end = digits.len();
    let mut take = |len: isize, remaining: &mut isize, chunks: &mut Vec<String>| {
        let n_zeros = (len - *remaining).max(0);
        let n_chars = (*remaining).min(len).max(0);
        let mut chunk = String::with_capacity((n_zeros + n_chars) as usize);
        push_n(&mut chunk, '0', n_zeros);
        chunk.push_str(&digits[end - n_chars as usize..end]);
        end -= n_chars as usize;
        *remaining -= n_chars;
        chunks.push(chunk);
    };
    let mut finished = false;
    if group > 0 {
        loop {
            let len = (group as isize).min(remaining.max(min_width).max(1));
            take(len, &mut remaining, &mut chunks);
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= 1; // the separator
        }
    }
    if !finished {
        let len = remaining.max(min_width).max(1);
        take(len, &mut remaining, &mut chunks);
    }
    chunks.reverse();
    chunks.join(sep.encode_utf8(&mut [0; 4]))
}

/// `format(v, spec)` for an int (`int.__format__`).
///
/// Note that `format(v, '')` is `str(v)`, which for `bool` is not what this
/// returns; callers handle the empty spec of subclasses themselves.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    format_int_named(v, spec, "int")
}

/// [`format_int`] for an i64.
pub fn format_i64(v: i64, spec: &FormatSpec) -> Result<String, String> {
    format_int(&BigInt::from(v), spec)
}

/// [`format_int`] for a value of an int subclass called `type_name` (used in
/// the "Unknown format code" message, e.g. `bool`).
pub fn format_int_named(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('d');
    let group = group_size(spec.grouping, ty)?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_int_internal(v, spec, ty, group),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = bigint_to_f64(v).ok_or_else(|| INT_TOO_LARGE_MSG.to_string())?;
            format_float_internal(x, spec, Some(ty), group)
        }
        _ => Err(unknown_code(ty, type_name)),
    }
}

fn format_int_internal(v: &BigInt, spec: &FormatSpec, ty: char, group: usize) -> Result<String, String> {
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".to_string());
    }
    if ty == 'c' {
        if spec.sign != Sign::Default {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if spec.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".to_string());
        }
        if v.to_i64().is_none() {
            return Err(LONG_RANGE_MSG.to_string());
        }
        let code = v.to_u32().filter(|&c| c < 0x110000).ok_or_else(|| CHAR_RANGE_MSG.to_string())?;
        let ch = code_point_char(code).to_string();
        let parts = NumParts { neg: false, prefix: "", digits: "", decimal: false, remainder: &ch };
        return Ok(layout_number(&parts, spec, 0));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumParts {
        neg: v.sign() == BigSign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        decimal: false,
        remainder: "",
    };
    Ok(layout_number(&parts, spec, if ty == 'n' { 0 } else { group }))
}

/// A code point as a `char`; lone surrogates, which a Rust string cannot
/// hold, become U+FFFD.
fn code_point_char(code: u32) -> char {
    char::from_u32(code).unwrap_or('\u{fffd}')
}

/// `float(v)` for an int: correctly rounded (ties to even), `None` when the
/// result would overflow (CPython raises `OverflowError: int too large to
/// convert to float`).
pub fn bigint_to_f64(v: &BigInt) -> Option<f64> {
    let mag = v.magnitude();
    let bits = mag.bits();
    let x = if bits <= 64 {
        mag.to_u64()? as f64
    } else if bits > 1024 {
        return None;
    } else {
        let shift = bits - 64;
        let top: BigUint = mag >> shift;
        let mut m = top.to_u64()?;
        // Fold the discarded bits into a sticky bit, far below the rounding
        // position of the 64 -> 53 bit conversion.
        if mag.trailing_zeros().is_some_and(|tz| tz < shift) {
            m |= 1;
        }
        (m as f64) * f64::from_bits((1023 + shift) << 52)
    };
    if x.is_infinite() {
        return None;
    }
    Some(if v.sign() == BigSign::Minus { -x } else { x })
}

/// `format(x, spec)` for a float (`float.__format__`).
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, String> {
    format_float_named(x, spec, "float")
}

/// [`format_float`] for a value of a float subclass called `type_name`.
pub fn format_float_named(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    let group = group_size(spec.grouping, spec.ty.unwrap_or('\0'))?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_internal(x, spec, spec.ty, group),
        Some(ty) => Err(unknown_code(ty, type_name)),
    }
}

fn format_float_internal(x: f64, spec: &FormatSpec, ty: Option<char>, group: usize) -> Result<String, String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".to_string());
    }
    let mut flags = DtsFlags { alt: spec.alternate, no_neg_0: spec.no_neg_zero, ..DtsFlags::default() };
    let mut x = x;
    let mut code = match ty {
        None => {
            flags.add_dot_0 = true;
            'r'
        }
        Some('n') => 'g',
        Some('%') => {
            x *= 100.0;
            'f'
        }
        Some(c) => c,
    };
    let precision = match spec.precision {
        None if code == 'r' => 0,
        None => 6,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(x, code, precision, flags);
    if ty == Some('%') {
        buf.push('%');
    }
    let (neg, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let parts = NumParts { neg, prefix: "", digits, decimal, remainder };
    Ok(layout_number(&parts, spec, if ty == Some('n') { 0 } else { group }))
}

/// `format(s, spec)` for a str (`str.__format__`).  Width and precision
/// count code points.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    format_str_named(s, spec, "str")
}

/// [`format_str`] for a value of a str subclass called `type_name`.
pub fn format_str_named(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('s');
    group_size(spec.grouping, ty)?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        Sign::Default => {}
        Sign::Space => return Err("Space not allowed in string format specifier".to_string()),
        _ => return Err("Sign not allowed in string format specifier".to_string()),
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".to_string());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    if spec.align == Some(Align::AfterSign) {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let mut len = s.chars().count();
    let s = match spec.precision {
        Some(p) if p < len => {
            len = p;
            s.char_indices().nth(p).map_or(s, |(i, _)| &s[..i])
        }
        _ => s,
    };
    let total = spec.width.map_or(len, |w| w.max(len));
    let pad = total - len;
    let lpad = match spec.align.unwrap_or(Align::Left) {
        Align::Right => pad,
        Align::Center => pad / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(s.len() + pad);
    push_n(&mut out, spec.fill, lpad as isize);
    out.push_str(s);
    push_n(&mut out, spec.fill, (pad - lpad) as isize);
    Ok(out)
}

/// Conversion flags and field sizes of one printf-style (`%`) conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`
    pub left: bool,
    /// `+`
    pub plus: bool,
    /// ` `
    pub space: bool,
    /// `#`
    pub alternate: bool,
    /// `0`
    pub zero: bool,
    pub width: Option<usize>,
    pub precision: Option<usize>,
}

/// `'%<flags>d' % v` for the conversions `d i u o x X c`.
///
/// For `c` the caller must first check `0 <= v < 0x110000` and otherwise
/// raise `OverflowError` with [`CHAR_RANGE_MSG`]; surrogates become U+FFFD.
pub fn percent_format_int(v: &BigInt, flags: &PercentFlags, ty: char) -> String {
    if ty == 'c' {
        let ch = v.to_u32().map_or('\u{fffd}', code_point_char);
        return percent_output(&ch.to_string(), flags, ty, false);
    }
    let neg = v.sign() == BigSign::Minus;
    let (base, prefix) = match ty {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut s = String::with_capacity(digits.len() + 4);
    if neg {
        s.push('-');
    }
    if flags.alternate {
        s.push_str(prefix);
    }
    if let Some(p) = flags.precision {
        push_n(&mut s, '0', p as isize - digits.len() as isize);
    }
    s.push_str(&digits);
    percent_output(&s, flags, ty, true)
}

/// `'%<flags>f' % x` for the conversions `e E f F g G` (precision defaults
/// to 6).
pub fn percent_format_float(x: f64, flags: &PercentFlags, ty: char) -> String {
    let s =
        double_to_string(x, ty, flags.precision.unwrap_or(6), DtsFlags { alt: flags.alternate, ..DtsFlags::default() });
    percent_output(&s, flags, ty, true)
}

/// `'%<flags>s' % s` for an already converted `str()`/`repr()`/`ascii()`
/// text: precision truncates, width pads (left-justified with `-`).
pub fn percent_format_str(s: &str, flags: &PercentFlags) -> String {
    percent_output(s, flags, 's', false)
}

/// Port of CPython's `unicode_format_arg_output`: applies sign flags, zero
/// padding (after the sign and `0x`/`0o` prefix) and width.
fn percent_output(s: &str, flags: &PercentFlags, ch: char, numeric: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len() as isize;
    let mut width = flags.width.map_or(-1, |w| w.min(isize::MAX as usize) as isize);
    if matches!(ch, 's' | 'r' | 'a') {
        if let Some(p) = flags.precision {
            len = len.min(p.min(isize::MAX as usize) as isize);
        }
    }
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut pindex = 0usize;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len -= 1;
                pindex = 1;
            }
            _ if flags.plus => sign = Some('+'),
            _ if flags.space => sign = Some(' '),
            _ => {}
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::with_capacity(width.max(0) as usize + 1);
    if let Some(sc) = sign {
        if fill != ' ' {
            out.push(sc);
        }
        if width > len {
            width -= 1;
        }
    }
    let has_prefix = flags.alternate && matches!(ch, 'x' | 'X' | 'o');
    if has_prefix {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.left {
        push_n(&mut out, fill, width - len);
        width = len;
    }
    if fill == ' ' {
        if let Some(sc) = sign {
            out.push(sc);
        }
        if has_prefix {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len.max(0) as usize]);
    push_n(&mut out, ' ', width - len);
    out
}

/// `v` written in `base` (2..=36) with lower-case digits and a leading `-`
/// for negative values, without prefix (like `format(v, 'x')`).
///
/// # Panics
/// If `base` is outside 2..=36.
pub fn int_to_str_radix(v: &BigInt, base: u32) -> String {
    v.to_str_radix(base)
}

/// Parse a string the way `int(s, base)` does (`base` 0 or 2..=36):
/// surrounding whitespace, an optional sign, an optional `0x`/`0o`/`0b`
/// prefix matching the base (which base 0 infers, forbidding other leading
/// zeros such as `012`), and digits with single underscores between them
/// (one is also allowed right after the prefix).  Non-ASCII decimal digits
/// count as digits.
///
/// CPython's limit on the number of decimal digits
/// (`sys.set_int_max_str_digits`) is not applied here.
#[allow(clippy::result_unit_err)]
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, ()> {
    if base == 1 || base > 36 {
        return Err(());
    }
    let owned = floatfmt::numeric_ascii(s).ok_or(())?;
    let b = owned.as_bytes();
    let mut i = 0;
    let mut neg = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        neg = b[i] == b'-';
        i += 1;
    }
    let lower = |k: usize| b.get(k).map(u8::to_ascii_lowercase);
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if b.get(i) != Some(&b'0') {
            10
        } else {
            match lower(i + 1) {
                Some(b'x') => 16,
                Some(b'o') => 8,
                Some(b'b') => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if b.get(i) == Some(&b'0') {
        let marker = match base {
            16 => Some(b'x'),
            8 => Some(b'o'),
            2 => Some(b'b'),
            _ => None,
        };
        if marker.is_some() && lower(i + 1) == marker {
            i += 2;
            if b.get(i) == Some(&b'_') {
                i += 1;
            }
        }
    }
    let rest = &b[i..];
    if rest.is_empty() || rest[0] == b'_' || rest[rest.len() - 1] == b'_' {
        return Err(());
    }
    let mut digits = Vec::with_capacity(rest.len());
    let mut prev_underscore = false;
    for &c in rest {
        if c == b'_' {
            if prev_underscore {
                return Err(());
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = (c as char).to_digit(36).ok_or(())?;
        if d >= base {
            return Err(());
        }
        digits.push(d as u8);
    }
    let mag = BigUint::from_radix_be(&digits, base).ok_or(())?;
    if error_if_nonzero && !mag.is_zero() {
        return Err(());
    }
    Ok(BigInt::from_biguint(if neg { BigSign::Minus } else { BigSign::Plus }, mag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        parse_int(s, 10).expect("test int")
    }

    fn fmt_int(v: &str, spec: &str) -> Result<String, String> {
        parse_format_spec_for(spec, "int").and_then(|s| format_int(&big(v), &s))
    }

    fn fmt_float(x: f64, spec: &str) -> Result<String, String> {
        parse_format_spec_for(spec, "float").and_then(|s| format_float(x, &s))
    }

    fn fmt_str(v: &str, spec: &str) -> Result<String, String> {
        parse_format_spec_for(spec, "str").and_then(|s| format_str(v, &s))
    }

    /// Parse a `%[flags][width][.precision]type` conversion for the tests.
    fn percent(fmt: &str) -> (PercentFlags, char) {
        let c: Vec<char> = fmt.chars().collect();
        let mut i = 1;
        let mut f = PercentFlags::default();
        loop {
            match c[i] {
                '-' => f.left = true,
                '+' => f.plus = true,
                ' ' => f.space = true,
                '#' => f.alternate = true,
                '0' => f.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut n = String::new();
        while c[i].is_ascii_digit() {
            n.push(c[i]);
            i += 1;
        }
        f.width = n.parse().ok();
        if c[i] == '.' {
            i += 1;
            let mut p = String::new();
            while c[i].is_ascii_digit() {
                p.push(c[i]);
                i += 1;
            }
            f.precision = Some(p.parse().unwrap_or(0));
        }
        (f, c[i])
    }

    // Expected values below were generated by CPython 3.11 (`format(v, spec)`,
    // `fmt % v`, `int(s, base)`); errors are the exception messages.
    const INT_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("0", "", Ok("0")),
        ("0", "d", Ok("0")),
        ("0", "b", Ok("0")),
        ("0", "o", Ok("0")),
        ("0", "x", Ok("0")),
        ("0", "X", Ok("0")),
        ("0", "#b", Ok("0b0")),
        ("0", "#o", Ok("0o0")),
        ("0", "#x", Ok("0x0")),
        ("0", "#X", Ok("0X0")),
        ("0", "#010x", Ok("0x00000000")),
        ("0", "#010b", Ok("0b00000000")),
        ("0", "010", Ok("0000000000")),
        ("0", "+", Ok("+0")),
        ("0", " ", Ok(" 0")),
        ("0", "-", Ok("0")),
        ("0", "+d", Ok("+0")),
        ("0", " d", Ok(" 0")),
        ("0", ",", Ok("0")),
        ("0", "_", Ok("0")),
        ("0", ",d", Ok("0")),
        ("0", "_b", Ok("0")),
        ("0", "_x", Ok("0")),
        ("0", "#_x", Ok("0x0")),
        ("0", "_o", Ok("0")),
        ("0", "020,", Ok("0,000,000,000,000,000")),
        ("0", "020_", Ok("0_000_000_000_000_000")),
        ("0", "0=20,", Ok("0,000,000,000,000,000")),
        ("0", "*^20,", Ok("*********0**********")),
        ("0", "<10", Ok("0         ")),
        ("0", ">10", Ok("         0")),
        ("0", "^11", Ok("     0     ")),
        ("0", "=+10", Ok("+        0")),
        ("0", "010,", Ok("00,000,000")),
        ("0", "012_x", Ok("00_0000_0000")),
        ("0", "n", Ok("0")),
        ("0", "10n", Ok("         0")),
        ("0", "e", Ok("0.000000e+00")),
        ("0", ".2e", Ok("0.00e+00")),
        ("0", "E", Ok("0.000000E+00")),
        ("0", "f", Ok("0.000000")),
        ("0", ".3f", Ok("0.000")),
        ("0", ",.2f", Ok("0.00")),
        ("0", "%", Ok("0.000000%")),
        ("0", ".1%", Ok("0.0%")),
        ("0", "g", Ok("0")),
        ("0", "G", Ok("0")),
        ("0", ".3g", Ok("0")),
        ("0", "+.2e", Ok("+0.00e+00")),
        ("0", ".2", Err("Precision not allowed in integer format specifier")),
        ("0", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("0", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("0", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("0", "q", Err("Unknown format code 'q' for object of type 'int'")),
        ("0", ",b", Err("Cannot specify ',' with 'b'.")),
        ("0", "_n", Err("Cannot specify '_' with 'n'.")),
        ("0", ",n", Err("Cannot specify ',' with 'n'.")),
        ("0", ",_", Err("Cannot specify both ',' and '_'.")),
        ("0", "_,", Err("Cannot specify both ',' and '_'.")),
        ("0", "10dd", Err("Invalid format specifier '10dd' for object of type 'int'")),
        ("0", ".", Err("Format specifier missing precision")),
        ("0", "99999999999999999999999", Err("Too many decimal digits in format string")),
        ("0", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("0", "\u{1}", Err("Unknown format code '\\x1' for object of type 'int'")),
        ("0", "é", Err("Unknown format code '\\xe9' for object of type 'int'")),
        ("0", "١٠", Ok("         0")),
        ("0", "x<010", Ok("0xxxxxxxxx")),
        ("0", "x<10,", Ok("0xxxxxxxxx")),
        ("0", "€>12_", Ok("€€€€€€€€€€€0")),
        ("0", "0<10", Ok("0000000000")),
        ("0", "#012,d", Ok("0,000,000,000")),
        ("0", "+#09_o", Ok("+0o0_0000")),
        ("-1", "", Ok("-1")),
        ("-1", "d", Ok("-1")),
        ("-1", "b", Ok("-1")),
        ("-1", "o", Ok("-1")),
        ("-1", "x", Ok("-1")),
        ("-1", "X", Ok("-1")),
        ("-1", "#b", Ok("-0b1")),
        ("-1", "#o", Ok("-0o1")),
        ("-1", "#x", Ok("-0x1")),
        ("-1", "#X", Ok("-0X1")),
        ("-1", "#010x", Ok("-0x0000001")),
        ("-1", "#010b", Ok("-0b0000001")),
        ("-1", "010", Ok("-000000001")),
        ("-1", "+", Ok("-1")),
        ("-1", " ", Ok("-1")),
        ("-1", "-", Ok("-1")),
        ("-1", "+d", Ok("-1")),
        ("-1", " d", Ok("-1")),
        ("-1", ",", Ok("-1")),
        ("-1", "_", Ok("-1")),
        ("-1", ",d", Ok("-1")),
        ("-1", "_b", Ok("-1")),
        ("-1", "_x", Ok("-1")),
        ("-1", "#_x", Ok("-0x1")),
        ("-1", "_o", Ok("-1")),
        ("-1", "020,", Ok("-000,000,000,000,001")),
        ("-1", "020_", Ok("-000_000_000_000_001")),
        ("-1", "0=20,", Ok("-000,000,000,000,001")),
        ("-1", "*^20,", Ok("*********-1*********")),
        ("-1", "<10", Ok("-1        ")),
        ("-1", ">10", Ok("        -1")),
        ("-1", "^11", Ok("    -1     ")),
        ("-1", "=+10", Ok("-        1")),
        ("-1", "010,", Ok("-0,000,001")),
        ("-1", "012_x", Ok("-0_0000_0001")),
        ("-1", "c", Err("%c arg not in range(0x110000)")),
        ("-1", "5c", Err("%c arg not in range(0x110000)")),
        ("-1", "<5c", Err("%c arg not in range(0x110000)")),
        ("-1", "05c", Err("%c arg not in range(0x110000)")),
        ("-1", "n", Ok("-1")),
        ("-1", "10n", Ok("        -1")),
        ("-1", "e", Ok("-1.000000e+00")),
        ("-1", ".2e", Ok("-1.00e+00")),
        ("-1", "E", Ok("-1.000000E+00")),
        ("-1", "f", Ok("-1.000000")),
        ("-1", ".3f", Ok("-1.000")),
        ("-1", ",.2f", Ok("-1.00")),
        ("-1", "%", Ok("-100.000000%")),
        ("-1", ".1%", Ok("-100.0%")),
        ("-1", "g", Ok("-1")),
        ("-1", "G", Ok("-1")),
        ("-1", ".3g", Ok("-1")),
        ("-1", "+.2e", Ok("-1.00e+00")),
        ("-1", ".2", Err("Precision not allowed in integer format specifier")),
        ("-1", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("-1", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("-1", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("-1", "q", Err("Unknown format code 'q' for object of type 'int'")),
        ("-1", ",b", Err("Cannot specify ',' with 'b'.")),
        ("-1", "_n", Err("Cannot specify '_' with 'n'.")),
        ("-1", ",n", Err("Cannot specify ',' with 'n'.")),
        ("-1", ",_", Err("Cannot specify both ',' and '_'.")),
        ("-1", "_,", Err("Cannot specify both ',' and '_'.")),
        ("-1", "10dd", Err("Invalid format specifier '10dd' for object of type 'int'")),
        ("-1", ".", Err("Format specifier missing precision")),
        ("-1", "99999999999999999999999", Err("Too many decimal digits in format string")),
        ("-1", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("-1", "\u{1}", Err("Unknown format code '\\x1' for object of type 'int'")),
        ("-1", "é", Err("Unknown format code '\\xe9' for object of type 'int'")),
        ("-1", "١٠", Ok("        -1")),
        ("-1", "x<010", Ok("-1xxxxxxxx")),
        ("-1", "x<10,", Ok("-1xxxxxxxx")),
        ("-1", "€>12_", Ok("€€€€€€€€€€-1")),
        ("-1", "0<10", Ok("-100000000")),
        ("-1", "#012,d", Ok("-000,000,001")),
        ("-1", "+#09_o", Ok("-0o0_0001")),
        ("255", "", Ok("255")),
        ("255", "d", Ok("255")),
        ("255", "b", Ok("11111111")),
        ("255", "o", Ok("377")),
        ("255", "x", Ok("ff")),
        ("255", "X", Ok("FF")),
        ("255", "#b", Ok("0b11111111")),
        ("255", "#o", Ok("0o377")),
        ("255", "#x", Ok("0xff")),
        ("255", "#X", Ok("0XFF")),
        ("255", "#010x", Ok("0x000000ff")),
        ("255", "#010b", Ok("0b11111111")),
        ("255", "010", Ok("0000000255")),
        ("255", "+", Ok("+255")),
        ("255", " ", Ok(" 255")),
        ("255", "-", Ok("255")),
        ("255", "+d", Ok("+255")),
        ("255", " d", Ok(" 255")),
        ("255", ",", Ok("255")),
        ("255", "_", Ok("255")),
        ("255", ",d", Ok("255")),
        ("255", "_b", Ok("1111_1111")),
        ("255", "_x", Ok("ff")),
        ("255", "#_x", Ok("0xff")),
        ("255", "_o", Ok("377")),
        ("255", "020,", Ok("0,000,000,000,000,255")),
        ("255", "020_", Ok("0_000_000_000_000_255")),
        ("255", "0=20,", Ok("0,000,000,000,000,255")),
        ("255", "*^20,", Ok("********255*********")),
        ("255", "<10", Ok("255       ")),
        ("255", ">10", Ok("       255")),
        ("255", "^11", Ok("    255    ")),
        ("255", "=+10", Ok("+      255")),
        ("255", "010,", Ok("00,000,255")),
        ("255", "012_x", Ok("00_0000_00ff")),
        ("255", "n", Ok("255")),
        ("255", "10n", Ok("       255")),
        ("255", "e", Ok("2.550000e+02")),
        ("255", ".2e", Ok("2.55e+02")),
        ("255", "E", Ok("2.550000E+02")),
        ("255", "f", Ok("255.000000")),
        ("255", ".3f", Ok("255.000")),
        ("255", ",.2f", Ok("255.00")),
        ("255", "%", Ok("25500.000000%")),
        ("255", ".1%", Ok("25500.0%")),
        ("255", "g", Ok("255")),
        ("255", "G", Ok("255")),
        ("255", ".3g", Ok("255")),
        ("255", "+.2e", Ok("+2.55e+02")),
        ("255", ".2", Err("Precision not allowed in integer format specifier")),
        ("255", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("255", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("255", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("255", "q", Err("Unknown format code 'q' for object of type 'int'")),
        ("255", ",b", Err("Cannot specify ',' with 'b'.")),
        ("255", "_n", Err("Cannot specify '_' with 'n'.")),
        ("255", ",n", Err("Cannot specify ',' with 'n'.")),
        ("255", ",_", Err("Cannot specify both ',' and '_'.")),
        ("255", "_,", Err("Cannot specify both ',' and '_'.")),
        ("255", "10dd", Err("Invalid format specifier '10dd' for object of type 'int'")),
        ("255", ".", Err("Format specifier missing precision")),
        ("255", "99999999999999999999999", Err("Too many decimal digits in format string")),
        ("255", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("255", "\u{1}", Err("Unknown format code '\\x1' for object of type 'int'")),
        ("255", "é", Err("Unknown format code '\\xe9' for object of type 'int'")),
        ("255", "١٠", Ok("       255")),
        ("255", "x<010", Ok("255xxxxxxx")),
        ("255", "x<10,", Ok("255xxxxxxx")),
        ("255", "€>12_", Ok("€€€€€€€€€255")),
        ("255", "0<10", Ok("2550000000")),
        ("255", "#012,d", Ok("0,000,000,255")),
        ("255", "+#09_o", Ok("+0o0_0377")),
        ("-1234567", "", Ok("-1234567")),
        ("-1234567", "d", Ok("-1234567")),
        ("-1234567", "b", Ok("-100101101011010000111")),
        ("-1234567", "o", Ok("-4553207")),
        ("-1234567", "x", Ok("-12d687")),
        ("-1234567", "X", Ok("-12D687")),
        ("-1234567", "#b", Ok("-0b100101101011010000111")),
        ("-1234567", "#o", Ok("-0o4553207")),
        ("-1234567", "#x", Ok("-0x12d687")),
        ("-1234567", "#X", Ok("-0X12D687")),
        ("-1234567", "#010x", Ok("-0x012d687")),
        ("-1234567", "#010b", Ok("-0b100101101011010000111")),
        ("-1234567", "010", Ok("-001234567")),
        ("-1234567", "+", Ok("-1234567")),
        ("-1234567", " ", Ok("-1234567")),
        ("-1234567", "-", Ok("-1234567")),
        ("-1234567", "+d", Ok("-1234567")),
        ("-1234567", " d", Ok("-1234567")),
        ("-1234567", ",", Ok("-1,234,567")),
        ("-1234567", "_", Ok("-1_234_567")),
        ("-1234567", ",d", Ok("-1,234,567")),
        ("-1234567", "_b", Ok("-1_0010_1101_0110_1000_0111")),
        ("-1234567", "_x", Ok("-12_d687")),
        ("-1234567", "#_x", Ok("-0x12_d687")),
        ("-1234567", "_o", Ok("-455_3207")),
        ("-1234567", "020,", Ok("-000,000,001,234,567")),
        ("-1234567", "020_", Ok("-000_000_001_234_567")),
        ("-1234567", "0=20,", Ok("-000,000,001,234,567")),
        ("-1234567", "*^20,", Ok("*****-1,234,567*****")),
        ("-1234567", "<10", Ok("-1234567  ")),
        ("-1234567", ">10", Ok("  -1234567")),
        ("-1234567", "^11", Ok(" -1234567  ")),
        ("-1234567", "=+10", Ok("-  1234567")),
        ("-1234567", "010,", Ok("-1,234,567")),
        ("-1234567", "012_x", Ok("-0_0012_d687")),
        ("-1234567", "n", Ok("-1234567")),
        ("-1234567", "10n", Ok("  -1234567")),
        ("-1234567", "e", Ok("-1.234567e+06")),
        ("-1234567", ".2e", Ok("-1.23e+06")),
        ("-1234567", "E", Ok("-1.234567E+06")),
        ("-1234567", "f", Ok("-1234567.000000")),
        ("-1234567", ".3f", Ok("-1234567.000")),
        ("-1234567", ",.2f", Ok("-1,234,567.00")),
        ("-1234567", "%", Ok("-123456700.000000%")),
        ("-1234567", ".1%", Ok("-123456700.0%")),
        ("-1234567", "g", Ok("-1.23457e+06")),
        ("-1234567", "G", Ok("-1.23457E+06")),
        ("-1234567", ".3g", Ok("-1.23e+06")),
        ("-1234567", "+.2e", Ok("-1.23e+06")),
        ("-1234567", ".2", Err("Precision not allowed in integer format specifier")),
        ("-1234567", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("-1234567", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("-1234567", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("-1234567", "q", Err("Unknown format code 'q' for object of type 'int'")),
        ("-1234567", ",b", Err("Cannot specify ',' with 'b'.")),
        ("-1234567", "_n", Err("Cannot specify '_' with 'n'.")),
        ("-1234567", ",n", Err("Cannot specify ',' with 'n'.")),
        ("-1234567", ",_", Err("Cannot specify both ',' and '_'.")),
        ("-1234567", "_,", Err("Cannot specify both ',' and '_'.")),
        ("-1234567", "10dd", Err("Invalid format specifier '10dd' for object of type 'int'")),
        ("-1234567", ".", Err("Format specifier missing precision")),
        ("-1234567", "99999999999999999999999", Err("Too many decimal digits in format string")),
        ("-1234567", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("-1234567", "\u{1}", Err("Unknown format code '\\x1' for object of type 'int'")),
        ("-1234567", "é", Err("Unknown format code '\\xe9' for object of type 'int'")),
        ("-1234567", "١٠", Ok("  -1234567")),
        ("-1234567", "x<010", Ok("-1234567xx")),
        ("-1234567", "x<10,", Ok("-1,234,567")),
        ("-1234567", "€>12_", Ok("€€-1_234_567")),
        ("-1234567", "0<10", Ok("-123456700")),
        ("-1234567", "#012,d", Ok("-001,234,567")),
        ("-1234567", "+#09_o", Ok("-0o455_3207")),
        ("65", "", Ok("65")),
        ("65", "d", Ok("65")),
        ("65", "b", Ok("1000001")),
        ("65", "o", Ok("101")),
        ("65", "x", Ok("41")),
        ("65", "X", Ok("41")),
        ("65", "#b", Ok("0b1000001")),
        ("65", "#o", Ok("0o101")),
        ("65", "#x", Ok("0x41")),
        ("65", "#X", Ok("0X41")),
        ("65", "#010x", Ok("0x00000041")),
        ("65", "#010b", Ok("0b01000001")),
        ("65", "010", Ok("0000000065")),
        ("65", "+", Ok("+65")),
        ("65", " ", Ok(" 65")),
        ("65", "-", Ok("65")),
        ("65", "+d", Ok("+65")),
        ("65", " d", Ok(" 65")),
        ("65", ",", Ok("65")),
        ("65", "_", Ok("65")),
        ("65", ",d", Ok("65")),
        ("65", "_b", Ok("100_0001")),
        ("65", "_x", Ok("41")),
        ("65", "#_x", Ok("0x41")),
        ("65", "_o", Ok("101")),
        ("65", "020,", Ok("0,000,000,000,000,065")),
        ("65", "020_", Ok("0_000_000_000_000_065")),
        ("65", "0=20,", Ok("0,000,000,000,000,065")),
        ("65", "*^20,", Ok("*********65*********")),
        ("65", "<10", Ok("65        ")),
        ("65", ">10", Ok("        65")),
        ("65", "^11", Ok("    65     ")),
        ("65", "=+10", Ok("+       65")),
        ("65", "010,", Ok("00,000,065")),
        ("65", "012_x", Ok("00_0000_0041")),
        ("65", "c", Ok("A")),
        ("65", "5c", Ok("    A")),
        ("65", "<5c", Ok("A    ")),
        ("65", "05c", Ok("0000A")),
        ("65", "n", Ok("65")),
        ("65", "10n", Ok("        65")),
        ("65", "e", Ok("6.500000e+01")),
        ("65", ".2e", Ok("6.50e+01")),
        ("65", "E", Ok("6.500000E+01")),
        ("65", "f", Ok("65.000000")),
        ("65", ".3f", Ok("65.000")),
        ("65", ",.2f", Ok("65.00")),
        ("65", "%", Ok("6500.000000%")),
        ("65", ".1%", Ok("6500.0%")),
        ("65", "g", Ok("65")),
        ("65", "G", Ok("65")),
        ("65", ".3g", Ok("65")),
        ("65", "+.2e", Ok("+6.50e+01")),
        ("65", ".2", Err("Precision not allowed in integer format specifier")),
        ("65", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("65", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("65", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("65", "q", Err("Unknown format code 'q' for object of type 'int'")),
        ("65", ",b", Err("Cannot specify ',' with 'b'.")),
        ("65", "_n", Err("Cannot specify '_' with 'n'.")),
        ("65", ",n", Err("Cannot specify ',' with 'n'.")),
        ("65", ",_", Err("Cannot specify both ',' and '_'.")),
        ("65", "_,", Err("Cannot specify both ',' and '_'.")),
        ("65", "10dd", Err("Invalid format specifier '10dd' for object of type 'int'")),
        ("65", ".", Err("Format specifier missing precision")),
        ("65", "99999999999999999999999", Err("Too many decimal digits in format string")),
        ("65", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("65", "\u{1}", Err("Unknown format code '\\x1' for object of type 'int'")),
        ("65", "é", Err("Unknown format code '\\xe9' for object of type 'int'")),
        ("65", "١٠", Ok("        65")),
        ("65", "x<010", Ok("65xxxxxxxx")),
        ("65", "x<10,", Ok("65xxxxxxxx")),
        ("65", "€>12_", Ok("€€€€€€€€€€65")),
        ("65", "0<10", Ok("6500000000")),
        ("65", "#012,d", Ok("0,000,000,065")),
        ("65", "+#09_o", Ok("+0o0_0101")),
        ("100000000000000000000", "", Ok("100000000000000000000")),
        ("100000000000000000000", "d", Ok("100000000000000000000")),
        ("100000000000000000000", "b", Ok("1010110101111000111010111100010110101100011000100000000000000000000")),
        ("100000000000000000000", "o", Ok("12657072742654304000000")),
        ("100000000000000000000", "x", Ok("56bc75e2d63100000")),
        ("100000000000000000000", "X", Ok("56BC75E2D63100000")),
        ("100000000000000000000", "#b", Ok("0b1010110101111000111010111100010110101100011000100000000000000000000")),
        ("100000000000000000000", "#o", Ok("0o12657072742654304000000")),
        ("100000000000000000000", "#x", Ok("0x56bc75e2d63100000")),
        ("100000000000000000000", "#X", Ok("0X56BC75E2D63100000")),
        ("100000000000000000000", "#010x", Ok("0x56bc75e2d63100000")),
        ("100000000000000000000", "#010b", Ok("0b1010110101111000111010111100010110101100011000100000000000000000000")),
        ("100000000000000000000", "010", Ok("100000000000000000000")),
        ("100000000000000000000", "+", Ok("+100000000000000000000")),
        ("100000000000000000000", " ", Ok(" 100000000000000000000")),
        ("100000000000000000000", "-", Ok("100000000000000000000")),
        ("100000000000000000000", "+d", Ok("+100000000000000000000")),
        ("100000000000000000000", " d", Ok(" 100000000000000000000")),
        ("100000000000000000000", ",", Ok("100,000,000,000,000,000,000")),
        ("100000000000000000000", "_", Ok("100_000_000_000_000_000_000")),
        ("100000000000000000000", ",d", Ok("100,000,000,000,000,000,000")),
        (
            "100000000000000000000",
            "_b",
            Ok("101_0110_1011_1100_0111_0101_1110_0010_1101_0110_0011_0001_0000_0000_0000_0000_0000"),
        ),
        ("100000000000000000000", "_x", Ok("5_6bc7_5e2d_6310_0000")),
        ("100000000000000000000", "#_x", Ok("0x5_6bc7_5e2d_6310_0000")),
        ("100000000000000000000", "_o", Ok("126_5707_2742_6543_0400_0000")),
        ("100000000000000000000", "020,", Ok("100,000,000,000,000,000,000")),
        ("100000000000000000000", "020_", Ok("100_000_000_000_000_000_000")),
        ("100000000000000000000", "0=20,", Ok("100,000,000,000,000,000,000")),
        ("100000000000000000000", "*^20,", Ok("100,000,000,000,000,000,000")),
        ("100000000000000000000", "<10", Ok("100000000000000000000")),
        ("100000000000000000000", ">10", Ok("100000000000000000000")),
        ("100000000000000000000", "^11", Ok("100000000000000000000")),
        ("100000000000000000000", "=+10", Ok("+100000000000000000000")),
        ("100000000000000000000", "010,", Ok("100,000,000,000,000,000,000")),
        ("100000000000000000000", "012_x", Ok("5_6bc7_5e2d_6310_0000")),
        ("100000000000000000000", "c", Err("Python int too large to convert to C long")),
        ("100000000000000000000", "5c", Err("Python int too large to convert to C long")),
        ("100000000000000000000", "<5c", Err("Python int too large to convert to C long")),
        ("100000000000000000000", "05c", Err("Python int too large to convert to C long")),
        ("100000000000000000000", "n", Ok("100000000000000000000")),
        ("100000000000000000000", "10n", Ok("100000000000000000000")),
        ("100000000000000000000", "e", Ok("1.000000e+20")),
        ("100000000000000000000", ".2e", Ok("1.00e+20")),
        ("100000000000000000000", "E", Ok("1.000000E+20")),
        ("100000000000000000000", "f", Ok("100000000000000000000.000000")),
        ("100000000000000000000", ".3f", Ok("100000000000000000000.000")),
        ("100000000000000000000", ",.2f", Ok("100,000,000,000,000,000,000.00")),
        ("100000000000000000000", "%", Ok("10000000000000000000000.000000%")),
        ("100000000000000000000", ".1%", Ok("10000000000000000000000.0%")),
        ("100000000000000000000", "g", Ok("1e+20")),
        ("100000000000000000000", "G", Ok("1E+20")),
        ("100000000000000000000", ".3g", Ok("1e+20")),
        ("100000000000000000000", "+.2e", Ok("+1.00e+20")),
        ("100000000000000000000", ".2", Err("Precision not allowed in integer format specifier")),
        ("100000000000000000000", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("100000000000000000000", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("100000000000000000000", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("100000000000000000000", "q", Err("Unknown format code 'q' for object of type 'int'")),
        ("100000000000000000000", ",b", Err("Cannot specify ',' with 'b'.")),
        ("100000000000000000000", "_n", Err("Cannot specify '_' with 'n'.")),
        ("100000000000000000000", ",n", Err("Cannot specify ',' with 'n'.")),
        ("100000000000000000000", ",_", Err("Cannot specify both ',' and '_'.")),
        ("100000000000000000000", "_,", Err("Cannot specify both ',' and '_'.")),
        ("100000000000000000000", "10dd", Err("Invalid format specifier '10dd' for object of type 'int'")),
        ("100000000000000000000", ".", Err("Format specifier missing precision")),
        ("100000000000000000000", "99999999999999999999999", Err("Too many decimal digits in format string")),
        ("100000000000000000000", "s", Err("Unknown format code 's' for object of type 'int'")),
        ("100000000000000000000", "\u{1}", Err("Unknown format code '\\x1' for object of type 'int'")),
        ("100000000000000000000", "é", Err("Unknown format code '\\xe9' for object of type 'int'")),
        ("100000000000000000000", "١٠", Ok("100000000000000000000")),
        ("100000000000000000000", "x<010", Ok("100000000000000000000")),
        ("100000000000000000000", "x<10,", Ok("100,000,000,000,000,000,000")),
        ("100000000000000000000", "€>12_", Ok("100_000_000_000_000_000_000")),
        ("100000000000000000000", "0<10", Ok("100000000000000000000")),
        ("100000000000000000000", "#012,d", Ok("100,000,000,000,000,000,000")),
        ("100000000000000000000", "+#09_o", Ok("+0o126_5707_2742_6543_0400_0000")),
    ];
    const FLOAT_CASES: &[(u64, &str, Result<&str, &str>)] = &[
        (0x0000000000000000, "", Ok("0.0")),
        (0x0000000000000000, ".0f", Ok("0")),
        (0x0000000000000000, ".2f", Ok("0.00")),
        (0x0000000000000000, "f", Ok("0.000000")),
        (0x0000000000000000, "F", Ok("0.000000")),
        (0x0000000000000000, "e", Ok("0.000000e+00")),
        (0x0000000000000000, "E", Ok("0.000000E+00")),
        (0x0000000000000000, ".0e", Ok("0e+00")),
        (0x0000000000000000, "#.0e", Ok("0.e+00")),
        (0x0000000000000000, "#.0f", Ok("0.")),
        (0x0000000000000000, "g", Ok("0")),
        (0x0000000000000000, "G", Ok("0")),
        (0x0000000000000000, ".3g", Ok("0")),
        (0x0000000000000000, "#g", Ok("0.00000")),
        (0x0000000000000000, "#.3g", Ok("0.00")),
        (0x0000000000000000, ".3", Ok("0.0")),
        (0x0000000000000000, ".0", Ok("0e+00")),
        (0x0000000000000000, ".1", Ok("0e+00")),
        (0x0000000000000000, ".17", Ok("0.0")),
        (0x0000000000000000, "n", Ok("0")),
        (0x0000000000000000, "%", Ok("0.000000%")),
        (0x0000000000000000, ".1%", Ok("0.0%")),
        (0x0000000000000000, ",", Ok("0.0")),
        (0x0000000000000000, ",.2f", Ok("0.00")),
        (0x0000000000000000, "_.3f", Ok("0.000")),
        (0x0000000000000000, "020,.2f", Ok("0,000,000,000,000.00")),
        (0x0000000000000000, "015", Ok("0000000000000.0")),
        (0x0000000000000000, "+", Ok("+0.0")),
        (0x0000000000000000, " ", Ok(" 0.0")),
        (0x0000000000000000, "+.3e", Ok("+0.000e+00")),
        (0x0000000000000000, "=+15.2f", Ok("+          0.00")),
        (0x0000000000000000, "*^15.3g", Ok("*******0*******")),
        (0x0000000000000000, "<12", Ok("0.0         ")),
        (0x0000000000000000, ">12", Ok("         0.0")),
        (0x0000000000000000, "z.2f", Ok("0.00")),
        (0x0000000000000000, "z", Ok("0.0")),
        (0x0000000000000000, "z.1e", Ok("0.0e+00")),
        (0x0000000000000000, "#", Ok("0.0")),
        (0x0000000000000000, ".3000000000", Err("precision too big")),
        (0x0000000000000000, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x0000000000000000, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x0000000000000000, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x0000000000000000, "010.1%", Ok("0000000.0%")),
        (0x0000000000000000, ".50f", Ok("0.00000000000000000000000000000000000000000000000000")),
        (0x0000000000000000, ".20e", Ok("0.00000000000000000000e+00")),
        (0x0000000000000000, ",e", Ok("0.000000e+00")),
        (0x0000000000000000, ",g", Ok("0")),
        (0x0000000000000000, "_g", Ok("0")),
        (0x0000000000000000, "12,.4%", Ok("     0.0000%")),
        (0x0000000000000000, "0=12", Ok("0000000000.0")),
        (0x8000000000000000, "", Ok("-0.0")),
        (0x8000000000000000, ".0f", Ok("-0")),
        (0x8000000000000000, ".2f", Ok("-0.00")),
        (0x8000000000000000, "f", Ok("-0.000000")),
        (0x8000000000000000, "F", Ok("-0.000000")),
        (0x8000000000000000, "e", Ok("-0.000000e+00")),
        (0x8000000000000000, "E", Ok("-0.000000E+00")),
        (0x8000000000000000, ".0e", Ok("-0e+00")),
        (0x8000000000000000, "#.0e", Ok("-0.e+00")),
        (0x8000000000000000, "#.0f", Ok("-0.")),
        (0x8000000000000000, "g", Ok("-0")),
        (0x8000000000000000, "G", Ok("-0")),
        (0x8000000000000000, ".3g", Ok("-0")),
        (0x8000000000000000, "#g", Ok("-0.00000")),
        (0x8000000000000000, "#.3g", Ok("-0.00")),
        (0x8000000000000000, ".3", Ok("-0.0")),
        (0x8000000000000000, ".0", Ok("-0e+00")),
        (0x8000000000000000, ".1", Ok("-0e+00")),
        (0x8000000000000000, ".17", Ok("-0.0")),
        (0x8000000000000000, "n", Ok("-0")),
        (0x8000000000000000, "%", Ok("-0.000000%")),
        (0x8000000000000000, ".1%", Ok("-0.0%")),
        (0x8000000000000000, ",", Ok("-0.0")),
        (0x8000000000000000, ",.2f", Ok("-0.00")),
        (0x8000000000000000, "_.3f", Ok("-0.000")),
        (0x8000000000000000, "020,.2f", Ok("-0,000,000,000,000.00")),
        (0x8000000000000000, "015", Ok("-000000000000.0")),
        (0x8000000000000000, "+", Ok("-0.0")),
        (0x8000000000000000, " ", Ok("-0.0")),
        (0x8000000000000000, "+.3e", Ok("-0.000e+00")),
        (0x8000000000000000, "=+15.2f", Ok("-          0.00")),
        (0x8000000000000000, "*^15.3g", Ok("******-0*******")),
        (0x8000000000000000, "<12", Ok("-0.0        ")),
        (0x8000000000000000, ">12", Ok("        -0.0")),
        (0x8000000000000000, "z.2f", Ok("0.00")),
        (0x8000000000000000, "z", Ok("0.0")),
        (0x8000000000000000, "z.1e", Ok("0.0e+00")),
        (0x8000000000000000, "#", Ok("-0.0")),
        (0x8000000000000000, ".3000000000", Err("precision too big")),
        (0x8000000000000000, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x8000000000000000, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x8000000000000000, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x8000000000000000, "010.1%", Ok("-000000.0%")),
        (0x8000000000000000, ".50f", Ok("-0.00000000000000000000000000000000000000000000000000")),
        (0x8000000000000000, ".20e", Ok("-0.00000000000000000000e+00")),
        (0x8000000000000000, ",e", Ok("-0.000000e+00")),
        (0x8000000000000000, ",g", Ok("-0")),
        (0x8000000000000000, "_g", Ok("-0")),
        (0x8000000000000000, "12,.4%", Ok("    -0.0000%")),
        (0x8000000000000000, "0=12", Ok("-000000000.0")),
        (0x4005666666666666, "", Ok("2.675")),
        (0x4005666666666666, ".0f", Ok("3")),
        (0x4005666666666666, ".2f", Ok("2.67")),
        (0x4005666666666666, "f", Ok("2.675000")),
        (0x4005666666666666, "F", Ok("2.675000")),
        (0x4005666666666666, "e", Ok("2.675000e+00")),
        (0x4005666666666666, "E", Ok("2.675000E+00")),
        (0x4005666666666666, ".0e", Ok("3e+00")),
        (0x4005666666666666, "#.0e", Ok("3.e+00")),
        (0x4005666666666666, "#.0f", Ok("3.")),
        (0x4005666666666666, "g", Ok("2.675")),
        (0x4005666666666666, "G", Ok("2.675")),
        (0x4005666666666666, ".3g", Ok("2.67")),
        (0x4005666666666666, "#g", Ok("2.67500")),
        (0x4005666666666666, "#.3g", Ok("2.67")),
        (0x4005666666666666, ".3", Ok("2.67")),
        (0x4005666666666666, ".0", Ok("3e+00")),
        (0x4005666666666666, ".1", Ok("3e+00")),
        (0x4005666666666666, ".17", Ok("2.6749999999999998")),
        (0x4005666666666666, "n", Ok("2.675")),
        (0x4005666666666666, "%", Ok("267.500000%")),
        (0x4005666666666666, ".1%", Ok("267.5%")),
        (0x4005666666666666, ",", Ok("2.675")),
        (0x4005666666666666, ",.2f", Ok("2.67")),
        (0x4005666666666666, "_.3f", Ok("2.675")),
        (0x4005666666666666, "020,.2f", Ok("0,000,000,000,002.67")),
        (0x4005666666666666, "015", Ok("00000000002.675")),
        (0x4005666666666666, "+", Ok("+2.675")),
        (0x4005666666666666, " ", Ok(" 2.675")),
        (0x4005666666666666, "+.3e", Ok("+2.675e+00")),
        (0x4005666666666666, "=+15.2f", Ok("+          2.67")),
        (0x4005666666666666, "*^15.3g", Ok("*****2.67******")),
        (0x4005666666666666, "<12", Ok("2.675       ")),
        (0x4005666666666666, ">12", Ok("       2.675")),
        (0x4005666666666666, "z.2f", Ok("2.67")),
        (0x4005666666666666, "z", Ok("2.675")),
        (0x4005666666666666, "z.1e", Ok("2.7e+00")),
        (0x4005666666666666, "#", Ok("2.675")),
        (0x4005666666666666, ".3000000000", Err("precision too big")),
        (0x4005666666666666, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x4005666666666666, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x4005666666666666, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x4005666666666666, "010.1%", Ok("0000267.5%")),
        (0x4005666666666666, ".50f", Ok("2.67499999999999982236431605997495353221893310546875")),
        (0x4005666666666666, ".20e", Ok("2.67499999999999982236e+00")),
        (0x4005666666666666, ",e", Ok("2.675000e+00")),
        (0x4005666666666666, ",g", Ok("2.675")),
        (0x4005666666666666, "_g", Ok("2.675")),
        (0x4005666666666666, "12,.4%", Ok("   267.5000%")),
        (0x4005666666666666, "0=12", Ok("00000002.675")),
        (0x3ff8000000000000, "", Ok("1.5")),
        (0x3ff8000000000000, ".0f", Ok("2")),
        (0x3ff8000000000000, ".2f", Ok("1.50")),
        (0x3ff8000000000000, "f", Ok("1.500000")),
        (0x3ff8000000000000, "F", Ok("1.500000")),
        (0x3ff8000000000000, "e", Ok("1.500000e+00")),
        (0x3ff8000000000000, "E", Ok("1.500000E+00")),
        (0x3ff8000000000000, ".0e", Ok("2e+00")),
        (0x3ff8000000000000, "#.0e", Ok("2.e+00")),
        (0x3ff8000000000000, "#.0f", Ok("2.")),
        (0x3ff8000000000000, "g", Ok("1.5")),
        (0x3ff8000000000000, "G", Ok("1.5")),
        (0x3ff8000000000000, ".3g", Ok("1.5")),
        (0x3ff8000000000000, "#g", Ok("1.50000")),
        (0x3ff8000000000000, "#.3g", Ok("1.50")),
        (0x3ff8000000000000, ".3", Ok("1.5")),
        (0x3ff8000000000000, ".0", Ok("2e+00")),
        (0x3ff8000000000000, ".1", Ok("2e+00")),
        (0x3ff8000000000000, ".17", Ok("1.5")),
        (0x3ff8000000000000, "n", Ok("1.5")),
        (0x3ff8000000000000, "%", Ok("150.000000%")),
        (0x3ff8000000000000, ".1%", Ok("150.0%")),
        (0x3ff8000000000000, ",", Ok("1.5")),
        (0x3ff8000000000000, ",.2f", Ok("1.50")),
        (0x3ff8000000000000, "_.3f", Ok("1.500")),
        (0x3ff8000000000000, "020,.2f", Ok("0,000,000,000,001.50")),
        (0x3ff8000000000000, "015", Ok("0000000000001.5")),
        (0x3ff8000000000000, "+", Ok("+1.5")),
        (0x3ff8000000000000, " ", Ok(" 1.5")),
        (0x3ff8000000000000, "+.3e", Ok("+1.500e+00")),
        (0x3ff8000000000000, "=+15.2f", Ok("+          1.50")),
        (0x3ff8000000000000, "*^15.3g", Ok("******1.5******")),
        (0x3ff8000000000000, "<12", Ok("1.5         ")),
        (0x3ff8000000000000, ">12", Ok("         1.5")),
        (0x3ff8000000000000, "z.2f", Ok("1.50")),
        (0x3ff8000000000000, "z", Ok("1.5")),
        (0x3ff8000000000000, "z.1e", Ok("1.5e+00")),
        (0x3ff8000000000000, "#", Ok("1.5")),
        (0x3ff8000000000000, ".3000000000", Err("precision too big")),
        (0x3ff8000000000000, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x3ff8000000000000, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x3ff8000000000000, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x3ff8000000000000, "010.1%", Ok("0000150.0%")),
        (0x3ff8000000000000, ".50f", Ok("1.50000000000000000000000000000000000000000000000000")),
        (0x3ff8000000000000, ".20e", Ok("1.50000000000000000000e+00")),
        (0x3ff8000000000000, ",e", Ok("1.500000e+00")),
        (0x3ff8000000000000, ",g", Ok("1.5")),
        (0x3ff8000000000000, "_g", Ok("1.5")),
        (0x3ff8000000000000, "12,.4%", Ok("   150.0000%")),
        (0x3ff8000000000000, "0=12", Ok("0000000001.5")),
        (0x4341c37937e08000, "", Ok("1e+16")),
        (0x4341c37937e08000, ".0f", Ok("10000000000000000")),
        (0x4341c37937e08000, ".2f", Ok("10000000000000000.00")),
        (0x4341c37937e08000, "f", Ok("10000000000000000.000000")),
        (0x4341c37937e08000, "F", Ok("10000000000000000.000000")),
        (0x4341c37937e08000, "e", Ok("1.000000e+16")),
        (0x4341c37937e08000, "E", Ok("1.000000E+16")),
        (0x4341c37937e08000, ".0e", Ok("1e+16")),
        (0x4341c37937e08000, "#.0e", Ok("1.e+16")),
        (0x4341c37937e08000, "#.0f", Ok("10000000000000000.")),
        (0x4341c37937e08000, "g", Ok("1e+16")),
        (0x4341c37937e08000, "G", Ok("1E+16")),
        (0x4341c37937e08000, ".3g", Ok("1e+16")),
        (0x4341c37937e08000, "#g", Ok("1.00000e+16")),
        (0x4341c37937e08000, "#.3g", Ok("1.00e+16")),
        (0x4341c37937e08000, ".3", Ok("1e+16")),
        (0x4341c37937e08000, ".0", Ok("1e+16")),
        (0x4341c37937e08000, ".1", Ok("1e+16")),
        (0x4341c37937e08000, ".17", Ok("1e+16")),
        (0x4341c37937e08000, "n", Ok("1e+16")),
        (0x4341c37937e08000, "%", Ok("1000000000000000000.000000%")),
        (0x4341c37937e08000, ".1%", Ok("1000000000000000000.0%")),
        (0x4341c37937e08000, ",", Ok("1e+16")),
        (0x4341c37937e08000, ",.2f", Ok("10,000,000,000,000,000.00")),
        (0x4341c37937e08000, "_.3f", Ok("10_000_000_000_000_000.000")),
        (0x4341c37937e08000, "020,.2f", Ok("10,000,000,000,000,000.00")),
        (0x4341c37937e08000, "015", Ok("00000000001e+16")),
        (0x4341c37937e08000, "+", Ok("+1e+16")),
        (0x4341c37937e08000, " ", Ok(" 1e+16")),
        (0x4341c37937e08000, "+.3e", Ok("+1.000e+16")),
        (0x4341c37937e08000, "=+15.2f", Ok("+10000000000000000.00")),
        (0x4341c37937e08000, "*^15.3g", Ok("*****1e+16*****")),
        (0x4341c37937e08000, "<12", Ok("1e+16       ")),
        (0x4341c37937e08000, ">12", Ok("       1e+16")),
        (0x4341c37937e08000, "z.2f", Ok("10000000000000000.00")),
        (0x4341c37937e08000, "z", Ok("1e+16")),
        (0x4341c37937e08000, "z.1e", Ok("1.0e+16")),
        (0x4341c37937e08000, "#", Ok("1.e+16")),
        (0x4341c37937e08000, ".3000000000", Err("precision too big")),
        (0x4341c37937e08000, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x4341c37937e08000, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x4341c37937e08000, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x4341c37937e08000, "010.1%", Ok("1000000000000000000.0%")),
        (0x4341c37937e08000, ".50f", Ok("10000000000000000.00000000000000000000000000000000000000000000000000")),
        (0x4341c37937e08000, ".20e", Ok("1.00000000000000000000e+16")),
        (0x4341c37937e08000, ",e", Ok("1.000000e+16")),
        (0x4341c37937e08000, ",g", Ok("1e+16")),
        (0x4341c37937e08000, "_g", Ok("1e+16")),
        (0x4341c37937e08000, "12,.4%", Ok("1,000,000,000,000,000,000.0000%")),
        (0x4341c37937e08000, "0=12", Ok("00000001e+16")),
        (0x3ee4f8b588e368f1, "", Ok("1e-05")),
        (0x3ee4f8b588e368f1, ".0f", Ok("0")),
        (0x3ee4f8b588e368f1, ".2f", Ok("0.00")),
        (0x3ee4f8b588e368f1, "f", Ok("0.000010")),
        (0x3ee4f8b588e368f1, "F", Ok("0.000010")),
        (0x3ee4f8b588e368f1, "e", Ok("1.000000e-05")),
        (0x3ee4f8b588e368f1, "E", Ok("1.000000E-05")),
        (0x3ee4f8b588e368f1, ".0e", Ok("1e-05")),
        (0x3ee4f8b588e368f1, "#.0e", Ok("1.e-05")),
        (0x3ee4f8b588e368f1, "#.0f", Ok("0.")),
        (0x3ee4f8b588e368f1, "g", Ok("1e-05")),
        (0x3ee4f8b588e368f1, "G", Ok("1E-05")),
        (0x3ee4f8b588e368f1, ".3g", Ok("1e-05")),
        (0x3ee4f8b588e368f1, "#g", Ok("1.00000e-05")),
        (0x3ee4f8b588e368f1, "#.3g", Ok("1.00e-05")),
        (0x3ee4f8b588e368f1, ".3", Ok("1e-05")),
        (0x3ee4f8b588e368f1, ".0", Ok("1e-05")),
        (0x3ee4f8b588e368f1, ".1", Ok("1e-05")),
        (0x3ee4f8b588e368f1, ".17", Ok("1.0000000000000001e-05")),
        (0x3ee4f8b588e368f1, "n", Ok("1e-05")),
        (0x3ee4f8b588e368f1, "%", Ok("0.001000%")),
        (0x3ee4f8b588e368f1, ".1%", Ok("0.0%")),
        (0x3ee4f8b588e368f1, ",", Ok("1e-05")),
        (0x3ee4f8b588e368f1, ",.2f", Ok("0.00")),
        (0x3ee4f8b588e368f1, "_.3f", Ok("0.000")),
        (0x3ee4f8b588e368f1, "020,.2f", Ok("0,000,000,000,000.00")),
        (0x3ee4f8b588e368f1, "015", Ok("00000000001e-05")),
        (0x3ee4f8b588e368f1, "+", Ok("+1e-05")),
        (0x3ee4f8b588e368f1, " ", Ok(" 1e-05")),
        (0x3ee4f8b588e368f1, "+.3e", Ok("+1.000e-05")),
        (0x3ee4f8b588e368f1, "=+15.2f", Ok("+          0.00")),
        (0x3ee4f8b588e368f1, "*^15.3g", Ok("*****1e-05*****")),
        (0x3ee4f8b588e368f1, "<12", Ok("1e-05       ")),
        (0x3ee4f8b588e368f1, ">12", Ok("       1e-05")),
        (0x3ee4f8b588e368f1, "z.2f", Ok("0.00")),
        (0x3ee4f8b588e368f1, "z", Ok("1e-05")),
        (0x3ee4f8b588e368f1, "z.1e", Ok("1.0e-05")),
        (0x3ee4f8b588e368f1, "#", Ok("1.e-05")),
        (0x3ee4f8b588e368f1, ".3000000000", Err("precision too big")),
        (0x3ee4f8b588e368f1, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x3ee4f8b588e368f1, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x3ee4f8b588e368f1, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x3ee4f8b588e368f1, "010.1%", Ok("0000000.0%")),
        (0x3ee4f8b588e368f1, ".50f", Ok("0.00001000000000000000081803053914031309545862313826")),
        (0x3ee4f8b588e368f1, ".20e", Ok("1.00000000000000008180e-05")),
        (0x3ee4f8b588e368f1, ",e", Ok("1.000000e-05")),
        (0x3ee4f8b588e368f1, ",g", Ok("1e-05")),
        (0x3ee4f8b588e368f1, "_g", Ok("1e-05")),
        (0x3ee4f8b588e368f1, "12,.4%", Ok("     0.0010%")),
        (0x3ee4f8b588e368f1, "0=12", Ok("00000001e-05")),
        (0x3f1a36e2eb1c432d, "", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, ".0f", Ok("0")),
        (0x3f1a36e2eb1c432d, ".2f", Ok("0.00")),
        (0x3f1a36e2eb1c432d, "f", Ok("0.000100")),
        (0x3f1a36e2eb1c432d, "F", Ok("0.000100")),
        (0x3f1a36e2eb1c432d, "e", Ok("1.000000e-04")),
        (0x3f1a36e2eb1c432d, "E", Ok("1.000000E-04")),
        (0x3f1a36e2eb1c432d, ".0e", Ok("1e-04")),
        (0x3f1a36e2eb1c432d, "#.0e", Ok("1.e-04")),
        (0x3f1a36e2eb1c432d, "#.0f", Ok("0.")),
        (0x3f1a36e2eb1c432d, "g", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, "G", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, ".3g", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, "#g", Ok("0.000100000")),
        (0x3f1a36e2eb1c432d, "#.3g", Ok("0.000100")),
        (0x3f1a36e2eb1c432d, ".3", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, ".0", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, ".1", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, ".17", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, "n", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, "%", Ok("0.010000%")),
        (0x3f1a36e2eb1c432d, ".1%", Ok("0.0%")),
        (0x3f1a36e2eb1c432d, ",", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, ",.2f", Ok("0.00")),
        (0x3f1a36e2eb1c432d, "_.3f", Ok("0.000")),
        (0x3f1a36e2eb1c432d, "020,.2f", Ok("0,000,000,000,000.00")),
        (0x3f1a36e2eb1c432d, "015", Ok("0000000000.0001")),
        (0x3f1a36e2eb1c432d, "+", Ok("+0.0001")),
        (0x3f1a36e2eb1c432d, " ", Ok(" 0.0001")),
        (0x3f1a36e2eb1c432d, "+.3e", Ok("+1.000e-04")),
        (0x3f1a36e2eb1c432d, "=+15.2f", Ok("+          0.00")),
        (0x3f1a36e2eb1c432d, "*^15.3g", Ok("****0.0001*****")),
        (0x3f1a36e2eb1c432d, "<12", Ok("0.0001      ")),
        (0x3f1a36e2eb1c432d, ">12", Ok("      0.0001")),
        (0x3f1a36e2eb1c432d, "z.2f", Ok("0.00")),
        (0x3f1a36e2eb1c432d, "z", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, "z.1e", Ok("1.0e-04")),
        (0x3f1a36e2eb1c432d, "#", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, ".3000000000", Err("precision too big")),
        (0x3f1a36e2eb1c432d, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x3f1a36e2eb1c432d, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x3f1a36e2eb1c432d, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x3f1a36e2eb1c432d, "010.1%", Ok("0000000.0%")),
        (0x3f1a36e2eb1c432d, ".50f", Ok("0.00010000000000000000479217360238592959831294137985")),
        (0x3f1a36e2eb1c432d, ".20e", Ok("1.00000000000000004792e-04")),
        (0x3f1a36e2eb1c432d, ",e", Ok("1.000000e-04")),
        (0x3f1a36e2eb1c432d, ",g", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, "_g", Ok("0.0001")),
        (0x3f1a36e2eb1c432d, "12,.4%", Ok("     0.0100%")),
        (0x3f1a36e2eb1c432d, "0=12", Ok("0000000.0001")),
        (0x419d6f3454000000, "", Ok("123456789.0")),
        (0x419d6f3454000000, ".0f", Ok("123456789")),
        (0x419d6f3454000000, ".2f", Ok("123456789.00")),
        (0x419d6f3454000000, "f", Ok("123456789.000000")),
        (0x419d6f3454000000, "F", Ok("123456789.000000")),
        (0x419d6f3454000000, "e", Ok("1.234568e+08")),
        (0x419d6f3454000000, "E", Ok("1.234568E+08")),
        (0x419d6f3454000000, ".0e", Ok("1e+08")),
        (0x419d6f3454000000, "#.0e", Ok("1.e+08")),
        (0x419d6f3454000000, "#.0f", Ok("123456789.")),
        (0x419d6f3454000000, "g", Ok("1.23457e+08")),
        (0x419d6f3454000000, "G", Ok("1.23457E+08")),
        (0x419d6f3454000000, ".3g", Ok("1.23e+08")),
        (0x419d6f3454000000, "#g", Ok("1.23457e+08")),
        (0x419d6f3454000000, "#.3g", Ok("1.23e+08")),
        (0x419d6f3454000000, ".3", Ok("1.23e+08")),
        (0x419d6f3454000000, ".0", Ok("1e+08")),
        (0x419d6f3454000000, ".1", Ok("1e+08")),
        (0x419d6f3454000000, ".17", Ok("123456789.0")),
        (0x419d6f3454000000, "n", Ok("1.23457e+08")),
        (0x419d6f3454000000, "%", Ok("12345678900.000000%")),
        (0x419d6f3454000000, ".1%", Ok("12345678900.0%")),
        (0x419d6f3454000000, ",", Ok("123,456,789.0")),
        (0x419d6f3454000000, ",.2f", Ok("123,456,789.00")),
        (0x419d6f3454000000, "_.3f", Ok("123_456_789.000")),
        (0x419d6f3454000000, "020,.2f", Ok("0,000,123,456,789.00")),
        (0x419d6f3454000000, "015", Ok("0000123456789.0")),
        (0x419d6f3454000000, "+", Ok("+123456789.0")),
        (0x419d6f3454000000, " ", Ok(" 123456789.0")),
        (0x419d6f3454000000, "+.3e", Ok("+1.235e+08")),
        (0x419d6f3454000000, "=+15.2f", Ok("+  123456789.00")),
        (0x419d6f3454000000, "*^15.3g", Ok("***1.23e+08****")),
        (0x419d6f3454000000, "<12", Ok("123456789.0 ")),
        (0x419d6f3454000000, ">12", Ok(" 123456789.0")),
        (0x419d6f3454000000, "z.2f", Ok("123456789.00")),
        (0x419d6f3454000000, "z", Ok("123456789.0")),
        (0x419d6f3454000000, "z.1e", Ok("1.2e+08")),
        (0x419d6f3454000000, "#", Ok("123456789.0")),
        (0x419d6f3454000000, ".3000000000", Err("precision too big")),
        (0x419d6f3454000000, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x419d6f3454000000, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x419d6f3454000000, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x419d6f3454000000, "010.1%", Ok("12345678900.0%")),
        (0x419d6f3454000000, ".50f", Ok("123456789.00000000000000000000000000000000000000000000000000")),
        (0x419d6f3454000000, ".20e", Ok("1.23456789000000000000e+08")),
        (0x419d6f3454000000, ",e", Ok("1.234568e+08")),
        (0x419d6f3454000000, ",g", Ok("1.23457e+08")),
        (0x419d6f3454000000, "_g", Ok("1.23457e+08")),
        (0x419d6f3454000000, "12,.4%", Ok("12,345,678,900.0000%")),
        (0x419d6f3454000000, "0=12", Ok("0123456789.0")),
        (0xc132d687e4189375, "", Ok("-1234567.891")),
        (0xc132d687e4189375, ".0f", Ok("-1234568")),
        (0xc132d687e4189375, ".2f", Ok("-1234567.89")),
        (0xc132d687e4189375, "f", Ok("-1234567.891000")),
        (0xc132d687e4189375, "F", Ok("-1234567.891000")),
        (0xc132d687e4189375, "e", Ok("-1.234568e+06")),
        (0xc132d687e4189375, "E", Ok("-1.234568E+06")),
        (0xc132d687e4189375, ".0e", Ok("-1e+06")),
        (0xc132d687e4189375, "#.0e", Ok("-1.e+06")),
        (0xc132d687e4189375, "#.0f", Ok("-1234568.")),
        (0xc132d687e4189375, "g", Ok("-1.23457e+06")),
        (0xc132d687e4189375, "G", Ok("-1.23457E+06")),
        (0xc132d687e4189375, ".3g", Ok("-1.23e+06")),
        (0xc132d687e4189375, "#g", Ok("-1.23457e+06")),
        (0xc132d687e4189375, "#.3g", Ok("-1.23e+06")),
        (0xc132d687e4189375, ".3", Ok("-1.23e+06")),
        (0xc132d687e4189375, ".0", Ok("-1e+06")),
        (0xc132d687e4189375, ".1", Ok("-1e+06")),
        (0xc132d687e4189375, ".17", Ok("-1234567.8910000001")),
        (0xc132d687e4189375, "n", Ok("-1.23457e+06")),
        (0xc132d687e4189375, "%", Ok("-123456789.100000%")),
        (0xc132d687e4189375, ".1%", Ok("-123456789.1%")),
        (0xc132d687e4189375, ",", Ok("-1,234,567.891")),
        (0xc132d687e4189375, ",.2f", Ok("-1,234,567.89")),
        (0xc132d687e4189375, "_.3f", Ok("-1_234_567.891")),
        (0xc132d687e4189375, "020,.2f", Ok("-0,000,001,234,567.89")),
        (0xc132d687e4189375, "015", Ok("-0001234567.891")),
        (0xc132d687e4189375, "+", Ok("-1234567.891")),
        (0xc132d687e4189375, " ", Ok("-1234567.891")),
        (0xc132d687e4189375, "+.3e", Ok("-1.235e+06")),
        (0xc132d687e4189375, "=+15.2f", Ok("-    1234567.89")),
        (0xc132d687e4189375, "*^15.3g", Ok("***-1.23e+06***")),
        (0xc132d687e4189375, "<12", Ok("-1234567.891")),
        (0xc132d687e4189375, ">12", Ok("-1234567.891")),
        (0xc132d687e4189375, "z.2f", Ok("-1234567.89")),
        (0xc132d687e4189375, "z", Ok("-1234567.891")),
        (0xc132d687e4189375, "z.1e", Ok("-1.2e+06")),
        (0xc132d687e4189375, "#", Ok("-1234567.891")),
        (0xc132d687e4189375, ".3000000000", Err("precision too big")),
        (0xc132d687e4189375, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0xc132d687e4189375, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0xc132d687e4189375, ",n", Err("Cannot specify ',' with 'n'.")),
        (0xc132d687e4189375, "010.1%", Ok("-123456789.1%")),
        (0xc132d687e4189375, ".50f", Ok("-1234567.89100000006146728992462158203125000000000000000000")),
        (0xc132d687e4189375, ".20e", Ok("-1.23456789100000006147e+06")),
        (0xc132d687e4189375, ",e", Ok("-1.234568e+06")),
        (0xc132d687e4189375, ",g", Ok("-1.23457e+06")),
        (0xc132d687e4189375, "_g", Ok("-1.23457e+06")),
        (0xc132d687e4189375, "12,.4%", Ok("-123,456,789.1000%")),
        (0xc132d687e4189375, "0=12", Ok("-1234567.891")),
        (0x3f202e7ef70994dd, "", Ok("0.000123456")),
        (0x3f202e7ef70994dd, ".0f", Ok("0")),
        (0x3f202e7ef70994dd, ".2f", Ok("0.00")),
        (0x3f202e7ef70994dd, "f", Ok("0.000123")),
        (0x3f202e7ef70994dd, "F", Ok("0.000123")),
        (0x3f202e7ef70994dd, "e", Ok("1.234560e-04")),
        (0x3f202e7ef70994dd, "E", Ok("1.234560E-04")),
        (0x3f202e7ef70994dd, ".0e", Ok("1e-04")),
        (0x3f202e7ef70994dd, "#.0e", Ok("1.e-04")),
        (0x3f202e7ef70994dd, "#.0f", Ok("0.")),
        (0x3f202e7ef70994dd, "g", Ok("0.000123456")),
        (0x3f202e7ef70994dd, "G", Ok("0.000123456")),
        (0x3f202e7ef70994dd, ".3g", Ok("0.000123")),
        (0x3f202e7ef70994dd, "#g", Ok("0.000123456")),
        (0x3f202e7ef70994dd, "#.3g", Ok("0.000123")),
        (0x3f202e7ef70994dd, ".3", Ok("0.000123")),
        (0x3f202e7ef70994dd, ".0", Ok("0.0001")),
        (0x3f202e7ef70994dd, ".1", Ok("0.0001")),
        (0x3f202e7ef70994dd, ".17", Ok("0.00012345600000000001")),
        (0x3f202e7ef70994dd, "n", Ok("0.000123456")),
        (0x3f202e7ef70994dd, "%", Ok("0.012346%")),
        (0x3f202e7ef70994dd, ".1%", Ok("0.0%")),
        (0x3f202e7ef70994dd, ",", Ok("0.000123456")),
        (0x3f202e7ef70994dd, ",.2f", Ok("0.00")),
        (0x3f202e7ef70994dd, "_.3f", Ok("0.000")),
        (0x3f202e7ef70994dd, "020,.2f", Ok("0,000,000,000,000.00")),
        (0x3f202e7ef70994dd, "015", Ok("00000.000123456")),
        (0x3f202e7ef70994dd, "+", Ok("+0.000123456")),
        (0x3f202e7ef70994dd, " ", Ok(" 0.000123456")),
        (0x3f202e7ef70994dd, "+.3e", Ok("+1.235e-04")),
        (0x3f202e7ef70994dd, "=+15.2f", Ok("+          0.00")),
        (0x3f202e7ef70994dd, "*^15.3g", Ok("***0.000123****")),
        (0x3f202e7ef70994dd, "<12", Ok("0.000123456 ")),
        (0x3f202e7ef70994dd, ">12", Ok(" 0.000123456")),
        (0x3f202e7ef70994dd, "z.2f", Ok("0.00")),
        (0x3f202e7ef70994dd, "z", Ok("0.000123456")),
        (0x3f202e7ef70994dd, "z.1e", Ok("1.2e-04")),
        (0x3f202e7ef70994dd, "#", Ok("0.000123456")),
        (0x3f202e7ef70994dd, ".3000000000", Err("precision too big")),
        (0x3f202e7ef70994dd, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x3f202e7ef70994dd, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x3f202e7ef70994dd, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x3f202e7ef70994dd, "010.1%", Ok("0000000.0%")),
        (0x3f202e7ef70994dd, ".50f", Ok("0.00012345600000000000518764198265131426524021662772")),
        (0x3f202e7ef70994dd, ".20e", Ok("1.23456000000000005188e-04")),
        (0x3f202e7ef70994dd, ",e", Ok("1.234560e-04")),
        (0x3f202e7ef70994dd, ",g", Ok("0.000123456")),
        (0x3f202e7ef70994dd, "_g", Ok("0.000123456")),
        (0x3f202e7ef70994dd, "12,.4%", Ok("     0.0123%")),
        (0x3f202e7ef70994dd, "0=12", Ok("00.000123456")),
        (0x7ff0000000000000, "", Ok("inf")),
        (0x7ff0000000000000, ".0f", Ok("inf")),
        (0x7ff0000000000000, ".2f", Ok("inf")),
        (0x7ff0000000000000, "f", Ok("inf")),
        (0x7ff0000000000000, "F", Ok("INF")),
        (0x7ff0000000000000, "e", Ok("inf")),
        (0x7ff0000000000000, "E", Ok("INF")),
        (0x7ff0000000000000, ".0e", Ok("inf")),
        (0x7ff0000000000000, "#.0e", Ok("inf")),
        (0x7ff0000000000000, "#.0f", Ok("inf")),
        (0x7ff0000000000000, "g", Ok("inf")),
        (0x7ff0000000000000, "G", Ok("INF")),
        (0x7ff0000000000000, ".3g", Ok("inf")),
        (0x7ff0000000000000, "#g", Ok("inf")),
        (0x7ff0000000000000, "#.3g", Ok("inf")),
        (0x7ff0000000000000, ".3", Ok("inf")),
        (0x7ff0000000000000, ".0", Ok("inf")),
        (0x7ff0000000000000, ".1", Ok("inf")),
        (0x7ff0000000000000, ".17", Ok("inf")),
        (0x7ff0000000000000, "n", Ok("inf")),
        (0x7ff0000000000000, "%", Ok("inf%")),
        (0x7ff0000000000000, ".1%", Ok("inf%")),
        (0x7ff0000000000000, ",", Ok("inf")),
        (0x7ff0000000000000, ",.2f", Ok("inf")),
        (0x7ff0000000000000, "_.3f", Ok("inf")),
        (0x7ff0000000000000, "020,.2f", Ok("00000000000000000inf")),
        (0x7ff0000000000000, "015", Ok("000000000000inf")),
        (0x7ff0000000000000, "+", Ok("+inf")),
        (0x7ff0000000000000, " ", Ok(" inf")),
        (0x7ff0000000000000, "+.3e", Ok("+inf")),
        (0x7ff0000000000000, "=+15.2f", Ok("+           inf")),
        (0x7ff0000000000000, "*^15.3g", Ok("******inf******")),
        (0x7ff0000000000000, "<12", Ok("inf         ")),
        (0x7ff0000000000000, ">12", Ok("         inf")),
        (0x7ff0000000000000, "z.2f", Ok("inf")),
        (0x7ff0000000000000, "z", Ok("inf")),
        (0x7ff0000000000000, "z.1e", Ok("inf")),
        (0x7ff0000000000000, "#", Ok("inf")),
        (0x7ff0000000000000, ".3000000000", Err("precision too big")),
        (0x7ff0000000000000, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x7ff0000000000000, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x7ff0000000000000, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x7ff0000000000000, "010.1%", Ok("000000inf%")),
        (0x7ff0000000000000, ".50f", Ok("inf")),
        (0x7ff0000000000000, ".20e", Ok("inf")),
        (0x7ff0000000000000, ",e", Ok("inf")),
        (0x7ff0000000000000, ",g", Ok("inf")),
        (0x7ff0000000000000, "_g", Ok("inf")),
        (0x7ff0000000000000, "12,.4%", Ok("        inf%")),
        (0x7ff0000000000000, "0=12", Ok("000000000inf")),
        (0x7ff8000000000000, "", Ok("nan")),
        (0x7ff8000000000000, ".0f", Ok("nan")),
        (0x7ff8000000000000, ".2f", Ok("nan")),
        (0x7ff8000000000000, "f", Ok("nan")),
        (0x7ff8000000000000, "F", Ok("NAN")),
        (0x7ff8000000000000, "e", Ok("nan")),
        (0x7ff8000000000000, "E", Ok("NAN")),
        (0x7ff8000000000000, ".0e", Ok("nan")),
        (0x7ff8000000000000, "#.0e", Ok("nan")),
        (0x7ff8000000000000, "#.0f", Ok("nan")),
        (0x7ff8000000000000, "g", Ok("nan")),
        (0x7ff8000000000000, "G", Ok("NAN")),
        (0x7ff8000000000000, ".3g", Ok("nan")),
        (0x7ff8000000000000, "#g", Ok("nan")),
        (0x7ff8000000000000, "#.3g", Ok("nan")),
        (0x7ff8000000000000, ".3", Ok("nan")),
        (0x7ff8000000000000, ".0", Ok("nan")),
        (0x7ff8000000000000, ".1", Ok("nan")),
        (0x7ff8000000000000, ".17", Ok("nan")),
        (0x7ff8000000000000, "n", Ok("nan")),
        (0x7ff8000000000000, "%", Ok("nan%")),
        (0x7ff8000000000000, ".1%", Ok("nan%")),
        (0x7ff8000000000000, ",", Ok("nan")),
        (0x7ff8000000000000, ",.2f", Ok("nan")),
        (0x7ff8000000000000, "_.3f", Ok("nan")),
        (0x7ff8000000000000, "020,.2f", Ok("00000000000000000nan")),
        (0x7ff8000000000000, "015", Ok("000000000000nan")),
        (0x7ff8000000000000, "+", Ok("+nan")),
        (0x7ff8000000000000, " ", Ok(" nan")),
        (0x7ff8000000000000, "+.3e", Ok("+nan")),
        (0x7ff8000000000000, "=+15.2f", Ok("+           nan")),
        (0x7ff8000000000000, "*^15.3g", Ok("******nan******")),
        (0x7ff8000000000000, "<12", Ok("nan         ")),
        (0x7ff8000000000000, ">12", Ok("         nan")),
        (0x7ff8000000000000, "z.2f", Ok("nan")),
        (0x7ff8000000000000, "z", Ok("nan")),
        (0x7ff8000000000000, "z.1e", Ok("nan")),
        (0x7ff8000000000000, "#", Ok("nan")),
        (0x7ff8000000000000, ".3000000000", Err("precision too big")),
        (0x7ff8000000000000, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (0x7ff8000000000000, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (0x7ff8000000000000, ",n", Err("Cannot specify ',' with 'n'.")),
        (0x7ff8000000000000, "010.1%", Ok("000000nan%")),
        (0x7ff8000000000000, ".50f", Ok("nan")),
        (0x7ff8000000000000, ".20e", Ok("nan")),
        (0x7ff8000000000000, ",e", Ok("nan")),
        (0x7ff8000000000000, ",g", Ok("nan")),
        (0x7ff8000000000000, "_g", Ok("nan")),
        (0x7ff8000000000000, "12,.4%", Ok("        nan%")),
        (0x7ff8000000000000, "0=12", Ok("000000000nan")),
    ];
    const STR_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("", "", Ok("")),
        ("", "s", Ok("")),
        ("", "10", Ok("          ")),
        ("", "<10", Ok("          ")),
        ("", ">10", Ok("          ")),
        ("", "^10", Ok("          ")),
        ("", "^9", Ok("         ")),
        ("", "*^9", Ok("*********")),
        ("", ".3", Ok("")),
        ("", "10.2", Ok("          ")),
        ("", ".0", Ok("")),
        ("", "05", Ok("00000")),
        ("", "010s", Ok("0000000000")),
        ("", "x>7", Ok("xxxxxxx")),
        ("", "=10", Err("'=' alignment not allowed in string format specifier")),
        ("", "+", Err("Sign not allowed in string format specifier")),
        ("", "-", Err("Sign not allowed in string format specifier")),
        ("", " ", Err("Space not allowed in string format specifier")),
        ("", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("", ",", Err("Cannot specify ',' with 's'.")),
        ("", "_", Err("Cannot specify '_' with 's'.")),
        ("", ",s", Err("Cannot specify ',' with 's'.")),
        ("", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("", "ss", Err("Invalid format specifier 'ss' for object of type 'str'")),
        ("", ">2", Ok("  ")),
        ("", "漢^8", Ok("漢漢漢漢漢漢漢漢")),
        ("a", "", Ok("a")),
        ("a", "s", Ok("a")),
        ("a", "10", Ok("a         ")),
        ("a", "<10", Ok("a         ")),
        ("a", ">10", Ok("         a")),
        ("a", "^10", Ok("    a     ")),
        ("a", "^9", Ok("    a    ")),
        ("a", "*^9", Ok("****a****")),
        ("a", ".3", Ok("a")),
        ("a", "10.2", Ok("a         ")),
        ("a", ".0", Ok("")),
        ("a", "05", Ok("a0000")),
        ("a", "010s", Ok("a000000000")),
        ("a", "x>7", Ok("xxxxxxa")),
        ("a", "=10", Err("'=' alignment not allowed in string format specifier")),
        ("a", "+", Err("Sign not allowed in string format specifier")),
        ("a", "-", Err("Sign not allowed in string format specifier")),
        ("a", " ", Err("Space not allowed in string format specifier")),
        ("a", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("a", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("a", ",", Err("Cannot specify ',' with 's'.")),
        ("a", "_", Err("Cannot specify '_' with 's'.")),
        ("a", ",s", Err("Cannot specify ',' with 's'.")),
        ("a", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("a", "ss", Err("Invalid format specifier 'ss' for object of type 'str'")),
        ("a", ">2", Ok(" a")),
        ("a", "漢^8", Ok("漢漢漢a漢漢漢漢")),
        ("hello", "", Ok("hello")),
        ("hello", "s", Ok("hello")),
        ("hello", "10", Ok("hello     ")),
        ("hello", "<10", Ok("hello     ")),
        ("hello", ">10", Ok("     hello")),
        ("hello", "^10", Ok("  hello   ")),
        ("hello", "^9", Ok("  hello  ")),
        ("hello", "*^9", Ok("**hello**")),
        ("hello", ".3", Ok("hel")),
        ("hello", "10.2", Ok("he        ")),
        ("hello", ".0", Ok("")),
        ("hello", "05", Ok("hello")),
        ("hello", "010s", Ok("hello00000")),
        ("hello", "x>7", Ok("xxhello")),
        ("hello", "=10", Err("'=' alignment not allowed in string format specifier")),
        ("hello", "+", Err("Sign not allowed in string format specifier")),
        ("hello", "-", Err("Sign not allowed in string format specifier")),
        ("hello", " ", Err("Space not allowed in string format specifier")),
        ("hello", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("hello", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("hello", ",", Err("Cannot specify ',' with 's'.")),
        ("hello", "_", Err("Cannot specify '_' with 's'.")),
        ("hello", ",s", Err("Cannot specify ',' with 's'.")),
        ("hello", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("hello", "ss", Err("Invalid format specifier 'ss' for object of type 'str'")),
        ("hello", ">2", Ok("hello")),
        ("hello", "漢^8", Ok("漢hello漢漢")),
        ("héllo wörld", "", Ok("héllo wörld")),
        ("héllo wörld", "s", Ok("héllo wörld")),
        ("héllo wörld", "10", Ok("héllo wörld")),
        ("héllo wörld", "<10", Ok("héllo wörld")),
        ("héllo wörld", ">10", Ok("héllo wörld")),
        ("héllo wörld", "^10", Ok("héllo wörld")),
        ("héllo wörld", "^9", Ok("héllo wörld")),
        ("héllo wörld", "*^9", Ok("héllo wörld")),
        ("héllo wörld", ".3", Ok("hél")),
        ("héllo wörld", "10.2", Ok("hé        ")),
        ("héllo wörld", ".0", Ok("")),
        ("héllo wörld", "05", Ok("héllo wörld")),
        ("héllo wörld", "010s", Ok("héllo wörld")),
        ("héllo wörld", "x>7", Ok("héllo wörld")),
        ("héllo wörld", "=10", Err("'=' alignment not allowed in string format specifier")),
        ("héllo wörld", "+", Err("Sign not allowed in string format specifier")),
        ("héllo wörld", "-", Err("Sign not allowed in string format specifier")),
        ("héllo wörld", " ", Err("Space not allowed in string format specifier")),
        ("héllo wörld", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("héllo wörld", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("héllo wörld", ",", Err("Cannot specify ',' with 's'.")),
        ("héllo wörld", "_", Err("Cannot specify '_' with 's'.")),
        ("héllo wörld", ",s", Err("Cannot specify ',' with 's'.")),
        ("héllo wörld", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("héllo wörld", "ss", Err("Invalid format specifier 'ss' for object of type 'str'")),
        ("héllo wörld", ">2", Ok("héllo wörld")),
        ("héllo wörld", "漢^8", Ok("héllo wörld")),
        ("漢字", "", Ok("漢字")),
        ("漢字", "s", Ok("漢字")),
        ("漢字", "10", Ok("漢字        ")),
        ("漢字", "<10", Ok("漢字        ")),
        ("漢字", ">10", Ok("        漢字")),
        ("漢字", "^10", Ok("    漢字    ")),
        ("漢字", "^9", Ok("   漢字    ")),
        ("漢字", "*^9", Ok("***漢字****")),
        ("漢字", ".3", Ok("漢字")),
        ("漢字", "10.2", Ok("漢字        ")),
        ("漢字", ".0", Ok("")),
        ("漢字", "05", Ok("漢字000")),
        ("漢字", "010s", Ok("漢字00000000")),
        ("漢字", "x>7", Ok("xxxxx漢字")),
        ("漢字", "=10", Err("'=' alignment not allowed in string format specifier")),
        ("漢字", "+", Err("Sign not allowed in string format specifier")),
        ("漢字", "-", Err("Sign not allowed in string format specifier")),
        ("漢字", " ", Err("Space not allowed in string format specifier")),
        ("漢字", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("漢字", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("漢字", ",", Err("Cannot specify ',' with 's'.")),
        ("漢字", "_", Err("Cannot specify '_' with 's'.")),
        ("漢字", ",s", Err("Cannot specify ',' with 's'.")),
        ("漢字", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("漢字", "ss", Err("Invalid format specifier 'ss' for object of type 'str'")),
        ("漢字", ">2", Ok("漢字")),
        ("漢字", "漢^8", Ok("漢漢漢漢字漢漢漢")),
        ("😀x", "", Ok("😀x")),
        ("😀x", "s", Ok("😀x")),
        ("😀x", "10", Ok("😀x        ")),
        ("😀x", "<10", Ok("😀x        ")),
        ("😀x", ">10", Ok("        😀x")),
        ("😀x", "^10", Ok("    😀x    ")),
        ("😀x", "^9", Ok("   😀x    ")),
        ("😀x", "*^9", Ok("***😀x****")),
        ("😀x", ".3", Ok("😀x")),
        ("😀x", "10.2", Ok("😀x        ")),
        ("😀x", ".0", Ok("")),
        ("😀x", "05", Ok("😀x000")),
        ("😀x", "010s", Ok("😀x00000000")),
        ("😀x", "x>7", Ok("xxxxx😀x")),
        ("😀x", "=10", Err("'=' alignment not allowed in string format specifier")),
        ("😀x", "+", Err("Sign not allowed in string format specifier")),
        ("😀x", "-", Err("Sign not allowed in string format specifier")),
        ("😀x", " ", Err("Space not allowed in string format specifier")),
        ("😀x", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("😀x", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("😀x", ",", Err("Cannot specify ',' with 's'.")),
        ("😀x", "_", Err("Cannot specify '_' with 's'.")),
        ("😀x", ",s", Err("Cannot specify ',' with 's'.")),
        ("😀x", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("😀x", "ss", Err("Invalid format specifier 'ss' for object of type 'str'")),
        ("😀x", ">2", Ok("😀x")),
        ("😀x", "漢^8", Ok("漢漢漢😀x漢漢漢")),
    ];
    const PERCENT_INT_CASES: &[(&str, &str, &str)] = &[
        ("8", "%d", "8"),
        ("8", "%5d", "    8"),
        ("8", "%-8d", "8       "),
        ("8", "%-8d|", "8       |"),
        ("8", "%+d", "+8"),
        ("8", "% d", " 8"),
        ("8", "%05d", "00008"),
        ("8", "%-05d", "8    "),
        ("8", "%+05d", "+0008"),
        ("8", "% 05d", " 0008"),
        ("8", "%.3d", "008"),
        ("8", "%8.3d", "     008"),
        ("8", "%o", "10"),
        ("8", "%#o", "0o10"),
        ("8", "%#010o", "0o00000010"),
        ("8", "%x", "8"),
        ("8", "%#x", "0x8"),
        ("8", "%#X", "0X8"),
        ("8", "%#10x", "       0x8"),
        ("8", "%-#10x", "0x8       "),
        ("8", "%#010x", "0x00000008"),
        ("8", "%+#010x", "+0x0000008"),
        ("8", "%.5x", "00008"),
        ("8", "%#.5x", "0x00008"),
        ("8", "%i", "8"),
        ("8", "%u", "8"),
        ("8", "%c", "\u{8}"),
        ("8", "%5c", "    \u{8}"),
        ("8", "%-5c", "\u{8}    "),
        ("8", "%05c", "    \u{8}"),
        ("-8", "%d", "-8"),
        ("-8", "%5d", "   -8"),
        ("-8", "%-8d", "-8      "),
        ("-8", "%-8d|", "-8      |"),
        ("-8", "%+d", "-8"),
        ("-8", "% d", "-8"),
        ("-8", "%05d", "-0008"),
        ("-8", "%-05d", "-8   "),
        ("-8", "%+05d", "-0008"),
        ("-8", "% 05d", "-0008"),
        ("-8", "%.3d", "-008"),
        ("-8", "%8.3d", "    -008"),
        ("-8", "%o", "-10"),
        ("-8", "%#o", "-0o10"),
        ("-8", "%#010o", "-0o0000010"),
        ("-8", "%x", "-8"),
        ("-8", "%#x", "-0x8"),
        ("-8", "%#X", "-0X8"),
        ("-8", "%#10x", "      -0x8"),
        ("-8", "%-#10x", "-0x8      "),
        ("-8", "%#010x", "-0x0000008"),
        ("-8", "%+#010x", "-0x0000008"),
        ("-8", "%.5x", "-00008"),
        ("-8", "%#.5x", "-0x00008"),
        ("-8", "%i", "-8"),
        ("-8", "%u", "-8"),
        ("65", "%d", "65"),
        ("65", "%5d", "   65"),
        ("65", "%-8d", "65      "),
        ("65", "%-8d|", "65      |"),
        ("65", "%+d", "+65"),
        ("65", "% d", " 65"),
        ("65", "%05d", "00065"),
        ("65", "%-05d", "65   "),
        ("65", "%+05d", "+0065"),
        ("65", "% 05d", " 0065"),
        ("65", "%.3d", "065"),
        ("65", "%8.3d", "     065"),
        ("65", "%o", "101"),
        ("65", "%#o", "0o101"),
        ("65", "%#010o", "0o00000101"),
        ("65", "%x", "41"),
        ("65", "%#x", "0x41"),
        ("65", "%#X", "0X41"),
        ("65", "%#10x", "      0x41"),
        ("65", "%-#10x", "0x41      "),
        ("65", "%#010x", "0x00000041"),
        ("65", "%+#010x", "+0x0000041"),
        ("65", "%.5x", "00041"),
        ("65", "%#.5x", "0x00041"),
        ("65", "%i", "65"),
        ("65", "%u", "65"),
        ("65", "%c", "A"),
        ("65", "%5c", "    A"),
        ("65", "%-5c", "A    "),
        ("65", "%05c", "    A"),
        ("255", "%d", "255"),
        ("255", "%5d", "  255"),
        ("255", "%-8d", "255     "),
        ("255", "%-8d|", "255     |"),
        ("255", "%+d", "+255"),
        ("255", "% d", " 255"),
        ("255", "%05d", "00255"),
        ("255", "%-05d", "255  "),
        ("255", "%+05d", "+0255"),
        ("255", "% 05d", " 0255"),
        ("255", "%.3d", "255"),
        ("255", "%8.3d", "     255"),
        ("255", "%o", "377"),
        ("255", "%#o", "0o377"),
        ("255", "%#010o", "0o00000377"),
        ("255", "%x", "ff"),
        ("255", "%#x", "0xff"),
        ("255", "%#X", "0XFF"),
        ("255", "%#10x", "      0xff"),
        ("255", "%-#10x", "0xff      "),
        ("255", "%#010x", "0x000000ff"),
        ("255", "%+#010x", "+0x00000ff"),
        ("255", "%.5x", "000ff"),
        ("255", "%#.5x", "0x000ff"),
        ("255", "%i", "255"),
        ("255", "%u", "255"),
        ("-1180591620717411303424", "%d", "-1180591620717411303424"),
        ("-1180591620717411303424", "%5d", "-1180591620717411303424"),
        ("-1180591620717411303424", "%-8d", "-1180591620717411303424"),
        ("-1180591620717411303424", "%-8d|", "-1180591620717411303424|"),
        ("-1180591620717411303424", "%+d", "-1180591620717411303424"),
        ("-1180591620717411303424", "% d", "-1180591620717411303424"),
        ("-1180591620717411303424", "%05d", "-1180591620717411303424"),
        ("-1180591620717411303424", "%-05d", "-1180591620717411303424"),
        ("-1180591620717411303424", "%+05d", "-1180591620717411303424"),
        ("-1180591620717411303424", "% 05d", "-1180591620717411303424"),
        ("-1180591620717411303424", "%.3d", "-1180591620717411303424"),
        ("-1180591620717411303424", "%8.3d", "-1180591620717411303424"),
        ("-1180591620717411303424", "%o", "-200000000000000000000000"),
        ("-1180591620717411303424", "%#o", "-0o200000000000000000000000"),
        ("-1180591620717411303424", "%#010o", "-0o200000000000000000000000"),
        ("-1180591620717411303424", "%x", "-400000000000000000"),
        ("-1180591620717411303424", "%#x", "-0x400000000000000000"),
        ("-1180591620717411303424", "%#X", "-0X400000000000000000"),
        ("-1180591620717411303424", "%#10x", "-0x400000000000000000"),
        ("-1180591620717411303424", "%-#10x", "-0x400000000000000000"),
        ("-1180591620717411303424", "%#010x", "-0x400000000000000000"),
        ("-1180591620717411303424", "%+#010x", "-0x400000000000000000"),
        ("-1180591620717411303424", "%.5x", "-400000000000000000"),
        ("-1180591620717411303424", "%#.5x", "-0x400000000000000000"),
        ("-1180591620717411303424", "%i", "-1180591620717411303424"),
        ("-1180591620717411303424", "%u", "-1180591620717411303424"),
    ];
    const PERCENT_FLOAT_CASES: &[(u64, &str, &str)] = &[
        (0x8000000000000000, "%f", "-0.000000"),
        (0x8000000000000000, "%5.2f", "-0.00"),
        (0x8000000000000000, "%-10.3f", "-0.000    "),
        (0x8000000000000000, "%+e", "-0.000000e+00"),
        (0x8000000000000000, "%+E", "-0.000000E+00"),
        (0x8000000000000000, "% e", "-0.000000e+00"),
        (0x8000000000000000, "%010.3f", "-00000.000"),
        (0x8000000000000000, "%-010.3f", "-0.000    "),
        (0x8000000000000000, "%#.0f", "-0."),
        (0x8000000000000000, "%#.0e", "-0.e+00"),
        (0x8000000000000000, "%g", "-0"),
        (0x8000000000000000, "%G", "-0"),
        (0x8000000000000000, "%#g", "-0.00000"),
        (0x8000000000000000, "%.3g", "-0"),
        (0x8000000000000000, "%10.4g", "        -0"),
        (0x8000000000000000, "%F", "-0.000000"),
        (0x8000000000000000, "%.0f", "-0"),
        (0x8000000000000000, "%.1f", "-0.0"),
        (0x8000000000000000, "%e", "-0.000000e+00"),
        (0x8000000000000000, "%.10e", "-0.0000000000e+00"),
        (0x8000000000000000, "%+010.2e", "-00.00e+00"),
        (0x8000000000000000, "%.20f", "-0.00000000000000000000"),
        (0x4005666666666666, "%f", "2.675000"),
        (0x4005666666666666, "%5.2f", " 2.67"),
        (0x4005666666666666, "%-10.3f", "2.675     "),
        (0x4005666666666666, "%+e", "+2.675000e+00"),
        (0x4005666666666666, "%+E", "+2.675000E+00"),
        (0x4005666666666666, "% e", " 2.675000e+00"),
        (0x4005666666666666, "%010.3f", "000002.675"),
        (0x4005666666666666, "%-010.3f", "2.675     "),
        (0x4005666666666666, "%#.0f", "3."),
        (0x4005666666666666, "%#.0e", "3.e+00"),
        (0x4005666666666666, "%g", "2.675"),
        (0x4005666666666666, "%G", "2.675"),
        (0x4005666666666666, "%#g", "2.67500"),
        (0x4005666666666666, "%.3g", "2.67"),
        (0x4005666666666666, "%10.4g", "     2.675"),
        (0x4005666666666666, "%F", "2.675000"),
        (0x4005666666666666, "%.0f", "3"),
        (0x4005666666666666, "%.1f", "2.7"),
        (0x4005666666666666, "%e", "2.675000e+00"),
        (0x4005666666666666, "%.10e", "2.6750000000e+00"),
        (0x4005666666666666, "%+010.2e", "+02.67e+00"),
        (0x4005666666666666, "%.20f", "2.67499999999999982236"),
        (0x3fe0000000000000, "%f", "0.500000"),
        (0x3fe0000000000000, "%5.2f", " 0.50"),
        (0x3fe0000000000000, "%-10.3f", "0.500     "),
        (0x3fe0000000000000, "%+e", "+5.000000e-01"),
        (0x3fe0000000000000, "%+E", "+5.000000E-01"),
        (0x3fe0000000000000, "% e", " 5.000000e-01"),
        (0x3fe0000000000000, "%010.3f", "000000.500"),
        (0x3fe0000000000000, "%-010.3f", "0.500     "),
        (0x3fe0000000000000, "%#.0f", "0."),
        (0x3fe0000000000000, "%#.0e", "5.e-01"),
        (0x3fe0000000000000, "%g", "0.5"),
        (0x3fe0000000000000, "%G", "0.5"),
        (0x3fe0000000000000, "%#g", "0.500000"),
        (0x3fe0000000000000, "%.3g", "0.5"),
        (0x3fe0000000000000, "%10.4g", "       0.5"),
        (0x3fe0000000000000, "%F", "0.500000"),
        (0x3fe0000000000000, "%.0f", "0"),
        (0x3fe0000000000000, "%.1f", "0.5"),
        (0x3fe0000000000000, "%e", "5.000000e-01"),
        (0x3fe0000000000000, "%.10e", "5.0000000000e-01"),
        (0x3fe0000000000000, "%+010.2e", "+05.00e-01"),
        (0x3fe0000000000000, "%.20f", "0.50000000000000000000"),
        (0xc0934a456d5cfaad, "%f", "-1234.567800"),
        (0xc0934a456d5cfaad, "%5.2f", "-1234.57"),
        (0xc0934a456d5cfaad, "%-10.3f", "-1234.568 "),
        (0xc0934a456d5cfaad, "%+e", "-1.234568e+03"),
        (0xc0934a456d5cfaad, "%+E", "-1.234568E+03"),
        (0xc0934a456d5cfaad, "% e", "-1.234568e+03"),
        (0xc0934a456d5cfaad, "%010.3f", "-01234.568"),
        (0xc0934a456d5cfaad, "%-010.3f", "-1234.568 "),
        (0xc0934a456d5cfaad, "%#.0f", "-1235."),
        (0xc0934a456d5cfaad, "%#.0e", "-1.e+03"),
        (0xc0934a456d5cfaad, "%g", "-1234.57"),
        (0xc0934a456d5cfaad, "%G", "-1234.57"),
        (0xc0934a456d5cfaad, "%#g", "-1234.57"),
        (0xc0934a456d5cfaad, "%.3g", "-1.23e+03"),
        (0xc0934a456d5cfaad, "%10.4g", "     -1235"),
        (0xc0934a456d5cfaad, "%F", "-1234.567800"),
        (0xc0934a456d5cfaad, "%.0f", "-1235"),
        (0xc0934a456d5cfaad, "%.1f", "-1234.6"),
        (0xc0934a456d5cfaad, "%e", "-1.234568e+03"),
        (0xc0934a456d5cfaad, "%.10e", "-1.2345678000e+03"),
        (0xc0934a456d5cfaad, "%+010.2e", "-01.23e+03"),
        (0xc0934a456d5cfaad, "%.20f", "-1234.56780000000003383320"),
        (0x3ee4f8b588e368f1, "%f", "0.000010"),
        (0x3ee4f8b588e368f1, "%5.2f", " 0.00"),
        (0x3ee4f8b588e368f1, "%-10.3f", "0.000     "),
        (0x3ee4f8b588e368f1, "%+e", "+1.000000e-05"),
        (0x3ee4f8b588e368f1, "%+E", "+1.000000E-05"),
        (0x3ee4f8b588e368f1, "% e", " 1.000000e-05"),
        (0x3ee4f8b588e368f1, "%010.3f", "000000.000"),
        (0x3ee4f8b588e368f1, "%-010.3f", "0.000     "),
        (0x3ee4f8b588e368f1, "%#.0f", "0."),
        (0x3ee4f8b588e368f1, "%#.0e", "1.e-05"),
        (0x3ee4f8b588e368f1, "%g", "1e-05"),
        (0x3ee4f8b588e368f1, "%G", "1E-05"),
        (0x3ee4f8b588e368f1, "%#g", "1.00000e-05"),
        (0x3ee4f8b588e368f1, "%.3g", "1e-05"),
        (0x3ee4f8b588e368f1, "%10.4g", "     1e-05"),
        (0x3ee4f8b588e368f1, "%F", "0.000010"),
        (0x3ee4f8b588e368f1, "%.0f", "0"),
        (0x3ee4f8b588e368f1, "%.1f", "0.0"),
        (0x3ee4f8b588e368f1, "%e", "1.000000e-05"),
        (0x3ee4f8b588e368f1, "%.10e", "1.0000000000e-05"),
        (0x3ee4f8b588e368f1, "%+010.2e", "+01.00e-05"),
        (0x3ee4f8b588e368f1, "%.20f", "0.00001000000000000000"),
        (0x419d6f3454000000, "%f", "123456789.000000"),
        (0x419d6f3454000000, "%5.2f", "123456789.00"),
        (0x419d6f3454000000, "%-10.3f", "123456789.000"),
        (0x419d6f3454000000, "%+e", "+1.234568e+08"),
        (0x419d6f3454000000, "%+E", "+1.234568E+08"),
        (0x419d6f3454000000, "% e", " 1.234568e+08"),
        (0x419d6f3454000000, "%010.3f", "123456789.000"),
        (0x419d6f3454000000, "%-010.3f", "123456789.000"),
        (0x419d6f3454000000, "%#.0f", "123456789."),
        (0x419d6f3454000000, "%#.0e", "1.e+08"),
        (0x419d6f3454000000, "%g", "1.23457e+08"),
        (0x419d6f3454000000, "%G", "1.23457E+08"),
        (0x419d6f3454000000, "%#g", "1.23457e+08"),
        (0x419d6f3454000000, "%.3g", "1.23e+08"),
        (0x419d6f3454000000, "%10.4g", " 1.235e+08"),
        (0x419d6f3454000000, "%F", "123456789.000000"),
        (0x419d6f3454000000, "%.0f", "123456789"),
        (0x419d6f3454000000, "%.1f", "123456789.0"),
        (0x419d6f3454000000, "%e", "1.234568e+08"),
        (0x419d6f3454000000, "%.10e", "1.2345678900e+08"),
        (0x419d6f3454000000, "%+010.2e", "+01.23e+08"),
        (0x419d6f3454000000, "%.20f", "123456789.00000000000000000000"),
        (0x4480f0cf064dd592, "%f", "10000000000000000000000.000000"),
        (0x4480f0cf064dd592, "%5.2f", "10000000000000000000000.00"),
        (0x4480f0cf064dd592, "%-10.3f", "10000000000000000000000.000"),
        (0x4480f0cf064dd592, "%+e", "+1.000000e+22"),
        (0x4480f0cf064dd592, "%+E", "+1.000000E+22"),
        (0x4480f0cf064dd592, "% e", " 1.000000e+22"),
        (0x4480f0cf064dd592, "%010.3f", "10000000000000000000000.000"),
        (0x4480f0cf064dd592, "%-010.3f", "10000000000000000000000.000"),
        (0x4480f0cf064dd592, "%#.0f", "10000000000000000000000."),
        (0x4480f0cf064dd592, "%#.0e", "1.e+22"),
        (0x4480f0cf064dd592, "%g", "1e+22"),
        (0x4480f0cf064dd592, "%G", "1E+22"),
        (0x4480f0cf064dd592, "%#g", "1.00000e+22"),
        (0x4480f0cf064dd592, "%.3g", "1e+22"),
        (0x4480f0cf064dd592, "%10.4g", "     1e+22"),
        (0x4480f0cf064dd592, "%F", "10000000000000000000000.000000"),
        (0x4480f0cf064dd592, "%.0f", "10000000000000000000000"),
        (0x4480f0cf064dd592, "%.1f", "10000000000000000000000.0"),
        (0x4480f0cf064dd592, "%e", "1.000000e+22"),
        (0x4480f0cf064dd592, "%.10e", "1.0000000000e+22"),
        (0x4480f0cf064dd592, "%+010.2e", "+01.00e+22"),
        (0x4480f0cf064dd592, "%.20f", "10000000000000000000000.00000000000000000000"),
        (0xfff0000000000000, "%f", "-inf"),
        (0xfff0000000000000, "%5.2f", " -inf"),
        (0xfff0000000000000, "%-10.3f", "-inf      "),
        (0xfff0000000000000, "%+e", "-inf"),
        (0xfff0000000000000, "%+E", "-INF"),
        (0xfff0000000000000, "% e", "-inf"),
        (0xfff0000000000000, "%010.3f", "-000000inf"),
        (0xfff0000000000000, "%-010.3f", "-inf      "),
        (0xfff0000000000000, "%#.0f", "-inf"),
        (0xfff0000000000000, "%#.0e", "-inf"),
        (0xfff0000000000000, "%g", "-inf"),
        (0xfff0000000000000, "%G", "-INF"),
        (0xfff0000000000000, "%#g", "-inf"),
        (0xfff0000000000000, "%.3g", "-inf"),
        (0xfff0000000000000, "%10.4g", "      -inf"),
        (0xfff0000000000000, "%F", "-INF"),
        (0xfff0000000000000, "%.0f", "-inf"),
        (0xfff0000000000000, "%.1f", "-inf"),
        (0xfff0000000000000, "%e", "-inf"),
        (0xfff0000000000000, "%.10e", "-inf"),
        (0xfff0000000000000, "%+010.2e", "-000000inf"),
        (0xfff0000000000000, "%.20f", "-inf"),
        (0x7ff8000000000000, "%f", "nan"),
        (0x7ff8000000000000, "%5.2f", "  nan"),
        (0x7ff8000000000000, "%-10.3f", "nan       "),
        (0x7ff8000000000000, "%+e", "+nan"),
        (0x7ff8000000000000, "%+E", "+NAN"),
        (0x7ff8000000000000, "% e", " nan"),
        (0x7ff8000000000000, "%010.3f", "0000000nan"),
        (0x7ff8000000000000, "%-010.3f", "nan       "),
        (0x7ff8000000000000, "%#.0f", "nan"),
        (0x7ff8000000000000, "%#.0e", "nan"),
        (0x7ff8000000000000, "%g", "nan"),
        (0x7ff8000000000000, "%G", "NAN"),
        (0x7ff8000000000000, "%#g", "nan"),
        (0x7ff8000000000000, "%.3g", "nan"),
        (0x7ff8000000000000, "%10.4g", "       nan"),
        (0x7ff8000000000000, "%F", "NAN"),
        (0x7ff8000000000000, "%.0f", "nan"),
        (0x7ff8000000000000, "%.1f", "nan"),
        (0x7ff8000000000000, "%e", "nan"),
        (0x7ff8000000000000, "%.10e", "nan"),
        (0x7ff8000000000000, "%+010.2e", "+000000nan"),
        (0x7ff8000000000000, "%.20f", "nan"),
    ];
    const PERCENT_STR_CASES: &[(&str, &str, &str)] = &[
        ("abc", "%s", "abc"),
        ("abc", "%5s", "  abc"),
        ("abc", "%-5s", "abc  "),
        ("abc", "%.2s", "ab"),
        ("abc", "%5.2s", "   ab"),
        ("abc", "%-5.1s", "a    "),
        ("abc", "%05s", "  abc"),
        ("abc", "%+s", "abc"),
        ("abc", "%.0s", ""),
        ("héllo", "%s", "héllo"),
        ("héllo", "%5s", "héllo"),
        ("héllo", "%-5s", "héllo"),
        ("héllo", "%.2s", "hé"),
        ("héllo", "%5.2s", "   hé"),
        ("héllo", "%-5.1s", "h    "),
        ("héllo", "%05s", "héllo"),
        ("héllo", "%+s", "héllo"),
        ("héllo", "%.0s", ""),
        ("", "%s", ""),
        ("", "%5s", "     "),
        ("", "%-5s", "     "),
        ("", "%.2s", ""),
        ("", "%5.2s", "     "),
        ("", "%-5.1s", "     "),
        ("", "%05s", "     "),
        ("", "%+s", ""),
        ("", "%.0s", ""),
    ];
    const PARSE_INT_CASES: &[(&str, u32, Option<&str>)] = &[
        ("0", 0, Some("0")),
        ("00", 0, Some("0")),
        ("012", 0, None),
        ("0_0", 0, Some("0")),
        ("0_7", 0, None),
        ("012", 10, Some("12")),
        (" 42 ", 10, Some("42")),
        ("-42", 10, Some("-42")),
        ("+42", 10, Some("42")),
        ("- 42", 10, None),
        ("4_2", 10, Some("42")),
        ("4__2", 10, None),
        ("_42", 10, None),
        ("42_", 10, None),
        ("0x1F", 0, Some("31")),
        ("0X1f", 16, Some("31")),
        ("0x_1f", 16, Some("31")),
        ("0x_1f", 0, Some("31")),
        ("0x__1f", 16, None),
        ("0x", 16, None),
        ("0x1f", 10, None),
        ("1f", 16, Some("31")),
        ("0b101", 0, Some("5")),
        ("0b101", 2, Some("5")),
        ("0b101", 16, Some("45313")),
        ("0o17", 0, Some("15")),
        ("0o17", 8, Some("15")),
        ("0o18", 8, None),
        ("z", 36, Some("35")),
        ("Z", 36, Some("35")),
        ("z", 35, None),
        ("", 10, None),
        ("  ", 10, None),
        ("1 2", 10, None),
        ("　١٢", 10, Some("12")),
        ("\u{b}12\u{c}", 10, Some("12")),
        ("\u{1c}12", 10, None),
        ("-0", 10, Some("0")),
        ("123456789012345678901234567890", 10, Some("123456789012345678901234567890")),
        ("-0b1_0_1", 0, Some("-5")),
        ("0_", 0, None),
        ("１２３", 10, Some("123")),
        ("12", 1, None),
        ("12", 37, None),
        ("0b", 0, None),
        ("0o", 0, None),
        ("00x1", 0, None),
    ];
    #[test]
    fn format_int_table() {
        for &(v, spec, want) in INT_CASES {
            let got = fmt_int(v, spec);
            assert_eq!(got, want.map(String::from).map_err(String::from), "format({v}, {spec:?})");
        }
    }

    #[test]
    fn format_float_table() {
        for &(bits, spec, want) in FLOAT_CASES {
            let x = f64::from_bits(bits);
            let got = fmt_float(x, spec);
            assert_eq!(got, want.map(String::from).map_err(String::from), "format({x:e}, {spec:?})");
        }
    }

    #[test]
    fn format_str_table() {
        for &(v, spec, want) in STR_CASES {
            let got = fmt_str(v, spec);
            assert_eq!(got, want.map(String::from).map_err(String::from), "format({v:?}, {spec:?})");
        }
    }

    #[test]
    fn format_percent_tables() {
        for &(v, fmt, want) in PERCENT_INT_CASES {
            let (flags, ty) = percent(fmt);
            let tail = &fmt[fmt.find(ty).unwrap() + 1..];
            let got = percent_format_int(&big(v), &flags, ty) + tail;
            assert_eq!(got, want, "{fmt:?} % {v}");
        }
        for &(bits, fmt, want) in PERCENT_FLOAT_CASES {
            let x = f64::from_bits(bits);
            let (flags, ty) = percent(fmt);
            assert_eq!(percent_format_float(x, &flags, ty), want, "{fmt:?} % {x:e}");
        }
        for &(v, fmt, want) in PERCENT_STR_CASES {
            let (flags, _) = percent(fmt);
            assert_eq!(percent_format_str(v, &flags), want, "{fmt:?} % {v:?}");
        }
    }

    #[test]
    fn format_parse_int_table() {
        for &(s, base, want) in PARSE_INT_CASES {
            let got = parse_int(s, base).ok().map(|v| v.to_string());
            assert_eq!(got.as_deref(), want, "int({s:?}, {base})");
        }
    }

    #[test]
    fn format_brief_examples() {
        assert_eq!(fmt_float(2.675, ".2f").unwrap(), "2.67");
        assert_eq!(fmt_float(0.5, ".0f").unwrap(), "0");
        assert_eq!(fmt_float(1.5, ".0f").unwrap(), "2");
        assert_eq!(fmt_float(1e-5, "g").unwrap(), "1e-05");
        assert_eq!(fmt_float(123456789.0, "g").unwrap(), "1.23457e+08");
        assert_eq!(fmt_float(0.0001, ".3g").unwrap(), "0.0001");
        assert_eq!(fmt_float(123.456, "").unwrap(), "123.456");
        assert_eq!(fmt_float(1e16, "").unwrap(), "1e+16");
        assert_eq!(fmt_float(123.0, ".3").unwrap(), "1.23e+02");
        assert_eq!(fmt_float(-0.0, "").unwrap(), "-0.0");
        assert_eq!(fmt_int("255", "#010x").unwrap(), "0x000000ff");
        assert_eq!(fmt_int("1234", "010,").unwrap(), "00,001,234");
        assert_eq!(fmt_int("1", "\u{661}\u{660}").unwrap(), "         1");
        assert_eq!(
            fmt_int("-123456789012345678901234567890", ",").unwrap(),
            "-123,456,789,012,345,678,901,234,567,890"
        );
        assert_eq!(fmt_int("1", ".2").unwrap_err(), "Precision not allowed in integer format specifier");
        assert_eq!(fmt_int("1", "q").unwrap_err(), "Unknown format code 'q' for object of type 'int'");
        assert_eq!(
            format_int_named(&big("1"), &parse_format_spec("q").unwrap(), "bool").unwrap_err(),
            "Unknown format code 'q' for object of type 'bool'"
        );
        assert_eq!(fmt_str("a", "+").unwrap_err(), "Sign not allowed in string format specifier");
        assert_eq!(fmt_str("a", "=5").unwrap_err(), "'=' alignment not allowed in string format specifier");
        assert_eq!(parse_format_spec("abc").unwrap_err(), "Invalid format specifier 'abc' for object of type 'object'");
        assert_eq!(fmt_str("a", "xx").unwrap_err(), "Invalid format specifier 'xx' for object of type 'str'");

        let flags = |w, p| PercentFlags { width: w, precision: p, ..PercentFlags::default() };
        assert_eq!(percent_format_float(12.3456, &flags(Some(6), Some(2)), 'f'), " 12.35");
        let left = PercentFlags { left: true, ..flags(Some(8), None) };
        assert_eq!(percent_format_int(&big("42"), &left, 'd'), "42      ");
        let plus = PercentFlags { plus: true, ..PercentFlags::default() };
        assert_eq!(percent_format_float(12.5, &plus, 'e'), "+1.250000e+01");
        let alt = PercentFlags { alternate: true, ..PercentFlags::default() };
        assert_eq!(percent_format_int(&big("8"), &alt, 'o'), "0o10");
    }

    #[test]
    fn format_spec_parse_fields() {
        let s = parse_format_spec("*^+z#012_.3f").unwrap();
        assert_eq!(
            s,
            FormatSpec {
                fill: '*',
                align: Some(Align::Center),
                sign: Sign::Plus,
                no_neg_zero: true,
                alternate: true,
                zero_pad: false,
                width: Some(12),
                grouping: Some('_'),
                precision: Some(3),
                ty: Some('f'),
            }
        );
        let s = parse_format_spec("010").unwrap();
        assert!(s.zero_pad && s.fill == '0' && s.align.is_none() && s.width == Some(10));
        assert_eq!(parse_format_spec("").unwrap(), FormatSpec::default());
        assert_eq!(
            parse_format_spec("99999999999999999999999").unwrap_err(),
            "Too many decimal digits in format string"
        );
        assert_eq!(parse_format_spec("._").unwrap_err(), "Format specifier missing precision");
        assert_eq!(parse_format_spec(",\u{1}").unwrap_err(), "Cannot specify ',' with '\\x1'.");
    }

    #[test]
    fn format_radix_and_float_conversion() {
        assert_eq!(int_to_str_radix(&big("255"), 16), "ff");
        assert_eq!(int_to_str_radix(&big("-255"), 2), "-11111111");
        assert_eq!(int_to_str_radix(&big("0"), 36), "0");
        assert_eq!(int_to_str_radix(&big("1295"), 36), "zz");
        assert_eq!(
            int_to_str_radix(&big("-123456789012345678901234567890"), 7),
            "-21653251153414601406403630240331250"
        );
        let f = |s: &str| bigint_to_f64(&big(s));
        assert_eq!(f("9007199254740993"), Some(9007199254740992.0));
        assert_eq!(f("9007199254740995"), Some(9007199254740996.0));
        assert_eq!(f("-18446744073709551617"), Some(-18446744073709551616.0));
        // 2**64 + 2**11 + 1 rounds up only thanks to the sticky bit.
        assert_eq!(f("18446744073709553665"), Some(18446744073709555712.0));
        let max = "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368";
        assert_eq!(f(max), Some(f64::MAX));
        // 2**1024 - 2**970 is the halfway point to 2**1024: overflows.
        let half = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";
        assert_eq!(f(half), None);
        assert_eq!(fmt_int(half, "e").unwrap_err(), "int too large to convert to float");
        assert!(is_overflow_error(INT_TOO_LARGE_MSG));
        assert!(!is_overflow_error("Invalid format specifier"));
    }
}
