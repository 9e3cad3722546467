//! Reading an organiser's CSV file (schools, exhibitors): a header row
//! naming the columns in any order and case, then one row per thing, every
//! problem named by its row so the file can be fixed in one go; and ids
//! made from names.

use std::collections::HashSet;

/// How many of an import's problems an error lists.
const PROBLEMS_SHOWN: usize = 10;

/// A column an import reads.
pub struct Column {
    /// Its name, as the hint and errors give it.
    pub name: &'static str,
    /// Other headers taken to mean it.
    pub aliases: &'static [&'static str],
    pub required: bool,
}

/// Each data row's cells in `columns`' order ("" for a column the file
/// lacks) with its row number (the header is row 1), blank rows skipped;
/// or every problem with the file's shape.
pub fn rows(text: &str, columns: &[Column]) -> Result<Vec<(usize, Vec<String>)>, Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| vec![format!("the file could not be read as CSV: {e}")])?
        .clone();
    let mut found = vec![None; columns.len()];
    let mut problems = Vec::new();
    for (index, title) in header.iter().enumerate() {
        let title = title.to_lowercase().replace(' ', "_");
        match columns
            .iter()
            .position(|column| column.name == title || column.aliases.contains(&title.as_str()))
        {
            Some(slot) => found[slot] = Some(index),
            None => {
                let names: Vec<&str> = columns.iter().map(|column| column.name).collect();
                problems.push(format!(
                    "the column {title:?} is not one of {}",
                    names.join(", ")
                ));
            }
        }
    }
    for (column, index) in columns.iter().zip(&found) {
        if column.required && index.is_none() {
            problems.push(format!(
                "the first row must name the columns, including {}",
                column.name
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let start = match &record {
            Ok(record) => record.position().map(|at| at.byte()),
            Err(error) => error.position().map(|at| at.byte()),
        };
        let row = start.map_or(i + 2, |byte| line_at(text, byte));
        match record {
            Ok(record) if record.iter().all(str::is_empty) => {}
            Ok(record) => rows.push((
                row,
                found
                    .iter()
                    .map(|index| {
                        index
                            .and_then(|index| record.get(index))
                            .unwrap_or_default()
                            .to_owned()
                    })
                    .collect(),
            )),
            Err(error) => problems.push(format!("row {row}: {error}")),
        }
    }
    if rows.is_empty() && problems.is_empty() {
        problems.push("the file lists nothing to add".to_owned());
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The line (from 1) a record starting at `byte` is on. The reader skips
/// empty lines and reports where it began looking, so those are skipped
/// here too: the row a spreadsheet shows.
fn line_at(text: &str, byte: u64) -> usize {
    let from = usize::try_from(byte).unwrap_or(text.len()).min(text.len());
    let skipped = text[from..]
        .bytes()
        .take_while(|b| *b == b'\n' || *b == b'\r')
        .filter(|b| *b == b'\n')
        .count();
    1 + text.as_bytes()[..from]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + skipped
}

/// The first few problems as one sentence, saying how many more there are.
pub fn listed(problems: &[String]) -> String {
    let mut text = problems
        .iter()
        .take(PROBLEMS_SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > PROBLEMS_SHOWN {
        text.push_str(&format!("; and {} more", problems.len() - PROBLEMS_SHOWN));
    }
    text
}

/// An id made from a name: "St Mary's C of E School" becomes
/// "st-mary-s-c-of-e-school", with "-2", "-3"... if that is taken, parsed
/// by `parse` (a slug, which these always are).
pub fn unused_id<T: Eq + std::hash::Hash>(
    name: &str,
    taken: &HashSet<T>,
    parse: impl Fn(&str) -> Option<T>,
) -> T {
    id_candidates(name)
        .filter_map(|candidate| parse(&candidate))
        .find(|id| !taken.contains(id))
        .expect("some suffix is free")
}

/// The ids [`unused_id`] tries for a name, in order, without end.
pub fn id_candidates(name: &str) -> impl Iterator<Item = String> {
    let mut base = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    base.truncate(56);
    let base = base.trim_end_matches('-');
    let base = if base.len() < 2 { "item" } else { base }.to_owned();
    (1..).map(move |n| match n {
        1 => base.clone(),
        n => format!("{base}-{n}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::domain::SchoolId;

    const COLUMNS: [Column; 2] = [
        Column {
            name: "name",
            aliases: &["school"],
            required: true,
        },
        Column {
            name: "urn",
            aliases: &[],
            required: false,
        },
    ];

    #[test]
    fn columns_come_in_any_order_and_case_and_blank_rows_are_skipped() {
        let rows = rows(
            "\u{feff}URN,School\n123456,Minehead\n\n,Watchet\n",
            &COLUMNS,
        )
        .expect("ok");
        assert_eq!(
            rows,
            [
                (2, vec!["Minehead".to_owned(), "123456".to_owned()]),
                (4, vec!["Watchet".to_owned(), String::new()]),
            ]
        );
    }

    #[test]
    fn a_missing_or_unknown_column_and_an_empty_file_are_named() {
        assert!(rows("urn\n1\n", &COLUMNS).expect_err("no name")[0].contains("including name"));
        assert!(rows("name,email\nA,b\n", &COLUMNS).expect_err("email")[0].contains("\"email\""));
        assert_eq!(
            rows("name\n", &COLUMNS).expect_err("empty"),
            ["the file lists nothing to add"]
        );
    }

    #[test]
    fn ids_come_from_names_and_never_clash() {
        let parse = |s: &str| SchoolId::parse(s).ok();
        let mut taken = HashSet::new();
        let first = unused_id("St Mary's C of E School", &taken, parse);
        assert_eq!(first.as_str(), "st-mary-s-c-of-e-school");
        taken.insert(first);
        assert_eq!(
            unused_id("St. Mary's C of E School!", &taken, parse).as_str(),
            "st-mary-s-c-of-e-school-2"
        );
        assert_eq!(unused_id("É", &taken, parse).as_str(), "item");
    }
}
