//! A one-page PDF with a title and a few lines of text, written by hand
//! because the demo only needs a real, openable file and a PDF library
//! would be a large dependency for that.

/// Escapes text for a PDF string literal; non-Latin-1 characters become '?'.
fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '(' | ')' | '\\' => format!("\\{c}"),
            c if c.is_ascii() && !c.is_ascii_control() => c.to_string(),
            _ => "?".to_owned(),
        })
        .collect()
}

/// Wraps text at about `width` characters on spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().map(|l| (l.len(), l));
        match line {
            Some((len, line)) if len == 0 || len + word.len() < width => {
                if len > 0 {
                    line.push(' ');
                }
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

pub fn one_page(title: &str, paragraphs: &[String]) -> Vec<u8> {
    let mut content = format!("BT /F1 20 Tf 56 780 Td ({}) Tj ET\n", escape(title));
    let mut y = 740;
    for line in paragraphs.iter().flat_map(|p| wrap(p, 80)) {
        content.push_str(&format!(
            "BT /F1 12 Tf 56 {y} Td ({}) Tj ET\n",
            escape(&line)
        ));
        y -= 18;
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (number, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", number + 1).as_bytes());
    }
    let xref_at = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pdf_has_a_header_a_cross_reference_table_and_the_text() {
        let pdf = one_page(
            "Acme (UK) prospectus",
            &["Apprenticeships in engineering.".into()],
        );
        let text = String::from_utf8(pdf).expect("ascii");
        assert!(text.starts_with("%PDF-1.4"));
        assert!(text.contains("(Acme \\(UK\\) prospectus) Tj"));
        let xref_at: usize = text
            .lines()
            .rev()
            .nth(1)
            .expect("offset")
            .parse()
            .expect("number");
        assert!(text[xref_at..].starts_with("xref"));
    }

    #[test]
    fn long_text_wraps_on_spaces() {
        let lines = wrap(&"word ".repeat(40), 20);
        assert!(lines.len() > 5 && lines.iter().all(|l| l.len() <= 20));
    }
}
