//! The QR wasm (`samepage-qr`): QR codes, fetched by the loader (`web/later.js`) only when a
//! screen first shows one (a workshop participant's code card, the workshop's join link), so
//! neither a page's first load nor an individual's scorecard carries the encoder.
//!
//! Built without `std`, an allocator or wasm-bindgen: the loader instantiates it with no
//! imports, writes the text's UTF-8 bytes at `qr_input` (at most `qr_input_capacity`), calls
//! `qr_draw` with their length and reads the path (`qr_path`, `qr_path_len`) of a code whose
//! side `qr_draw` returned (0: too long for a QR code, or not UTF-8). The drawing is
//! `samepage_qr_code::Drawing`, tested natively.
#![cfg_attr(target_arch = "wasm32", no_std, no_main)]

#[cfg(target_arch = "wasm32")]
mod exports {
    use core::cell::UnsafeCell;

    use samepage_qr_code::{Drawing, MAX_TEXT};

    /// The module's one drawing and input buffer, in static memory.
    struct Shared {
        drawing: UnsafeCell<Drawing>,
        input: UnsafeCell<[u8; MAX_TEXT]>,
    }

    // SAFETY: a wasm module without threads; each export takes the one reference it uses and
    // drops it before returning.
    unsafe impl Sync for Shared {}

    static SHARED: Shared = Shared {
        drawing: UnsafeCell::new(Drawing::new()),
        input: UnsafeCell::new([0; MAX_TEXT]),
    };

    /// Where the loader writes the text to draw.
    #[no_mangle]
    pub extern "C" fn qr_input() -> *mut u8 {
        SHARED.input.get().cast()
    }

    /// How many bytes of text fit at `qr_input`: the most a QR code holds.
    #[no_mangle]
    pub extern "C" fn qr_input_capacity() -> usize {
        MAX_TEXT
    }

    /// Draws the `len` bytes at `qr_input`; the code's side in modules, quiet zone included,
    /// or 0 when they do not fit a QR code or are not UTF-8.
    #[no_mangle]
    pub extern "C" fn qr_draw(len: usize) -> usize {
        // SAFETY: single-threaded (see `Shared`); the loader does not touch memory meanwhile.
        let (drawing, input) = unsafe { (&mut *SHARED.drawing.get(), &*SHARED.input.get()) };
        input
            .get(..len)
            .and_then(|text| drawing.draw(text))
            .unwrap_or(0)
    }

    /// Where the last drawing's path (`d`, ASCII) starts.
    #[no_mangle]
    pub extern "C" fn qr_path() -> *const u8 {
        // SAFETY: as in `qr_draw`.
        unsafe { &*SHARED.drawing.get() }.path().as_ptr()
    }

    /// The last drawing's path length in bytes.
    #[no_mangle]
    pub extern "C" fn qr_path_len() -> usize {
        // SAFETY: as in `qr_draw`.
        unsafe { &*SHARED.drawing.get() }.path().len()
    }

    /// Nothing here panics by design (every index is checked); were it to, the module traps
    /// and the loader's promise fails, which leaves the QR code out.
    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo) -> ! {
        core::arch::wasm32::unreachable()
    }
}

/// Natively there is nothing to run: the QR wasm exists only for the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
