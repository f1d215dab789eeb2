//! QR codes as an SVG path, with no heap and no formatting: the whole of what SamePage's QR
//! wasm (`src/bin/qr.rs`) does, kept in a crate of its own so it builds without `std` and is
//! tested natively (`tests/report.rs`, `tests/link.rs`).
//!
//! A drawing is one path of dark modules, a rectangle per horizontal run (which keeps the
//! path short), offset by the standard four-module quiet zone; whoever shows it scales it by
//! the SVG's `viewBox` (`0 0 side side`).
#![no_std]

use qrcodegen_no_heap::{QrCode, QrCodeEcc, Version};

/// The quiet zone around the code, in modules.
pub const QUIET_ZONE: usize = 4;

/// The most bytes of text a QR code holds here: version 40 at medium error correction, in
/// byte mode (text of only digits or upper-case letters would fit more, but links are not
/// that, so every text is held to this).
pub const MAX_TEXT: usize = 2331;

/// Bytes each of the encoder's two work buffers needs for the largest version.
const WORK: usize = Version::MAX.buffer_len();

/// The longest path a drawing can have: 177 rows of at most 89 runs, each at most
/// `M176,180h177v1h-177z` (20 bytes).
pub const MAX_PATH: usize = 177 * 89 * 20;

/// A QR code drawn as an SVG path, in buffers of its own (about 320 KB, so a wasm keeps one
/// in a static rather than on its stack).
pub struct Drawing {
    work: [u8; WORK],
    code: [u8; WORK],
    path: [u8; MAX_PATH],
    path_len: usize,
    side: usize,
}

impl Default for Drawing {
    fn default() -> Self {
        Self::new()
    }
}

impl Drawing {
    /// An empty drawing (no code yet).
    pub const fn new() -> Self {
        Self {
            work: [0; WORK],
            code: [0; WORK],
            path: [0; MAX_PATH],
            path_len: 0,
            side: 0,
        }
    }

    /// Draws the QR code of `text` (UTF-8 bytes) at medium error correction (15 %: codes
    /// survive a smudged screen) and returns its side with the quiet zone, in modules; `None`,
    /// and an empty drawing, when the text is too long for any QR code or not UTF-8.
    pub fn draw(&mut self, text: &[u8]) -> Option<usize> {
        self.path_len = 0;
        self.side = 0;
        let text = core::str::from_utf8(text).ok()?;
        let qr = QrCode::encode_text(
            text,
            &mut self.work,
            &mut self.code,
            QrCodeEcc::Medium,
            Version::MIN,
            Version::MAX,
            None,
            true,
        )
        .ok()?;
        let size = qr.size();
        let mut path = PathWriter {
            bytes: &mut self.path,
            len: 0,
        };
        for y in 0..size {
            let mut x = 0;
            while x < size {
                if !qr.get_module(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < size && qr.get_module(x, y) {
                    x += 1;
                }
                path.run(
                    start as usize + QUIET_ZONE,
                    y as usize + QUIET_ZONE,
                    (x - start) as usize,
                );
            }
        }
        self.path_len = path.len;
        self.side = size as usize + 2 * QUIET_ZONE;
        Some(self.side)
    }

    /// The side of the last code drawn, quiet zone included (0 when there is none).
    pub fn side(&self) -> usize {
        self.side
    }

    /// The last code's dark modules as an SVG path (`d`), empty when there is none.
    pub fn path(&self) -> &[u8] {
        &self.path[..self.path_len]
    }
}

/// Appends path commands to a buffer that always has room (`MAX_PATH`).
struct PathWriter<'a> {
    bytes: &'a mut [u8],
    len: usize,
}

impl PathWriter<'_> {
    /// A rectangle of `run` dark modules from (`x`, `y`), one module high.
    fn run(&mut self, x: usize, y: usize, run: usize) {
        self.byte(b'M');
        self.number(x);
        self.byte(b',');
        self.number(y);
        self.byte(b'h');
        self.number(run);
        self.bytes_of(b"v1h-");
        self.number(run);
        self.byte(b'z');
    }

    fn number(&mut self, n: usize) {
        if n >= 10 {
            self.number(n / 10);
        }
        self.byte(b'0' + (n % 10) as u8);
    }

    fn bytes_of(&mut self, text: &[u8]) {
        for &b in text {
            self.byte(b);
        }
    }

    fn byte(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }
}
