//! Charts drawn as SVG, with no chart library: a horizontal bar chart (one
//! labelled bar per row) and a column chart of counts over time. Lengths
//! are in proportion to the largest value; the numbers are in a table
//! beside each chart too, and the chart is a picture of them.

use crate::browser;
use leptos::prelude::*;
use shared::api::HourCount;
use time::{Duration, OffsetDateTime};

/// Height of one bar's row, in the chart's own units.
const ROW: usize = 28;
/// Where bars start (after the labels) and how long the longest is.
const BARS_FROM: f64 = 220.0;
const LONGEST: f64 = 300.0;

#[component]
pub fn BarChart(
    /// Says what the chart shows, for screen readers and as its caption.
    title: String,
    /// Each bar's label and value.
    bars: Vec<(String, u64)>,
) -> impl IntoView {
    let largest = bars
        .iter()
        .map(|(_, value)| *value)
        .max()
        .unwrap_or(0)
        .max(1);
    let height = (bars.len() * ROW).max(ROW);
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let y = i * ROW;
            // Counts are far below 2^52, so the conversion is exact.
            let length = LONGEST * value as f64 / largest as f64;
            view! {
                <g>
                    <text x="0" y=y + 19 class="chart-label">{label}</text>
                    <rect x=BARS_FROM y=y + 4 width=length height="20" class="chart-bar"></rect>
                    <text x=BARS_FROM + length + 6.0 y=y + 19 class="chart-value">{value}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 560 {height}") role="img" aria-label=title.clone()>
                {rows}
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
}

/// Columns shown by the hour up to this many hours; a longer fair is shown
/// by the day, so columns stay wide enough to see.
const MOST_HOURS: i64 = 72;
/// The column chart's plotting area, in its own units.
const PLOT_WIDTH: f64 = 520.0;
const PLOT_HEIGHT: f64 = 160.0;
const AXIS_LEFT: f64 = 40.0;
/// The widest a column gets, so a fair's first hour is not one slab.
const WIDEST_COLUMN: f64 = 40.0;

/// Interactions over time as columns: one per hour from the first hour
/// with any to the last (hours with none included, as gaps), or one per
/// day for a long fair. Times are the reader's own.
#[component]
pub fn TimeChart(
    /// Says what the chart shows, for screen readers and as its caption.
    title: String,
    /// Hours with interactions, earliest first.
    hours: Vec<HourCount>,
) -> impl IntoView {
    let columns = columns(&hours);
    let largest = columns.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let width = (PLOT_WIDTH / columns.len().max(1) as f64).min(WIDEST_COLUMN);
    // About six labels along the bottom, whatever the number of columns.
    let label_every = columns.len().div_ceil(6).max(1);
    let by_day = hours
        .first()
        .zip(hours.last())
        .is_some_and(|(first, last)| {
            (last.starts_at - first.starts_at).whole_hours() >= MOST_HOURS
        });
    let bars = columns
        .into_iter()
        .enumerate()
        .map(|(i, (starts_at, count))| {
            let x = AXIS_LEFT + i as f64 * width;
            let height = PLOT_HEIGHT * count as f64 / largest as f64;
            let label = (i % label_every == 0).then(|| {
                view! {
                    <text x=x y=PLOT_HEIGHT + 18.0 class="chart-label">
                        {browser::format_short(starts_at, !by_day)}
                    </text>
                }
            });
            view! {
                <g>
                    <rect
                        x=x + 1.0
                        y=PLOT_HEIGHT - height
                        width=(width - 2.0).max(1.0)
                        height=height
                        class="chart-bar"
                    >
                        <title>{format!("{}: {count}", browser::format_short(starts_at, !by_day))}</title>
                    </rect>
                    {label}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} {}", AXIS_LEFT + PLOT_WIDTH, PLOT_HEIGHT + 26.0) role="img" aria-label=title.clone()>
                <text x="0" y="14" class="chart-value">{largest}</text>
                <text x="0" y=PLOT_HEIGHT class="chart-value">"0"</text>
                <line x1=AXIS_LEFT y1=PLOT_HEIGHT x2=AXIS_LEFT + PLOT_WIDTH y2=PLOT_HEIGHT class="chart-axis"></line>
                {bars}
            </svg>
            <figcaption>{title}</figcaption>
        </figure>
    }
}

/// Each column's start and count: every hour between the first and the
/// last, or every day when they are [`MOST_HOURS`] or more apart.
fn columns(hours: &[HourCount]) -> Vec<(OffsetDateTime, u64)> {
    let (Some(first), Some(last)) = (hours.first(), hours.last()) else {
        return Vec::new();
    };
    let step = if (last.starts_at - first.starts_at).whole_hours() >= MOST_HOURS {
        Duration::days(1)
    } else {
        Duration::hours(1)
    };
    let mut columns: Vec<(OffsetDateTime, u64)> = Vec::new();
    let mut start = first.starts_at;
    while start <= last.starts_at {
        columns.push((start, 0));
        start += step;
    }
    for hour in hours {
        let index =
            ((hour.starts_at - first.starts_at).whole_seconds() / step.whole_seconds()) as usize;
        if let Some((_, count)) = columns.get_mut(index) {
            *count += hour.interactions;
        }
    }
    columns
}
