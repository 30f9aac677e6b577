//! 排名 per post: competition ranking (1, 2, 2, 4) on the total, highest
//! first; and which applicants 人事科 may confirm as hires (拟聘用).

/// Ranks of `totals` (none: a score is missing), highest total first;
/// equal totals share a rank and the next rank skips as many places
/// (1, 2, 2, 4). An applicant without a total has no rank.
pub fn competition_ranks(totals: &[Option<i64>]) -> Vec<Option<usize>> {
    totals
        .iter()
        .map(|t| {
            let t = (*t)?;
            Some(1 + totals.iter().flatten().filter(|o| **o > t).count())
        })
        .collect()
}

/// An applicant of a post as the hiring rule sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub rank: Option<usize>,
    pub hired: bool,
}

/// Checks the applicants `chosen` for hire on a post of `places`: each
/// must be an applicant of the post, ranked within the places and not
/// hired yet, and together with those hired before they must not exceed
/// the places. The message says what to fix.
pub fn check_hires(candidates: &[Candidate], places: usize, chosen: &[i64]) -> Result<(), String> {
    if chosen.is_empty() {
        return Err("请选择拟聘用人员".into());
    }
    let hired = candidates.iter().filter(|c| c.hired).count();
    if hired + chosen.len() > places {
        return Err(format!(
            "本岗位招聘 {places} 人，已聘用 {hired} 人，本次最多还可聘用 {} 人",
            places.saturating_sub(hired)
        ));
    }
    for (i, id) in chosen.iter().enumerate() {
        if chosen[..i].contains(id) {
            return Err(format!("报考人员 #{id} 重复选择"));
        }
        let c = candidates
            .iter()
            .find(|c| c.id == *id)
            .ok_or_else(|| format!("报考人员 #{id} 不是本岗位的报考人员"))?;
        if c.hired {
            return Err(format!("报考人员 #{id} 已聘用"));
        }
        match c.rank {
            None => return Err(format!("报考人员 #{id} 成绩不全，不能聘用")),
            Some(r) if r > places => {
                return Err(format!(
                    "报考人员 #{id} 排名第 {r}，超出本岗位招聘人数 {places} 人"
                ))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ties_share_a_rank_and_the_next_skips() {
        let r = competition_ranks(&[Some(90), Some(80), Some(80), Some(70), None, Some(95)]);
        assert_eq!(r, [Some(2), Some(3), Some(3), Some(5), None, Some(1)]);
        assert_eq!(competition_ranks(&[]), Vec::<Option<usize>>::new());
        assert_eq!(competition_ranks(&[Some(5), Some(5)]), [Some(1), Some(1)]);
        assert_eq!(competition_ranks(&[None]), [None]);
    }

    fn c(id: i64, rank: Option<usize>, hired: bool) -> Candidate {
        Candidate { id, rank, hired }
    }

    #[test]
    fn the_top_within_the_places_may_be_hired() {
        let all = [
            c(1, Some(1), false),
            c(2, Some(2), false),
            c(3, Some(2), false),
            c(4, Some(4), false),
            c(5, None, false),
        ];
        assert_eq!(check_hires(&all, 2, &[1, 2]), Ok(()));
        assert_eq!(check_hires(&all, 2, &[1, 3]), Ok(()));
        assert_eq!(check_hires(&all, 1, &[1]), Ok(()));
        assert_eq!(
            check_hires(&all, 2, &[1, 2, 3]),
            Err("本岗位招聘 2 人，已聘用 0 人，本次最多还可聘用 2 人".into())
        );
        assert_eq!(
            check_hires(&all, 3, &[4]),
            Err("报考人员 #4 排名第 4，超出本岗位招聘人数 3 人".into())
        );
        assert_eq!(check_hires(&all, 4, &[4]), Ok(()));
        assert_eq!(
            check_hires(&all, 5, &[5]),
            Err("报考人员 #5 成绩不全，不能聘用".into())
        );
        assert_eq!(
            check_hires(&all, 2, &[9]),
            Err("报考人员 #9 不是本岗位的报考人员".into())
        );
        assert_eq!(
            check_hires(&all, 2, &[1, 1]),
            Err("报考人员 #1 重复选择".into())
        );
        assert_eq!(check_hires(&all, 2, &[]), Err("请选择拟聘用人员".into()));
    }

    #[test]
    fn hires_made_before_count_against_the_places() {
        let all = [
            c(1, Some(1), true),
            c(2, Some(2), false),
            c(3, Some(3), false),
        ];
        assert_eq!(check_hires(&all, 2, &[1]), Err("报考人员 #1 已聘用".into()));
        assert_eq!(check_hires(&all, 2, &[2]), Ok(()));
        assert_eq!(check_hires(&all, 3, &[2, 3]), Ok(()));
        let full = [c(1, Some(1), true), c(2, Some(1), false)];
        assert_eq!(
            check_hires(&full, 1, &[2]),
            Err("本岗位招聘 1 人，已聘用 1 人，本次最多还可聘用 0 人".into())
        );
    }

    proptest! {
        /// Each rank is one more than the number of strictly higher totals,
        /// so ranks start at 1, ties share one, and sorted ranks never
        /// skip less than the tie before them.
        #[test]
        fn ranks_are_competition_ranks(totals in proptest::collection::vec(proptest::option::of(0i64..20), 0..30)) {
            let ranks = competition_ranks(&totals);
            prop_assert_eq!(ranks.len(), totals.len());
            let mut scored: Vec<(i64, usize)> = totals.iter().zip(&ranks)
                .filter_map(|(t, r)| Some(((*t)?, (*r)?))).collect();
            prop_assert_eq!(scored.len(), totals.iter().flatten().count());
            scored.sort_by_key(|s| std::cmp::Reverse(s.0));
            for (i, (t, r)) in scored.iter().enumerate() {
                let first = scored.iter().position(|(u, _)| u == t).unwrap();
                prop_assert_eq!(*r, first + 1, "position {}", i);
            }
            for (t, r) in totals.iter().zip(&ranks) {
                prop_assert_eq!(t.is_none(), r.is_none());
            }
        }

        #[test]
        fn a_higher_total_never_ranks_lower(a in 0i64..100, b in 0i64..100) {
            let r = competition_ranks(&[Some(a), Some(b)]);
            prop_assert_eq!(a > b, r[0] < r[1]);
            prop_assert_eq!(a == b, r[0] == r[1]);
        }
    }
}
