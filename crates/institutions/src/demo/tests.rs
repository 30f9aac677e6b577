use super::*;
use crate::domain::Category;
use platform::TownshipId;
use rand::SeedableRng;

fn towns() -> Vec<Township> {
    platform::codes::townships_of("330503")
        .into_iter()
        .enumerate()
        .map(|(i, d)| Township {
            id: TownshipId(i as i64 + 1),
            code: d.code.clone(),
            name: d.name.clone(),
            kind: if d.name.ends_with("街道") {
                "street"
            } else {
                "town"
            }
            .into(),
            urban_rural: if d.name.ends_with("街道") {
                "urban"
            } else {
                "town"
            }
            .into(),
        })
        .collect()
}

#[test]
fn about_150_institutions_of_every_category_with_unique_names_and_codes() {
    let p = plans(&towns(), &mut ChaCha8Rng::seed_from_u64(2026));
    assert!((120..=180).contains(&p.len()), "{} institutions", p.len());
    for c in Category::ALL.into_iter().filter(|c| *c != Category::Other) {
        assert!(
            p.iter()
                .any(|x| Category::of_school_type(&x.n.school_type) == c),
            "no {c:?}"
        );
    }
    let mut names: Vec<_> = p.iter().map(|x| x.n.name.clone()).collect();
    names.sort();
    let dups: Vec<_> = names
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0].clone())
        .collect();
    assert!(dups.is_empty(), "duplicate names {dups:?}");
    let mut codes: Vec<_> = p.iter().filter_map(|x| x.n.code.clone()).collect();
    let n = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), n);
    assert!(p.iter().any(|x| x.n.licence == Licence::Unlicensed));
    assert!(p
        .iter()
        .any(|x| x.n.ownership == Ownership::PrivateInclusive));
}

#[test]
fn same_seed_same_district() {
    let a: Vec<_> = plans(&towns(), &mut ChaCha8Rng::seed_from_u64(7))
        .into_iter()
        .map(|p| p.n)
        .collect();
    let b: Vec<_> = plans(&towns(), &mut ChaCha8Rng::seed_from_u64(7))
        .into_iter()
        .map(|p| p.n)
        .collect();
    assert_eq!(a, b);
}
