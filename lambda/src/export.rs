//! Organisers' exports as tables of cells, written as CSV (UTF-8, RFC 4180
//! quoting by the `csv` crate, every cell a spreadsheet would run as a
//! formula neutralised) or as XLSX (rust_xlsxwriter: counts as numbers,
//! text always as text, never as a formula).

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use shared::api::{ActivityFigures, FairReport, StandFigures};
use shared::domain::{Benchmark, Pseudonym, PupilId, SchoolId, WatchedMark, YearGroup};
use shared::encounter::{Reach, Tally};

/// Prefixes a cell that starts with a formula character with an apostrophe,
/// so spreadsheets show it as text instead of evaluating it.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// One cell of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A count: a number in a spreadsheet, so it can be summed.
    Count(u64),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Text(text) => neutralise(text).into_owned(),
            Cell::Count(n) => n.to_string(),
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

/// A whole export: its column names and rows.
pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn csv(&self) -> Result<Vec<u8>, csv::Error> {
        csv_rows(Some(&self.header), &self.rows)
    }

    /// The table as a workbook of one sheet called `sheet`.
    pub fn xlsx(&self, sheet: &str) -> Result<Vec<u8>, XlsxError> {
        let mut book = XlsxBook::new(sheet, &self.header)?;
        book.add_rows(&self.rows)?;
        book.finish()
    }
}

/// Rows as CSV, after the header if there is one: one piece of a file that
/// may be written (and sent) in several pieces.
pub fn csv_rows(header: Option<&[&str]>, rows: &[Vec<Cell>]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    if let Some(header) = header {
        writer.write_record(header)?;
    }
    for row in rows {
        writer.write_record(row.iter().map(Cell::csv))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// A workbook of one sheet written a few rows at a time. The sheet is kept
/// in a temporary file as it grows (rust_xlsxwriter's constant-memory
/// mode), so a large export does not hold its rows in memory; the finished
/// file is compressed, and is what is held.
pub struct XlsxBook {
    workbook: Workbook,
    sheet: Worksheet,
    next_row: u32,
}

impl XlsxBook {
    pub fn new(name: &str, header: &[&str]) -> Result<Self, XlsxError> {
        let mut workbook = Workbook::new();
        let mut sheet = workbook.new_worksheet_with_constant_memory()?;
        sheet.set_name(name)?;
        let bold = Format::new().set_bold();
        for (col, title) in (0u16..).zip(header) {
            sheet.write_string_with_format(0, col, *title, &bold)?;
        }
        Ok(Self {
            workbook,
            sheet,
            next_row: 1,
        })
    }

    pub fn add_rows(&mut self, rows: &[Vec<Cell>]) -> Result<(), XlsxError> {
        for row in rows {
            for (col, cell) in (0u16..).zip(row) {
                match cell {
                    // A string cell is never read as a formula.
                    Cell::Text(text) => self.sheet.write_string(self.next_row, col, text)?,
                    // Counts stay far below 2^53, where f64 is exact.
                    Cell::Count(n) => self.sheet.write_number(self.next_row, col, *n as f64)?,
                };
            }
            self.next_row += 1;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<Vec<u8>, XlsxError> {
        self.workbook.push_worksheet(self.sheet);
        self.workbook.save_to_buffer()
    }
}

/// The names of the columns [`attendance_cells`] fills.
const ATTENDANCE_HEADER: [&str; 9] = [
    "pupils_joined",
    "pupils_attended",
    "interactions",
    "encounters",
    "encounters_bm5",
    "encounters_bm7",
    "pupils_with_bm5_encounter",
    "pupils_with_bm7_encounter",
    "pupils_with_4_or_more_encounters",
];

fn attendance_cells(pupils_joined: u64, tally: &Tally, reach: &Reach) -> [Cell; 9] {
    [
        pupils_joined,
        tally.pupils_attended,
        tally.interactions,
        tally.encounters,
        tally.encounters_bm5,
        tally.encounters_bm7,
        reach.pupils_with_bm5,
        reach.pupils_with_bm7,
        reach.pupils_at_goal,
    ]
    .map(Cell::Count)
}

pub fn schools_table(report: &FairReport) -> Table {
    let rows = report.schools.iter().map(|school| {
        let mut row = vec![
            school.school.to_string().into(),
            school.name.to_string().into(),
        ];
        row.extend(attendance_cells(
            school.pupils_joined,
            &school.totals,
            &school.reach,
        ));
        row
    });
    Table {
        header: [&["school_id", "school_name"][..], &ATTENDANCE_HEADER].concat(),
        rows: rows.collect(),
    }
}

/// Interaction and encounter totals per exhibitor.
pub fn exhibitors_table(report: &FairReport) -> Table {
    let rows = report.exhibitors.iter().map(|exhibitor| {
        vec![
            exhibitor.stand.to_string().into(),
            exhibitor.name.to_string().into(),
            exhibitor.kind.code().into(),
            exhibitor.kind.benchmark().code().into(),
            Cell::Count(exhibitor.totals.interactions),
            Cell::Count(exhibitor.totals.encounters),
        ]
    });
    Table {
        header: vec![
            "stand_id",
            "exhibitor_name",
            "kind",
            "benchmark",
            "interactions",
            "encounters",
        ],
        rows: rows.collect(),
    }
}

/// An exhibitor's own figures, one per row, as shown on their page
/// (counts under 5 as "fewer than 5").
/// An exhibitor's figures as CSV: a row for all pupils, then one per
/// school and per year group; hidden counts say "fewer than 5".
pub fn stand_figures_csv(figures: &StandFigures) -> Result<Vec<u8>, csv::Error> {
    let mut header: Vec<String> = [
        "group",
        "interactions",
        "pupils_met",
        "visits",
        "prospectus_downloads",
    ]
    .map(String::from)
    .into();
    header.extend(WatchedMark::ALL.map(|mark| format!("videos_watched_{}", mark.percent())));
    header.push("questions".to_owned());
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let row = |group: String, figures: &ActivityFigures| {
        let mut row = vec![
            Cell::Text(group),
            figures.interactions.label().into(),
            figures.encounters.label().into(),
            figures.visits.label().into(),
            figures.prospectus_downloads.label().into(),
        ];
        row.extend(figures.watched.map(|figure| Cell::Text(figure.label())));
        row.push(figures.questions.label().into());
        row
    };
    let mut rows = vec![row("all pupils".to_owned(), &figures.all)];
    for group in figures.by_school.iter().chain(&figures.by_year_group) {
        rows.push(row(group.group.clone(), &group.figures));
    }
    csv_rows(Some(&header), &rows)
}

pub fn year_groups_table(report: &FairReport) -> Table {
    let rows = report.year_groups.iter().map(|year| {
        let mut row = vec![Cell::Count(year.year_group.get().into())];
        row.extend(attendance_cells(
            year.pupils_joined,
            &year.totals,
            &year.reach,
        ));
        row
    });
    Table {
        header: [&["year_group"][..], &ATTENDANCE_HEADER].concat(),
        rows: rows.collect(),
    }
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

/// A pupil's cells in the per-pupil export, in [`PUPILS_HEADER`]'s order.
pub fn pupil_cells(row: &PupilRow<'_>) -> Vec<Cell> {
    let with = |benchmark| row.met.iter().filter(|(_, b)| *b == benchmark).count() as u64;
    let names: Vec<&str> = row.met.iter().map(|(name, _)| *name).collect();
    vec![
        row.pupil.to_string().into(),
        Pseudonym::for_pupil(&row.pupil).to_string().into(),
        row.school.to_string().into(),
        row.school_name.into(),
        Cell::Count(row.year_group.get().into()),
        Cell::Count(row.met.len() as u64),
        Cell::Count(with(Benchmark::Employers)),
        Cell::Count(with(Benchmark::FurtherAndHigherEducation)),
        names.join("; ").into(),
    ]
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
            reach: Reach::default(),
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
                reach: Reach {
                    pupils_with_bm5: 1,
                    pupils_with_bm7: 1,
                    pupils_at_goal: 0,
                },
            }],
            exhibitors: vec![],
            year_groups: vec![],
            interactions_by_hour: vec![],
        };
        let csv = String::from_utf8(schools_table(&report).csv().expect("csv")).expect("utf-8");
        let mut lines = csv.lines();
        assert!(
            lines
                .next()
                .expect("header")
                .starts_with("school_id,school_name")
        );
        assert_eq!(
            lines.next(),
            Some("s1,\"'=Danger, \"\"Quoted\"\" School\",2,1,3,2,1,1,1,1,0")
        );
    }

    #[test]
    fn stand_figures_are_a_row_per_group_with_small_counts_hidden_and_names_neutralised() {
        let activity = shared::encounter::StandActivity {
            visits: 9,
            prospectus_downloads: 0,
            watched: [7, 5, 2, 1],
            questions: 6,
        };
        let figures = StandFigures {
            stand: shared::domain::StandId::parse("acme").expect("id"),
            name: Name::parse("Acme").expect("name"),
            kind: shared::domain::ExhibitorKind::Employer,
            all: ActivityFigures::suppressed(12, 3, &activity),
            by_school: vec![shared::api::GroupFigures {
                group: "=Danger School".to_owned(),
                figures: ActivityFigures::suppressed(12, 3, &activity),
            }],
            by_year_group: vec![shared::api::GroupFigures {
                group: "Year 9".to_owned(),
                figures: ActivityFigures::suppressed(2, 1, &Default::default()),
            }],
        };
        let csv = String::from_utf8(stand_figures_csv(&figures).expect("csv")).expect("utf-8");
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines,
            [
                "group,interactions,pupils_met,visits,prospectus_downloads,videos_watched_25,videos_watched_50,videos_watched_75,videos_watched_100,questions",
                "all pupils,12,fewer than 5,9,fewer than 5,7,5,fewer than 5,fewer than 5,6",
                "'=Danger School,12,fewer than 5,9,fewer than 5,7,5,fewer than 5,fewer than 5,6",
                "Year 9,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5,fewer than 5",
            ]
        );
    }
}
