//! Reading an XLSX export back (calamine), as a school's spreadsheet would.

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

/// The rows of `sheet`, each cell as the CSV export writes it: text as it
/// is, whole numbers without a decimal point.
pub fn rows(file: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(file.to_vec())).expect("an XLSX file");
    let range = book
        .worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("no sheet {sheet}: {e}"));
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(text) => text.clone(),
                    Data::Float(n) if n.fract() == 0.0 => format!("{n:.0}"),
                    Data::Int(n) => n.to_string(),
                    Data::Empty => String::new(),
                    other => panic!("unexpected cell {other:?} in {sheet}"),
                })
                .collect()
        })
        .collect()
}

/// The rows of a CSV file, for comparing with [`rows`].
pub fn csv_rows(file: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(file.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("a CSV row")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}
