//! A build step, not part of any page: writes the built-in advice file (which the pages load
//! after their first screen) into each folder given, under its content-hashed name. Run by
//! `scripts/setup.sh` after trunk has built the pages.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    use samepage::core::instrument::{builtin_advice_file, builtin_advice_records};
    for folder in std::env::args().skip(1) {
        let path = std::path::Path::new(&folder).join(builtin_advice_file("en"));
        std::fs::write(&path, builtin_advice_records())?;
        println!("{}", path.display());
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
