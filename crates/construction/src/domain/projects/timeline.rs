//! Where a phase's bar sits on the timeline (甘特图): positions in tenths of
//! a percent of the window the timeline shows (a 1000-wide SVG view box on
//! the page).

use chrono::NaiveDate;

/// The days a timeline shows, first to last, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A bar: its left edge and width in tenths of a percent of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub left: i64,
    pub width: i64,
}

impl Window {
    /// The smallest window holding every date; `None` without dates.
    pub fn around(dates: impl IntoIterator<Item = NaiveDate>) -> Option<Window> {
        dates.into_iter().fold(None, |w, d| {
            Some(match w {
                None => Window { from: d, to: d },
                Some(Window { from, to }) => Window {
                    from: from.min(d),
                    to: to.max(d),
                },
            })
        })
    }

    /// Days in the window, both ends included.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The bar of `start`–`end` (both included), clipped to the window;
    /// at least a tenth of a percent wide so a one-day phase shows. `None`
    /// when it lies wholly outside the window or ends before it starts.
    pub fn bar(&self, start: NaiveDate, end: NaiveDate) -> Option<Bar> {
        let (start, end) = (start.max(self.from), end.min(self.to));
        if end < start {
            return None;
        }
        let days = self.days();
        let left = (start - self.from).num_days() * 1000 / days;
        let right = ((end - self.from).num_days() + 1) * 1000 / days;
        Some(Bar {
            left,
            width: (right - left).max(1),
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    #[test]
    fn the_window_holds_every_date() {
        assert_eq!(Window::around([]), None);
        let w = Window::around([d(3, 1), d(1, 10), d(2, 1)]).expect("window");
        assert_eq!(
            w,
            Window {
                from: d(1, 10),
                to: d(3, 1)
            }
        );
        assert_eq!(
            Window {
                from: d(1, 1),
                to: d(1, 1)
            }
            .days(),
            1
        );
        assert_eq!(
            Window {
                from: d(1, 1),
                to: d(1, 10)
            }
            .days(),
            10
        );
    }

    #[test]
    fn bars_are_placed_in_tenths_of_a_percent() {
        let w = Window {
            from: d(1, 1),
            to: d(1, 10),
        };
        assert_eq!(
            w.bar(d(1, 1), d(1, 10)),
            Some(Bar {
                left: 0,
                width: 1000
            })
        );
        assert_eq!(
            w.bar(d(1, 3), d(1, 4)),
            Some(Bar {
                left: 200,
                width: 200
            })
        );
        assert_eq!(
            w.bar(d(1, 10), d(1, 10)),
            Some(Bar {
                left: 900,
                width: 100
            })
        );
        // Clipped at both ends.
        assert_eq!(
            w.bar(d(12, 1) - chrono::Days::new(400), d(1, 2)),
            Some(Bar {
                left: 0,
                width: 200
            })
        );
        assert_eq!(
            w.bar(d(1, 9), d(2, 1)),
            Some(Bar {
                left: 800,
                width: 200
            })
        );
        assert_eq!(w.bar(d(1, 11), d(1, 12)), None);
        assert_eq!(w.bar(d(1, 5), d(1, 4)), None);
        let long = Window {
            from: d(1, 1),
            to: d(12, 31) - chrono::Days::new(0) + chrono::Days::new(3000),
        };
        assert_eq!(long.bar(d(1, 1), d(1, 1)).map(|b| b.width), Some(1));
    }

    proptest! {
        #[test]
        fn bars_stay_inside(a in 0u64..400, b in 0u64..400, len in 0u64..400) {
            let from = d(1, 1);
            let w = Window { from, to: from + chrono::Days::new(len) };
            let (s, e) = (from + chrono::Days::new(a.min(b)), from + chrono::Days::new(a.max(b)));
            if let Some(bar) = w.bar(s, e) {
                prop_assert!(bar.left >= 0 && bar.width >= 1 && bar.left + bar.width <= 1000 + 1);
            } else {
                prop_assert!(s > w.to);
            }
        }
    }
}
