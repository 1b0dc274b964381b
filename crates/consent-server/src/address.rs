//! What counts as one client for the limits per address.

use std::net::IpAddr;

/// The address a client is limited under: IPv4 as is (IPv4-mapped IPv6 too), IPv6 by
/// its /64, since one host is routinely given a whole /64 and could otherwise take a
/// fresh address for every connection.
///
/// ```
/// use consent_server::address::client_key;
/// let a = client_key("2001:db8:1:2::10".parse().unwrap());
/// let b = client_key("2001:db8:1:2:ffff::1".parse().unwrap());
/// assert_eq!(a, b);
/// assert_eq!(client_key("::ffff:192.0.2.1".parse().unwrap()), "192.0.2.1".parse::<std::net::IpAddr>().unwrap());
/// ```
pub fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6((u128::from(v6) & !((1u128 << 64) - 1)).into()),
        },
    }
}
