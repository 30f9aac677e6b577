//! A small deterministic generator for the area's demo data (SplitMix64),
//! so the same demo staff always get the same training and teams.

pub struct DemoRng(u64);

impl DemoRng {
    pub fn new(seed: u64) -> DemoRng {
        DemoRng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Moves `k` randomly chosen items of `items` to its front (a partial
    /// Fisher–Yates shuffle) and returns them.
    pub fn choose<'a, T>(&mut self, items: &'a mut [T], k: usize) -> &'a [T] {
        let k = k.min(items.len());
        for i in 0..k {
            let j = i + self.below(items.len() - i);
            items.swap(i, j);
        }
        &items[..k]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_choice_without_repeats() {
        let mut a: Vec<u32> = (0..100).collect();
        let mut b = a.clone();
        let x = DemoRng::new(7).choose(&mut a, 30).to_vec();
        let y = DemoRng::new(7).choose(&mut b, 30).to_vec();
        assert_eq!(x, y);
        let mut sorted = x.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 30);
        assert!(DemoRng::new(1).below(5) < 5);
        assert_eq!(DemoRng::new(1).below(0), 0);
    }
}
