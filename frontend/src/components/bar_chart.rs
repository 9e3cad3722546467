//! A horizontal bar chart drawn as SVG: one labelled bar per row, its
//! length in proportion to the largest value. The numbers are in the
//! table beside it too; the chart is a picture of them.

use leptos::prelude::*;

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
