//! Codes for forms that print none. A project without 项目编码 gets `JX` + 8 hex digits
//! of a hash of its unit and name, so the same source gives the same code on every import
//! (actuals, snapshots and diffs key on it). The hash is FNV-1a (64 bit), written out here
//! so that it never changes with the Rust version, unlike `std`'s `DefaultHasher`.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(FNV_PRIME)
    })
}

/// `JX` + 8 uppercase hex digits of FNV-1a over `unit` + U+001F + `name`.
pub fn derived_code(prefix: &str, unit: &str, name: &str) -> String {
    let mut bytes = unit.as_bytes().to_vec();
    bytes.push(0x1f);
    bytes.extend_from_slice(name.as_bytes());
    let h = fnv1a(&bytes);
    format!("{prefix}{:08X}", (h >> 32) ^ (h & 0xffff_ffff))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Fixed forever: changing these changes every derived code users key actuals on.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(
            derived_code("JX", "某县农业农村局", "高标准农田建设项目").len(),
            10
        );
    }
}
