/// A two-column or wider HTML table whose cells are escaped text.
struct HTMLTable {
    var caption: String?
    var header: [String]
    var rows: [[String]]
    /// Columns holding numbers, aligned right.
    var numericColumns: Set<Int> = []

    func html() -> String {
        var html = "<table>"
        if let caption { html += "<caption>\(HTMLText.escape(caption))</caption>" }
        if !header.isEmpty {
            html +=
                "<thead><tr>" + header.enumerated().map { "<th\(alignment($0))>\(HTMLText.escape($1))</th>" }.joined()
                + "</tr></thead>"
        }
        html += "<tbody>"
        for row in rows {
            html +=
                "<tr>" + row.enumerated().map { "<td\(alignment($0))>\(HTMLText.escape($1))</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }

    private func alignment(_ column: Int) -> String { numericColumns.contains(column) ? " class=\"number\"" : "" }
}
