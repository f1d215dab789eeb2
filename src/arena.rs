//! The later wasm's allocator (`src/bin/report.rs`): a bump arena, a fraction of a general
//! allocator's code. It suits that wasm because each request is made and answered whole: when
//! the last live allocation is freed (the module starts a new request by dropping the last
//! one's), the arena starts again from its beginning, so memory is reused request after
//! request. Between, it frees only the latest allocation (a growing string extends in place).
//! Memory grown by someone else in between is never handed out: the arena moves past it and
//! leaves the rest of its region unused (nothing else grows the later wasm's memory).
//!
//! This is the arithmetic, on addresses, tested natively; the wasm's `GlobalAlloc` wraps it.

use core::alloc::Layout;
use core::cell::Cell;

/// The size of a wasm page, the unit memory grows in.
pub const PAGE: usize = 65_536;

/// Where an arena gets memory.
pub trait Memory {
    /// Adds `pages` pages at the end of the memory: the address they start at, or `None`
    /// when the memory cannot grow.
    fn grow(&self, pages: usize) -> Option<usize>;
}

/// A bump arena over the pages it grew (see the module's documentation).
pub struct Arena<M> {
    memory: M,
    /// Where the arena's current region starts: where it starts again when nothing is live.
    base: Cell<usize>,
    /// The next free address.
    next: Cell<usize>,
    /// The end of the current region.
    end: Cell<usize>,
    /// How many allocations are not yet freed.
    live: Cell<usize>,
}

impl<M: Memory> Arena<M> {
    /// An arena that has no memory until its first allocation.
    pub const fn new(memory: M) -> Arena<M> {
        Arena {
            memory,
            base: Cell::new(0),
            next: Cell::new(0),
            end: Cell::new(0),
            live: Cell::new(0),
        }
    }

    /// The address of a new block for `layout` (of non-zero size), or `None` when the memory
    /// cannot grow.
    pub fn allocate(&self, layout: Layout) -> Option<usize> {
        if let Some(at) = self.fit(layout) {
            return Some(at);
        }
        // Enough pages for the block whatever its alignment.
        let pages = layout.size().checked_add(layout.align())?.div_ceil(PAGE);
        self.grow(pages)?;
        self.fit(layout)
    }

    /// Frees the block of `size` bytes at `at`: the arena starts again when it was the last
    /// live one, and takes its bytes back when it was the latest.
    pub fn release(&self, at: usize, size: usize) {
        let live = self.live.get().saturating_sub(1);
        self.live.set(live);
        if live == 0 {
            self.next.set(self.base.get());
        } else if at + size == self.next.get() {
            self.next.set(at);
        }
    }

    /// Resizes the block of `size` bytes at `at` to `new_size` without moving it: always when
    /// it shrinks; when it grows, only if it is the latest block (its memory grown as
    /// needed). `false`: the caller moves it.
    pub fn resize_in_place(&self, at: usize, size: usize, new_size: usize) -> bool {
        if at + size != self.next.get() {
            return new_size <= size;
        }
        let Some(stop) = at.checked_add(new_size) else {
            return false;
        };
        if stop > self.end.get() {
            let pages = (stop - self.end.get()).div_ceil(PAGE);
            if self.grow(pages) != Some(true) {
                return false;
            }
        }
        self.next.set(stop);
        true
    }

    /// How many allocations are live (for tests).
    pub fn live(&self) -> usize {
        self.live.get()
    }

    /// Takes `layout`'s block from the current region, if it fits.
    fn fit(&self, layout: Layout) -> Option<usize> {
        let at = self.next.get().checked_next_multiple_of(layout.align())?;
        let stop = at.checked_add(layout.size())?;
        if stop > self.end.get() {
            return None;
        }
        self.next.set(stop);
        self.live.set(self.live.get() + 1);
        Some(at)
    }

    /// Grows the memory by `pages`: `Some(true)` when they follow the current region, which
    /// they extend; `Some(false)` when they do not (the first pages, or memory someone else
    /// grew in between), and become the current region, the one the arena starts again
    /// from; `None` when the memory cannot grow.
    fn grow(&self, pages: usize) -> Option<bool> {
        let start = self.memory.grow(pages)?;
        let follows = start == self.end.get() && self.end.get() != 0;
        if !follows {
            self.base.set(start);
            self.next.set(start);
        }
        self.end.set(start + pages * PAGE);
        Some(follows)
    }
}
