//! CSV exports for organisers: UTF-8, RFC 4180 quoting (the `csv` crate),
//! and every cell that a spreadsheet would run as a formula neutralised.

use shared::api::{FairReport, StandFigures};
use shared::domain::{Benchmark, Pseudonym, PupilId, SchoolId, WatchedMark, YearGroup};
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
    write_rows(Some(header), rows)
}

/// Rows as CSV, after the header if there is one: one piece of a file that
/// may be written (and sent) in several pieces.
fn write_rows(
    header: Option<&[&str]>,
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    if let Some(header) = header {
        writer.write_record(header)?;
    }
    for row in rows {
        writer.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The names of the columns [`attendance_cells`] fills.
const ATTENDANCE_HEADER: [&str; 6] = [
    "pupils_joined",
    "pupils_attended",
    "interactions",
    "encounters",
    "encounters_bm5",
    "encounters_bm7",
];

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
    let header = [&["school_id", "school_name"][..], &ATTENDANCE_HEADER].concat();
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

/// An exhibitor's own figures, one per row, as shown on their page
/// (counts under 5 as "fewer than 5").
pub fn stand_figures_csv(figures: &StandFigures) -> Result<Vec<u8>, csv::Error> {
    let mut rows = vec![
        ["exhibitor_name".to_owned(), figures.name.to_string()],
        ["kind".to_owned(), figures.kind.code().to_owned()],
        ["interactions".to_owned(), figures.interactions.label()],
        ["encounters".to_owned(), figures.encounters.label()],
        ["visits".to_owned(), figures.visits.label()],
        [
            "prospectus_downloads".to_owned(),
            figures.prospectus_downloads.label(),
        ],
    ];
    for (mark, figure) in WatchedMark::ALL.iter().zip(figures.watched) {
        rows.push([format!("videos_watched_{}", mark.percent()), figure.label()]);
    }
    rows.push(["questions".to_owned(), figures.questions.label()]);
    write_csv(&["figure", "value"], rows.into_iter().map(Vec::from))
}

/// Attendance and encounter totals per year group (7 to 13).
pub fn year_groups_csv(report: &FairReport) -> Result<Vec<u8>, csv::Error> {
    let header = [&["year_group"][..], &ATTENDANCE_HEADER].concat();
    let rows = report.year_groups.iter().map(|year| {
        let mut row = vec![year.year_group.get().to_string()];
        row.extend(attendance_cells(year.pupils_joined, &year.totals));
        row
    });
    write_csv(&header, rows)
}

pub const PUPILS_HEADER: [&str; 9] = [
    "pupil_id",
    "pseudonym",
    "school_id",
    "school_name",
    "year_group",
    "encounters",
    "encounters_bm5",
    "encounters_bm7",
    "exhibitors_met",
];

/// One pupil as the per-pupil export lists them.
pub struct PupilRow<'a> {
    pub pupil: PupilId,
    pub school: &'a SchoolId,
    pub school_name: &'a str,
    pub year_group: YearGroup,
    /// The exhibitors they met, with the benchmark each counts towards.
    pub met: Vec<(&'a str, Benchmark)>,
}

/// A run of per-pupil rows, preceded by the header if `first`. The export
/// is written in such pieces so that it streams.
pub fn pupils_csv_piece(first: bool, rows: &[PupilRow<'_>]) -> Result<Vec<u8>, csv::Error> {
    let cells = rows.iter().map(|row| {
        let with = |benchmark| row.met.iter().filter(|(_, b)| *b == benchmark).count();
        let names: Vec<&str> = row.met.iter().map(|(name, _)| *name).collect();
        vec![
            row.pupil.to_string(),
            Pseudonym::for_pupil(&row.pupil).to_string(),
            row.school.to_string(),
            row.school_name.to_owned(),
            row.year_group.get().to_string(),
            row.met.len().to_string(),
            with(Benchmark::Employers).to_string(),
            with(Benchmark::FurtherAndHigherEducation).to_string(),
            names.join("; "),
        ]
    });
    write_rows(first.then_some(&PUPILS_HEADER[..]), cells)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::{Figure, SchoolTotals};
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

    #[test]
    fn stand_figures_are_one_per_row_with_small_counts_hidden_and_names_neutralised() {
        let figures = StandFigures {
            stand: shared::domain::StandId::parse("acme").expect("id"),
            name: Name::parse("=Acme").expect("name"),
            kind: shared::domain::ExhibitorKind::Employer,
            interactions: Figure::suppressed(12),
            encounters: Figure::suppressed(3),
            visits: Figure::suppressed(9),
            prospectus_downloads: Figure::suppressed(0),
            watched: [7, 5, 2, 1].map(Figure::suppressed),
            questions: Figure::suppressed(6),
        };
        let csv = String::from_utf8(stand_figures_csv(&figures).expect("csv")).expect("utf-8");
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "figure,value");
        assert_eq!(lines[1], "exhibitor_name,'=Acme");
        assert!(lines.contains(&"encounters,fewer than 5"));
        assert!(lines.contains(&"videos_watched_25,7"));
        assert!(lines.contains(&"videos_watched_100,fewer than 5"));
        assert_eq!(lines.last(), Some(&"questions,6"));
        assert_eq!(lines.len(), 12);
    }
}
