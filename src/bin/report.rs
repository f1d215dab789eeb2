//! The survey's later wasm (`samepage-report`): what the survey shows after its first screen,
//! fetched by the loader only then, so the survey's own wasm stays within its first-screen
//! budget. Its work is `samepage::report::later`, on the survey as stored.
//!
//! Without wasm-bindgen: it imports nothing, and its module (`web/report.js`) calls its plain
//! exports itself. A request is text fields: for each, the module asks `later_field` for room
//! and writes the field's UTF-8 bytes there (field 0 first, which clears the last request);
//! then `later_advice`, `later_scorecard` or `later_complete` returns the length of the
//! answer, read at `later_output`. The fields of each are listed at those exports.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
mod exports {
    use std::cell::UnsafeCell;

    use samepage::core::embed::CodeCardRequest;
    use samepage::core::link::Participant;
    use samepage::report::later;

    /// How many fields a request has at most.
    const FIELDS: usize = 11;

    /// The request being written and the last answer.
    struct Exchange {
        fields: UnsafeCell<[Vec<u8>; FIELDS]>,
        output: UnsafeCell<String>,
    }

    // SAFETY: a wasm module without threads; each export takes the one reference it uses and
    // drops it before returning.
    unsafe impl Sync for Exchange {}

    static EXCHANGE: Exchange = Exchange {
        fields: UnsafeCell::new([const { Vec::new() }; FIELDS]),
        output: UnsafeCell::new(String::new()),
    };

    /// Room for field `index` of the next request, `len` bytes, where the module writes it;
    /// field 0 starts a new request (the last one's fields and answer are dropped). Null for
    /// an index out of range.
    #[no_mangle]
    pub extern "C" fn later_field(index: usize, len: usize) -> *mut u8 {
        // SAFETY: single-threaded (see `Exchange`); no other reference is alive.
        let (fields, output) =
            unsafe { (&mut *EXCHANGE.fields.get(), &mut *EXCHANGE.output.get()) };
        if index == 0 {
            *fields = [const { Vec::new() }; FIELDS];
            *output = String::new();
        }
        match fields.get_mut(index) {
            Some(field) => {
                *field = vec![0; len];
                field.as_mut_ptr()
            }
            None => std::ptr::null_mut(),
        }
    }

    /// Where the last answer starts (UTF-8).
    #[no_mangle]
    pub extern "C" fn later_output() -> *const u8 {
        // SAFETY: as in `later_field`.
        unsafe { &*EXCHANGE.output.get() }.as_ptr()
    }

    /// The names of the advice files the personal scorecard needs, one a line, their length
    /// in bytes. Fields: the stored survey, the questionnaire's records
    /// (`Instrument::builtin_records`), the name of the whole advice file.
    #[no_mangle]
    pub extern "C" fn later_advice() -> usize {
        answer(|fields| later::advice_files(fields.text(0), fields.text(1), fields.text(2)))
    }

    /// The personal scorecard's markup, its length in bytes. Fields: the stored survey, the
    /// questionnaire's records, the texts of the advice files `later_advice` named (each
    /// preceded by NUL), why they could not be fetched (empty when they were), the locale,
    /// the prefix of element ids; for a workshop participant, the workshop, nonce and team
    /// (decimal, empty when none), the code the page made (empty when none: made here) and
    /// the workshop page its card links back to.
    #[no_mangle]
    pub extern "C" fn later_scorecard() -> usize {
        answer(|fields| {
            let field = |index| fields.text(index);
            let problem = field(3);
            let advice = if problem.is_empty() {
                Ok(field(2))
            } else {
                Err(problem)
            };
            let code = Some(field(9)).filter(|code| !code.is_empty());
            let card =
                participant(field(6), field(7), field(8)).map(|participant| CodeCardRequest {
                    participant,
                    code,
                    workshop_page: field(10),
                });
            later::scorecard_html(field(0), field(1), advice, field(4), field(5), card)
        })
    }

    /// The `samepage:complete` detail as JSON text, its length in bytes. Fields: the stored
    /// survey, the questionnaire's records, the locale, whether the host gets the results
    /// (`1`, or empty), and for a workshop participant the workshop, nonce and team (their
    /// response code goes with it).
    #[no_mangle]
    pub extern "C" fn later_complete() -> usize {
        answer(|fields| {
            let field = |index| fields.text(index);
            later::complete_json(
                field(0),
                field(1),
                field(2),
                field(3) == "1",
                participant(field(4), field(5), field(6)),
            )
        })
    }

    /// A request's fields, as written.
    #[derive(Clone, Copy)]
    struct Fields<'a>(&'a [Vec<u8>; FIELDS]);

    impl<'a> Fields<'a> {
        /// Field `index` as text; empty when it is not UTF-8.
        fn text(self, index: usize) -> &'a str {
            std::str::from_utf8(&self.0[index]).unwrap_or_default()
        }
    }

    /// Runs `make` on the request's fields and keeps its answer for `later_output`; the
    /// answer's length.
    fn answer(make: impl FnOnce(Fields) -> String) -> usize {
        // SAFETY: as in `later_field`; the fields are only read while the answer is made.
        let made = make(Fields(unsafe { &*EXCHANGE.fields.get() }));
        // SAFETY: as in `later_field`; the reference to the fields is no longer used.
        let output = unsafe { &mut *EXCHANGE.output.get() };
        *output = made;
        output.len()
    }

    /// A workshop participant from the decimal fields `workshop`, `nonce` and `team` (the
    /// team may be empty: none picked).
    fn participant(workshop: &str, nonce: &str, team: &str) -> Option<Participant> {
        Some(Participant {
            workshop: workshop.parse().ok()?,
            nonce: nonce.parse().ok()?,
            team: team.parse().ok(),
        })
    }
}

/// The arena (`samepage::arena`) over the wasm's memory, as the global allocator. Built with
/// the interface (a test build with every feature), the library's allocator serves instead.
#[cfg(all(
    target_arch = "wasm32",
    not(target_feature = "atomics"),
    not(feature = "ui")
))]
mod allocator {
    use std::alloc::{GlobalAlloc, Layout};

    use samepage::arena::{Arena, Memory, PAGE};

    /// The wasm's linear memory.
    struct Pages;

    impl Memory for Pages {
        fn grow(&self, pages: usize) -> Option<usize> {
            let before = core::arch::wasm32::memory_grow(0, pages);
            (before != usize::MAX).then(|| before * PAGE)
        }
    }

    struct Global(Arena<Pages>);

    // SAFETY: a wasm module without threads.
    unsafe impl Sync for Global {}

    // SAFETY: blocks are disjoint ranges of grown memory, aligned as asked, and a block is
    // handed out again only after it (or every block) was freed.
    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            self.0
                .allocate(layout)
                .map_or(std::ptr::null_mut(), |at| at as *mut u8)
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            self.0.release(ptr as usize, layout.size());
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            if self
                .0
                .resize_in_place(ptr as usize, layout.size(), new_size)
            {
                return ptr;
            }
            // SAFETY: the caller's layout, at the new size, is valid (GlobalAlloc::realloc).
            let moved =
                unsafe { self.alloc(Layout::from_size_align_unchecked(new_size, layout.align())) };
            if !moved.is_null() {
                // SAFETY: both blocks are live and disjoint.
                unsafe {
                    std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
            }
            moved
        }
    }

    #[global_allocator]
    static ALLOCATOR: Global = Global(Arena::new(Pages));
}

/// Natively there is nothing to run: the later wasm exists only for the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
