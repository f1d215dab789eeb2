//! A build step, not part of any page: writes the built-in advice (which the pages load after
//! their first screen) into each folder given, under content-hashed names: one file per area
//! (`Instrument::advice_by_area`), of which the personal scorecard fetches its weakest areas',
//! and, into the folders given after `--whole`, the whole file the workshop page's team
//! reports load. Run by `scripts/setup.sh` after trunk has built the pages.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    use samepage::core::instrument::{
        advice_area_file, builtin_advice_file, builtin_advice_records, Instrument,
    };
    let whole = builtin_advice_file("en");
    let areas = Instrument::builtin_without_advice()
        .advice_by_area(builtin_advice_records())
        .expect("build.rs writes advice that fits its instrument");
    let mut with_whole = false;
    for folder in std::env::args().skip(1) {
        if folder == "--whole" {
            with_whole = true;
            continue;
        }
        let folder = std::path::Path::new(&folder);
        for (area, records) in areas.iter().enumerate() {
            std::fs::write(folder.join(advice_area_file(whole, area)), records)?;
        }
        if with_whole {
            std::fs::write(folder.join(whole), builtin_advice_records())?;
        }
        println!(
            "{}: {} area files{}",
            folder.display(),
            areas.len(),
            if with_whole { " and the whole" } else { "" }
        );
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
