/// The report's single HTML file: inline CSS, inline SVG, no script and nothing fetched.
///
/// Written as well-formed XML (every element closed, only XML's own entities) so that tests
/// and tools can parse it as XHTML; browsers read it as ordinary HTML5.
enum HTMLPage {
    struct Entry {
        let anchor: String
        let heading: String
        let body: String
    }

    static func render(title: String, subtitle: String, entries: [Entry], footer: String) -> String {
        var html = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(HTMLText.escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>\(HTMLText.escape(title))</h1><p class="subtitle">\(HTMLText.escape(subtitle))</p>
            <nav><ol>
            """
        for entry in entries {
            html += "<li><a href=\"#\(HTMLText.escape(entry.anchor))\">\(HTMLText.escape(entry.heading))</a></li>"
        }
        html += "</ol></nav></header>\n"
        for entry in entries {
            html +=
                "<section id=\"\(HTMLText.escape(entry.anchor))\"><h2>\(HTMLText.escape(entry.heading))</h2>\n\(entry.body)</section>\n"
        }
        return html + "<footer>\(HTMLText.escape(footer))</footer>\n</body>\n</html>\n"
    }

    /// System fonts only: a web font would need the network or a large inline file.
    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",Arial,sans-serif;\
        color:#252525;background:#fff;margin:0 auto;max-width:1040px;padding:12px 24px 40px;line-height:1.4;font-size:15px}\
        h1{font-size:24px;margin:8px 0 2px}h2{font-size:19px;margin:28px 0 8px;padding-top:10px;border-top:2px solid #5b6f8c}\
        h3{font-size:16px;margin:18px 0 6px}.subtitle{color:#525252;margin:0 0 6px}\
        nav ol{margin:4px 0 0;padding-left:20px;color:#525252;font-size:14px}nav a{color:#225ea8}\
        .columns{display:flex;gap:32px;flex-wrap:wrap;align-items:flex-start}\
        table{border-collapse:collapse;font-size:14px;margin:6px 0 10px}caption{text-align:left;font-weight:600;padding:4px 0}\
        th,td{padding:3px 10px 3px 0;border-bottom:1px solid #e0e0e0;text-align:left;vertical-align:top}\
        th{color:#525252;font-weight:600}td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}\
        .key-figure{font-size:17px;margin:6px 0 10px}.key-figure strong{color:#1a1a5e}\
        svg{display:block;max-width:100%;height:auto;font-family:inherit}\
        .legend-title{font-size:15px;font-weight:600;fill:#252525}.legend-label{font-size:13.5px;fill:#252525}\
        .legend-detail{fill:#737373;font-size:12.5px}.legend-note{font-size:12.5px;fill:#525252}\
        .axis{font-size:12.5px;fill:#525252}.axis-title{font-size:13px;fill:#252525}.threshold{font-size:12.5px;fill:#e31a1c}\
        .note{color:#525252;font-size:13.5px;margin:4px 0 8px}details{margin:6px 0 10px;font-size:13.5px}\
        pre{white-space:pre-wrap;word-break:break-all;font-size:12px;background:#f0f0f0;padding:8px}\
        footer{margin-top:30px;color:#737373;font-size:12.5px}
        """
}
