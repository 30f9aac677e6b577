//! The client's address, for the audit log and sign-in throttling: the peer
//! of the connection, or, when that peer is a reverse proxy the server was
//! told to trust (`serve --trusted-proxy`), the address the proxy reports in
//! `X-Forwarded-For`. Without that setting the header is ignored, since any
//! client can send it.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

/// The resolved client address, put into each request's extensions by
/// [`super::csrf::session_layer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub Option<IpAddr>);

/// The client's address as text, for the audit log.
#[derive(Clone, Debug)]
pub struct ClientIp(pub Option<String>);

/// The client of a connection from `peer` whose `X-Forwarded-For` headers
/// are `headers`: hops are read from the right, and the first one that is
/// not a trusted proxy is the client.
pub fn resolve(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> Option<IpAddr> {
    let mut client = peer?;
    if !trusted.contains(&client) {
        return Some(client);
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .collect();
    for hop in hops.iter().rev() {
        let Ok(ip) = hop.trim().parse::<IpAddr>() else {
            break;
        };
        client = ip;
        if !trusted.contains(&ip) {
            break;
        }
    }
    Some(client)
}

fn peer(parts: &Parts) -> Option<IpAddr> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// The address [`resolve`]d for this request, or the connection's peer.
pub fn of(parts: &Parts) -> Option<IpAddr> {
    match parts.extensions.get::<ClientAddr>() {
        Some(a) => a.0,
        None => peer(parts),
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(of(parts)))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(of(parts).map(|ip| ip.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("address")
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().expect("header"));
        }
        h
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_proxy() {
        let proxy = ip("127.0.0.1");
        let h = forwarded(&["203.0.113.5"]);
        assert_eq!(resolve(Some(proxy), &h, &[]), Some(proxy));
        assert_eq!(
            resolve(Some(ip("198.51.100.1")), &h, &[proxy]),
            Some(ip("198.51.100.1"))
        );
        assert_eq!(resolve(Some(proxy), &h, &[proxy]), Some(ip("203.0.113.5")));
        assert_eq!(resolve(None, &h, &[proxy]), None);
    }

    #[test]
    fn hops_are_read_from_the_right_past_trusted_proxies() {
        let (proxy, inner) = (ip("127.0.0.1"), ip("10.0.0.2"));
        let trusted = [proxy, inner];
        // A client can put anything on the left; only the right end is ours.
        let h = forwarded(&["1.1.1.1, 203.0.113.5", "10.0.0.2"]);
        assert_eq!(resolve(Some(proxy), &h, &trusted), Some(ip("203.0.113.5")));
        let h = forwarded(&["garbage, 203.0.113.6"]);
        assert_eq!(resolve(Some(proxy), &h, &trusted), Some(ip("203.0.113.6")));
        let h = forwarded(&["203.0.113.7, garbage"]);
        assert_eq!(resolve(Some(proxy), &h, &trusted), Some(proxy));
        let h = forwarded(&["10.0.0.2"]);
        assert_eq!(resolve(Some(proxy), &h, &trusted), Some(inner));
        assert_eq!(
            resolve(Some(proxy), &HeaderMap::new(), &trusted),
            Some(proxy)
        );
    }
}
