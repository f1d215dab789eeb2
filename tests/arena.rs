//! The later wasm's arena (`samepage::arena`), its arithmetic on addresses: blocks are aligned
//! and disjoint, the latest grows and shrinks in place, and the arena starts again from its
//! beginning once nothing is live, so request after request reuses the same memory.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::Layout;
use std::cell::Cell;

use proptest::prelude::*;
use samepage::arena::{Arena, Memory, PAGE};

/// A memory of `pages` pages, starting 2 pages in (as a wasm's data and stack come first),
/// that can grow to `limit` pages; `foreign` pages are grown by someone else before the next
/// growth.
struct Fake {
    pages: Cell<usize>,
    limit: usize,
    foreign: Cell<usize>,
}

impl Fake {
    fn new(limit: usize) -> Fake {
        Fake {
            pages: Cell::new(2),
            limit,
            foreign: Cell::new(0),
        }
    }
}

impl Memory for &Fake {
    fn grow(&self, pages: usize) -> Option<usize> {
        let before = self.pages.get() + self.foreign.take();
        (before + pages <= self.limit).then(|| {
            self.pages.set(before + pages);
            before * PAGE
        })
    }
}

fn layout(size: usize, align: usize) -> Layout {
    Layout::from_size_align(size, align).unwrap()
}

#[test]
fn blocks_follow_each_other_aligned_from_the_first_grown_page() {
    let memory = Fake::new(100);
    let arena = Arena::new(&memory);
    assert_eq!(arena.allocate(layout(3, 1)), Some(2 * PAGE));
    assert_eq!(arena.allocate(layout(8, 8)), Some(2 * PAGE + 8));
    assert_eq!(arena.allocate(layout(1, 1)), Some(2 * PAGE + 16));
    assert_eq!(arena.live(), 3);
}

#[test]
fn once_nothing_is_live_the_arena_starts_again() {
    let memory = Fake::new(100);
    let arena = Arena::new(&memory);
    let a = arena.allocate(layout(100, 4)).unwrap();
    let b = arena.allocate(layout(200, 4)).unwrap();
    arena.release(a, 100);
    // b is still live: a's bytes are not handed out again.
    assert_eq!(arena.allocate(layout(4, 4)), Some(b + 200));
    arena.release(b, 200);
    arena.release(b + 200, 4);
    assert_eq!(arena.live(), 0);
    assert_eq!(arena.allocate(layout(4, 4)), Some(a));
}

#[test]
fn the_latest_block_is_taken_back_when_freed() {
    let memory = Fake::new(100);
    let arena = Arena::new(&memory);
    let a = arena.allocate(layout(10, 1)).unwrap();
    let b = arena.allocate(layout(10, 1)).unwrap();
    arena.release(b, 10);
    assert_eq!(arena.allocate(layout(10, 1)), Some(b));
    assert_eq!(a + 10, b);
}

#[test]
fn the_latest_block_grows_in_place_across_pages_and_others_do_not() {
    let memory = Fake::new(100);
    let arena = Arena::new(&memory);
    let a = arena.allocate(layout(10, 1)).unwrap();
    let b = arena.allocate(layout(10, 1)).unwrap();
    assert!(!arena.resize_in_place(a, 10, 20), "a is not the latest");
    assert!(arena.resize_in_place(a, 10, 5), "shrinking stays in place");
    assert!(arena.resize_in_place(b, 10, 3 * PAGE));
    assert_eq!(arena.allocate(layout(1, 1)), Some(b + 3 * PAGE));
}

#[test]
fn memory_grown_by_someone_else_is_never_handed_out() {
    let memory = Fake::new(100);
    let arena = Arena::new(&memory);
    let a = arena.allocate(layout(PAGE - 8, 1)).unwrap();
    // The next growth is not after the arena's page: the arena moves past it.
    memory.foreign.set(1);
    let b = arena.allocate(layout(64, 1)).unwrap();
    assert_eq!(b, 4 * PAGE);
    assert!(!arena.resize_in_place(a, PAGE - 8, PAGE));
    arena.release(a, PAGE - 8);
    arena.release(b, 64);
    // Started again from the region it moved to, never from the foreign page.
    assert_eq!(arena.allocate(layout(8, 8)), Some(4 * PAGE));
}

#[test]
fn the_latest_block_moves_when_its_growth_would_not_follow_it() {
    let memory = Fake::new(100);
    let arena = Arena::new(&memory);
    let a = arena.allocate(layout(16, 1)).unwrap();
    memory.foreign.set(1);
    // Growing a would need a page that someone else's is now in front of.
    assert!(!arena.resize_in_place(a, 16, 2 * PAGE));
    // The arena went on past the foreign page: the moved block lands there.
    let moved = arena.allocate(layout(2 * PAGE, 1)).unwrap();
    assert_eq!(moved, 4 * PAGE);
    arena.release(a, 16);
    arena.release(moved, 2 * PAGE);
    assert_eq!(
        arena.allocate(layout(1, 1)),
        Some(4 * PAGE),
        "started again past the foreign page"
    );
}

#[test]
fn a_memory_that_cannot_grow_fails_the_allocation() {
    let memory = Fake::new(3);
    let arena = Arena::new(&memory);
    assert!(
        arena.allocate(layout(PAGE, 1)).is_none(),
        "needs a second page"
    );
    assert_eq!(arena.allocate(layout(16, 1)), Some(2 * PAGE));
    assert!(!arena.resize_in_place(2 * PAGE, 16, 2 * PAGE));
}

proptest! {
    /// Whatever is allocated, freed and resized, live blocks are aligned, inside grown memory
    /// and disjoint, and the live count says how many there are.
    #[test]
    fn live_blocks_never_overlap(steps in prop::collection::vec((0..3u8, 1..5000usize, 0..4u32, any::<prop::sample::Index>()), 1..200)) {
        let memory = Fake::new(1000);
        let arena = Arena::new(&memory);
        let mut live: Vec<(usize, usize)> = Vec::new();
        for (action, size, align, pick) in steps {
            match action {
                0 => {
                    let align = 1 << align;
                    let at = arena.allocate(layout(size, align)).unwrap();
                    prop_assert_eq!(at % align, 0);
                    live.push((at, size));
                }
                1 if !live.is_empty() => {
                    let (at, old) = live.remove(pick.index(live.len()));
                    arena.release(at, old);
                }
                _ if !live.is_empty() => {
                    let index = pick.index(live.len());
                    let (at, old) = live[index];
                    if arena.resize_in_place(at, old, size) {
                        live[index].1 = size;
                    }
                }
                _ => {}
            }
            prop_assert_eq!(arena.live(), live.len());
            let mut sorted = live.clone();
            sorted.sort();
            for pair in sorted.windows(2) {
                prop_assert!(pair[0].0 + pair[0].1 <= pair[1].0, "{:?} overlap", pair);
            }
            for (at, size) in &sorted {
                prop_assert!(*at >= 2 * PAGE && at + size <= memory.pages.get() * PAGE);
            }
        }
    }
}
