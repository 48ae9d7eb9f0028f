//! Any bytes as a spreadsheet: the importer never panics, and every ladder it makes loads.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = rungs::sheet::ImportOptions {
        origin: "fuzzed.csv".to_string(),
        id: "fuzzed".to_string(),
        name: "Fuzzed".to_string(),
    };
    if let Ok(imported) = rungs::sheet::import(&text, &options) {
        let ron = rungs::ladder::to_commented_ron(&imported.file, &[]);
        if let Err(e) = rungs::ladder::load_str(&ron, "imported.ron") {
            panic!("the importer made a ladder the loader refuses: {e}\n{ron}");
        }
    }
});
