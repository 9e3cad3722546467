//! CSV exports for organisers: UTF-8, RFC 4180 quoting (the `csv` crate),
//! and every cell that a spreadsheet would run as a formula neutralised.

use shared::api::FairReport;
use shared::encounter::Tally;

/// Prefixes a cell that starts with a formula character with an apostrophe,
/// so spreadsheets show it as text instead of evaluating it.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

fn write_csv(
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// Pupils joined and attended, then interactions and encounters (all, BM5,
/// BM7): the columns the school and year-group exports share.
fn attendance_cells(pupils_joined: u64, tally: &Tally) -> [String; 6] {
    [
        pupils_joined,
        tally.pupils_attended,
        tally.interactions,
        tally.encounters,
        tally.encounters_bm5,
        tally.encounters_bm7,
    ]
    .map(|n| n.to_string())
}

/// Attendance and encounter totals per school.
pub fn schools_csv(report: &FairReport) -> Result<Vec<u8>, csv::Error> {
    let header = [
        "school_id",
        "school_name",
        "pupils_joined",
        "pupils_attended",
        "interactions",
        "encounters",
        "encounters_bm5",
        "encounters_bm7",
    ];
    let rows = report.schools.iter().map(|school| {
        let mut row = vec![school.school.to_string(), school.name.to_string()];
        row.extend(attendance_cells(school.pupils_joined, &school.totals));
        row
    });
    write_csv(&header, rows)
}

/// Interaction and encounter totals per exhibitor.
pub fn exhibitors_csv(report: &FairReport) -> Result<Vec<u8>, csv::Error> {
    let header = [
        "stand_id",
        "exhibitor_name",
        "kind",
        "benchmark",
        "interactions",
        "encounters",
    ];
    let rows = report.exhibitors.iter().map(|exhibitor| {
        vec![
            exhibitor.stand.to_string(),
            exhibitor.name.to_string(),
            exhibitor.kind.code().to_owned(),
            exhibitor.kind.benchmark().code().to_owned(),
            exhibitor.totals.interactions.to_string(),
            exhibitor.totals.encounters.to_string(),
        ]
    });
    write_csv(&header, rows)
}

/// Attendance and encounter totals per year group (7 to 13).
pub fn year_groups_csv(report: &FairReport) -> Result<Vec<u8>, csv::Error> {
    let header = [
        "year_group",
        "pupils_joined",
        "pupils_attended",
        "interactions",
        "encounters",
        "encounters_bm5",
        "encounters_bm7",
    ];
    let rows = report.year_groups.iter().map(|year| {
        let mut row = vec![year.year_group.get().to_string()];
        row.extend(attendance_cells(year.pupils_joined, &year.totals));
        row
    });
    write_csv(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::SchoolTotals;
    use shared::domain::{FairId, Name, SchoolId};

    #[test]
    fn formula_cells_are_neutralised_and_others_left_alone() {
        for (cell, expected) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("Minehead School", "Minehead School"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), expected, "{cell}");
        }
    }

    #[test]
    fn school_rows_are_quoted_and_neutralised() {
        let report = FairReport {
            fair: FairId::parse("fair").expect("id"),
            pupils_joined: 2,
            totals: Tally::default(),
            schools: vec![SchoolTotals {
                school: SchoolId::parse("s1").expect("id"),
                name: Name::parse("=Danger, \"Quoted\" School").expect("name"),
                pupils_joined: 2,
                totals: Tally {
                    pupils_attended: 1,
                    interactions: 3,
                    encounters: 2,
                    encounters_bm5: 1,
                    encounters_bm7: 1,
                },
            }],
            exhibitors: vec![],
            year_groups: vec![],
        };
        let csv = String::from_utf8(schools_csv(&report).expect("csv")).expect("utf-8");
        let mut lines = csv.lines();
        assert!(
            lines
                .next()
                .expect("header")
                .starts_with("school_id,school_name")
        );
        assert_eq!(
            lines.next(),
            Some("s1,\"'=Danger, \"\"Quoted\"\" School\",2,1,3,2,1,1")
        );
    }
}
